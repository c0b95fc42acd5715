"""Change arithmetic stated in one sentence: 'from A to B', 'by D to V', '(+D; +P%)'.

Each check reads the roles of the numbers from a pattern anchored in one sentence, so a
sentence with two such patterns, or two candidate percentages, is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import product

from ...schema import Claim, Extraction
from ..arithmetic import (
    READINGS,
    Interval,
    alternative_values,
    describe,
    fmt,
    fmt_range,
    interval,
    percent_change,
    stated_fits,
)
from ..measures import clause, measure_words, singular
from ..registry import Finding, register_check
from ..text import (
    CLAUSE_BREAK,
    Sentence,
    direction,
    is_change,
    is_year_like,
    placeholders,
    sentences,
)

PP_READING = "'%' read as percentage points"
_LEAD = r"(?:(?:a total of|about|around|nearly|almost|some|just|over|under) )?"
_FROM_TO = re.compile(
    rf"\bfrom {_LEAD}\{{(?P<a>\d+)\}}(?P<mid>[^.;]{{0,60}}?)\bto {_LEAD}\{{(?P<b>\d+)\}}",
    re.IGNORECASE,
)
_TO_FROM = re.compile(
    rf"\bto {_LEAD}\{{(?P<b>\d+)\}},? from {_LEAD}\{{(?P<a>\d+)\}}(?P<mid>)", re.IGNORECASE
)
_BY_TO = re.compile(
    rf"\bby {_LEAD}\{{(\d+)\}}\s*(?:\(|,|or|, or)?\s*(?:by )?\{{(\d+)\}}\)?,? "
    rf"to {_LEAD}\{{(\d+)\}}",
    re.IGNORECASE,
)
_LEVEL_FROM = re.compile(
    r"\{(?P<b>\d+)\}(?P<mid>[^.;{}]{0,60}?),?\s+(?P<word>up|down|"
    r"(?:an? )?(?:increase|rise|growth|decrease|fall|drop|decline|reduction) of)\s+(?:by\s+)?"
    rf"{_LEAD}\{{(?P<p>\d+)\}}\s+(?:from|on|over|compared (?:with|to)|against|versus)\s+"
    rf"(?:the\s+)?{_LEAD}\{{(?P<a>\d+)\}}",
    re.IGNORECASE,
)
_SIGNED_PAIR = re.compile(r"\{(\d+)\}\s*\(\s*([+-−])\s*\{(\d+)\}\s*[;,]\s*([+-−])\s*\{(\d+)\}\s*\)")
PERCENTS = ("percent", "percentage_point")


def readings(claim: Claim) -> list[Interval]:
    """Every interval the claim's value may stand for (its precision and alternative readings)."""
    return [interval(claim), *(Interval.point(v) for v in alternative_values(claim))]


def percent_fits(stated: Claim, before: Interval, after: Interval, rates: bool) -> bool:
    """Does the stated size of a change fit before -> after as a percent (or pp for rates)?"""
    change = percent_change(before, after)
    if stated.kind != "percentage_point" and change is not None:
        if stated_fits(stated, Interval(abs(change.low), abs(change.high))):
            return True
        if change.low < 0 < change.high and stated_fits(stated, Interval(0, 0)):
            return True
    if rates or stated.kind == "percentage_point":
        points = after - before
        return stated_fits(
            stated,
            Interval(
                min(abs(points.low), abs(points.high)), max(abs(points.low), abs(points.high))
            ),
        )
    return False


def _clause_bounds(template: str, start: int, end: int) -> tuple[int, int]:
    """The clause around template[start:end]: between ';', ', and', 'while', 'but' breaks."""
    before = [m.end() for m in CLAUSE_BREAK.finditer(template, 0, start)]
    after = CLAUSE_BREAK.search(template, end)
    return (before[-1] if before else 0), (after.start() if after else len(template))


def read_by_patterns(template: str) -> bool:
    """Does a fixed change pattern of this module read the sentence ('from A to B', ...)?"""
    patterns = (_FROM_TO, _TO_FROM, _LEVEL_FROM, _BY_TO, _SIGNED_PAIR)
    return any(p.search(template) for p in patterns)


@register_check("change_from_to.v1", severity="error")
def change_from_to(extraction: Extraction) -> Iterator[Finding]:
    """'from A to B' must agree with the stated direction and size of the change.

    In a sentence with one 'from A to B' or 'to B, from A' (A, B of the same kind): the direction
    word must match the sign of B − A; a stated percent P must fit (B − A) / A under rounding or
    truncation (or B − A percentage points when A and B are percentages); a stated 'by D' must
    fit |B − A|.
    """
    for sentence in sentences(extraction):
        found = [*_FROM_TO.finditer(sentence.template), *_TO_FROM.finditer(sentence.template)]
        if len(found) != 1:
            continue
        match = found[0]
        claims = sentence.claims
        a, b = claims[int(match.group("a"))], claims[int(match.group("b"))]
        middle = [claims[i] for i in placeholders(match.group("mid"))]
        if a.kind != b.kind or not all(is_year_like(c) for c in middle):
            continue
        start, end = _clause_bounds(sentence.template, match.start(), match.end())
        rest = sentence.template[start : match.start()] + " " + sentence.template[match.end() : end]
        yield from direction_finding(a, b, direction(rest))
        inside = [claims[i] for i in placeholders(rest)]
        others = [c for c in inside if c not in (a, b, *middle) and not is_year_like(c)]
        rates = a.kind in PERCENTS
        stated = [c for c in others if c.kind in PERCENTS]
        if len(stated) == 1 and stated[0].range is None:
            yield from percent_finding(stated[0], a, b, rates)
        by = [c for c in others if c.kind == a.kind and f"by {{{sentence.position(c)}}}" in rest]
        if len(by) == 1 and not rates:
            yield from absolute_finding(by[0], a, b)


@register_check("change_level_from.v1", severity="error")
def change_level_from(extraction: Extraction) -> Iterator[Finding]:
    """'B, up P% from A' must agree with A → B ('2,310 thefts, down 4% on the 2,400 of 2022').

    In a sentence with one such pattern (A, B of the same kind, neither a year): the direction
    word must match the sign of B − A; a stated percent P must fit (B − A) / A under rounding or
    truncation (or B − A percentage points when A and B are percentages); a stated count must
    fit |B − A|.
    """
    for sentence in sentences(extraction):
        found = list(_LEVEL_FROM.finditer(sentence.template))
        if len(found) != 1:
            continue
        match = found[0]
        a, b, stated = (sentence.claims[int(match.group(g))] for g in ("a", "b", "p"))
        if a.kind != b.kind or is_year_like(a) or is_year_like(b):
            continue
        yield from direction_finding(a, b, direction(match.group("word")))
        rates = a.kind in PERCENTS
        if stated.kind in PERCENTS and stated.range is None:
            yield from percent_finding(stated, a, b, rates)
        elif stated.kind == a.kind and not rates:
            yield from absolute_finding(stated, a, b)


def direction_finding(a: Claim, b: Claim, word: str | None) -> Iterator[Finding]:
    """A finding when the direction word contradicts a → b under every reading."""
    if word is None:
        return
    for before, after in product(readings(a), readings(b)):
        diff = after - before
        if (word == "increase" and diff.high >= 0) or (word == "decrease" and diff.low <= 0):
            return
    yield Finding(
        claims=[a.id, b.id],
        message=(
            f"The text says {word}, but the figures go from {a.text} to {b.text}, "
            f"which is {'a decrease' if word == 'increase' else 'an increase'} under every reading."
        ),
        readings=[*READINGS, "thousands point"],
    )


def percent_finding(stated: Claim, a: Claim, b: Claim, rates: bool) -> Iterator[Finding]:
    """A finding when the stated percent fits a → b under no reading."""
    pairs = list(product(readings(a), readings(b)))
    if any(percent_fits(stated, before, after, rates) for before, after in pairs):
        return
    change = percent_change(interval(a), interval(b))
    if change is None:
        return
    size = Interval(abs(change.low), abs(change.high))
    if change.low < 0 < change.high:
        return
    word = "increase" if change.low > 0 else "decrease"
    factor = 1 + stated.value / 100 if word == "increase" else 1 - stated.value / 100
    need = (
        f"; {describe(stated)} would need {fmt(b.value / factor, 0)} → {b.text}"
        if factor > 0
        else ""
    )
    yield Finding(
        claims=[stated.id, a.id, b.id],
        message=(
            f"Stated {describe(stated)} change, but {a.text} → {b.text} is a "
            f"{fmt_range(size)}% {word} under rounding{need}."
        ),
        stated=stated.value,
        expected=(size.low, size.high),
        readings=[*READINGS, *([PP_READING] if rates else [])],
    )


def absolute_finding(stated: Claim, a: Claim, b: Claim) -> Iterator[Finding]:
    """A finding when the stated size of a change is b − a under no reading."""
    sizes = []
    for before, after in product(readings(a), readings(b)):
        diff = after - before
        size = Interval(min(abs(diff.low), abs(diff.high)), max(abs(diff.low), abs(diff.high)))
        if interval(stated).overlaps(size) or stated_fits(stated, size):
            return
        sizes.append(size)
    yield Finding(
        claims=[stated.id, a.id, b.id],
        message=(
            f"Stated change of {describe(stated)}, but {a.text} → {b.text} "
            f"differs by {fmt_range(sizes[0])}."
        ),
        stated=stated.value,
        expected=(sizes[0].low, sizes[0].high),
        readings=READINGS,
    )


@register_check("change_by_to.v1", severity="error")
def change_by_to(extraction: Extraction) -> Iterator[Finding]:
    """'by D (P%) to V' and 'V (+D; +P%)': the percent must fit D over the earlier value.

    The earlier value is V − D for a rise and V + D for a fall; P must fit D / (V ∓ D) under
    rounding or truncation. With only one of D and P stated the check cannot fail and is skipped.
    """
    for sentence in sentences(extraction):
        claims = sentence.claims
        for match in _BY_TO.finditer(sentence.template):
            x, y, v = (claims[int(match.group(i))] for i in (1, 2, 3))
            word = direction(sentence.template[: match.start()] + match.group(0))
            yield from _by_to(x, y, v, word)
        for match in _SIGNED_PAIR.finditer(sentence.template):
            v, x, y = (claims[int(match.group(i))] for i in (1, 3, 5))
            if match.group(2) != match.group(4):
                continue
            yield from _by_to(x, y, v, "decrease" if match.group(2) in "-−" else "increase")


def _by_to(x: Claim, y: Claim, v: Claim, word: str | None) -> Iterator[Finding]:
    percents = [c for c in (x, y) if c.kind == "percent"]
    counts = [c for c in (x, y) if c.kind == v.kind and c.kind not in PERCENTS]
    if word is None or len(percents) != 1 or len(counts) != 1:
        return
    stated, delta = percents[0], counts[0]
    for after, change in product(readings(v), readings(delta)):
        before = after - change if word == "increase" else after + change
        if percent_fits(stated, before, after, rates=False):
            return
    after, change = interval(v), interval(delta)
    before = after - change if word == "increase" else after + change
    size = percent_change(before, after)
    if size is None:
        return
    size = Interval(abs(size.low), abs(size.high))
    yield Finding(
        claims=[stated.id, delta.id, v.id],
        message=(
            f"Stated {describe(stated)}, but a {word} of {delta.text} to {v.text} "
            f"(from {fmt_range(before, 0)}) is {fmt_range(size)}%."
        ),
        stated=stated.value,
        expected=(size.low, size.high),
        readings=READINGS,
    )


_COMPARED = re.compile(
    r"\b(?:than|compared|year ago|last year|previous year|a year earlier|same (?:month|period))\b",
    re.IGNORECASE,
)
_EARLIER = re.compile(
    r"\b(?:ago|last year|previous year|a year earlier|year before|same (?:month|period|quarter)"
    r" (?:of|in) (?:the )?(?:last|previous) year)\b",
    re.IGNORECASE,
)
_WORDS_AFTER = re.compile(r"\s+([a-z]+)(?:\s+([a-z]+))?")
_FUNCTION = frozenset("of in on at to for by with from the them which were was".split())  # noqa: SIM905
WINDOW = 3
"""How many sentences after the stated change the counts it is compared with may appear."""


@register_check("change_vs_counts.v1", severity="warning")
def change_vs_counts(extraction: Extraction) -> Iterator[Finding]:
    """A stated percent change must fit the counts of the same thing stated nearby.

    A percent with a direction and a comparison ('61.5% lower than a year ago'), followed within
    three sentences by exactly two counts of a noun of its measure ('Five murders', '15 murders'),
    one of them in a sentence about the earlier period ('a year ago', 'last year') and the other
    not: the change from the earlier count to the later must fit the stated percent and direction.
    """
    units = sentences(extraction)
    for sentence in units:
        for stated in sentence.claims:
            if stated.kind != "percent" or not _COMPARED.search(sentence.text):
                continue
            word = direction(clause(sentence, stated)) or direction(sentence.template)
            words = measure_words(sentence, stated)
            near = units[sentence.index : sentence.index + WINDOW + 1]
            counts = [(s, c) for s in near for c in s.claims if _counts_of(s, c, words)]
            if word is None or len(counts) != 2 or counts[0][0] is counts[1][0]:
                continue
            earlier = [bool(_EARLIER.search(s.text)) for s, _ in counts]
            if earlier.count(True) != 1:
                continue
            (_, before), (_, after) = counts if earlier[0] else counts[::-1]
            yield from direction_finding(before, after, word)
            yield from percent_finding(stated, before, after, rates=False)


def _counts_of(sentence: Sentence, claim: Claim, words: frozenset[str]) -> bool:
    """Is the claim a count whose noun ('15 murders') is one of the measure's words?"""
    if claim.kind != "count" or is_year_like(claim) or claim.change is not None:
        return False
    following = _WORDS_AFTER.match(sentence.text[claim.end - sentence.start :].lower())
    if following is None or following.group(1) in _FUNCTION:
        return False
    return any(singular(w) in words for w in following.groups() if w)


_PAIR = re.compile(
    r"\{(?P<x>\d+)\}(?:\s+[a-z]+)?\s*,?\s*(?:or|\()\s*(?:by\s+)?\{(?P<y>\d+)\}", re.IGNORECASE
)
_LEVEL_AFTER = re.compile(
    r"^[^.;{]{0,40}?\b(?:to|amounted to|totall?ed|reached|at|stood at)\s+\{(\d+)\}", re.IGNORECASE
)


@register_check("percent_or_count.v1", severity="error")
def percent_or_count(extraction: Extraction) -> Iterator[Finding]:
    """'X% or N' (also 'N (X%)') sizes of one change must imply the level stated beside them.

    A percent and a count stated as the size of one change, the first of them read as a change
    ('decreased by 9.4% or 684 cases
    and amounted to 10,356'; '54,109 crimes, 2,761 or 4.9% fewer') imply the earlier value
    N / X; with the level V stated after them ('to V') or before them in the sentence, the
    earlier value is V ± N and X must fit N over it. Sentences read by change_by_to.v1 are
    left to it.
    """
    for sentence in sentences(extraction):
        template = sentence.template
        if _BY_TO.search(template) or _SIGNED_PAIR.search(template):
            continue
        for match in _PAIR.finditer(template):
            x, y = (sentence.claims[int(match.group(g))] for g in ("x", "y"))
            percents = [c for c in (x, y) if c.kind == "percent"]
            counts = [c for c in (x, y) if c.kind not in PERCENTS]
            if len(percents) != 1 or len(counts) != 1:
                continue
            if not is_change(sentence, x):  # 'N (+P%)' is a level with its change, not a pair
                continue
            level = _level(sentence, match, counts[0])
            stated = [c.change.direction for c in (x, y) if c.change is not None]
            word = stated[0] if stated else direction(template[: match.end() + 40])
            if level is not None:
                yield from _by_to(_magnitude(percents[0]), _magnitude(counts[0]), level, word)


def _magnitude(claim: Claim) -> Claim:
    """The claim with a positive value: the size of a change stated with a sign ('-637')."""
    return claim.model_copy(update={"value": abs(claim.value)}) if claim.value < 0 else claim


def _level(sentence: Sentence, pair: re.Match[str], count: Claim) -> Claim | None:
    """The level the change ends at: 'to V' right after the pair, else the last level before."""
    after = _LEVEL_AFTER.match(sentence.template[pair.end() :])
    if after is not None:
        found = sentence.claims[int(after.group(1))]
        return found if found.kind == count.kind and not is_change(sentence, found) else None
    before = [
        sentence.claims[i]
        for i in placeholders(sentence.template[: pair.start()])
        if sentence.claims[i].kind == count.kind
    ]
    levels = [c for c in before if not is_year_like(c) and not is_change(sentence, c)]
    return levels[-1] if levels else None
