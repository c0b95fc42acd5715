"""The same figure stated twice in one release must agree."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...schema import Claim, Extraction
from ..arithmetic import READINGS, describe, fmt_range, interval, stated_fits
from ..measures import clause, measure_words
from ..registry import Finding, register_check
from ..text import Sentence, direction, sentences

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
