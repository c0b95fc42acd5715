"""Places: regions and place nouns ('Donetsk region', 'the town of Leova'), residents ('a
Dayton man'), datelines, state forms ('Republic of') and names that are places by where they
stand ('in Nizhny Tagil', 'visited Lviv, Odesa and Dnipro', 'Pune district 812, Nashik 640')."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from ...extensions import doc_text
from .lexicon import Lexicon
from .scan import Candidate, Scan
from .tokens import (
    MINOR_WORDS,
    coordination,
    is_acronym,
    is_name,
    joins,
    name_run,
    name_run_left,
    segments,
    usual_case,
)

LIST_BREAKS = frozenset({",", "and"})
# A dateline opens a line: 'Tbilisi, 12 April 2023.' or 'Ganja, July 12, 2023': the place.
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}),[ \t]+"
    r"(?=\d{1,2}(?:st|nd|rd|th)?[ .][A-Za-z0-9]|[A-Z][a-z]{2,8}\.? \d{1,2}\b)",
    re.MULTILINE,
)
# A wire dateline: 'COLUMBUS, Ohio - A man was ...' or 'LONDON — The police ...'.
WIRE_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})"
    r"(?:,[ \t]+[A-Z][\w.]*(?: [A-Z][\w.]*)?)?[ \t]+[-–—]{1,2}[ \t]",
    re.MULTILINE,
)
NOT_PLACES = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])


def datelines(doc: Doc, lex: Lexicon) -> list[Candidate]:
    """The places of datelines and wire datelines."""
    candidates = []
    text = doc_text(doc)
    for match in (*DATELINE.finditer(text), *WIRE_DATELINE.finditer(text)):
        span = doc.char_span(match.start("place"), match.end("place"))
        if span is not None and may_be_place(lex, match.group("place")):
            candidates.append(Candidate(span.start, span.end, "GPE", "dateline"))
    return candidates


def may_be_place(lex: Lexicon, text: str) -> bool:
    """Whether the place of a dateline can be one: no weekday or month, no 'FOR IMMEDIATE
    RELEASE', 'PRESS RELEASE' or 'UPDATE'."""
    words = text.lower().split()
    return (
        usual_case(text) not in NOT_PLACES
        and " ".join(words) not in lex.generic
        and not any(w in MINOR_WORDS for w in words)
    )


def untagged_places(doc: Doc, lex: Lexicon, scan: Scan, lists: set[int]) -> list[Candidate]:
    """Proper nouns the model left that are places by where they stand: 'in Sheffield,
    Rotherham and Doncaster', the last untagged."""
    candidates = []
    for i in scan.untagged:
        start = i
        while start > 1 and joins(doc, start - 1):  # 'Abad' of 'Jalal-Abad'
            start -= 2
        while start > 0 and doc[start].ent_iob_ == "I":  # 'Manila' of 'Metro Manila'
            start -= 1
        end = name_run(doc, start, set())
        if located(doc, lex, start, end, scan, lists, False):
            candidates.append(Candidate(start, end, "GPE", "located"))
    return candidates


def located_pieces(
    doc: Doc, lex: Lexicon, ent: Span, scan: Scan, lists: set[int]
) -> list[tuple[int, int]]:
    """The places a name the model tagged stands for by its position, or none: 'Nizhny'
    of 'in Nizhny Tagil' is 'Nizhny Tagil'; an ORG 'Lviv, Odesa' in a list of places is
    two ('Bosnia and Herzegovina', tagged GPE, stays one)."""
    end = max(ent.end, name_run(doc, ent.start, set()))
    pieces = [(ent.start, end)]
    if ent.label_ != "GPE":
        pieces = segments(doc, ent.start, end, LIST_BREAKS)
    person = ent.label_ == "PERSON"
    if all(located(doc, lex, s, e, scan, lists, person) for s, e in pieces):
        return pieces
    return []


def located(
    doc: Doc, lex: Lexicon, start: int, end: int, scan: Scan, lists: set[int], person: bool
) -> bool:
    """Whether a name is a place by where it stands: the object of 'in' or a conjunct of
    it, as in 'in Uttar Pradesh', 'in Lowbridge and Harwick', or listed with places as in
    'visited Lviv, Odesa and Dnipro' (one to three proper nouns, no 'the', no modifier as
    in 'in Muslim communities' or 'in Table 2', no possessive)."""
    name = doc[start:end]
    words = [t for t in name if not joins(doc, t.i)]  # 'Kamensk-Uralsky': two words
    if not 1 <= len(words) <= 3 or not all(place_word(lex, t, scan) for t in words):
        return False
    after = doc[end] if end < len(doc) else None
    if after is not None and (
        after.pos_ in ("NOUN", "PROPN") or after.like_num or after.lower_ in ("'s", "’s")
    ):
        return False
    token = name[-1]
    first = coordination(token)
    if first.i in lists:
        return token.left_edge.i == start
    clause = token.dep_ == "conj" and after is not None and after.pos_ in ("VERB", "AUX")
    # Tagged as a person, several words, a verb after it: two of these make a person,
    # maybe in a new clause ('and Ann Lee', 'in Leeds and Smith said').
    if sum((person, len(name.text.split()) > 1, clause)) >= 2:
        return False
    if in_locative(lex, first):
        return token.left_edge.i >= start  # not 'Medicine' of 'in Public Health Medicine'
    # 'in Preston and Blackpool' parsed as if 'Blackpool' joined another noun: the words say
    # it is a conjunct of the place before it.
    return (
        start >= 2
        and doc[start - 1].lower_ in LIST_BREAKS
        and doc[start - 2].pos_ == "PROPN"
        and in_locative(lex, coordination(doc[start - 2]))
    )


def in_locative(lex: Lexicon, token: Token) -> bool:
    """Whether a word is the whole object of 'in', 'across' or another locative."""
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ in lex.locatives
        and token.left_edge.i == preposition.i + 1
    )


def place_lists(lex: Lexicon, ents: Sequence[Span]) -> set[int]:
    """The first words of lists of three or more that hold a place the model tagged (not
    a 'Centre' it took for one)."""
    return {
        first.i
        for ent in ents
        if ent.label_ == "GPE"
        and not any(usual_case(t.text) in lex.heads for t in ent)
        and len((first := coordination(ent.root)).conjuncts) >= 2
    }


def place_word(lex: Lexicon, token: Token, scan: Scan) -> bool:
    """A word that can be part of a place's name: a proper noun, no acronym, head, title
    or common word written in lower case elsewhere in the doc."""
    text = usual_case(token.text)
    return (
        token.pos_ == "PROPN"
        and is_name(token)
        and not is_acronym(token.text)
        and text not in lex.heads
        and text not in lex.non_org_heads
        and token.lower_ not in lex.title_words | lex.modifiers
        and token.lower_ not in scan.lower
    )


def residents(doc: Doc, lex: Lexicon, scan: Scan) -> list[Candidate]:
    """'a Dayton man', 'an Orhei resident': the proper noun is the place they are from."""
    found = []
    for i in scan.residents:
        if i >= 2 and doc[i - 2].lower_ in ("a", "an") and place_word(lex, doc[i - 1], scan):
            found.append(Candidate(i - 1, i, "GPE", "region"))
    return found


def state_form(doc: Doc, lex: Lexicon, start: int) -> int:
    """Move the start of a country back over "Republic of (the)"."""
    i = start - 1
    if i > 0 and doc[i].lower_ == "the":
        i -= 1
    if i > 0 and doc[i].lower_ == "of" and usual_case(doc[i - 1].text) in lex.state_forms:
        return i - 1
    return start


def regions(doc: Doc, lex: Lexicon, scan: Scan) -> list[Candidate]:
    """'Donetsk region' (head kept), 'the Kyiv and Lviv (border) regions' (one place each),
    'the town of Leova', 'the port of Poti'."""
    candidates = []
    for i in scan.places:
        token = doc[i]
        plural = token.lower_.endswith("s") and token.lower_ != "kray"
        if token.text.islower() and doc[i + 1 : i + 2].text == "of":
            candidates += listed_places(doc, i + 2, plural)
        if token.lower_ not in lex.regions or i == 0:
            continue
        end = token.i
        if end > 1 and doc[end - 1].text.islower() and doc[end - 1].dep_ in ("compound", "amod"):
            end -= 1  # 'the Narva and Koidula border crossings'
        while True:
            start = name_run_left(doc, end)
            if start == end:
                break
            candidates.append(Candidate(start, end if plural else token.i + 1, "GPE", "region"))
            if not plural or start < 2 or doc[start - 1].lower_ not in ("and", ","):
                break
            end = start - 1
    return candidates


def listed_places(doc: Doc, i: int, many: bool) -> list[Candidate]:
    """'the town of Leova', 'the districts of Orhei, Cahul and Ungheni': one place each."""
    places = []
    while (end := name_run(doc, i, set())) > i:
        places.append(Candidate(i, end, "GPE", "region"))
        if not many or end + 1 >= len(doc) or doc[end].lower_ not in (",", "and"):
            break
        i = end + 1
    return places


def counted(doc: Doc, lex: Lexicon, scan: Scan) -> list[Candidate]:
    """Names listed with a count each after a place noun or beside a place the model tagged:
    'the district reported 812, Nashik 640 and Thane 401' (the items after the first)."""
    candidates: list[Candidate] = []
    chain: list[tuple[int, int]] = []
    for i, token in enumerate(doc):
        end = name_run(doc, i, set()) if i >= 2 else i
        item = (
            end > i
            and doc[i - 1].lower_ in LIST_BREAKS
            and doc[i - 2].like_num
            and end < len(doc)
            and doc[end].like_num
            and end - i <= 3
            and all(place_word(lex, t, scan) for t in doc[i:end])
        )
        if item:
            chain.append((i, end))
        elif chain and (token.is_sent_start or i > chain[-1][1] + 2):
            candidates += anchored(doc, scan, chain)
            chain = []
    return candidates + anchored(doc, scan, chain)


def anchored(doc: Doc, scan: Scan, chain: list[tuple[int, int]]) -> list[Candidate]:
    """The items of a counted list, when a place noun opens its sentence or the model tagged
    one of them a place."""
    if not chain:
        return []
    first = chain[0][0]
    sentence = doc[first].sent.start
    noun = any(sentence <= i < first for i in scan.places)
    tagged = any(doc[s].ent_type_ in ("GPE", "LOC") for s, _ in chain)
    if not (noun or tagged):
        return []
    return [Candidate(s, e, "GPE", "located") for s, e in chain]
