"""The cross-release index: each claim with its source, period and measure, for corpus checks.

A release's source is its main place (the most mentioned country or region) or, failing that,
its issuer; its period is the claim's own period, else the release's reporting period, else a
period read from the title and lead ('for 7 months of 2020', 'January-June 2020', '2021').
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .checks.measures import clause, measure_words
from .checks.text import direction, sentences
from .schema import Claim, Extraction

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_NUMBERS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()  # noqa: SIM905
    )
}
_N_MONTHS = re.compile(r"\b(\d{1,2}|[a-z]+) months of (\d{4})", re.IGNORECASE)
_JAN_TO = re.compile(r"\bJanuary\s*[-–—]\s*([A-Z][a-z]+),?\s+(\d{4})")
_PART = re.compile(r"\b(first quarter|first half|Q1|H1) (?:of )?(\d{4})", re.IGNORECASE)
_OTHER_TIME = re.compile(
    r"\b(?:(?:19|20)\d\d|ago|last year|previous|earlier|same period|compared|than)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_ALIASES = {
    "russian federation": "russia",
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "england": "england and wales",
    "wales": "england and wales",
}


@dataclass(frozen=True)
class Entry:
    """One claim in the index."""

    release: str
    claim: Claim
    source: str | None
    period: tuple[dt.date, dt.date] | None
    measure: frozenset[str]
    direction: str | None
    own_period: bool
    """The period is the claim's own, or its sentence names no other time."""


def index(extractions: Sequence[Extraction]) -> Iterator[Entry]:
    """Every claim of every release, with what the corpus checks compare it by."""
    for extraction in extractions:
        source = source_of(extraction)
        release_period = reporting_period(extraction)
        dates = {d.id: (d.start_date, d.end_date) for d in extraction.dates}
        for sentence in sentences(extraction):
            for claim in sentence.claims:
                word = claim.change.direction if claim.change else None
                yield Entry(
                    release=extraction.release.id,
                    claim=claim,
                    source=source,
                    period=dates.get(claim.period or "", release_period),
                    own_period=claim.period in dates or not _OTHER_TIME.search(sentence.text),
                    measure=measure_words(sentence, claim),
                    direction=word
                    or direction(clause(sentence, claim))
                    or direction(sentence.template),
                )


def source_of(extraction: Extraction) -> str | None:
    """The release's main place (most mentioned GPE, canonical), else its issuer."""
    counts: Counter[str] = Counter()
    for entity in extraction.entities:
        if entity.label == "GPE":
            name = re.sub(r"^the\s+", "", entity.name.lower())
            counts[_ALIASES.get(name, name)] += len(entity.mentions)
    if counts:
        return counts.most_common(1)[0][0]
    issuer = extraction.release.issuer
    return issuer.lower() if issuer else None


def reporting_period(extraction: Extraction) -> tuple[dt.date, dt.date] | None:
    """The period the release reports on: from the release, else from its title and lead."""
    period = extraction.release.reporting_period
    if period is not None:
        return period.start, period.end
    lead = f"{extraction.release.title or ''}\n{extraction.release.text[:600]}"
    for match in _N_MONTHS.finditer(lead):
        months = _NUMBERS.get(match.group(1).lower()) or _int(match.group(1))
        if months and 1 <= months <= 12:
            return _year_to(int(match.group(2)), months)
    if (jan := _JAN_TO.search(lead)) and (month := _MONTHS.get(jan.group(1).lower())):
        return _year_to(int(jan.group(2)), month)
    if part := _PART.search(lead):
        months = 3 if part.group(1).lower() in ("first quarter", "q1") else 6
        return _year_to(int(part.group(2)), months)
    if extraction.release.title and (year := _YEAR.search(extraction.release.title)):
        return _year_to(int(year.group(1)), 12)
    return None


def _int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _year_to(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def year_to_date_months(period: tuple[dt.date, dt.date] | None) -> tuple[int, int] | None:
    """(year, months) for a period from 1 January to the end of a month of the same year."""
    if period is None:
        return None
    start, end = period
    last_day = calendar.monthrange(end.year, end.month)[1]
    if (start.month, start.day) != (1, 1) or start.year != end.year or end.day != last_day:
        return None
    return start.year, end.month


def same_measure(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two measures match when they share most words: over half of all, 3/4 of the smaller."""
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.75 and len(a & b) / len(a | b) > 0.5
