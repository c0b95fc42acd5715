"""Corpus checks on series of one measure from one source over the periods of one year."""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence
from itertools import combinations

from ...corpus import Entry, measure_overlap, year_to_date_months
from ..arithmetic import READINGS, Interval, fmt, interval, printed_unit
from ..registry import Finding, register_check

Points = list[tuple[int, "Entry"]]
_MONTH = list(calendar.month_name)
SPIKE_POINTS = 15.0
"""How far (percentage points) implied single-period changes must swing both ways to flag."""


def by_ytd_year(entries: Sequence[Entry]) -> Iterator[tuple[Hashable, Entry]]:
    """Groups of the series checks: the year-to-date entries of each source and year."""
    for entry in entries:
        ytd = year_to_date_months(entry.period)
        if entry.source is not None and ytd is not None:
            yield (entry.source, ytd[0]), entry


def _ytd_groups(
    entries: Sequence[Entry], kinds: tuple[str, ...]
) -> dict[tuple[str, int], dict[str, Points]]:
    """Year-to-date entries of the given kinds: (source, year) -> release -> [(months, entry)]."""
    groups: dict[tuple[str, int], dict[str, Points]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        ytd = year_to_date_months(entry.period)
        if entry.source is None or ytd is None or entry.claim.kind not in kinds:
            continue
        if kinds != ("percent",) and (entry.direction or not entry.own_period):
            continue
        groups[(entry.source, ytd[0])][entry.release].append((ytd[1], entry))
    return groups


def _best(entry: Entry, candidates: Points) -> tuple[int, Entry] | None:
    """The unique candidate that measures the same thing as `entry`, or None.

    A change (with a direction) only matches a change, a level only a level.
    """
    scored = [
        (overlap, (m, c))
        for m, c in candidates
        if (c.direction is None) == (entry.direction is None)
        and (overlap := measure_overlap(entry.measure, c.measure)) is not None
    ]
    scored.sort(key=lambda s: -s[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


class _Matches:
    """Best matches between the releases of one group, each found once: the series checks
    ask for the same entry and release many times (every triple of releases)."""

    def __init__(self, group: dict[str, Points]) -> None:
        self.group = group
        self._found: dict[tuple[int, str], tuple[int, Entry] | None] = {}

    def best(self, entry: Entry, release: str) -> tuple[int, Entry] | None:
        """_best of the entry among the points of a release."""
        key = (id(entry), release)
        if key not in self._found:
            self._found[key] = _best(entry, self.group[release])
        return self._found[key]

    def mutual(self, a: Entry, a_release: str, b_release: str) -> tuple[int, Entry] | None:
        """The entry of b_release that `a` (of a_release) best matches and that best matches
        `a` back."""
        found = self.best(a, b_release)
        if found is None:
            return None
        back = self.best(found[1], a_release)
        return found if back is not None and back[1] is a else None


def _signed(entry: Entry) -> Interval:
    """The stated change in percent, signed, under rounding or truncation of its magnitude."""
    claim = entry.claim
    magnitude = interval(claim, exact_counts=False)
    magnitude = Interval(magnitude.low, max(magnitude.high, claim.value + printed_unit(claim)))
    return -magnitude if entry.direction == "decrease" else magnitude


def _implied(m1: int, a: Interval, m2: int, b: Interval) -> Interval:
    """The change over months m1+1..m2 implied by cumulative changes a (m1) and b (m2)."""
    return (b.scale(m2) - a.scale(m1)).scale(1 / (m2 - m1))


@register_check("ytd_change_series.v1", scope="corpus", severity="warning", group_by=by_ytd_year)
def ytd_change_series(entries: Sequence[Entry]) -> Iterator[Finding]:
    """Year-to-date percent changes must not imply a single-period spike that reverses at once.

    For one measure and source over year-to-date periods m1 < m2 < m3 of one year, the change
    implied for months m1+1..m2 (equal months: (m2·c2 − m1·c1)/(m2 − m1)) and for m2+1..m3 must
    not both depart from the smooth m1..m3 change by more than 15 points in opposite directions
    under every rounding or truncation of the stated figures.
    """
    for group in _ytd_groups(entries, ("percent",)).values():
        matches = _Matches(group)
        releases = sorted(group, key=lambda r: max(m for m, _ in group[r]))
        for r1, r2, r3 in combinations(releases, 3):
            for m1, a in group[r1]:
                if a.direction is None:
                    continue
                found_b = matches.mutual(a, r1, r2)
                found_c = found_b and matches.mutual(found_b[1], r2, r3)
                if not found_b or not found_c or matches.mutual(a, r1, r3) != found_c:
                    continue
                (m2, b), (m3, c) = found_b, found_c
                if not m1 < m2 < m3 or _skips(matches, releases, (r1, r2, r3), a):
                    continue
                yield from _spike((m1, a), (m2, b), (m3, c))


def _skips(matches: _Matches, releases: list[str], chosen: tuple[str, str, str], a: Entry) -> bool:
    """True when a release between the chosen ones also reports the measure."""
    first, last = releases.index(chosen[0]), releases.index(chosen[2])
    between = [r for r in releases[first + 1 : last] if r not in chosen]
    return any(matches.mutual(a, chosen[0], r) for r in between)


def _spike(*points: tuple[int, Entry]) -> Iterator[Finding]:
    (m1, a), (m2, b), (m3, c) = points
    ca, cb, cc = _signed(a), _signed(b), _signed(c)
    first, second, smooth = (
        _implied(m1, ca, m2, cb),
        _implied(m2, cb, m3, cc),
        _implied(m1, ca, m3, cc),
    )
    up = (first - smooth).low >= SPIKE_POINTS and (smooth - second).low >= SPIKE_POINTS
    down = (smooth - first).low >= SPIKE_POINTS and (second - smooth).low >= SPIKE_POINTS
    if not (up or down):
        return
    mid = [(x.low + x.high) / 2 for x in (first, second, smooth)]
    expected = (ca.scale(m1) + smooth.scale(m2 - m1)).scale(1 / m2)
    yield Finding(
        claims=[(e.release, e.claim.id) for e in (a, b, c)],
        message=(
            f"Year-to-date changes {_pct(a)} ({m1} months), {_pct(b)} ({m2}) and {_pct(c)} ({m3}) "
            f"imply about {fmt(mid[0], 1)}% for {_months(m1, m2)} and {fmt(mid[1], 1)}% for "
            f"{_months(m2, m3)}, against {fmt(mid[2], 1)}% for {_months(m1, m3)} taken together: "
            f"the {m2}-month figure is implausible."
        ),
        stated=b.claim.value if b.direction == "increase" else -b.claim.value,
        expected=(expected.low, expected.high),
        readings=[*READINGS, "equal months"],
    )


def _pct(entry: Entry) -> str:
    sign = "−" if entry.direction == "decrease" else "+"
    return f"{sign}{fmt(entry.claim.value, 2)}%"


def _months(after: int, until: int) -> str:
    return f"month {until}" if until == after + 1 else f"months {after + 1}–{until}"


@register_check("ytd_totals.v1", scope="corpus", severity="error", group_by=by_ytd_year)
def ytd_totals(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A total since 1 January cannot fall later in the year, nor exceed the full-year total.

    For one measure and source, the level stated for January–m1 must not exceed the level for
    January–m2 (m1 < m2 ≤ 12) of the same year, under every reading of the printed figures.
    """
    for group in _ytd_groups(entries, ("count", "mass", "money", "volume")).values():
        matches = _Matches(group)
        for r1, r2 in combinations(sorted(group), 2):
            for m1, a in group[r1]:
                found = matches.mutual(a, r1, r2)
                if found is None or found[0] == m1:
                    continue
                (early, x), (late, y) = sorted([(m1, a), found], key=lambda p: p[0])
                low, high = interval(x.claim), interval(y.claim)
                if low.low <= high.high:
                    continue
                yield Finding(
                    claims=[(x.release, x.claim.id), (y.release, y.claim.id)],
                    message=(
                        f"{x.claim.text} for January–{_MONTH[early]} ({x.release}) exceeds "
                        f"{y.claim.text} for January–{_MONTH[late]} ({y.release}); a total since "
                        "the start of the year cannot fall."
                    ),
                    stated=y.claim.value,
                    expected=(low.low, float("inf")),
                    readings=READINGS,
                )
