"""Components vs totals: parts that make up a whole must add up to it.

Parts are summed only where the text enumerates them as the parts of one whole: a list after
a colon (a header line ending in ':' and one item per line, or 'W persons: A men and B women'),
or parts after a subset marker ('of them', 'including'). A list is exhaustive when its labels
complete a partition (men and women), end with 'the rest' or 'other', or, for shares, when its
header announces a distribution ('Distribution of cases by age group:'). Exhaustive parts must
add up to their whole (100% for shares); other parts only must not exceed it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...schema import Claim, Extraction
from ..arithmetic import READINGS, TRUNCATION, Interval, fmt, fmt_range, interval, printed_unit
from ..measures import content_words
from ..registry import Finding, register_check
from ..text import (
    Sentence,
    direction,
    is_change,
    is_year_like,
    per_extraction,
    placeholders,
    sentences,
)
from .shares import AMOUNTS, amount, part_wholes

PARTITIONS = (
    frozenset({"man", "woman"}),
    frozenset({"men", "women"}),
    frozenset({"male", "female"}),
    frozenset({"boy", "girl"}),
    frozenset({"urban", "rural"}),
)
_REST = re.compile(r"\b(?:the rest|remaining|remainder|others?)\b", re.IGNORECASE)
_DISTRIBUTION = re.compile(
    r"\b(?:distribution|breakdown|structure|composition|split)\b|\bby (?:age|sex|gender)\b",
    re.IGNORECASE,
)
_RATE = re.compile(r"\b(?:rates?|incidence|prevalence|averaged?)\b", re.IGNORECASE)
_HEADER = re.compile(r"^[^\n]*:[ \t]*\n", re.MULTILINE)
_ITEM = re.compile(r"[ \t]*(?:[-•*–·][ \t]*)?[^\n]{1,100}(?:\n|$)")
_ITEM_BREAK = re.compile(r"[,;]|\band\b|\{\d+\}")


@dataclass(frozen=True)
class Enumeration:
    """A whole (None for shares of an unstated whole) and its listed parts with their labels."""

    whole: Claim | None
    parts: list[tuple[str, Claim]]
    header: str
    marked: bool
    """The parts follow a subset marker, where part_whole.v1 already flags parts > whole."""

    @property
    def exhaustive(self) -> bool:
        """Do the parts make up the whole: a complete partition, a rest, a distribution?"""
        labels = [content_words(label) for label, _ in self.parts]
        if any(_REST.search(label) for label, _ in self.parts[-1:]):
            return True
        for partition in PARTITIONS:
            named = [label & partition for label in labels]
            if all(len(n) == 1 for n in named) and set().union(*named) == partition:
                return len(named) == len(partition)
        shares = all(c.kind == "percent" for _, c in self.parts)
        return shares and bool(_DISTRIBUTION.search(self.header))


@per_extraction
def enumerations(extraction: Extraction) -> tuple[Enumeration, ...]:
    """Every whole with the parts the text lists for it (see the module docstring).

    Both sum checks read them, so they are found once per extraction (per_extraction).
    """
    return tuple(_enumerations(extraction))


def _enumerations(extraction: Extraction) -> Iterator[Enumeration]:
    units = sentences(extraction)
    yield from _line_lists(extraction, units)
    for sentence in units:
        yield from _inline_lists(sentence)
        yield from _partition_shares(sentence)
    owners = {c.id: s for s in units for c in s.claims}
    for relation in part_wholes(extraction):
        if all(p.id in owners for p in relation.parts):
            parts = [(_clause_label(owners[p.id], p), p) for p in relation.parts]
            yield Enumeration(relation.whole, parts, "", marked=True)


def _value(claims: list[Claim], owners: dict[str, Sentence]) -> Claim | None:
    """The first level stated in a list item, ignoring changes ('15,482 (-6.8%)')."""
    levels = [
        c
        for c in claims
        if not is_year_like(c) and c.id in owners and not is_change(owners[c.id], c)
    ]
    return levels[0] if levels else None


def _line_lists(extraction: Extraction, units: list[Sentence]) -> Iterator[Enumeration]:
    """Lists of one item per line after a header line ending in ':'."""
    text = extraction.release.text
    owners = {c.id: s for s in units for c in s.claims}
    for header in _HEADER.finditer(text):
        items, at = [], header.end()
        while (line := _ITEM.match(text, at)) and line.group().strip():
            inside = [c for c in extraction.claims if line.start() <= c.start < line.end()]
            value = _value(sorted(inside, key=lambda c: c.start), owners)
            if value is None or direction(line.group()):
                break
            items.append((line.group(), value))
            at = line.end()
        whole = _whole(extraction, header.start(), header.end())
        if len(items) >= 2:
            yield Enumeration(whole, items, header.group(), marked=False)


def _whole(extraction: Extraction, start: int, end: int) -> Claim | None:
    """The last amount stated in a header, if any."""
    found = [
        c
        for c in extraction.claims
        if start <= c.start < end and c.kind in AMOUNTS and not is_year_like(c)
    ]
    return found[-1] if found else None


def _inline_lists(sentence: Sentence) -> Iterator[Enumeration]:
    """'W persons: A men and B women', 'Distribution by sex: A% men, B% women' in one line."""
    head, colon, tail = sentence.template.partition(":")
    if not colon or "\n" in tail.strip() or not tail.strip():
        return
    before = [sentence.claims[i] for i in placeholders(head)]
    wholes = [c for c in before if c.kind in AMOUNTS and not is_year_like(c)]
    if not wholes and not _DISTRIBUTION.search(head):
        return
    parts = []
    for i in placeholders(tail):
        claim = sentence.claims[i]
        if not is_change(sentence, claim) and not is_year_like(claim):
            parts.append((_clause_label(sentence, claim), claim))
    if len(parts) >= 2:
        yield Enumeration(wholes[-1] if wholes else None, parts, head, marked=False)


def _clause_label(sentence: Sentence, claim: Claim) -> str:
    """The template words between the breaks on either side of the claim."""
    mark = f"{{{sentence.position(claim)}}}"
    at = sentence.template.index(mark)
    before = _ITEM_BREAK.split(sentence.template[:at])[-1]
    after = _ITEM_BREAK.split(sentence.template[at + len(mark) :])[0]
    return f"{before} {after}"


def _partition_shares(sentence: Sentence) -> Iterator[Enumeration]:
    """'women made up 71.4% of the applicants and men 28.6%': shares over a partition; not
    rates ('the rate for men was 4.3% and for women 4.1%'), which are no parts of one whole."""
    if ":" in sentence.template or _RATE.search(sentence.template):
        return
    shares = [
        (_clause_label(sentence, c), c)
        for c in sentence.claims
        if c.kind == "percent" and not is_change(sentence, c)
    ]
    words = [content_words(label) for label, _ in shares]
    for partition in PARTITIONS:
        named = [(label, c) for (label, c), w in zip(shares, words, strict=True) if w & partition]
        found = set().union(*(content_words(label) & partition for label, _ in named))
        if len(named) == len(partition) and found == partition:
            yield Enumeration(None, named, "", marked=False)


def _span(claim: Claim) -> Interval:
    """What a part may stand for: its amount, and for shares its truncation too."""
    if claim.kind != "percent":
        return amount(claim)
    span = interval(claim, exact_counts=False)
    return Interval(span.low, max(span.high, claim.value + printed_unit(claim)))


@register_check("parts_sum.v1", severity="error")
def parts_sum(extraction: Extraction) -> Iterator[Finding]:
    """Listed parts must add up to their stated whole when they make it up, else not exceed it.

    The sum of the parts, each under rounding, must contain the whole when the list is
    exhaustive, and its least value must not exceed the whole otherwise (parts after a subset
    marker are left to part_whole.v1 for that).
    """
    seen: set[tuple[str, ...]] = set()
    for found in enumerations(extraction):
        whole = found.whole
        parts = [c for _, c in found.parts if whole and c.kind == whole.kind]
        key = tuple(c.id for c in parts)
        if whole is None or len(parts) != len(found.parts) or key in seen:
            continue
        if whole.value == len(parts):  # 'two indicators: ...' counts the items themselves
            continue
        seen.add(key)
        total, stated = Interval(0, 0), amount(whole)
        for part in parts:
            total = total + amount(part)
        over = total.low > stated.high and not found.marked
        under = found.exhaustive and total.high < stated.low
        if not (over or under):
            continue
        names = " + ".join(p.text for p in parts)
        yield Finding(
            claims=[whole.id, *(p.id for p in parts)],
            message=(
                f"The listed parts ({names} = {fmt_range(total, 0)}) "
                f"{'exceed' if over else 'fall short of'} the whole ({whole.text}) by "
                f"{fmt(total.low - stated.high if over else stated.low - total.high, 0)}"
                f"{'' if over else ', though the list names every part'}."
            ),
            stated=whole.normalized.value,
            expected=(total.low, total.high),
            readings=READINGS,
        )


@register_check("shares_sum.v1", severity="error")
def shares_sum(extraction: Extraction) -> Iterator[Finding]:
    """Shares listed as the make-up of one whole must add up to 100%.

    Each share stands for its rounding or truncation interval; for an exhaustive list (a
    distribution, a complete partition, a rest) the sum must contain 100.
    """
    seen: set[tuple[str, ...]] = set()
    for found in enumerations(extraction):
        shares = [c for _, c in found.parts]
        key = tuple(c.id for c in shares)
        if not all(c.kind == "percent" for c in shares) or key in seen or not found.exhaustive:
            continue
        seen.add(key)
        total = Interval(0, 0)
        for share in shares:
            total = total + _span(share)
        if 100 in total:
            continue
        names = " + ".join(c.text for c in shares)
        yield Finding(
            claims=list(key),
            message=(
                f"Shares of one whole add up to {fmt(sum(c.value for c in shares), 2)}% "
                f"({names}), {fmt_range(total, 2)}% under every reading, not 100%."
            ),
            stated=sum(c.value for c in shares),
            expected=(100.0, 100.0),
            readings=[*READINGS, f"each share {TRUNCATION}"],
        )
