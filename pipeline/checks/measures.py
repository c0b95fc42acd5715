"""What a claim measures, as a set of content words, for matching claims with each other.

The extracted `claim.measure` is used when present; otherwise the words of the claim's clause
in its sentence (up to the neighbouring numbers, commas, semicolons and 'and'). Words are
lower-cased and crudely singularised; direction, hedge and function words are dropped.
"""

from __future__ import annotations

import re

from ..schema import Claim
from .text import Sentence

_WORD = re.compile(r"[a-z]+")
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
    mark = f"{{{sentence.claims.index(claim)}}}"
    at = sentence.template.index(mark)
    segments = _CLAUSE_BREAK.split(sentence.template[:at])
    before = segments[-1]
    if not content_words(before) and len(segments) > 1:
        before = f"{segments[-2]} {before}"
    after = _CLAUSE_BREAK.split(sentence.template[at + len(mark) :])[0]
    return f"{before} {after}"


def measure_words(sentence: Sentence, claim: Claim) -> frozenset[str]:
    """What the claim measures: its extracted measure, or the content words of its clause.

    A leading place or group phrase ('In the street, ...') applies to every clause after it.
    """
    words = content_words(claim.measure or clause(sentence, claim))
    if scope := _SCOPE.match(sentence.template):
        words |= content_words(scope.group(1))
    return words
