"""Rates per head of population: a rate and its count imply a population, which must be real.

'26,004 crimes ... 257 per 100,000 inhabitants' implies 26,004 / 257 × 100,000 ≈ 10.1 million
people; the release's country must have had about that many in the rate's year, by the
reference table data/populations.tsv, and as many as the release itself says its population is
('a population of 5.1 million'), when it says so once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...corpus import source_of
from ...schema import Claim, Extraction
from ..arithmetic import (
    READINGS,
    Interval,
    fmt,
    fmt_range,
    interval,
    printed_unit,
    stated_fits,
)
from ..measures import claim_concepts, content_words
from ..populations import area_key, load_populations, population_range
from ..registry import Finding, register_check
from ..text import Sentence, is_change, is_year_like, sentences
from .shares import amount

TOLERANCE = 0.05
"""How far the implied population may lie outside the table's range for nearby years."""
POPULATION_WORDS = frozenset("inhabitants population people residents persons capita".split())  # noqa: SIM905
_BASE = (
    r"per\s+(100|1|10)[\s,.\u00a0\u202f]?000\s+(?:of\s+(?:the\s+)?)?"
    r"(?:inhabitants|population|people|residents|persons)\b"
)
_BASE_AFTER = re.compile(rf"\s*(?:[a-z]+\s+){{0,2}}{_BASE}", re.IGNORECASE)
_BASE_BEFORE = re.compile(rf"\brate\s+{_BASE}", re.IGNORECASE)
_GENERIC = POPULATION_WORDS | {"rate", "level", "incidence", "number", "new"}
_POPULATION_BEFORE = re.compile(
    r"\bpopulation(?:\s+(?:of|at|was|is|stood at|reached|estimated at|about|around|some|"
    r"nearly|almost|just|over|under|a|an|total|totalled|totaled|numbered)){1,4}\s*$",
    re.IGNORECASE,
)
_OTHER_PERIOD = re.compile(
    r"\b(?:than|compared (?:with|to)|against|versus|from)\b[^.;]*$", re.IGNORECASE
)
_HOME_TO = re.compile(r"\bhome to\s+(?:about |around |some |nearly |almost |over )?$", re.I)
_PEOPLE_AFTER = re.compile(r"^\s*(?:people|inhabitants|residents)\b", re.IGNORECASE)


def rate_base(extraction: Extraction, sentence: Sentence, claim: Claim) -> float | None:
    """The population base of a rate claim (100,000 for 'per 100,000 inhabitants'), or None.

    Read from `claim.per` when the extraction set it, else from 'per 100,000 inhabitants' right
    after the number or from 'rate per 100,000 inhabitants' earlier in its sentence.
    """
    if claim.per is not None:
        unit = (claim.per.unit or "").lower()
        return claim.per.value if unit in POPULATION_WORDS else None
    text = extraction.release.text
    if match := _BASE_AFTER.match(text, claim.end):
        return float(match.group(1)) * 1000
    before = text[sentence.start : claim.start]
    if (match := _BASE_BEFORE.search(before)) and not _BASE_AFTER.match(text, match.end()):
        return float(match.group(1)) * 1000
    return None


def country_of(extraction: Extraction) -> str | None:
    """The release's country in the population table: the area it reports on (corpus.source_of)
    when the table has it; None for a region or city, whose population the table lacks."""
    source = source_of(extraction)
    return source if source is not None and area_key(source) in load_populations() else None


def _year(extraction: Extraction, claim: Claim) -> int | None:
    """The year the rate refers to: its own period, the reporting period, or the release date."""
    for date in extraction.dates:
        if date.id == claim.period:
            return date.end_date.year
    if extraction.release.reporting_period is not None:
        return extraction.release.reporting_period.end.year
    return extraction.release.published.year if extraction.release.published else None


def _is_count(sentence: Sentence, claim: Claim) -> bool:
    """A plain level count: not a year, a change ('by 8'), a rate or a population base."""
    prefix = sentence.template[: sentence.template.index(f"{{{sentence.position(claim)}}}")]
    return (
        claim.kind == "count"
        and claim.per is None
        and not is_year_like(claim)
        and not is_change(sentence, claim)
        and not re.search(r"\bper\s*$", prefix, re.IGNORECASE)
    )


def _count_for(units: list[Sentence], sentence: Sentence, rate: Claim) -> Claim | None:
    """The count a rate is computed from: the nearest count before it in its sentence, else
    the one count in the sentence before whose words share a content word with the rate's."""
    at = sentence.position(rate)
    before = [c for c in sentence.claims[:at] if _is_count(sentence, c)]
    if before:
        return before[-1]
    if sentence.index == 0:
        return None
    previous = units[sentence.index - 1]
    words = content_words(sentence.text[: rate.start - sentence.start]) - _GENERIC
    near = [
        c
        for c in previous.claims
        if _is_count(previous, c) and words & content_words(previous.text) - _GENERIC
    ]
    return near[0] if len(near) == 1 else None


def _regional(extraction: Extraction, sentence: Sentence) -> bool:
    """Does the sentence name a place that is not in the table (a city or region)?"""
    areas = load_populations()
    return any(
        sentence.start <= m.start < sentence.end
        for e in extraction.entities
        if e.label == "GPE" and area_key(e.name) not in areas
        for m in e.mentions
    )


@register_check("rate_population.v1", severity="warning")
def rate_population(extraction: Extraction) -> Iterator[Finding]:
    """A rate per head and its count must imply the population of the release's country.

    For a rate 'R per B inhabitants' (B = 100,000 ...) and its count N (before it in its
    sentence, or the one matching count in the sentence before), N × B / R, under rounding or
    truncation of R, must come within 5% of the country's population in the table for the
    rate's year ±1. Rates of a place that is not a country in the table are not testable.
    """
    country = country_of(extraction)
    if country is None:
        return
    units = sentences(extraction)
    for sentence in units:
        for rate in sentence.claims:
            base = rate_base(extraction, sentence, rate)
            if base is None or rate.value <= 0 or is_change(sentence, rate):
                continue
            count = _count_for(units, sentence, rate)
            year = _year(extraction, rate)
            if count is None or year is None or _regional(extraction, sentence):
                continue
            found = population_range(country, range(year - 1, year + 2))
            if found is None:
                continue
            yield from _compare(count, rate, base, found[0], (found[1][0].area, year))


def _compare(
    count: Claim, rate: Claim, base: float, people: Interval, where: tuple[str, int]
) -> Iterator[Finding]:
    stated = interval(rate, exact_counts=False)
    stated = Interval(stated.low, max(stated.high, rate.value + printed_unit(rate)))
    implied = interval(count).scale(base).divide(stated)
    allowed = Interval(people.low * (1 - TOLERANCE), people.high * (1 + TOLERANCE))
    if implied is None or implied.overlaps(allowed):
        return
    expected = interval(count).scale(base).divide(people)
    if expected is None:
        return
    country, year = where
    per = f"per {fmt(base)}"
    said = rate.text if "per" in rate.text else f"{rate.text} {per}"
    yield Finding(
        claims=[count.id, rate.id],
        message=(
            f"{count.text} at {said} implies {fmt_range(implied.scale(1e-6), 2)} million people,"
            f" but {country} had {fmt_range(people.scale(1e-6), 2)} million in"
            f" {year - 1}–{year + 1}, which gives {fmt_range(expected, 1)} {per}."
        ),
        stated=rate.value,
        expected=(expected.low, expected.high),
        readings=[*READINGS, f"population within {TOLERANCE:.0%} of the table, year ±1"],
    )


@register_check("rate_stated_population.v1", severity="warning")
def rate_stated_population(extraction: Extraction) -> Iterator[Finding]:
    """A rate per head and its count must fit the population the release itself states.

    When the release states one population figure ('a population of 5.34 million', 'home to
    5.34 million people'), each rate 'R per B people' with its count N (before it in its
    sentence, else the latest count of what the rate counts in the three sentences before)
    must fit N × B / population under rounding of R, of the population and truncation.
    """
    units = sentences(extraction)
    stated = {c.normalized.value: c for u in units for c in u.claims if _is_population(u, c)}
    if len(stated) != 1:
        return
    (population,) = stated.values()
    people = amount(population)
    for sentence in units:
        for rate in sentence.claims:
            base = rate_base(extraction, sentence, rate)
            if base is None or rate.value <= 0 or is_change(sentence, rate) or rate is population:
                continue
            count = _counted(units, sentence, rate, population)
            if count is None:
                continue
            expected = amount(count).scale(base).divide(people)
            if expected is None or stated_fits(rate, expected):
                continue
            yield Finding(
                claims=[rate.id, count.id, population.id],
                message=(
                    f"{count.text} among the {population.text} people the release states is "
                    f"{fmt_range(expected, 2)} per {fmt(base)}, not {rate.text}."
                ),
                stated=rate.value,
                expected=(expected.low, expected.high),
                readings=READINGS,
            )


def _counted(
    units: list[Sentence], sentence: Sentence, rate: Claim, population: Claim
) -> Claim | None:
    """The count a rate is computed from, other than the population: the nearest count before
    it in its sentence, else the latest level of what the rate counts ('deaths') in the three
    sentences before, not one stated for another period ('compared with 371 in 2022')."""
    at = sentence.position(rate)
    before = [c for c in sentence.claims[:at] if _is_count(sentence, c) and c is not population]
    if before:
        return before[-1]
    counts = claim_concepts(sentence, rate) - _GENERIC
    for unit in reversed(units[max(0, sentence.index - 3) : sentence.index]):
        for claim in reversed(unit.claims):
            if not _is_count(unit, claim) or claim is population:
                continue
            prefix = unit.template[: unit.template.index(f"{{{unit.position(claim)}}}")]
            if not _OTHER_PERIOD.search(prefix) and counts & claim_concepts(unit, claim):
                return claim
    return None


def _is_population(sentence: Sentence, claim: Claim) -> bool:
    """Is the claim a stated population ('a population of 5.34 million', 'home to 2.1
    million people')?"""
    if claim.kind != "count" or is_year_like(claim) or is_change(sentence, claim):
        return False
    mark = f"{{{sentence.position(claim)}}}"
    at = sentence.template.index(mark)
    before, after = sentence.template[:at], sentence.template[at + len(mark) :]
    return bool(
        _POPULATION_BEFORE.search(before)
        or (_HOME_TO.search(before) and _PEOPLE_AFTER.match(after))
    )
