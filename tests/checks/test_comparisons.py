"""Two levels compared in one sentence against the percent change stated with them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from pipeline.checks.families.comparisons import change_between_levels, compared_levels
from pipeline.schema import DateMention, Extraction

from .conftest import first_claims

Factory = Callable[..., Extraction]

COMPARED = [
    ("Deaths were 1,500 in 2023 compared with 1,200 in 2022, an increase of 25%.", []),
    ("Deaths were 1,500 in 2023 compared with 1,100 in 2022, an increase of 21%.", ["c3"]),
    ("Deaths were 1,100 in 2022 and 1,500 in 2023, an increase of 36.4%.", []),
    ("Deaths rose by 25% to 1,500, compared to 1,200 a year earlier.", []),
    ("Deaths rose by 20% to 1,500, compared to 1,200 a year earlier.", ["c1"]),
    ("Deaths fell by 25% to 1,500, compared to 1,200 a year earlier.", ["c3"]),
    ("In 2023, 1,500 people died, 25% more than the 1,200 of 2022.", []),
    ("In 2023, 1,500 people died, 15% more than the 1,200 of 2022.", ["c2"]),
    ("Sales reached 3.9 million, up 60% on last year's 2.4 million.", []),
    ("Poverty rose to 8.3% in June, 1.4 points above the 6.9% of a year earlier.", []),
    ("Poverty rose to 8.3% in June, 1.9 points above the 6.9% of a year earlier.", ["c2"]),
    ("The rate fell to 5.2%, 0.7 percentage points lower than the 5.8% two years ago.", []),
    ("The rate rose to 5.2%, 0.6 percentage points higher than the 5.8% two years ago.", ["c3"]),
]
POINTS_UP = {"kind": "percentage_point", "change": {"direction": "increase"}}
POINTS_DOWN = {"kind": "percentage_point", "change": {"direction": "decrease"}}
FIGURES = [
    ["1,500", "1,200", "25%"],
    ["1,500", "1,100", "21%"],
    ["1,100", "1,500", "36.4%"],
    ["25%", "1,500", "1,200"],
    ["20%", "1,500", "1,200"],
    ["25%", "1,500", "1,200"],
    ["1,500", "25%", "1,200"],
    ["1,500", "15%", "1,200"],
    [("3.9", 0, {"value": 3_900_000}), "60%", ("2.4", 0, {"value": 2_400_000})],
    ["8.3%", ("1.4", 0, POINTS_UP), "6.9%"],
    ["8.3%", ("1.9", 0, POINTS_UP), "6.9%"],
    ["5.2%", ("0.7 percentage points", 0, POINTS_DOWN), "5.8%"],
    ["5.2%", ("0.6 percentage points", 0, POINTS_UP), "5.8%"],
]


@pytest.mark.parametrize(
    ("text", "flagged", "claims"),
    [(text, flagged, claims) for (text, flagged), claims in zip(COMPARED, FIGURES, strict=True)],
    ids=[
        "compared-holds",
        "compared-fails",
        "years-order",
        "year-earlier-holds",
        "year-earlier-fails",
        "wrong-direction",
        "more-than-holds",
        "more-than-fails",
        "scaled-counts-round",
        "points-hold",
        "points-fail",
        "points-two-years-hold",
        "points-wrong-direction",
    ],
)
def test_compared_levels(
    extraction: Factory, text: str, flagged: list[str], claims: list[str]
) -> None:
    assert first_claims(compared_levels(extraction(text, claims))) == flagged


GREW = "Payroll jobs grew by {change} in the second quarter of 2025. "
LEVELS = (
    "At end-June 2025, {later} payroll jobs were filled, compared with 2,404,100 at end-March 2025."
)


def _dated(
    extraction: Factory, text: str, claims: list[str], periods: dict[str, str]
) -> Extraction:
    """An extraction whose claims point to the dates named in `periods` (surface -> date)."""
    made = extraction(text, claims)
    spans = {
        "the second quarter of 2025": (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
        "end-June 2025": (dt.date(2025, 6, 30), dt.date(2025, 6, 30)),
        "end-March 2025": (dt.date(2025, 3, 31), dt.date(2025, 3, 31)),
    }
    for i, (surface, (first, last)) in enumerate(spans.items(), start=1):
        at = text.index(surface)
        made.dates.append(
            DateMention(
                id=f"d{i}",
                start=at,
                end=at + len(surface),
                text=surface,
                start_date=first,
                end_date=last,
                granularity="day",
            )
        )
    ids = {d.text: d.id for d in made.dates}
    for claim in made.claims:
        if claim.text in periods:
            claim.period = ids[periods[claim.text]]
    return made


@pytest.mark.parametrize(
    ("change", "later", "direction", "flagged"),
    [
        ("12,600", "2,416,700", "increase", []),
        ("2,600", "2,416,700", "increase", ["c1"]),
        ("12,600", "2,391,500", "increase", ["c3"]),
    ],
    ids=["levels-hold", "size-fails", "direction-fails"],
)
def test_change_between_levels(
    extraction: Factory, change: str, later: str, direction: str, flagged: list[str]
) -> None:
    text = GREW.format(change=change) + LEVELS.format(later=later)
    made = _dated(
        extraction,
        text,
        [(change, 0, {"change": {"direction": direction}}), later, "2,404,100"],
        {
            change: "the second quarter of 2025",
            later: "end-June 2025",
            "2,404,100": "end-March 2025",
        },
    )
    assert first_claims(change_between_levels(made)) == flagged


def test_change_of_another_period_is_not_compared(extraction: Factory) -> None:
    text = GREW.format(change="2,600") + LEVELS.format(later="2,416,700")
    made = _dated(
        extraction,
        text,
        [("2,600", 0, {"change": {"direction": "increase"}}), "2,416,700", "2,404,100"],
        {"2,416,700": "end-June 2025", "2,404,100": "end-March 2025"},
    )
    assert not list(change_between_levels(made))
