"""Overlapping candidates resolved, longest first, into mentions with the text of their
name; a place or an organisation may nest inside an organisation's name."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .scan import Accepted, Candidate, Scan
from .tokens import FUNCTION_WORDS, clean, is_acronym

ORIGIN_RANK = {
    "region": 0,
    "country": 1,
    "subdivision": 1,
    "dateline": 1,
    "located": 1,
    "head": 2,
    "union": 2,
    "model": 3,
}


def resolve(doc: Doc, candidates: list[Candidate], scan: Scan) -> list[Accepted]:
    """Longest spans first; a place may sit inside an organisation, and an organisation
    inside another after its "of (the)"."""
    order = sorted(candidates, key=lambda c: (-(c.end - c.start), ORIGIN_RANK[c.origin], c.start))
    kept: list[Candidate] = []
    for cand in order:
        if all(c.end <= cand.start or cand.end <= c.start or nests(doc, cand, c) for c in kept):
            kept.append(cand)
    return [Accepted(c.start, c.end, c.label, name_text(doc, c, scan)) for c in kept]


def name_text(doc: Doc, cand: Candidate, scan: Scan) -> str:
    """The text of a name on one line, in its usual case when written in capitals:
    'MINISTRY OF JUSTICE OF GEORGIA' -> 'Ministry of Justice of Georgia', 'COLUMBUS' of a
    dateline -> 'Columbus'. One word in capitals the model found ('NATO') stays unless the
    doc also writes it in lower case."""
    text = clean(doc[cand.start : cand.end].text)
    words = re.findall(r"[A-Z]+", text)
    place = cand.origin == "dateline"  # 'NEW YORK', 'OSH': no acronyms
    if any(c.islower() for c in text) or not (place or any(len(w) > 3 for w in words)):
        return text
    if len(words) == 1 and text.lower() not in scan.cased and cand.origin in ("model", "union"):
        return text  # an acronym, 'NATO', unless the doc writes it in lower case

    def usual(match: re.Match[str]) -> str:
        word = match.group(0)
        if word.lower() in FUNCTION_WORDS or (word == "S" and text[match.start() - 1] in "'’"):
            return word.lower()
        return scan.cased.get(word.lower(), word.capitalize() if len(word) > 3 or place else word)

    return re.sub(r"[A-Z]+", usual, text)


def nests(doc: Doc, inner: Candidate, outer: Candidate) -> bool:
    """Whether a name inside an organisation's is one of its own: a country, or a place
    the model or a place noun found, by its name ('Kenya National Bureau of Statistics',
    'Tbilisi City Court'; not 'U.S.' in 'U.S. Sentencing Commission'), or anything after
    its 'of (the)', but for an organisation after 'of' alone ('Press Service of the Ministry
    of Health', not 'Department of Health Services')."""
    if not (outer.start <= inner.start and inner.end <= outer.end) or outer.label != "ORG":
        return False
    if (inner.start, inner.end) == (outer.start, outer.end):
        return False
    named = inner.label == "GPE" and inner.origin in ("country", "subdivision", "model", "region")
    if named and not is_acronym(doc[inner.start : inner.end].text):
        return True
    before = doc[inner.start - 1].lower_
    if before == "the" and inner.start - 2 >= outer.start:
        before = doc[inner.start - 2].lower_
    elif inner.label == "ORG":
        return False  # 'Health Services' of 'Department of Health Services' is its portfolio
    return before in ("of", "for")
