"""What a claim measures, for matching claims: the holder in brackets is not part of it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.checks.families.shares import share_of_earlier_total
from pipeline.checks.measures import measured
from pipeline.schema import Extraction

from .conftest import make_claim

Factory = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("measure", "expected"),
    [
        ("crime registered (police)", "crime registered"),
        ("people (BMW Group)", "people"),
        ("vehicles (cars and vans) inspected", "vehicles (cars and vans) inspected"),
        (None, ""),
    ],
    ids=["holder", "entity-holder", "inner-brackets-stay", "none"],
)
def test_measured_drops_the_holder(measure: str | None, expected: str) -> None:
    assert measured(make_claim("12 crimes", "12", measure=measure)) == expected


def test_a_holder_does_not_hide_the_total(extraction: Factory) -> None:
    text = "Police registered 12,000 crimes. Police solved 8,000 crimes, or 60% of them."
    claims = [
        ("12,000", 0, {"measure": "crime registered (Police)"}),
        ("8,000", 0, {"measure": "crime solved"}),
        "60%",
    ]
    (finding,) = share_of_earlier_total(extraction(text, claims))
    assert finding.claims == ["c3", "c2", "c1"]
