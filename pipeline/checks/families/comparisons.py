"""Two levels of one measure compared in a sentence, with the stated size of the change.

'1,500 deaths in 2023 compared with 1,100 in 2022, an increase of 21%', 'rose by 21% to 1,500,
compared to 1,100 a year earlier', '1,500 people died, 21% more than the 1,100 of 2022', 'rose
to 11.6%, 1.6 percentage points higher than the 10.0% of a year earlier': the sentence states
two levels of the same kind, exactly one of them marked as the earlier one ('from', 'than',
'compared with', 'against', 'a year earlier', the earlier of two years), and one change: a
percent between amounts, or percentage points between two percents; the levels' measures, when
extracted, share a concept. Sentences the fixed patterns of changes.py read are left to those
checks. A change stated for a period is also checked against two levels stated elsewhere at
its first and its last day ('grew by 3,800 in the first quarter' against '3,941,200 at
end-March, compared with 3,927,400 at end-December').
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ...schema import Claim, Extraction
from ..measures import claim_concepts, concepts, content_words, measured
from ..registry import Finding, register_check
from ..text import Sentence, direction, is_change, is_year_like, placeholders, sentences
from .changes import (
    PERCENTS,
    absolute_finding,
    direction_finding,
    percent_finding,
    read_by_patterns,
)

_EARLIER_BEFORE = re.compile(
    r"\b(?:from|than|compared (?:with|to)|against|versus|vs\.?|on)\s+"
    r"(?:the\s+|a total of\s+)?(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
_EARLIER_AFTER = re.compile(
    r"^\s*(?:[a-z]+\s+){0,3}?(?:(?:a|one|\d+|[a-z]+) (?:years?|months?|quarters?|weeks?) "
    r"(?:earlier|ago|before)|last year|the (?:previous|prior) "
    r"year|(?:in|during|for) the (?:same|previous|prior|corresponding) (?:period|year|quarter|"
    r"month|half))",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,3}?(?:in|during|for|of)\s+(\d{4})\b", re.IGNORECASE)


@register_check("compared_levels.v1", severity="error")
def compared_levels(extraction: Extraction) -> Iterator[Finding]:
    """Two levels compared in one sentence must fit the one change stated with them.

    A sentence with exactly one change (a percent, or percentage points) and exactly two
    other figures of one kind and measure (amounts, or percents for points), exactly one of
    them marked as the earlier: the direction word must match the sign of later − earlier, and
    the change must fit (later − earlier) / earlier, or later − earlier in points, under
    rounding or truncation.
    """
    for sentence in sentences(extraction):
        if read_by_patterns(sentence.template):
            continue
        figures = [c for c in sentence.claims if not is_year_like(c)]
        changes = [c for c in figures if is_change(sentence, c)]
        if len(changes) != 1 or changes[0].range is not None:
            continue
        change = changes[0]
        if change.kind not in PERCENTS:
            continue
        points = change.kind == "percentage_point"
        levels = [c for c in figures if c is not change and (c.kind == "percent") == points]
        if len(levels) != 2 or levels[0].kind != levels[1].kind:
            continue
        if not _same_measure(*levels):
            continue
        ordered = _earlier_first(sentence, levels[0], levels[1])
        if ordered is None:
            continue
        before, after = ordered
        yield from direction_finding(before, after, direction(sentence.template))
        if points:
            yield from absolute_finding(change, before, after)
        else:
            yield from percent_finding(change, before, after, rates=False)


def _same_measure(a: Claim, b: Claim) -> bool:
    """False only when both levels have extracted measures that share no concept."""
    if not (measured(a) and measured(b)):
        return True
    return bool(concepts(content_words(measured(a))) & concepts(content_words(measured(b))))


def _earlier_first(sentence: Sentence, a: Claim, b: Claim) -> tuple[Claim, Claim] | None:
    """(earlier, later) when exactly one of the two levels is marked as the earlier one."""
    marks = [_marked_earlier(sentence, c) for c in (a, b)]
    if marks.count(True) == 1:
        return (a, b) if marks[0] else (b, a)
    year_a, year_b = _year_after(sentence, a), _year_after(sentence, b)
    if year_a is not None and year_b is not None and year_a != year_b:
        return (a, b) if year_a < year_b else (b, a)
    return None


def _around(sentence: Sentence, claim: Claim) -> tuple[str, str]:
    """The template before and after the claim's placeholder."""
    mark = f"{{{sentence.position(claim)}}}"
    at = sentence.template.index(mark)
    return sentence.template[:at], sentence.template[at + len(mark) :]


def _marked_earlier(sentence: Sentence, claim: Claim) -> bool:
    before, after = _around(sentence, claim)
    return bool(_EARLIER_BEFORE.search(before) or _EARLIER_AFTER.match(after))


def _year_after(sentence: Sentence, claim: Claim) -> int | None:
    _, after = _around(sentence, claim)
    found = _YEAR_AFTER.match(after)
    if found is None or list(placeholders(after[: found.end()])):
        return None
    return int(found.group(1))


@register_check("change_between_levels.v1", severity="warning")
def change_between_levels(extraction: Extraction) -> Iterator[Finding]:
    """A change stated for a period must match two levels of its measure stated at its ends.

    A sentence with exactly two levels of one kind, each dated to a day ('at end-March 2024',
    'at end-December 2023'), and exactly one absolute change in the release whose own period
    runs from the day after the earlier level to the day of the later one and whose measure
    shares a concept with the levels': the direction must match the sign of later − earlier,
    and the size must be later − earlier under rounding.
    """
    days = {d.id: d.start_date for d in extraction.dates if d.start_date == d.end_date}
    spans = {d.id: (d.start_date, d.end_date) for d in extraction.dates}
    units = sentences(extraction)
    for sentence in units:
        dated = [c for c in sentence.claims if c.period in days and not is_change(sentence, c)]
        if len(dated) != 2 or dated[0].kind != dated[1].kind or dated[0].kind in PERCENTS:
            continue
        before, after = sorted(dated, key=lambda c: days[c.period or ""])
        first, last = days[before.period or ""], days[after.period or ""]
        if first == last:
            continue
        measure = claim_concepts(sentence, before) | claim_concepts(sentence, after)
        changes = [
            (c, c.change.direction)
            for unit in units
            for c in unit.claims
            if c.kind == before.kind
            and c.change is not None
            and spans.get(c.period or "") == (first + dt.timedelta(days=1), last)
            and claim_concepts(unit, c) & measure
        ]
        if len(changes) != 1:
            continue
        ((change, word),) = changes
        yield from direction_finding(before, after, word)
        yield from absolute_finding(change, before, after)
