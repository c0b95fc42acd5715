"""Corpus checks on one period reported by two releases."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.checks.families.revisions import earlier_change, revised_level
from pipeline.corpus import index, source_of
from pipeline.schema import DateMention, Entity, Extraction, Mention

from .conftest import make_extraction


def _nine_months(year: int, body: str, claims: list[str]) -> Extraction:
    return make_extraction(
        f"Crime in Ruritania, January-September {year}\n\n{body}",
        claims,
        release_id=f"r{year}",
        period=(dt.date(year, 1, 1), dt.date(year, 9, 30)),
        place="Ruritania",
    )


@pytest.mark.parametrize(
    ("change", "flagged"), [("2,432", False), ("1,932", True)], ids=["holds", "fails"]
)
def test_earlier_change(change: str, flagged: bool) -> None:
    releases = [
        _nine_months(2023, "The police registered 42,316 crimes.", ["42,316"]),
        _nine_months(
            2024,
            f"The police registered 39,884 crimes, {change} fewer than in the same period of 2023.",
            ["39,884", change],
        ),
    ]
    findings = list(earlier_change(list(index(releases))))
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].claims == [("r2024", "c1"), ("r2024", "c2"), ("r2023", "c1")]
        assert findings[0].expected == (41816, 41816)


def test_earlier_change_percent() -> None:
    """1.8% fewer than 43,092 fits 42,316 under rounding; 5% fewer does not."""
    base = _nine_months(2022, "The police registered 43,092 crimes.", ["43,092"])
    text = "The police registered 42,316 crimes, {} percent fewer than a year earlier."
    holds = _nine_months(2023, text.format("1.8"), ["42,316", "1.8 percent"])
    fails = _nine_months(2023, text.format("5.0"), ["42,316", "5.0 percent"])
    assert not list(earlier_change(list(index([base, holds]))))
    assert list(earlier_change(list(index([base, fails]))))


def test_earlier_change_needs_the_same_measure() -> None:
    releases = [
        _nine_months(2023, "The police solved 27,905 crimes.", ["27,905"]),
        _nine_months(
            2024,
            "39,884 thefts were registered, 1,932 fewer than a year earlier.",
            ["39,884", "1,932"],
        ),
    ]
    assert not list(earlier_change(list(index(releases))))


def _annual(year: int, body: str, claims: list[str], dated: bool = False) -> Extraction:
    made = make_extraction(
        f"Ruritania: results of {year}\n\n{body}",
        claims,
        release_id=f"r{year}",
        period=(dt.date(year, 1, 1), dt.date(year, 12, 31)),
        place="Ruritania",
    )
    if not dated:
        return made
    at = made.release.text.index("2022", len(f"Ruritania: results of {year}"))
    date = DateMention(
        id="d1",
        start=at,
        end=at + 4,
        text="2022",
        start_date=dt.date(2022, 1, 1),
        end_date=dt.date(2022, 12, 31),
        granularity="year",
    )
    claim = made.claims[-1].model_copy(update={"period": "d1"})
    return made.model_copy(update={"dates": [date], "claims": [*made.claims[:-1], claim]})


@pytest.mark.parametrize(
    ("restated", "flagged"), [("496", False), ("503", True)], ids=["same", "revised"]
)
def test_revised_level(restated: str, flagged: bool) -> None:
    releases = [
        _annual(2022, "In road accidents, 496 people were killed.", ["496"]),
        _annual(
            2023,
            f"Road deaths fell to 471, while in 2022 {restated} people were killed on the roads.",
            ["471", restated],
            dated=True,
        ),
    ]
    findings = list(revised_level(list(index(releases))))
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].claims == [("r2022", "c1"), ("r2023", "c2")]


@pytest.mark.parametrize(
    ("body", "surface", "own"),
    [
        ("In 2023, 56,870 crimes were registered.", "56,870", True),
        ("Road deaths fell to 471 from 503 in 2022.", "503", False),
        ("Road deaths fell to 471 from 503 in 2022.", "471", True),
        ("61 people died in 2022; 159 people died this year.", "61", False),
        ("61 people died in 2022; 159 people died this year.", "159", True),
    ],
    ids=["own-year", "after-from", "before-from", "other-year", "other-clause"],
)
def test_own_period(body: str, surface: str, own: bool) -> None:
    made = _annual(2023, body, [surface])
    (entry,) = index([made])
    assert entry.own_period is own


def test_source_is_the_country_not_the_dateline_city() -> None:
    text = "Tbilisi, 9 August 2024\n\nIn Tbilisi and across Georgia, 318 people died."
    made = make_extraction(text, ["318"], place="Georgia")
    at = text.index("Tbilisi")
    city = Entity(
        id="e2",
        label="GPE",
        name="Tbilisi",
        mentions=[
            Mention(start=at, end=at + 7, text="Tbilisi"),
            Mention(
                start=text.index("Tbilisi", at + 1),
                end=text.index("Tbilisi", at + 1) + 7,
                text="Tbilisi",
            ),
        ],
    )
    made.entities.append(city)
    assert source_of(made) == "georgia"
