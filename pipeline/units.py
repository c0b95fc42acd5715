"""The unit lexicon: surface forms → unit name, kind, base unit and factor (data/units.json).

The table is validated on load (unknown fields, unknown kinds and a surface claimed by two
units are errors). `read_after` and `read_before` match the longest surface written right
after or right before a number in a text; `read_local_before` finds a symbol that is the unit
only in some releases ('R' for the rand).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import ErrorCode, PressfactsError
from .schema import Kind

UNITS_PATH = Path(__file__).parent / "data" / "units.json"
# Between a number and a unit: nothing, a space of any width, or a hyphen ("5-kilogram").
_GAP_AFTER = r"[ \u00a0\u2009\u202f]?-?"
_GAP_BEFORE = r"[ \u00a0\u2009\u202f]?"


class Unit(BaseModel):
    """One unit of the lexicon."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="quantulum3's unit name.")
    kind: str = Field(description="The claim kind of a quantity in this unit.")
    base: str | None = Field(description="The normalized unit, or null when there is none.")
    factor: float = Field(gt=0, description="Base units per one of this unit.")
    after: list[str] = Field(default_factory=list, description="Surfaces after the number.")
    before: list[str] = Field(default_factory=list, description="Surfaces before the number.")
    after_cased: list[str] = Field(default_factory=list, description="Exact-case, after.")
    before_cased: list[str] = Field(default_factory=list, description="Exact-case, before.")
    before_local: list[str] = Field(
        default_factory=list,
        description="Exact-case, right before the number, naming this unit only with a scale "
        "word ('R2.4 million') or, in a release about `country`, before thousands groups or "
        "cents ('R12 500', 'R45.50'); alone it may be a road or a symbol ('the R21', 'R 2').",
    )
    country: str | None = Field(default=None, description="Where `before_local` is the unit.")

    @model_validator(mode="after")
    def _local_has_country(self) -> Unit:
        if self.before_local and not self.country:
            raise ValueError(f"{self.name}: before_local needs a country")
        return self

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, kind: str) -> str:
        if kind not in get_args(Kind):
            raise ValueError(f"unknown kind {kind!r}")
        return kind


class Lexicon(BaseModel):
    """The whole units.json file."""

    model_config = ConfigDict(extra="forbid")

    about: str = ""
    units: list[Unit]


@dataclass(frozen=True)
class UnitMatch:
    """A unit surface found in a text, by character offsets."""

    unit: Unit
    start: int
    end: int


class UnitTable:
    """Matchers over the lexicon's surfaces, longest surface first."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = {u.name: u for u in units}
        after: dict[str, Unit] = {}
        before: dict[str, Unit] = {}
        after_cased: dict[str, Unit] = {}
        before_cased: dict[str, Unit] = {}
        self._local: dict[str, Unit] = {}
        for unit in units:
            for table, surfaces, fold in (
                (after, unit.after, True),
                (before, unit.before, True),
                (after_cased, unit.after_cased, False),
                (before_cased, unit.before_cased, False),
                (self._local, unit.before_local, False),
            ):
                for surface in surfaces:
                    key = surface.lower() if fold else surface
                    if key in table and table[key] is not unit:
                        raise ValueError(
                            f"surface {surface!r} of {unit.name} and {table[key].name}"
                        )
                    table[key] = unit
        self._after = (after, after_cased)
        self._before = (before, before_cased)
        self._after_re = re.compile(
            _GAP_AFTER + rf"(?P<u>{_alternation(after)})(?![\w%$€£])", re.IGNORECASE
        )
        self._after_cased_re = re.compile(
            _GAP_AFTER + rf"(?P<u>{_alternation(after_cased)})(?![\w%$€£])"
        )
        self._before_re = re.compile(
            rf"(?<![\w$])(?P<u>{_alternation(before)}){_GAP_BEFORE}$", re.I
        )
        self._before_cased_re = re.compile(
            rf"(?<![\w$])(?P<u>{_alternation(before_cased)}){_GAP_BEFORE}$"
        )
        self._local_re = re.compile(rf"(?<![\w$.])(?P<u>{_alternation(self._local)})$")

    def read_after(self, text: str, pos: int) -> UnitMatch | None:
        """The longest unit written at text[pos:] (after a number), if any."""
        found = []
        for regex, table, fold in (
            (self._after_re, self._after[0], True),
            (self._after_cased_re, self._after[1], False),
        ):
            m = regex.match(text, pos)
            if m:
                surface = m.group("u")
                found.append(UnitMatch(table[surface.lower() if fold else surface], *m.span("u")))
        return max(found, key=lambda u: u.end, default=None)

    def read_before(self, text: str, pos: int) -> UnitMatch | None:
        """The longest unit written just before text[pos] (before a number), if any."""
        window = text[max(0, pos - 12) : pos]
        offset = pos - len(window)
        found = []
        for regex, table, fold in (
            (self._before_re, self._before[0], True),
            (self._before_cased_re, self._before[1], False),
        ):
            m = regex.search(window)
            if m:
                surface = m.group("u")
                unit = table[surface.lower() if fold else surface]
                found.append(UnitMatch(unit, offset + m.start("u"), offset + m.end("u")))
        return min(found, key=lambda u: u.start, default=None)

    def read_local_before(self, text: str, pos: int) -> UnitMatch | None:
        """A `before_local` surface written right before text[pos] ('R' of 'R2.4'), if any;
        the caller decides from the number and the release whether it is the unit."""
        if not self._local:
            return None
        window = text[max(0, pos - 6) : pos]
        m = self._local_re.search(window)
        if m is None:
            return None
        offset = pos - len(window)
        return UnitMatch(self._local[m.group("u")], offset + m.start("u"), offset + m.end("u"))


def _alternation(surfaces: dict[str, Unit]) -> str:
    return "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))


def load_units(path: Path = UNITS_PATH) -> UnitTable:
    """Read and validate a unit lexicon; raise E011 when it is malformed."""
    try:
        lexicon = Lexicon.model_validate(json.loads(path.read_text(encoding="utf-8")))
        return UnitTable(lexicon.units)
    except (OSError, ValueError, ValidationError) as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e


@cache
def default_units() -> UnitTable:
    """The packaged lexicon, loaded once."""
    return load_units()
