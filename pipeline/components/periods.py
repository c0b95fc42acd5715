"""pressfacts_periods: link each quantity to the period it refers to and, for a change, to the
period it is compared against.

A figure belongs to the date written right after it ("27,694 in 2013"), else to the nearest
date of its sentence that is not a comparison, else to the period of an earlier sentence of
the same paragraph, else to the release's reporting period. A comparison date follows a cue:
"compared to the same period of 2023", "than in 2019", "against the same period last year";
weaker cues ("over", "from", "between", "on", "as") mark one only when the date lies before the
period being reported.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import SPANS_DATES, SPANS_QUANTITIES, doc_text

STRONG_CUE = re.compile(
    r"\b(?:compared\s+(?:to|with)|in\s+comparison\s+(?:to|with)|than|against|versus|vs\.?|"
    r"relative\s+to|below|above)\s+"
    r"(?:(?:that|its|the|their)\s+(?:[a-z]+\s+){0,2}(?:of|in)\s+)?(?:(?:in|during|for)\s+)?\Z",
    re.IGNORECASE,
)
WEAK_CUE = re.compile(
    r"\b(?:over|on|as|between|since|from(?:\s+[\d.,]+(?:\s+[a-z]+){0,3})?(?:\s+in)?)\s+\Z",
    re.IGNORECASE,
)
ATTACHED = re.compile(r"\A[^\d;:()]{0,40}?\b(?:in|during|for|over|of)\s+\Z", re.IGNORECASE)
PARAGRAPH = re.compile(r"\n\s*\n")
CUE_WINDOW = 60
Interval = tuple[dt.date, dt.date]


@Language.factory(
    "pressfacts_periods",
    assigns=["span._.pressfacts_quantity"],
    requires=["doc.spans", "doc._.pressfacts_reporting_period"],
)
def make_periods(nlp: Language, name: str) -> PeriodsComponent:
    """Factory of the periods component."""
    return PeriodsComponent()


@dataclass
class _Sentence:
    """A sentence's dates, split by the role their cue gives them."""

    start: int
    end: int
    paragraph: int
    dates: list[Span]
    strong: list[Span]
    weak: list[Span]

    def without(self, *groups: list[Span]) -> list[Span]:
        """The sentence's dates that are in none of the groups."""
        taken = {(d.start_char, d.end_char) for group in groups for d in group}
        return [d for d in self.dates if (d.start_char, d.end_char) not in taken]


class PeriodsComponent:
    """Sets `period` and `compared_to` on every quantity's QuantityInfo."""

    def __call__(self, doc: Doc) -> Doc:
        dates = sorted(doc.spans.get(SPANS_DATES, []), key=lambda s: s.start_char)
        reporting = _reporting_span(doc, dates)
        sentences = _sentences(doc, dates)
        text = doc_text(doc)
        for span in doc.spans.get(SPANS_QUANTITIES, []):
            info = span._.pressfacts_quantity
            if info is None:
                continue
            index = _sentence_index(sentences, span.start_char)
            sentence = sentences[index]
            plain = sentence.without(sentence.strong, sentence.weak)
            # A change is never 'in' its own base: "rose 1% over the previous year".
            attachable = plain if info.change else sentence.without(sentence.strong)
            period = (
                _attached(text, span, attachable)
                or _nearest(span, plain)
                or _carried(sentences, index)
                or reporting
            )
            info.period = period
            if info.change:
                bases = [d for d in sentence.strong + sentence.weak if d is not period]
                info.compared_to = _nearest(span, bases)
        return doc


def _reporting_span(doc: Doc, dates: list[Span]) -> Span | None:
    """The first mention of the reporting period."""
    period = doc._.pressfacts_reporting_period
    if period is None:
        return None
    for span in dates:
        info = span._.pressfacts_date
        if (info.start, info.end) == tuple(period):
            return span
    return None


def _sentences(doc: Doc, dates: list[Span]) -> list[_Sentence]:
    """Sentences with their dates, by role."""
    text = doc_text(doc)
    breaks = [m.start() for m in PARAGRAPH.finditer(text)]
    period: Interval | None = doc._.pressfacts_reporting_period
    sentences = []
    for start, end in _bounds(doc, breaks):
        inside = [d for d in dates if start <= d.start_char < end]
        cue = {id(d): text[max(start, d.start_char - CUE_WINDOW) : d.start_char] for d in inside}
        strong = [d for d in inside if STRONG_CUE.search(cue[id(d)])]
        # A weakly cued date is a base when it ends before the period reported on starts
        # (the reporting period, else the sentence's latest date): "from 75.6 in 2018 to ...".
        latest = max((d._.pressfacts_date.start for d in inside), default=None)
        reference = period[0] if period is not None else latest
        weak = [
            d
            for d in inside
            if d not in strong
            and WEAK_CUE.search(cue[id(d)])
            and reference is not None
            and d._.pressfacts_date.end < reference
        ]
        paragraph = sum(b <= start for b in breaks)
        sentences.append(_Sentence(start, end, paragraph, inside, strong, weak))
    return sentences


def _bounds(doc: Doc, breaks: list[int]) -> list[tuple[int, int]]:
    """Sentence offsets, also cut where a paragraph ends; the whole text without a parser."""
    if doc.has_annotation("SENT_START"):
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        bounds = [(0, len(doc_text(doc)))]
    cut: list[tuple[int, int]] = []
    for start, end in bounds:
        edges = [start, *(b for b in breaks if start < b < end), end]
        cut.extend(pairwise(edges))
    return cut


def _sentence_index(sentences: list[_Sentence], offset: int) -> int:
    for i, sentence in enumerate(sentences):
        if sentence.start <= offset < sentence.end:
            return i
    return len(sentences) - 1


def _attached(text: str, span: Span, dates: list[Span]) -> Span | None:
    """The date written right after the figure: '27,694 in 2013', '7.1 million ... in 2014'."""
    for date in dates:
        if date.start_char >= span.end_char:
            return date if ATTACHED.match(text[span.end_char : date.start_char]) else None
    return None


def _nearest(span: Span, dates: list[Span]) -> Span | None:
    """The date closest to the span; on a tie, the one before it."""
    if not dates:
        return None

    def distance(date: Span) -> tuple[int, int]:
        if date.end_char <= span.start_char:
            return span.start_char - date.end_char, 0
        return date.start_char - span.end_char, 1

    return min(dates, key=distance)


def _carried(sentences: list[_Sentence], index: int) -> Span | None:
    """The period of the closest earlier sentence of the same paragraph that states one."""
    paragraph = sentences[index].paragraph
    for sentence in reversed(sentences[:index]):
        if sentence.paragraph != paragraph:
            return None
        plain = sentence.without(sentence.strong, sentence.weak)
        if plain:
            return plain[-1]
    return None
