"""What a claim measures, as a set of content words, for matching claims with each other.

The extracted `claim.measure` is used when present, without the holder the extractor adds in
brackets ('crimes registered (police)': whose figure it is, not what it counts); otherwise the
words of the claim's clause
in its sentence (up to the neighbouring numbers, commas, semicolons and 'and'). Words are
lower-cased and crudely singularised; direction, hedge and function words are dropped.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..errors import ErrorCode, PressfactsError
from ..schema import Claim
from .text import Sentence

_WORD = re.compile(r"[a-z]+")
_HOLDER = re.compile(r"\s*\([^()]*\)$")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\band\b|\bwhile\b|\bwhereas\b|\bbut\b|\{\d+\}")
_SCOPE = re.compile(r"\s*((?:In|On|At|Among|Within) [^,{]{2,40}),")
STOPWORDS = frozenset(
    """a an the of in on at to for by with from as than that this these those was were is are be
    been being has have had it its their there they them which who whom whose what when where
    per cent percent pct year years month months period same last previous compared since
    decrease decreased increase increased fell fall falling rose rise risen grew grow growth
    down up more fewer less lower higher by went gone go declined decline dropped drop reduced
    over under about nearly almost some total overall all also respectively other another
    registered recorded reported number share cases case times time while including among
    such into out not no only just still keep kept per thousand million billion""".split()  # noqa: SIM905
)


def singular(word: str) -> str:
    """A crude singular: 'robberies' -> 'robbery', 'thefts' -> 'theft', 'offences' -> 'offence'."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def measured(claim: Claim) -> str:
    """What the claim counts: its extracted measure without the bracketed holder ('' if none)."""
    return _HOLDER.sub("", claim.measure or "")


@lru_cache(maxsize=8192)
def content_words(text: str) -> frozenset[str]:
    """Content words of a phrase, singularised, without stop words."""
    return frozenset(
        singular(w) for w in _WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2
    )


def clause(sentence: Sentence, claim: Claim) -> str:
    """The template text of the claim's clause: from the previous break to the next one.

    When the words before the claim are only function words ('..., by 33%'), the segment
    before the break is taken too.
    """
    return _clause(sentence.template, f"{{{sentence.position(claim)}}}")


@lru_cache(maxsize=8192)
def _clause(template: str, mark: str) -> str:
    at = template.index(mark)
    segments = _CLAUSE_BREAK.split(template[:at])
    before = segments[-1]
    if not content_words(before) and len(segments) > 1:
        before = f"{segments[-2]} {before}"
    after = _CLAUSE_BREAK.split(template[at + len(mark) :])[0]
    return f"{before} {after}"


def measure_words(sentence: Sentence, claim: Claim) -> frozenset[str]:
    """What the claim measures: its extracted measure, or the content words of its clause.

    A leading place or group phrase ('In the street, ...') applies to every clause after it.
    """
    words = content_words(measured(claim) or clause(sentence, claim))
    if scope := _SCOPE.match(sentence.template):
        words |= content_words(scope.group(1))
    return words


CONCEPTS_PATH = Path(__file__).resolve().parent.parent / "data" / "measure_concepts.json"


class _Concepts(BaseModel):
    """data/measure_concepts.json: synonyms by concept, and words that name no measure."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    doc: str = Field(alias="_doc")
    concepts: dict[str, list[str]]
    generic: list[str]

    @field_validator("concepts")
    @classmethod
    def _disjoint(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        words = [w for synonyms in value.values() for w in synonyms]
        if len(words) != len(set(words)) or any(not w or w != w.lower() for w in words):
            raise ValueError("each synonym must be lower-case and name one concept only")
        return value


@lru_cache(maxsize=4)
def load_concepts(path: Path = CONCEPTS_PATH) -> tuple[dict[str, str], frozenset[str]]:
    """(word -> concept, generic words); raise E011 when the file is unreadable or malformed."""
    try:
        data = _Concepts.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e
    table = {singular(w): c for c, words in data.concepts.items() for w in words}
    return table, frozenset(singular(w) for w in data.generic)


def concepts(words: frozenset[str]) -> frozenset[str]:
    """Content words with synonyms merged and generic words dropped: what a figure counts."""
    table, generic = load_concepts()
    return frozenset(table.get(w, w) for w in words if w not in generic)


def claim_concepts(sentence: Sentence, claim: Claim) -> frozenset[str]:
    """What the claim counts, as concepts: its extracted measure and its clause's words."""
    words = content_words(measured(claim)) | content_words(clause(sentence, claim))
    if scope := _SCOPE.match(sentence.template):
        words |= content_words(scope.group(1))
    return concepts(words)
