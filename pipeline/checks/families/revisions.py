"""Corpus checks on one period reported by two releases: a later release must not contradict
the figure the period's own release gave, whether it restates the level or implies it through
a stated change ('9,412, 832 fewer than in the same period of 2023' implies 10,244 for 2023).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Hashable, Iterator, Sequence

from ...corpus import Entry, same_measure
from ...schema import Claim
from ..arithmetic import READINGS, Interval, describe, fmt_range, interval, printed_unit
from ..registry import Finding, register_check
from ..text import CLAUSE_BREAK, is_change, is_part, is_year_like, placeholders

Period = tuple[dt.date, dt.date]
AMOUNTS = ("count", "mass", "money", "volume")
_YEAR_AGO = re.compile(
    r"\b(?:same (?:period|months?|quarter|weeks?|half)|last year|previous year|a year earlier|"
    r"year before|a year ago|than in|compared (?:to|with))\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_TO_LEVEL = re.compile(r"^[^.;{]{0,40}?\b(?:to|amounted to|totall?ed|reached)\s+\{(\d+)\}", re.I)


def _year_back(period: Period) -> Period | None:
    """The same period one year earlier (29 February becomes 28 February)."""
    start, end = period
    try:
        return start.replace(year=start.year - 1), end.replace(year=end.year - 1)
    except ValueError:
        return start.replace(year=start.year - 1), end.replace(year=end.year - 1, day=28)


def earlier_period(entry: Entry) -> Period | None:
    """The period a change is measured against: the extraction's, else a year back when the
    sentence says so ('the same period of 2023', 'than in 2023', 'a year earlier')."""
    if entry.compared_to is not None:
        return entry.compared_to
    if entry.period is None or not _YEAR_AGO.search(entry.sentence.text):
        return None
    back = _year_back(entry.period)
    years = {int(y) for y in _YEAR.findall(entry.sentence.text)} - {entry.period[1].year}
    return back if back and years <= {back[1].year} else None


def level_of(entry: Entry) -> Claim | None:
    """The level a stated change leads to: 'to V' right after it, else the last amount before
    it in its clause that is not itself a change."""
    sentence, claim = entry.sentence, entry.claim
    mark = f"{{{sentence.position(claim)}}}"
    at = sentence.template.index(mark)
    if after := _TO_LEVEL.match(sentence.template[at + len(mark) :]):
        found = sentence.claims[int(after.group(1))]
        return found if found.kind in AMOUNTS and not is_change(sentence, found) else None
    clause_start = max(
        (m.end() for m in CLAUSE_BREAK.finditer(sentence.template, 0, at)), default=0
    )
    before = [sentence.claims[i] for i in placeholders(sentence.template[clause_start:at])]
    levels = [
        c
        for c in before
        if c.kind in AMOUNTS
        and not is_year_like(c)
        and not is_change(sentence, c)
        and (claim.kind not in AMOUNTS or c.kind == claim.kind)
    ]
    return levels[-1] if levels else None


def levels_by_period(entries: Sequence[Entry]) -> dict[tuple[str, Period], list[Entry]]:
    """Levels stated for their own period, not as parts: (source, period) -> entries."""
    found: dict[tuple[str, Period], list[Entry]] = defaultdict(list)
    for entry in entries:
        if not (entry.source and entry.period and entry.own_period) or entry.direction:
            continue
        if entry.claim.kind not in AMOUNTS or is_year_like(entry.claim):
            continue
        if not is_part(entry.sentence, entry.claim):
            found[(entry.source, entry.period)].append(entry)
    return found


def by_level_period(entries: Sequence[Entry]) -> Iterator[tuple[Hashable, Entry]]:
    """Groups of revised_level: the levels of each source and period."""
    for key, found in levels_by_period(entries).items():
        yield from ((key, e) for e in found)


def by_earlier_period(entries: Sequence[Entry]) -> Iterator[tuple[Hashable, Entry]]:
    """Groups of earlier_change, one per source and period: its levels, and each change
    measured against it, with the level it leads to and that level's peers in the release."""
    levels = levels_by_period(entries)
    for key, found in levels.items():
        yield from ((key, e) for e in found)
    by_claim = {(e.release, e.claim.id): e for e in entries}
    for entry in entries:
        if entry.direction is None or entry.source is None:
            continue
        before, level = earlier_period(entry), level_of(entry)
        stated = by_claim.get((entry.release, level.id)) if level else None
        if before is None or stated is None:
            continue
        key = (entry.source, before)
        yield from ((key, e) for e in (entry, stated))
        yield from ((key, e) for e in levels.get((entry.source, stated.period or before), []))


def best_match(measure: frozenset[str], candidates: list[Entry]) -> Entry | None:
    """The candidate that measures the same thing, best by shared concepts; of equally good
    ones that state the same value (a headline and its body), the first.

    Related measures share most concepts (same_measure) or one holds the other with at most
    one concept more ('crimes' and 'crimes registered in the country').
    """
    scored = sorted(
        (
            (len(measure & c.measure) / len(measure | c.measure), i)
            for i, c in enumerate(candidates)
            if _related(measure, c.measure)
        ),
        reverse=True,
    )
    if not scored:
        return None
    best = [candidates[i] for score, i in scored if score == scored[0][0]]
    first = min(best, key=lambda c: c.claim.start)
    return first if all(_amount(c.claim).overlaps(_amount(first.claim)) for c in best) else None


def _related(a: frozenset[str], b: frozenset[str]) -> bool:
    if same_measure(a, b):
        return True
    return bool(a and b) and (a <= b or b <= a) and len(a ^ b) <= 1


def _implied(change: Entry, level: Claim) -> Interval | None:
    """The earlier value a change and the level it leads to imply, under every reading."""
    after, claim = _amount(level), _positive(change.claim)
    if claim.kind in AMOUNTS:
        size = _amount(claim)
        return after + size if change.direction == "decrease" else after - size
    if claim.kind != "percent":
        return None
    size = interval(claim, exact_counts=False)
    size = Interval(max(size.low, 0), max(size.high, claim.value + printed_unit(claim)))
    sign = -1 if change.direction == "decrease" else 1
    factors = sorted(1 + sign * p / 100 for p in (size.low, size.high))
    if factors[0] <= 0:
        return None
    return after.divide(Interval(*factors))


def _positive(claim: Claim) -> Claim:
    """The size of a change stated with a sign ('-637') as a positive figure."""
    if claim.value >= 0:
        return claim
    normalized = claim.normalized.model_copy(update={"value": -claim.normalized.value})
    return claim.model_copy(update={"value": -claim.value, "normalized": normalized})


def _amount(claim: Claim, exact_counts: bool = True) -> Interval:
    """The claim's interval in base units."""
    factor = claim.normalized.value / claim.value if claim.value else 1.0
    return interval(claim, exact_counts=exact_counts).scale(factor)


@register_check("earlier_change.v1", scope="corpus", severity="warning", group_by=by_earlier_period)
def earlier_change(entries: Sequence[Entry]) -> Iterator[Finding]:
    """A change stated against an earlier period must fit that period's own release.

    A level V with its change D (or P%) against an earlier period implies the earlier value
    V ∓ D (or V / (1 ± P%)); the level of the same measure (each the other's best match) in
    the release of the same source that reports that period must lie in that interval.
    """
    if all(e.direction is None or e.source is None for e in entries):
        return  # a group of levels that no change is measured against
    levels = levels_by_period(entries)
    by_claim = {(e.release, e.claim.id): e for e in entries}
    for entry in entries:
        if entry.direction is None or entry.source is None:
            continue
        before, level = earlier_period(entry), level_of(entry)
        if before is None or level is None:
            continue
        implied = _implied(entry, level)
        stated = by_claim[(entry.release, level.id)]
        candidates = [
            e for e in levels.get((entry.source, before), []) if e.release != entry.release
        ]
        match = best_match(stated.measure or entry.measure, candidates) if implied else None
        if match is None or implied is None or _amount(match.claim).overlaps(implied):
            continue
        peers = levels.get((entry.source, stated.period or before), [])
        if best_match(match.measure, [e for e in peers if e.release == entry.release]) != stated:
            continue
        yield Finding(
            claims=[
                (entry.release, level.id),
                (entry.release, entry.claim.id),
                (match.release, match.claim.id),
            ],
            message=(
                f"{level.text} with a change of {describe(entry.claim)} implies "
                f"{fmt_range(implied, 0)} for the earlier period, but {match.release} reports "
                f"{match.claim.text} for it."
            ),
            stated=match.claim.normalized.value,
            expected=(implied.low, implied.high),
            readings=READINGS,
        )


@register_check("revised_level.v1", scope="corpus", severity="warning", group_by=by_level_period)
def revised_level(entries: Sequence[Entry]) -> Iterator[Finding]:
    """One measure, source and period stated with two values in two releases (a revision?).

    Levels stated for their own period match across releases when each is the other's best
    match by measure; each later release must fit the first one under rounding. Comparing with
    the first release only keeps the findings linear in the number of releases.
    """
    for group in levels_by_period(entries).values():
        r1, *later = sorted({e.release for e in group})
        for r2 in later:
            first = [e for e in group if e.release == r1]
            second = [e for e in group if e.release == r2]
            for a in first:
                b = best_match(a.measure, second)
                if b is None or best_match(b.measure, first) is not a:
                    continue
                if _amount(a.claim, exact_counts=False).overlaps(_amount(b.claim, False)):
                    continue
                yield Finding(
                    claims=[(a.release, a.claim.id), (b.release, b.claim.id)],
                    message=(
                        f"{a.release} states {describe(a.claim)} and {b.release} states "
                        f"{describe(b.claim)} for the same measure and period: a revision?"
                    ),
                    stated=b.claim.normalized.value,
                    expected=(_amount(a.claim).low, _amount(a.claim).high),
                    readings=READINGS,
                )
