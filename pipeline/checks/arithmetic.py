"""Interval arithmetic over printed figures: what a number may stand for, and what fits it.

A printed figure stands for the interval its precision implies ("257" -> [256.5, 257.5],
"8.1" -> [8.05, 8.15]); a hedge widens or opens it ("over 2.2 million" has no upper end).
A stated result fits a computed interval when some reading allows it: rounding (half-up or
half-down: the closed rounding interval covers both) or truncation (toward zero).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..schema import Claim

EPS = 1e-9
ROUNDING = "rounded (half-up or half-down)"
TRUNCATION = "truncated"
READINGS = [ROUNDING, TRUNCATION]
_THOUSANDS_POINT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_NON_DIGIT = re.compile(r"\D")


@dataclass(frozen=True)
class Interval:
    """A closed interval of reals; either end may be infinite."""

    low: float
    high: float

    @classmethod
    def point(cls, value: float) -> Interval:
        """The interval holding one exact value."""
        return cls(value, value)

    def __contains__(self, value: float) -> bool:
        return self.low - EPS <= value <= self.high + EPS

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share a point (with a small float tolerance)."""
        return self.low <= other.high + EPS and other.low <= self.high + EPS

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def scale(self, factor: float) -> Interval:
        """The interval multiplied by a constant."""
        ends = (self.low * factor, self.high * factor)
        return Interval(min(ends), max(ends))

    def divide(self, other: Interval) -> Interval | None:
        """self / other, or None when other may be zero or is unbounded."""
        if other.low <= 0 <= other.high or math.isinf(other.low) or math.isinf(other.high):
            return None
        ends = [a / b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(ends), max(ends))

    @property
    def bounded(self) -> bool:
        """Both ends are finite."""
        return not (math.isinf(self.low) or math.isinf(self.high))


def printed_unit(claim: Claim) -> float:
    """The place value of the last printed digit: '257' -> 1, '8.1' -> 0.1, '1.9 million' -> 1e5.

    Word numbers ('five') and numbers without digits count as exact integers (unit 1).
    """
    digits = _NON_DIGIT.sub("", claim.value_text.split("e")[0])
    if not digits or int(digits) == 0:
        return 1.0
    return abs(claim.value) / int(digits)


def _significant_unit(claim: Claim) -> float:
    """The place value of the last non-zero digit: '30' -> 10, '27,700' -> 100."""
    unit = printed_unit(claim)
    digits = _NON_DIGIT.sub("", claim.value_text)
    stripped = digits.rstrip("0")
    if stripped and "." not in claim.value_text:
        unit *= 10 ** (len(digits) - len(stripped))
    return unit


def interval(claim: Claim, *, exact_counts: bool = True) -> Interval:
    """The interval a claim's stated value stands for, given its precision and hedge.

    Unhedged counts printed to the unit are exact when `exact_counts` ('3.9 million' is not:
    it stands for 3,850,000-3,950,000); any other figure is the rounding
    interval of its last digit. 'about' allows one unit of the last non-zero digit either
    way; 'nearly' one unit below; 'over'/'at least' open the top, 'under'/'at most' the bottom.
    """
    value = claim.value
    unit = printed_unit(claim)
    half = 0.0 if (exact_counts and claim.kind == "count" and unit == 1) else unit / 2
    if claim.qualifier is None:
        return Interval(value - half, value + half)
    loose = _significant_unit(claim)
    if claim.qualifier == "about":
        return Interval(value - loose, value + loose)
    if claim.qualifier == "nearly":
        return Interval(value - loose, value + unit / 2)
    if claim.qualifier in ("more_than", "at_least"):
        return Interval(value - unit / 2, math.inf)
    return Interval(-math.inf, value + unit / 2)


def alternative_values(claim: Claim) -> list[float]:
    """Other values the printed number may stand for: '54.981' may be 54,981 (thousands point)."""
    if _THOUSANDS_POINT.match(claim.value_text) and claim.value < 1000:
        return [float(claim.value_text.replace(".", ""))]
    return []


def stated_fits(claim: Claim, computed: Interval) -> bool:
    """Can the stated figure be a rounding or truncation of some value in `computed`?

    Truncation toward zero maps [v, v + unit) to v; a hedge widens the stated interval.
    """
    stated = interval(claim, exact_counts=False)
    unit = printed_unit(claim)
    truncated = Interval(claim.value, claim.value + unit) if claim.value >= 0 else None
    if stated.overlaps(computed):
        return True
    return claim.qualifier is None and truncated is not None and truncated.overlaps(computed)


def percent_change(before: Interval, after: Interval) -> Interval | None:
    """The relative change from `before` to `after`, in percent (None if before may be 0)."""
    ratio = after.divide(before)
    if ratio is None or before.low < 0:
        return None
    return Interval((ratio.low - 1) * 100, (ratio.high - 1) * 100)


def fmt(value: float, digits: int = 1) -> str:
    """A number for a message: thousands separators, trailing zeros dropped."""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if abs(value - round(value)) < 1e-9 and abs(value) >= 1:
        return f"{round(value):,}"
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_range(span: Interval, digits: int = 1) -> str:
    """An interval for a message: '66.6–66.7', or one number when both ends print the same."""
    low, high = fmt(span.low, digits), fmt(span.high, digits)
    return low if low == high else f"{low}–{high}"


_HEDGE_WORDS = {
    "more_than": "over",
    "less_than": "under",
    "about": "about",
    "nearly": "nearly",
    "at_least": "at least",
    "at_most": "at most",
}


def describe(claim: Claim) -> str:
    """A claim as a message quotes it: its hedge, its text, and '%' for percentages."""
    text = claim.text
    if claim.kind == "percent" and not re.search(r"%|per ?cent", text, re.IGNORECASE):
        text += "%"
    hedge = _HEDGE_WORDS.get(claim.qualifier or "")
    return f"{hedge} {text}" if hedge and not text.lower().startswith(hedge) else text
