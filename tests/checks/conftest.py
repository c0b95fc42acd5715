"""Hand-made extractions for check tests: claims are found in the text by their surface."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

import pytest

from pipeline.checks.registry import Finding
from pipeline.schema import Claim, Entity, Extraction, Interval, Mention, Normalized, Release

_NUMBER = re.compile(r"[\d.,]+|[A-Za-z]+")


def make_claim(text: str, surface: str, nth: int = 0, cid: str = "c1", **fields: Any) -> Claim:
    """A claim for the nth occurrence of `surface` in `text`; kind, value, qualifier inferred."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    printed = _NUMBER.match(surface)
    assert printed is not None
    value_text = printed.group()
    words = {"five": 5, "six": 6, "three": 3, "two": 2, "one": 1}
    value = fields.pop("value", None) or words.get(value_text.lower())
    value = value or float(value_text.replace(",", ""))
    percent = "%" in surface or "percent" in surface
    kind = fields.pop("kind", "percent" if percent else "count")
    return Claim(
        id=cid,
        start=start,
        end=start + len(surface),
        text=surface,
        value=value,
        value_text=value_text,
        unit="percent" if percent else None,
        kind=kind,
        normalized=Normalized(value=value, unit="percent" if percent else None),
        component="test",
        **fields,
    )


def make_extraction(
    text: str,
    claims: list[str | tuple[str, int] | tuple[str, int, dict[str, Any]]],
    *,
    release_id: str = "r1",
    period: tuple[dt.date, dt.date] | None = None,
    place: str | None = None,
) -> Extraction:
    """An extraction of `text` with claims c1, c2, ... at surfaces (surface, nth, fields)."""
    made = []
    for i, spec in enumerate(claims, start=1):
        surface, nth, fields = (spec, 0, {}) if isinstance(spec, str) else (*spec, {})[:3]
        made.append(make_claim(text, surface, nth, cid=f"c{i}", **dict(fields)))
    entities = []
    if place:
        at = text.index(place)
        mention = Mention(start=at, end=at + len(place), text=place)
        entities.append(Entity(id="e1", label="GPE", name=place, mentions=[mention]))
    return Extraction(
        pressfacts_version="test",
        model="test",
        release=Release(
            id=release_id,
            source=f"{release_id}.txt",
            format="txt",
            title=text.split("\n")[0],
            reporting_period=Interval(start=period[0], end=period[1]) if period else None,
            text_sha256="0" * 64,
            text=text,
        ),
        entities=entities,
        claims=sorted(made, key=lambda c: c.start),
    )


@pytest.fixture
def extraction() -> Callable[..., Extraction]:
    """The factory: extraction(text, ['15', ('5', 1), ...])."""
    return make_extraction


def first_claims(findings: Iterable[Finding]) -> list[str]:
    """The first claim of each finding, after checking that each explains its arithmetic."""
    found = list(findings)
    for finding in found:
        assert finding.message and finding.readings
    return [f.claims[0] for f in found]
