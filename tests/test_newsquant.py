"""NewsQuant scoring reads units and ranges as the shared newsquant_score.py does."""

from __future__ import annotations

import pytest

from pipeline.newsquant import unit_matches, value_matches
from pipeline.schema import Claim, Normalized, NumberRange


def _claim(
    value: float,
    *,
    unit: str | None = None,
    base: str | None = None,
    kind: str = "count",
    measure: str | None = None,
    bounds: tuple[float, float] | None = None,
) -> Claim:
    return Claim(
        id="c1",
        start=0,
        end=1,
        text="x",
        value=value,
        value_text="x",
        unit=unit,
        kind=kind,
        normalized=Normalized(value=value, unit=base),
        measure=measure,
        range=NumberRange(low=bounds[0], high=bounds[1]) if bounds else None,
        component="test",
    )


# gold normalized_unit, claim, expected
UNITS = [
    ("percentage", _claim(5, unit="percent", base="percent", kind="percent"), True),
    ("count", _claim(3), True),
    ("count", _claim(3, unit="times", kind="ratio"), True),
    ("-", _claim(3, unit="kilogram", base="kilogram", kind="mass"), False),
    ("tonne", _claim(3, unit="ton", base="kilogram", kind="mass"), False),
    ("share", _claim(3, measure="share (Lyft)"), True),
    ("digital physical sale", _claim(3, measure="digital and physical sales"), False),
    ("euro", _claim(3, unit="EUR", base="EUR", kind="money"), True),
]  # fmt: skip


@pytest.mark.parametrize(("gold", "claim", "expected"), UNITS, ids=[u[0] for u in UNITS])
def test_unit_is_read_as_the_shared_scorer_reads_it(
    gold: str, claim: Claim, expected: bool
) -> None:
    assert unit_matches(claim, {"normalized_unit": gold}) is expected


@pytest.mark.parametrize(
    ("gold", "claim", "expected"),
    [
        ("10.0-20.0", _claim(10, bounds=(10, 20)), True),
        ("10.0-20.0", _claim(10, bounds=(10, 30)), False),
        ("10.0-20.0", _claim(15), True),
        ("10.0-20.0", _claim(20), True),
        ("10.0-20.0", _claim(12), False),
        ("1.99E-29", _claim(1.99e-29), True),
    ],
    ids=["same ends", "other end", "middle", "upper end", "inside", "exponent"],
)
def test_value_matches_a_range_by_its_ends_or_middle(
    gold: str, claim: Claim, expected: bool
) -> None:
    assert value_matches(claim, gold) is expected
