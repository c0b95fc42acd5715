"""States, provinces and regions from the subdivision gazetteer: 'Gauteng', 'the Eastern Cape',
'KWAZULU-NATAL', whatever the model tagged them. A name of common words or a person's name
('Central', 'Free State', 'Victoria') counts only where one of its mentions stands where places
do: tagged GPE by the model, after 'in' or another preposition of place, or before a region
noun ('Delta State')."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .lexicon import Lexicon
from .scan import Candidate
from .tokens import MINOR_WORDS, is_name, usual_case


def subdivisions(doc: Doc, lex: Lexicon, matches: list[tuple[int, int]]) -> list[Candidate]:
    """A candidate for each gazetteer match that is a name of its own, not a piece of a longer
    one, and, when its words are common, stands where places do at one of its mentions and
    opens no organisation's name ('the Central Bank')."""
    found = [(s, e) for s, e in matches if stands_alone(doc, lex, s, e)]
    placed = {doc[s:e].text.lower() for s, e in found if in_place_position(doc, lex, s, e)}
    candidates = []
    for start, end in found:
        name = doc[start:end].text
        if not common(lex, name):
            candidates.append(Candidate(start, end, "GPE", "subdivision"))
        elif name.lower() in placed and not (end < len(doc) and is_name(doc[end])):
            candidates.append(Candidate(start, end, "GPE", "subdivision"))  # not 'Central Bank'
    return candidates


def stands_alone(doc: Doc, lex: Lexicon, start: int, end: int) -> bool:
    """Whether a match is written as a name and is not part of a longer one ('Lake Victoria',
    'Victoria Street'): its words capitalised but for particles inside ('Dar es Salaam'), no
    name word before it, and after it none but an
    organisation head ('Gauteng Department', 'Riga Regional Administration'), a region noun or
    a person's name ('Premier of Gauteng Lindiwe Dube')."""
    words = [t for t in doc[start:end] if t.is_alpha]
    inner = words[1:-1]
    if not (is_name(words[0]) and is_name(words[-1])) or not all(
        is_name(t) or t.lower_ in MINOR_WORDS | lex.particles for t in inner
    ):
        return False
    if start > 0 and is_name(doc[start - 1]) and doc[start - 1].lower_ not in MINOR_WORDS:
        return False
    if end == len(doc) or not is_name(doc[end]):
        return True
    after = doc[end]
    return (
        _head_follows(doc, lex, end)
        or after.lower_ in lex.place_nouns
        or (after.ent_iob_ == "B" and after.ent_type_ == "PERSON")
    )


def _head_follows(doc: Doc, lex: Lexicon, end: int) -> bool:
    """An organisation head right after the name, or after one more name word ('Gauteng
    Department', 'Riga Regional Administration')."""
    for i in range(end, min(end + 2, len(doc))):
        if usual_case(doc[i].text) in lex.heads:
            return True
        if not is_name(doc[i]):
            return False
    return False


def in_place_position(doc: Doc, lex: Lexicon, start: int, end: int) -> bool:
    """Whether a name stands where places do: tagged GPE by the model (LOC is no evidence: 'the
    Delta variant'), after 'in (the)' or another preposition of place (not 'to', as in 'passed
    to Van'), or before a region noun."""
    if doc[start].ent_type_ == "GPE":
        return True
    before = start - 1
    if before > 0 and doc[before].lower_ == "the":
        before -= 1
    if before >= 0 and doc[before].lower_ in lex.locatives:
        return True
    return end < len(doc) and doc[end].lower_ in lex.place_nouns


def common(lex: Lexicon, name: str) -> bool:
    """Whether a name may be something else than a place: shorter than four letters ('Edo'),
    or made of common words and people's names only ('North West', 'Victoria')."""
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w not in MINOR_WORDS]
    return len(name) < 4 or all(w in lex.common_places for w in words)
