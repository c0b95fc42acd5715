"""The spans the entity rules pass along: one scan of a doc's tokens, the candidates the
rules propose, and the mentions they accept."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .lexicon import Lexicon
from .tokens import name_run_left, usual_case

# Labels the small model gives names it does not know ('across Lancashire' as a PRODUCT):
# no evidence either way, as if it had left them.
GUESSED_LABELS = frozenset({"", "PRODUCT", "FAC", "WORK_OF_ART"})


@dataclass
class Candidate:
    """A proposed entity span, in token offsets."""

    start: int
    end: int
    label: str
    origin: str


@dataclass
class Accepted:
    """A validated mention and what clustering learns about it."""

    start: int
    end: int
    label: str
    name: str
    titles: list[str] = field(default_factory=list)
    alias_of: str | None = None  # the long form an acronym was defined as


@dataclass
class Scan:
    """What one pass over the tokens finds: where the rules may fire, and the words in use."""

    heads: list[int] = field(default_factory=list)  # organisation heads: 'Ministry', 'OFFICE'
    places: list[int] = field(default_factory=list)  # region heads and place nouns
    residents: list[int] = field(default_factory=list)  # 'a Dayton man'
    brackets: list[int] = field(default_factory=list)  # '(' of a possible acronym
    untagged: list[int] = field(default_factory=list)  # names the model left, in a PP
    countries: list[tuple[int, int]] = field(default_factory=list)  # from the gazetteer
    subdivisions: list[tuple[int, int]] = field(default_factory=list)  # states, provinces
    ents: Sequence[Span] = ()  # the model's entities
    verbs: set[int] = field(default_factory=set)  # 'Releases' in a headline
    names: dict[str, list[int]] = field(default_factory=dict)  # capitalised words, by text
    lower: set[str] = field(default_factory=set)  # words written in lower case
    cased: dict[str, str] = field(default_factory=dict)  # 'georgia' -> 'Georgia' as written
    things: set[int] = field(default_factory=set)  # names of roads and currencies (see things)


def scan_doc(
    doc: Doc,
    lex: Lexicon,
    countries: list[tuple[int, int]],
    subdivisions: list[tuple[int, int]],
) -> Scan:
    """One pass over the tokens: the places where rules may fire, and the words in use."""
    scan = Scan(countries=countries, subdivisions=subdivisions, ents=doc.ents)
    for i, text in enumerate(t.text for t in doc):
        if text.islower():
            scan.lower.add(text)
            if text in lex.place_nouns:
                scan.places.append(i)
            elif text in lex.residents:
                scan.residents.append(i)
        elif text[:1].isupper():
            lower = text.lower()
            scan.names.setdefault(text, []).append(i)
            if not text.isupper():
                scan.cased.setdefault(lower, text)
            if usual_case(text) in lex.heads:
                scan.heads.append(i)
            elif text in lex.headline_verbs:
                scan.verbs.add(i)
            elif lower in lex.place_nouns:
                scan.places.append(i)
            elif doc[i].dep_ in ("conj", "pobj") and doc[i].ent_type_ in GUESSED_LABELS:
                scan.untagged.append(i)
        elif text == "(":
            scan.brackets.append(i)
    scan.things = things(doc, lex)
    return scan


def things(doc: Doc, lex: Lexicon) -> set[int]:
    """Tokens of names that designate a road or a currency, not a place or a body: 'U.S.
    Route 33', 'State Highway 1', 'Interstate 70' (a road word before a number) and 'US
    dollar', 'Hong Kong dollars' (names before a currency)."""
    found: set[int] = set()
    for i, token in enumerate(doc):
        if token.text in lex.roads and doc[i + 1 : i + 2].text[:1].isdigit():
            found.update(range(name_run_left(doc, i), i + 2))
        elif token.text in lex.currencies:  # lower case: 'Rand Water' is a name
            found.update(range(name_run_left(doc, i), i))
    return found
