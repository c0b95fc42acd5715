"""Intervals from printed precision, hedges and readings."""

from __future__ import annotations

import math

import pytest

from pipeline.checks.arithmetic import Interval, interval, percent_change, stated_fits

from .conftest import make_claim


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("257 facts", "257", 257, 257),
        ("8.1% up", "8.1%", 8.05, 8.15),
        ("about 27,700 more", "27,700", 27_600, 27_800),
        ("nearly 27 percent", "27 percent", 26, 27.5),
        ("over 2.2 million", "2.2", 2.15, math.inf),
    ],
    ids=["exact-count", "percent", "about", "nearly", "over"],
)
def test_interval(text: str, surface: str, low: float, high: float) -> None:
    qualifier = {"about": "about", "nearly": "nearly", "over": "more_than"}.get(text.split()[0])
    claim = make_claim(text, surface, qualifier=qualifier)
    span = interval(claim, exact_counts=True)
    assert span.low == pytest.approx(low)
    assert span.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("stated", "low", "high", "fits"),
    [
        ("5%", 5.16, 5.16, True),
        ("3%", 3.7, 4.1, True),
        ("22 percent", 21.29, 21.29, False),
        ("61.5%", 66.6, 66.7, False),
    ],
    ids=["rounded", "truncated", "neither", "far"],
)
def test_stated_fits(stated: str, low: float, high: float, fits: bool) -> None:
    claim = make_claim(stated, stated)
    assert stated_fits(claim, Interval(low, high)) is fits


def test_percent_change_of_intervals() -> None:
    change = percent_change(Interval(14.5, 15.5), Interval(4.5, 5.5))
    assert change is not None
    assert change.low == pytest.approx(-70.97, abs=0.01)
    assert change.high == pytest.approx(-62.07, abs=0.01)


def test_scaled_count_is_rounded() -> None:
    claim = make_claim("3.9 million headsets", "3.9 million", value=3_900_000)
    span = interval(claim, exact_counts=True)
    assert (span.low, span.high) == pytest.approx((3_850_000, 3_950_000))
