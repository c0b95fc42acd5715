"""Parts, wholes and shares: parts cannot exceed their whole, shares must fit their counts.

A whole and its parts are read from one sentence: the whole is the last figure before a
subset marker ('of them', 'of which', 'including', 'included', 'comprising', 'among them'; at
the start of a sentence the whole is the last figure of the sentence before), the figure of a
leading 'Of the 1,500 deaths,', or for a leading 'Of the confirmed cases,' the latest earlier
figure whose measure names them; the parts are the figures of the same kind after it.
'A out of B' and 'B ..., A of them' make A a part of B.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...schema import Claim, Extraction
from ..arithmetic import (
    READINGS,
    Interval,
    describe,
    fmt,
    fmt_range,
    interval,
    printed_unit,
    stated_fits,
)
from ..measures import claim_concepts, clause, concepts, content_words, measured
from ..registry import Finding, register_check
from ..text import (
    Sentence,
    is_change,
    is_year_like,
    per_extraction,
    placeholders,
    sentences,
)

_SUBSET = re.compile(
    r"(?:[;:,]\s*|\b)(?:of (?:them|which|these|those)|includ(?:ing|ed|es)|among (?:them|these)"
    r"|compris(?:ing|ed|es))\b[,:]?",
    re.IGNORECASE,
)
_OF_WHOLE = re.compile(
    r"^\W*(?:of|among|out of) (?:the |all |these |those )?\{(\d+)\}[^{},]{0,60},", re.IGNORECASE
)
_OF_NAMED = re.compile(
    r"^\W*(?:of|among) (?:the|all|these|those) (?P<what>[a-z][a-z -]{2,40}?),", re.IGNORECASE
)
_ENDS_WITH_CLAIM = re.compile(r"\{\d+\}\s*$")
_PART_FIRST = re.compile(r"of\b", re.IGNORECASE)
_OUT_OF = re.compile(
    r"\{(\d+)\}(?:[^{}.;]{0,60}?\bout of (?:a total of )?|\s+of the )\{(\d+)\}", re.IGNORECASE
)
_BRACKETED_SHARE = re.compile(r"[^{}.;()]{0,40}?\(\s*\{(\d+)\}\s*\)")
_SHARE_AFTER = re.compile(r"^\s*(?:,\s*or|\(|,)\s*\{(\d+)\}")
_SHARE_OF = re.compile(r"\{(\d+)\} of (?:them|these|those|which|all)\b", re.IGNORECASE)
AMOUNTS = ("count", "mass", "money", "volume", "area", "length")


@dataclass(frozen=True)
class PartWhole:
    """A whole, its parts, and any share stated beside a part (part id -> percent claim)."""

    whole: Claim
    parts: list[Claim]
    shares: dict[str, Claim]


def amount(claim: Claim) -> Interval:
    """The claim's interval in base units (normalized), so '2 tons 318 kg' compares with kg."""
    span = interval(claim)
    factor = claim.normalized.value / claim.value if claim.value else 1.0
    return span.scale(factor)


@per_extraction
def part_wholes(extraction: Extraction) -> tuple[PartWhole, ...]:
    """Every whole with the parts (and shares of parts) stated after a subset marker.

    Several checks read them, so they are found once per extraction (per_extraction).
    """
    return tuple(_part_wholes(extraction))


def _part_wholes(extraction: Extraction) -> Iterator[PartWhole]:
    units = sentences(extraction)
    for sentence in units:
        if lead := _OF_WHOLE.match(sentence.template):  # 'Of the 1,500 deaths, 900 were ...'
            whole = sentence.claims[int(lead.group(1))]
            if whole.kind in AMOUNTS and not is_year_like(whole):
                yield _relation(sentence, whole, _SUBSET.split(sentence.template[lead.end() :])[0])
        elif (named := _OF_NAMED.match(sentence.template)) and (
            earlier := _named_whole(units, sentence, content_words(named.group("what")))
        ):  # 'Of the confirmed cases, the capital reported 2,318, ...'
            yield _relation(sentence, earlier, _SUBSET.split(sentence.template[named.end() :])[0])
        for marker in _SUBSET.finditer(sentence.template):
            head, tail = sentence.template[: marker.start()], sentence.template[marker.end() :]
            before = [sentence.claims[i] for i in placeholders(head)]
            if not before and not head.strip() and sentence.index > 0:
                before = list(units[sentence.index - 1].claims)
            if _ENDS_WITH_CLAIM.search(head) and _PART_FIRST.match(marker.group()):
                # '1,231 of them': the part precedes the marker ('877, including 41': the whole)
                part, before = before[-1], before[:-1]
                tail = f"{{{sentence.position(part)}}}"
            wholes = [c for c in before if c.kind in AMOUNTS and not is_year_like(c)]
            if wholes:
                yield _relation(sentence, wholes[-1], _SUBSET.split(tail)[0])
        for match in _OUT_OF.finditer(sentence.template):
            part, whole = (sentence.claims[int(match.group(i))] for i in (1, 2))
            if part.kind == whole.kind and part.kind in AMOUNTS:
                share = _BRACKETED_SHARE.match(sentence.template, match.end())
                shares = {part.id: sentence.claims[int(share.group(1))]} if share else {}
                yield PartWhole(
                    whole, [part], {k: v for k, v in shares.items() if v.kind == "percent"}
                )


def _named_whole(units: list[Sentence], sentence: Sentence, words: frozenset[str]) -> Claim | None:
    """The latest amount of the sentences before whose measure has every word of the phrase
    ('confirmed cases'), not one stated for another period ('against 4,880 cases')."""
    if not words:
        return None
    for unit in reversed(units[max(0, sentence.index - LOOK_BACK) : sentence.index]):
        for claim in reversed(unit.claims):
            if claim.kind not in AMOUNTS or is_year_like(claim) or is_change(unit, claim):
                continue
            at = unit.template.index(f"{{{unit.position(claim)}}}")
            if _EARLIER.search(unit.template[:at]) or _RATE_BASE.search(unit.template[:at]):
                continue
            if words <= content_words(measured(claim)) | content_words(clause(unit, claim)):
                return claim
    return None


def _relation(sentence: Sentence, whole: Claim, tail: str) -> PartWhole:
    parts, shares = [], {}
    for i in placeholders(tail):
        claim = sentence.claims[i]
        if claim.kind == whole.kind and not is_year_like(claim) and claim.change is None:
            parts.append(claim)
            after = tail[tail.index(f"{{{i}}}") + len(f"{{{i}}}") :]
            if (share := _SHARE_AFTER.match(after)) and sentence.claims[
                int(share.group(1))
            ].kind == "percent":
                shares[claim.id] = sentence.claims[int(share.group(1))]
    return PartWhole(whole, parts, shares)


@register_check("part_whole.v1", severity="error")
def part_whole(extraction: Extraction) -> Iterator[Finding]:
    """Parts cannot exceed their whole: the least the parts can sum to must not exceed the whole.

    Parts listed after a subset marker are taken as disjoint ('of them, 2,905 men and 608
    women'); a single part is compared on its own.
    """
    for relation in part_wholes(extraction):
        if not relation.parts:
            continue
        whole = amount(relation.whole)
        total = Interval(0, 0)
        for part in relation.parts:
            total = total + amount(part)
        if total.low <= whole.high:
            continue
        names = " + ".join(p.text for p in relation.parts)
        yield Finding(
            claims=[relation.whole.id, *(p.id for p in relation.parts)],
            message=(
                f"The parts ({names} = {fmt_range(total, 0)}) exceed the whole "
                f"({relation.whole.text}) by {fmt(total.low - whole.high, 0)}."
            ),
            stated=relation.whole.normalized.value,
            expected=(total.low, total.high),
            readings=READINGS,
        )


@register_check("percent_of_total.v1", severity="error")
def percent_of_total(extraction: Extraction) -> Iterator[Finding]:
    """A share stated beside a part must be the part over its whole ('27,905, or 68.2%').

    The share must fit part / whole × 100 under rounding or truncation.
    """
    for relation in part_wholes(extraction):
        for part in relation.parts:
            share = relation.shares.get(part.id)
            ratio = amount(part).divide(amount(relation.whole))
            if share is None or ratio is None:
                continue
            expected = ratio.scale(100)
            if stated_fits(share, expected):
                continue
            low = relation.whole.value * (share.value - 0.05) / 100
            yield Finding(
                claims=[share.id, part.id, relation.whole.id],
                message=(
                    f"{part.text} of {relation.whole.text} is {fmt_range(expected, 2)}%, not "
                    f"{describe(share)}; {describe(share)} of {relation.whole.text} would be "
                    f"about {fmt(low, 0)}."
                ),
                stated=share.value,
                expected=(expected.low, expected.high),
                readings=READINGS,
            )


@register_check("share_bounds.v1", severity="error")
def share_bounds(extraction: Extraction) -> Iterator[Finding]:
    """A share of a whole ('118.2% of them') must lie within [0, 100] percent."""
    for sentence in sentences(extraction):
        for match in _SHARE_OF.finditer(sentence.template):
            share = sentence.claims[int(match.group(1))]
            if share.kind != "percent" or share.change is not None:
                continue
            if interval(share, exact_counts=False).low <= 100:
                continue
            before = [sentence.claims[i] for i in placeholders(sentence.template[: match.start()])]
            wholes = [c for c in before if c.kind in AMOUNTS and not is_year_like(c)]
            yield Finding(
                claims=[share.id, *(c.id for c in wholes[-1:])],
                message=f"A share of a whole cannot exceed 100%, but {describe(share)} is stated.",
                stated=share.value,
                expected=(0.0, 100.0),
                readings=READINGS,
            )


_SHARE_BESIDE = re.compile(
    r"\{(?P<n>\d+)\}[^{}.;]{0,30}?(?:,\s*or|\()\s*\{(?P<p>\d+)\}"
    r"|\{(?P<p2>\d+)\}\s*:\s*\{(?P<n2>\d+)\}"
    r"|\{(?P<n3>\d+)\}[^{}.;]{0,50}?\b(?:rate|share|proportion) (?:of|to|at|reached) "
    r"\{(?P<p3>\d+)\}",
    re.IGNORECASE,
)
_OF_ALL = re.compile(r"\{\d+\}\s+of (?:all|the total|total)\b", re.IGNORECASE)
_OF_THE = re.compile(r"\{\d+\}\s+(?:out )?of (?:the |all )?$", re.IGNORECASE)
_EARLIER = re.compile(
    r"\b(?:than|compared|from|against|versus|ago|last year|previous|a year earlier)\b[^;]*$",
    re.IGNORECASE,
)
_RATE_BASE = re.compile(r"\b(?:per|every)\s*$", re.IGNORECASE)
_PART_OF = re.compile(r"\s+(?:out )?of (?:the|all|these|those)\b", re.IGNORECASE)
_OF_THESE = re.compile(r"^\W*(?:of|among) (?:these|those|them)\s*,", re.IGNORECASE)
_ANAPHOR = re.compile(r"\{\d+\}\s+of (?:these|those)\s+([a-z]+)\b", re.IGNORECASE)
LOOK_BACK = 3
"""How many sentences before a share its whole may be stated in."""


@register_check("share_of_earlier_total.v1", severity="warning")
def share_of_earlier_total(extraction: Extraction) -> Iterator[Finding]:
    """A share beside a count ('8,620 crimes, or 67.7% of those registered', '25% of all
    offences, or 4,000') must be the count over the total of that measure stated before it.

    The total is the latest larger count stated in the sentence or the three before it whose
    concepts are all among the count's and the share's ('crimes' for 'crimes solved'), or,
    after 'of these killings', the latest one that counts what the anaphor names ('murders'),
    or after a leading 'Of these,' the last one of the sentence before; the share must fit
    count / total × 100 under rounding or truncation.
    """
    units = sentences(extraction)
    places = frozenset(
        w for e in extraction.entities if e.label == "GPE" for w in content_words(e.name)
    )
    for sentence in units:
        for match in _SHARE_BESIDE.finditer(sentence.template):
            n = int(match.group("n") or match.group("n2") or match.group("n3"))
            p = int(match.group("p") or match.group("p2") or match.group("p3"))
            count, share = sentence.claims[n], sentence.claims[p]
            if count.kind == "percent":  # '25% of all offences, or 4,000 cases'
                count, share, n, p = share, count, p, n
            if share.kind != "percent" or count.kind not in AMOUNTS or is_year_like(count):
                continue
            if is_change(sentence, share) or is_change(sentence, count):
                continue
            if _OF_THE.search(sentence.template[: sentence.template.index(f"{{{n}}}")]):
                continue  # '1,326 of the 3,940 samples (33.7%)': the count is itself the whole
            words = (claim_concepts(sentence, count) | claim_concepts(sentence, share)) - places
            after_share = sentence.template[sentence.template.index(f"{{{p}}}") :]
            largest = bool(_OF_ALL.match(after_share))
            anaphor = _ANAPHOR.match(sentence.template, sentence.template.index(f"{{{n}}}"))
            named = concepts(content_words(anaphor.group(1))) if anaphor else frozenset()
            if _OF_THESE.match(sentence.template):  # 'Of these, 16,298 patients (64.4%)'
                whole = _previous_total(units, sentence, count)
            else:
                whole = _earlier_total(
                    units, sentence, count, words, places, largest=largest, named=named
                )
            if whole is not None:
                yield from _share_fits(share, count, whole)


def _earlier_total(
    units: list[Sentence],
    sentence: Sentence,
    count: Claim,
    words: frozenset[str],
    places: frozenset[str],
    *,
    largest: bool = False,
    named: frozenset[str] = frozenset(),
) -> Claim | None:
    """The latest larger count before `count` whose concepts are all among `words`, or, when
    an anaphor `named` concepts, include them; with `largest` ('25% of all offences'), the
    largest such count."""
    found: list[Claim] = []
    for unit in reversed(units[max(0, sentence.index - LOOK_BACK) : sentence.index + 1]):
        for claim in reversed(unit.claims):
            if claim.start >= count.start or not _may_be_total(unit, claim, count):
                continue
            if named:  # what the claim itself counts, when extracted: not its neighbours
                own = measured(claim)
                if named <= (concepts(content_words(own)) if own else claim_concepts(unit, claim)):
                    return claim
                continue
            counted = claim_concepts(unit, claim) - places
            if counted and counted <= words:
                if not largest:
                    return claim
                found.append(claim)
    return max(found, key=lambda c: amount(c).low, default=None)


def _previous_total(units: list[Sentence], sentence: Sentence, count: Claim) -> Claim | None:
    """The total 'Of these,' points back to: the last larger count of the sentence before
    that is a level of this period (not a change, another period's figure or a rate base)."""
    if sentence.index == 0:
        return None
    unit = units[sentence.index - 1]
    return next((c for c in reversed(unit.claims) if _may_be_total(unit, c, count)), None)


def _may_be_total(unit: Sentence, claim: Claim, count: Claim) -> bool:
    """Whether the claim can be the total of `count`: a larger level of the same kind, not a
    change, a rate, another period's figure, a rate's base or a part of something else."""
    if claim.kind != count.kind or is_year_like(claim) or claim.per is not None:
        return False
    if is_change(unit, claim) or amount(claim).high <= amount(count).low:
        return False
    mark = f"{{{unit.position(claim)}}}"
    at = unit.template.index(mark)
    return not (
        _EARLIER.search(unit.template[:at])  # 'compared with 58,412 a year before'
        or _RATE_BASE.search(unit.template[:at])  # 'per 100,000 people'
        or _PART_OF.match(unit.template, at + len(mark))  # '6,215 of the registered offences'
    )


def _share_fits(share: Claim, part: Claim, whole: Claim) -> Iterator[Finding]:
    ratio = amount(part).divide(amount(whole))
    if ratio is None or stated_fits(share, ratio.scale(100)):
        return
    expected = ratio.scale(100)
    yield Finding(
        claims=[share.id, part.id, whole.id],
        message=(
            f"{part.text} of the {whole.text} stated before is {fmt_range(expected, 2)}%, "
            f"not {describe(share)}."
        ),
        stated=share.value,
        expected=(expected.low, expected.high),
        readings=READINGS,
    )


@register_check("share_possible.v1", severity="error")
def share_possible(extraction: Extraction) -> Iterator[Finding]:
    """A share of a small whole must be a possible count: k of N for some whole number k (GRIM).

    The share is read as rounded or truncated at its printed precision. When N is so large
    that every printed share is some k of N ('86.7% of 26,004'), the relation could not have
    failed, and it is reported as not testable (info) rather than passed.
    """
    claims = {c.id: c for c in extraction.claims}
    for share in extraction.claims:
        whole = claims.get(share.of) if share.of else None
        if whole is None or not _exact_count(whole) or share.kind != "percent":
            continue
        if share.change is not None or share.qualifier is not None:
            continue
        n, unit = int(whole.value), printed_unit(share)
        if 100 / n <= unit:
            yield Finding(
                claims=[share.id, whole.id],
                message=(
                    f"Not testable: of {whole.text}, every share printed to {unit:g} point "
                    f"is some whole number, so {describe(share)} cannot be impossible."
                ),
                stated=share.value,
                severity="info",
            )
            continue
        low, high = share.value - unit / 2, share.value + unit
        if any(low <= 100 * k / n < high for k in range(n + 1)):
            continue
        below = max((k for k in range(n + 1) if 100 * k / n < low), default=0)
        above = min((k for k in range(n + 1) if 100 * k / n >= high), default=n)
        yield Finding(
            claims=[share.id, whole.id],
            message=(
                f"No whole number of the {whole.text} gives {describe(share)}: {below} of {n} "
                f"is {fmt(100 * below / n)}% and {above} of {n} is {fmt(100 * above / n)}%."
            ),
            stated=share.value,
            expected=(100 * below / n, 100 * above / n),
            readings=READINGS,
        )


def _exact_count(claim: Claim) -> bool:
    """An unhedged count printed to the unit: '15', '26,004' (not '537 thousand', 'over 40')."""
    return (
        claim.kind == "count"
        and claim.qualifier is None
        and claim.value >= 1
        and claim.value == int(claim.value)
        and printed_unit(claim) == 1
    )
