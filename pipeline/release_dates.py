"""The release's own date and reporting period, read from its head as a reader would.

The head is the title and the first sentences. The reporting period is the first period the
title states ("Crime in January-June 2020"), else the latest one the lead states. The release
date is a dateline ("14.02.2019" on its own line, "Ganja, 12 July 2023", "Release date: 27 April
2017", "Oct. 17 (UPI) --"); else a sentence saying when the release came out ("The data were
published by the Ministry on 16 October 2023", a lead's "the Minister released the figures on
Friday, 17 May 2024"); else the day a lead sentence opens with ("On January 18, the Ministry
held ..."), which dates the release only by inference.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .date_grammar import DateExpr
from .date_resolve import DateContext, Interval, resolve

PERIOD_KINDS = frozenset(
    {
        "year",
        "bare_year",
        "month",
        "bare_month",
        "month_range",
        "months_of",
        "bare_months",
        "quarter",
        "half",
        "year_ending",
        "fiscal_year",
        "split_year",
        "year_range",
        "day_range",
        "fiscal_quarter",
        "fiscal_half",
        "days_to",
        "days_from",
        "months_to",
    }
)
DAY_KINDS = frozenset({"day", "slashed_day"})
DATELINE_LABEL = re.compile(
    r"\s*(?:(?:release\s+|publication\s+)?date(?:\s+of\s+(?:publication|release))?|published|"
    r"posted|issued|released|(?:last\s+)?updated)"
    r"(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
DATELINE_PLACE = re.compile(r"\s*[A-Z][\w.'’ ]{0,80}?\s*(?:,|[–—|-])\s*")
DATELINE_END = re.compile(r"[ \t]*(?:$|[.,;|(]|--|[–—-]\s|\d{1,2}[:.]\d\d)", re.MULTILINE)
# A dateline place may stand before it: "HARRISBURG, PA - On March 9, ...".
LEAD_ON = re.compile(
    r"(?:\A|[.!?]\s+|\n)[ \t]*(?:[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z.]+)?\s*[-–—:]+\s*)?On\s+\Z"
)
STATED_ON = re.compile(
    r"(?:\A|[.!?]\s+|\n)[ \t]*(?:This|The)\s+(?:press\s+)?"
    r"(?:release|data|information|statement|figures)\s+(?:was|were|is|are|has\s+been|have\s+been)\s+"
    r"(?:published|released|issued|posted)\b[^.!?\n]{0,100}\bon\s+\Z"
)
# The lead says the release came out that day: "..., released the figures in Pretoria on
# Friday, 17 May 2024", "The minister said on 3 March ...".
ANNOUNCED_ON = re.compile(
    r"\b(?:released|announced|published|presented|issued|unveiled|launched|made\s+public|"
    r"said|stated|told)\b[^.!?\n]{0,150}\bon\s+\Z",
    re.IGNORECASE,
)
NOT_YET = re.compile(r"\b(?:will|shall|next|scheduled|due|to\s+be)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Head:
    """Offsets of the release's head: where the body starts, the title ends, the head ends."""

    body_start: int
    title_end: int
    end: int
    sentence_ends: tuple[int, ...] = ()

    def holds(self, expr: DateExpr) -> bool:
        """Whether the expression starts within the head."""
        return self.body_start <= expr.start < self.end

    def sentence(self, expr: DateExpr) -> int:
        """Which sentence of the head the expression is in (0 for the first)."""
        return sum(end <= expr.start for end in self.sentence_ends)


def reporting_period(exprs: Sequence[DateExpr], head: Head, ctx: DateContext) -> Interval | None:
    """The first period the title states, else the latest of the lead's first dated sentence.

    A lead compares the period it reports on with earlier ones ("rose from 75.6 in 2018 to
    79.5 in 2019"), so the latest period that sentence names is the one reported on.
    """
    periods = [e for e in exprs if e.kind in PERIOD_KINDS and head.holds(e)]
    for expr in periods:
        if expr.start < head.title_end and (info := resolve(expr, ctx)) is not None:
            return info.start, info.end
    resolved = [(head.sentence(e), info) for e in periods if (info := resolve(e, ctx))]
    if not resolved:
        return None
    first = min(sentence for sentence, _ in resolved)
    latest = max((info for sentence, info in resolved if sentence == first), key=lambda i: i.end)
    return latest.start, latest.end


def release_date(
    text: str, exprs: Sequence[DateExpr], head: Head, ctx: DateContext
) -> tuple[dt.date, str] | None:
    """(date, basis) from a dateline or a sentence stating it, else a lead 'On <day>', or None."""
    days = [e for e in exprs if e.kind in DAY_KINDS]
    checks = (
        ("dateline", lambda e: (head.holds(e) or _signs_off(text, e)) and _is_dateline(text, e)),
        ("stated", lambda e: _states_release(text, e)),
        ("stated", lambda e: head.holds(e) and _announces(text, e)),
        ("inferred", lambda e: head.holds(e) and _opens_sentence(text, e)),
    )
    for basis, accept in checks:
        for expr in days:
            if accept(expr):
                info = resolve(expr, ctx)
                if info is not None:
                    return info.start, basis
    return None


def _is_dateline(text: str, expr: DateExpr) -> bool:
    """A day alone on its line, after a label or a place, before punctuation or an agency."""
    prefix = text[text.rfind("\n", 0, expr.start) + 1 : expr.start]
    shaped = not prefix.strip() or any(
        p.fullmatch(prefix) for p in (DATELINE_LABEL, DATELINE_PLACE)
    )
    return shaped and DATELINE_END.match(text, expr.end) is not None


def _opens_sentence(text: str, expr: DateExpr) -> bool:
    """'On January 18, ...' at the start of a sentence."""
    return LEAD_ON.search(text[max(0, expr.start - 200) : expr.start]) is not None


def _states_release(text: str, expr: DateExpr) -> bool:
    """'The data were published by the Ministry on 16 October 2023.'"""
    return STATED_ON.search(text[max(0, expr.start - 200) : expr.start]) is not None


def _announces(text: str, expr: DateExpr) -> bool:
    """'The minister released the figures on Friday, 17 May 2024': a verb of publishing, then
    'on' the day, in one sentence that tells no future ('will be published on ...')."""
    before = text[max(0, expr.start - 200) : expr.start]
    sentence = re.split(r"[.!?\n]", before)[-1]
    return ANNOUNCED_ON.search(before) is not None and NOT_YET.search(sentence) is None


def _signs_off(text: str, expr: DateExpr) -> bool:
    """A date closing the release: 'Press service of the Ministry, 14.03.2022'."""
    return not text[expr.end :].strip(" \t\n.")
