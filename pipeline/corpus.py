"""The cross-release index: each claim with its source, period and measure, for corpus checks.

A release's source is its main place (the most mentioned country or region) or, failing that,
its issuer; its period is the claim's own period (claims[].period), else the release's reporting
period (release.reporting_period), and only when both are empty a period read from the title
and lead ('for 7 months of 2020', 'January-June 2020', '2021'). A claim's measure is the set of
concepts of its extracted measure and its clause ('road deaths' = 'people died on the roads'),
without the names of the release's places.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from .checks.measures import claim_concepts, clause, content_words
from .checks.text import Sentence, direction, is_change, sentences
from .components.entities import load_countries
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
    r"\b(?:ago|last year|previous|earlier|same period|compared|than|from|against|versus)\b",
    re.IGNORECASE,
)
_RATIOS = ("percent", "percentage_point")
_REGION = re.compile(r"\b(?:region|oblast|province|krai|county|district|governorate)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_PLACE_PREFIX = re.compile(r"^(?:the\s+)?(?:republic\s+of\s+)?")
_ALIASES = {
    "russian federation": "russia",
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "uk": "united kingdom",
    "england": "england and wales",
    "wales": "england and wales",
    "england and wales": "england and wales",
}


Period = tuple[dt.date, dt.date]
DateSpan = tuple[dt.date, dt.date, int]
"""A date mention: first day, last day, offset in the text."""


@dataclass(frozen=True)
class Entry:
    """One claim in the index."""

    release: str
    claim: Claim
    source: str | None
    period: tuple[dt.date, dt.date] | None
    measure: frozenset[str]
    direction: str | None
    """The direction of the change the claim states; None for a level."""
    own_period: bool
    """The period is the claim's own, or its clause names no other time."""
    sentence: Sentence
    """The sentence the claim is stated in."""
    compared_to: tuple[dt.date, dt.date] | None
    """For a change: the period it is measured against, when the extraction resolved it."""


def index(extractions: Iterable[Extraction]) -> Iterator[Entry]:
    """Every claim of every release, with what the corpus checks compare it by.

    Extractions are read one at a time, so a corpus loaded lazily from disk never has to be
    in memory at once: the entries keep only the claims and their sentences.
    """
    for extraction in extractions:
        source = source_of(extraction)
        places = frozenset(
            w for e in extraction.entities if e.label == "GPE" for w in content_words(e.name)
        )
        release_period = reporting_period(extraction)
        dates = {d.id: (d.start_date, d.end_date) for d in extraction.dates}
        spans = {d.id: (d.start_date, d.end_date, d.start) for d in extraction.dates}
        for sentence in sentences(extraction):
            for claim in sentence.claims:
                period = dates.get(claim.period or "", release_period)
                word: str | None = claim.change.direction if claim.change else None
                if word is None and claim.text.lstrip()[:1] in ("+", "-", "−"):
                    word = "increase" if claim.text.lstrip()[0] == "+" else "decrease"
                if word is None and (claim.kind in _RATIOS or is_change(sentence, claim)):
                    word = direction(clause(sentence, claim)) or direction(sentence.template)
                yield Entry(
                    release=extraction.release.id,
                    claim=claim,
                    source=source,
                    period=period,
                    own_period=claim.period in dates or _own_period(sentence, claim, period, spans),
                    measure=claim_concepts(sentence, claim) - places,
                    direction=word,
                    sentence=sentence,
                    compared_to=dates.get(claim.change.compared_to or "") if claim.change else None,
                )


def _own_period(
    sentence: Sentence, claim: Claim, period: Period | None, dates: dict[str, DateSpan]
) -> bool:
    """Is the claim stated for the period, not another one?

    Within its part of the sentence (between semicolons) the claim must not follow a
    comparison ('than', 'compared with', 'from', 'a year earlier'), and no date or year before
    the comparison or the next comma may name another period ('in the second quarter').
    """
    offset = claim.start - sentence.start
    start = sentence.text.rfind(";", 0, offset) + 1
    end = sentence.text.find(";", offset)
    region = sentence.text[start : end if end >= 0 else len(sentence.text)]
    compare = _OTHER_TIME.search(region)
    comma = region.find(",", offset - start + len(claim.text))
    ends = [len(region), *(m.start() for m in (compare,) if m), *([comma] if comma >= 0 else [])]
    cutoff = sentence.start + start + min(ends)
    if claim.start >= cutoff:
        return False
    before = sentence.text[start : cutoff - sentence.start]
    years = {int(y) for y in _YEAR.findall(before)}
    if period is None:
        return not years
    inside = [d for d in dates.values() if d[0] != d[1] and sentence.start + start <= d[2] < cutoff]
    return years <= {period[0].year, period[1].year} and all(d[:2] == period for d in inside)


def source_of(extraction: Extraction) -> str | None:
    """The area the release reports on: its most mentioned country, or a region mentioned more
    often than that country ('Moscow Region'); else a country its issuer or title names; else
    its most mentioned place; else its issuer. Cities in datelines do not count."""
    countries = _country_names()
    places: Counter[str] = Counter()
    for entity in extraction.entities:
        if entity.label == "GPE":
            places[place_key(entity.name)] += len(entity.mentions)
    national = [(n, p) for p, n in places.items() if p in countries.values()]
    if national:
        count, country = max(national)
        regions = [(n, p) for p, n in places.items() if _REGION.search(p) and n > max(count, 1)]
        return max(regions)[1] if regions else country
    named = f"{extraction.release.issuer or ''} {extraction.release.title or ''}".lower()
    for pattern, country in _country_patterns():
        if pattern.search(named):
            return country
    if places:
        return places.most_common(1)[0][0]
    return extraction.release.issuer.lower() if extraction.release.issuer else None


def place_key(name: str) -> str:
    """A place name in one spelling: lower-case, no 'the' or 'Republic of', aliases resolved."""
    key = _PLACE_PREFIX.sub("", name.strip().lower())
    return _ALIASES.get(key, _country_names().get(key, key))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every name and alias of a country in the gazetteer -> the country's place key."""
    names = {c.name.lower(): c.name.lower() for c in load_countries()}
    for country in load_countries():
        names.update((alias.lower(), country.name.lower()) for alias in country.aliases)
    names.update((alias, key) for alias, key in _ALIASES.items())
    return names


@lru_cache(maxsize=1)
def _country_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each name of _country_names as a whole-word pattern, with its country, in that order."""
    return [(re.compile(rf"\b{re.escape(name)}\b"), key) for name, key in _country_names().items()]


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


@lru_cache(maxsize=4096)
def year_to_date_months(period: tuple[dt.date, dt.date] | None) -> tuple[int, int] | None:
    """(year, months) for a period from 1 January to the end of a month of the same year.

    Memoised: the series checks and their grouping ask it for every entry, of few periods.
    """
    if period is None:
        return None
    start, end = period
    last_day = calendar.monthrange(end.year, end.month)[1]
    if (start.month, start.day) != (1, 1) or start.year != end.year or end.day != last_day:
        return None
    return start.year, end.month


def same_measure(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two measures match when they share most words: over half of all, 3/4 of the smaller."""
    return measure_overlap(a, b) is not None


def measure_overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """The share of all words the two measures share, when they match (same_measure)."""
    if not a or not b or a.isdisjoint(b):  # most pairs: no set built, no division
        return None
    shared = len(a & b)
    overlap = shared / (len(a) + len(b) - shared)
    return overlap if shared / min(len(a), len(b)) >= 0.75 and overlap > 0.5 else None
