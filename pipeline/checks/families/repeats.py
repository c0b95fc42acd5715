"""The same figure stated twice in one release must agree.

A change restated 'in total' must match the change stated for the category; a level stated in
the headline must match the level the body states for the same measure and period.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...schema import Claim, Extraction
from ..arithmetic import READINGS, describe, fmt_range, interval, stated_fits
from ..measures import claim_concepts, clause, measure_words
from ..registry import Finding, register_check
from ..text import Sentence, direction, is_change, is_year_like, sentences

_TOTAL = re.compile(r"\b(?:in total|overall|as a whole|in all|total)\b", re.IGNORECASE)
_SUBSET = re.compile(r"\b(?:including|of which|among (?:them|these)|of them)\b", re.IGNORECASE)
_EDITION = re.compile(
    r"\b(?:preliminary|provisional|revised|initial(?:ly)?|earlier (?:report|estimate)|"
    r"had shown|first estimate)\b",
    re.IGNORECASE,
)
NEAR = 2
"""How many sentences apart a total and its restatement may be."""


@register_check("restated_change.v1", severity="warning")
def restated_change(extraction: Extraction) -> Iterator[Finding]:
    """A change stated for a category and restated for the category 'in total' must agree.

    A percent change whose clause marks a total ('accidents in total by 23.07%') restates the
    change of the least-qualified mention of the same category nearby ('Road accidents were down
    by 33%'): same direction, its words plus at most one, not a subset ('including'), not from
    another edition ('preliminary'). The two must fit each other under rounding or truncation.
    """
    items = [
        (s, c, measure_words(s, c), direction(clause(s, c)) or direction(s.template))
        for s in sentences(extraction)
        if not _EDITION.search(s.text)
        for c in s.claims
        if c.kind == "percent"
    ]
    for sentence, total, words, word in items:
        if not words or word is None or not _TOTAL.search(clause(sentence, total)):
            continue
        candidates = [
            (len(w - words), s, c)
            for s, c, w, d in items
            if d == word
            and s.index != sentence.index
            and abs(s.index - sentence.index) <= NEAR
            and words < w
            and len(w - words) <= 1
            and not _SUBSET.search(clause(s, c))
            and not _TOTAL.search(clause(s, c))
        ]
        if len(candidates) != 1:
            continue
        yield from _compare(candidates[0][1:], (sentence, total))


def _compare(first: tuple[Sentence, Claim], second: tuple[Sentence, Claim]) -> Iterator[Finding]:
    (_, a), (_, b) = first, second
    if stated_fits(a, interval(b, exact_counts=False)) or stated_fits(
        b, interval(a, exact_counts=False)
    ):
        return
    span = interval(b, exact_counts=False)
    yield Finding(
        claims=[a.id, b.id],
        message=(
            f"The same change is stated as {describe(a)} and, in total, as {describe(b)}; "
            f"they differ under every rounding ({fmt_range(span, 3)}%)."
        ),
        stated=a.value,
        expected=(span.low, span.high),
        readings=READINGS,
    )


_OTHER_TIME = re.compile(
    r"\b(?:ago|last year|previous|a year earlier|year before|same (?:period|month|quarter)|"
    r"compared|than|from|quarter|month|week|half)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_END = re.compile(r"[.!?][\"')”]?\s*$")
LEVELS = ("count", "mass", "money", "volume", "rate", "percent")


def headline_end(text: str) -> int:
    """Where the headline block ends: the start of the first line that reads as a sentence."""
    at = 0
    for line in text.splitlines(keepends=True):
        if line.strip() and (_SENTENCE_END.search(line.strip()) or len(line) > 160):
            return at
        at += len(line)
    return at


def _period(extraction: Extraction, sentence: Sentence, claim: Claim) -> object:
    """The claim's period: its own date, else the release's when its clause names no other time.

    None when the clause names another time, which makes the claim incomparable.
    """
    dates = {d.id: (d.start_date, d.end_date) for d in extraction.dates}
    if claim.period in dates:
        return dates[claim.period]
    words = clause(sentence, claim)
    period = extraction.release.reporting_period
    years = {int(y) for y in _YEAR.findall(words)}
    if _OTHER_TIME.search(words) or (period and years - {period.end.year}):
        return None
    return (period.start, period.end) if period else "release"


@register_check("restated_level.v1", severity="error")
def restated_level(extraction: Extraction) -> Iterator[Finding]:
    """A level stated in the headline must equal the body's level for that measure and period.

    A headline figure (not a change) and the one body figure of the same kind, period and
    measure (the concepts of one contain the other's, or they share most: 'road deaths' and
    'people died in road accidents') must fit each other under rounding; when several body
    figures match, one of them must.
    """
    end = headline_end(extraction.release.text)
    units = sentences(extraction)
    items = [
        (s, c, claim_concepts(s, c), _period(extraction, s, c))
        for s in units
        for c in s.claims
        if c.kind in LEVELS
        and not is_year_like(c)
        and not is_change(s, c)
        and not _SUBSET.search(clause(s, c))
        and direction(clause(s, c)) is None
    ]
    for _, head, words, period in items:
        if head.start >= end or not words or period is None:
            continue
        matches = [
            c
            for s, c, w, p in items
            if c.start >= end
            and c.kind == head.kind
            and p == period
            and w
            and (words <= w or w <= words)
        ]
        agree = [c for c in matches if _agree(head, c)]
        if len(matches) != 1 or agree:
            continue
        body = matches[0]
        span = interval(body, exact_counts=False)
        yield Finding(
            claims=[head.id, body.id],
            message=(
                f"The headline states {describe(head)} but the body states {describe(body)} "
                f"for the same measure and period ({', '.join(sorted(words))})."
            ),
            stated=head.value,
            expected=(span.low, span.high),
            readings=READINGS,
        )


def same_concepts(a: frozenset[str], b: frozenset[str]) -> bool:
    """One set of concepts holds the other, or they share two or more and half of all."""
    shared = a & b
    if not shared:
        return False
    return shared in (a, b) or (len(shared) >= 2 and len(shared) * 2 >= len(a | b))


def _agree(a: Claim, b: Claim) -> bool:
    """Can the two figures be the same value, one a rounding of the other?"""
    return stated_fits(a, interval(b, exact_counts=False)) or stated_fits(
        b, interval(a, exact_counts=False)
    )
