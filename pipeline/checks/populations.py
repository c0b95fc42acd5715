"""The population reference table (data/populations.tsv): people per area and year.

Rows are `area, year, population, basis, source`, tab-separated, after `#` comments and one
header line. The table is validated on load; a malformed row raises E011.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ErrorCode, PressfactsError
from .arithmetic import Interval

POPULATIONS_PATH = Path(__file__).resolve().parent.parent / "data" / "populations.tsv"
HEADER = ["area", "year", "population", "basis", "source"]
_ALIASES = {
    "russian federation": "russia",
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "united states of america": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "great britain": "united kingdom",
    "britain": "united kingdom",
    "england & wales": "england and wales",
    "kyrgyz republic": "kyrgyzstan",
}
_STATE_FORM = re.compile(r"^(?:the\s+)?(?:republic\s+of\s+)?(?:the\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Population:
    """One row of the table."""

    area: str
    year: int
    population: int
    basis: str
    source: str


def area_key(name: str) -> str:
    """A place name as the table spells it, lower-cased: 'the Republic of Moldova' -> 'moldova'."""
    key = _STATE_FORM.sub("", name.strip()).lower()
    return _ALIASES.get(key, key)


@lru_cache(maxsize=4)
def load_populations(path: Path = POPULATIONS_PATH) -> dict[str, tuple[Population, ...]]:
    """The table by area key; raise E011 when the file is unreadable or a row is malformed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e
    rows: dict[str, list[Population]] = {}
    body = [(n, line) for n, line in enumerate(lines, start=1) if line and line[0] != "#"]
    if not body or body[0][1].split("\t") != HEADER:
        raise PressfactsError(ErrorCode.E011, path=path, detail=f"header must be {HEADER}")
    for number, line in body[1:]:
        row = _row(line)
        if row is None:
            raise PressfactsError(ErrorCode.E011, path=path, detail=f"line {number}: {line!r}")
        rows.setdefault(area_key(row.area), []).append(row)
    return {area: tuple(found) for area, found in rows.items()}


def _row(line: str) -> Population | None:
    """A parsed row, or None when a cell is missing, not a number or out of range."""
    cells = line.split("\t")
    if len(cells) != len(HEADER) or not all(c.strip() for c in cells):
        return None
    area, year, population, basis, source = (c.strip() for c in cells)
    if not (year.isdigit() and population.isdigit()):
        return None
    if not (1900 <= int(year) <= 2100 and int(population) > 0):
        return None
    return Population(area, int(year), int(population), basis, source)


def population_range(area: str, years: range) -> tuple[Interval, list[Population]] | None:
    """The least and greatest population of the area over the years, with the rows used."""
    rows = [r for r in load_populations().get(area_key(area), ()) if r.year in years]
    if not rows:
        return None
    sizes = [r.population for r in rows]
    return Interval(min(sizes), max(sizes)), rows
