"""The release text around claims: sentences, the claims in them, and direction words.

Checks relate claims by patterns anchored in one sentence. A sentence is rewritten as a
template in which every claim is replaced by a placeholder `{i}` (its index in the sentence),
so patterns such as `from {0} ... to {1}` can be matched without re-reading numbers.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, wraps
from itertools import pairwise
from typing import TypeVar

from ..schema import Claim, Extraction

T = TypeVar("T")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“(]?[A-Z0-9•])|\n\s*\n|\n\s*[•*-]\s+")
_PERCENT_AFTER = re.compile(r"\s*(?:percent|per cent|pct)\b", re.IGNORECASE)
_HEDGE_WORDS = (
    ("more than|over|above|in excess of", "more_than"),
    ("less than|fewer than|under|below", "less_than"),
    ("about|around|approximately|roughly|some|an estimated|estimated", "about"),
    ("nearly|almost|close to|just under", "nearly"),
    ("at least|no fewer than|no less than", "at_least"),
    ("at most|up to|no more than", "at_most"),
)
_HEDGES = [
    (re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE), qualifier)
    for words, qualifier in _HEDGE_WORDS
]
_ANY_HEDGE = re.compile(rf"\b(?:{'|'.join(w for w, _ in _HEDGE_WORDS)})\s+$", re.IGNORECASE)
"""Matches where some pattern of _HEDGES does: one search rules out all six for most claims."""
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
SUBSET = re.compile(
    r"\b(?:of (?:them|which|whom|these|those)|including|among (?:them|these|which))\b", re.I
)
"""Words that make the numbers after them parts of the number before."""
CLAUSE_BREAK = re.compile(r";|,?\s+(?:and|while|whereas|but)\s+(?!\{)", re.IGNORECASE)
"""Where one clause of a template ends and the next begins."""
_PLACEHOLDER = re.compile(r"\{(\d+)\}")

INCREASE_WORDS = (
    r"increas\w*|rose|rise[sn]?|rising|grew|grow\w*|gain\w*|up|more|higher|climb\w*|jump\w*|"
    r"surg\w*|soar\w*|doubl\w*|tripl\w*|went up|added"
)
DECREASE_WORDS = (
    r"decreas\w*|fell|fall\w*|drop\w*|declin\w*|down|fewer|less|lower|reduc\w*|"
    r"shr[iau]nk\w*|plung\w*|plummet\w*|dipped|cut"
)
_INCREASE = re.compile(rf"\b(?:{INCREASE_WORDS})\b", re.IGNORECASE)
_DECREASE = re.compile(rf"\b(?:{DECREASE_WORDS})\b", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:no |not )?(?:more|less|fewer) than (?=\{)|\b(?:up to|down to)\b", re.I)
_BY_BEFORE = re.compile(
    r"\b(?:by|(?:decrease|increase|reduction|rise|drop|fall|growth|decline) of)\s*$", re.IGNORECASE
)
_THAN_AFTER = re.compile(
    r"\s*(?:\(?\s*(?:or\s+)?\{\d+\}\)?\s*)?(?:[a-z]+\s+){0,2}?"
    r"(?:fewer|more|less|higher|lower)\b(?:\s+[a-z]+){0,2}?\s+(?:than|compared)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the release: its offsets, text, claims and placeholder template."""

    index: int
    start: int
    end: int
    text: str
    claims: tuple[Claim, ...]
    template: str

    def position(self, claim: Claim) -> int:
        """The claim's index in `claims` (tuple.index, with its field-by-field comparison of
        every claim before it, only for a copy of the claim)."""
        for i, c in enumerate(self.claims):
            if c is claim:
                return i
        return self.claims.index(claim)

    def between(self, left: int, right: int) -> str:
        """Template text between the placeholders of claims `left` and `right`."""
        a = self.template.index(f"{{{left}}}") + len(f"{{{left}}}")
        return self.template[a : self.template.index(f"{{{right}}}")]


def per_extraction(func: Callable[[Extraction], T]) -> Callable[[Extraction], T]:
    """Memoise `func` per extraction object, until the object is garbage-collected.

    For what several checks read from one release: it is computed once, and shared.
    """
    results: dict[int, T] = {}

    @wraps(func)
    def cached(extraction: Extraction) -> T:
        key = id(extraction)
        if key not in results:
            results[key] = func(extraction)
            weakref.finalize(extraction, results.pop, key, None)
        return results[key]

    return cached


@per_extraction
def sentences(extraction: Extraction) -> list[Sentence]:
    """The release text cut into sentences, each with the claims that lie inside it.

    Every check asks for them, so they are cut once per extraction object (per_extraction).
    """
    text = extraction.release.text
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    claims = sorted((_resolved(text, c) for c in extraction.claims), key=lambda c: c.start)
    starts = [c.start for c in claims]
    out: list[Sentence] = []
    for start, end in pairwise(bounds):
        if not text[start:end].strip():
            continue
        candidates = claims[bisect_left(starts, start) : bisect_right(starts, end)]
        inside = tuple(c for c in candidates if c.end <= end)
        out.append(
            Sentence(
                len(out), start, end, text[start:end], inside, _template(text, start, end, inside)
            )
        )
    return out


def _resolved(text: str, claim: Claim) -> Claim:
    """The claim with a percent kind and hedge read from the text where extraction left them out."""
    update: dict[str, str] = {}
    if claim.kind == "count" and _PERCENT_AFTER.match(text, claim.end):
        update["kind"] = "percent"
    before = text[max(0, claim.start - 24) : claim.start]
    if claim.qualifier is None and _ANY_HEDGE.search(before):
        for pattern, qualifier in _HEDGES:
            if pattern.search(before):
                update["qualifier"] = qualifier
                break
    return claim.model_copy(update=update) if update else claim


def _template(text: str, start: int, end: int, claims: tuple[Claim, ...]) -> str:
    parts, cursor = [], start
    for i, claim in enumerate(claims):
        if claim.start < cursor:
            continue
        parts.append(text[cursor : claim.start].replace("{", "(").replace("}", ")"))
        parts.append(f"{{{i}}}")
        cursor = claim.end
    parts.append(text[cursor:end].replace("{", "(").replace("}", ")"))
    return "".join(parts)


def placeholders(fragment: str) -> Iterator[int]:
    """Indices of the claims named in a template fragment, in order."""
    return (int(m.group(1)) for m in _PLACEHOLDER.finditer(fragment))


@lru_cache(maxsize=8192)
def direction(fragment: str) -> str | None:
    """'increase' or 'decrease' when the fragment names exactly one direction, else None."""
    fragment = _HEDGE.sub(" ", fragment)
    up, down = bool(_INCREASE.search(fragment)), bool(_DECREASE.search(fragment))
    if up == down:
        return None
    return "increase" if up else "decrease"


def is_year_like(claim: Claim) -> bool:
    """A bare four-digit number between 1800 and 2099, which is probably a year, not a count."""
    return claim.kind == "count" and _YEAR_LIKE.fullmatch(claim.value_text) is not None


def is_change(sentence: Sentence, claim: Claim) -> bool:
    """Does the number state the size of a change: 'by 8', 'a decrease of 8', '+268', '(-7)',
    '1,542 fewer than'?

    The extraction's `claim.change` decides when set; otherwise the sign and the words around.
    """
    if claim.change is not None or claim.text.lstrip().startswith(("+", "-", "−")):
        return True
    return _change_words(sentence.template, sentence.position(claim))


@lru_cache(maxsize=8192)
def _change_words(template: str, position: int) -> bool:
    mark = f"{{{position}}}"
    at = template.index(mark)
    before, after = template[:at], template[at + len(mark) :]
    return bool(_BY_BEFORE.search(before) or _THAN_AFTER.match(after))


def is_part(sentence: Sentence, claim: Claim) -> bool:
    """Is the number stated as a part of another ('Of them, 27,905', 'including 512 kg')?"""
    return _part_words(sentence.template, sentence.position(claim))


@lru_cache(maxsize=8192)
def _part_words(template: str, position: int) -> bool:
    at = template.index(f"{{{position}}}")
    start = max((m.end() for m in CLAUSE_BREAK.finditer(template, 0, at)), default=0)
    return bool(SUBSET.search(template[start:at]))
