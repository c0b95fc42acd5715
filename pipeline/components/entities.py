"""pressfacts_entities: people with titles, organisations and places, each with one name.

Propose, then validate. The model's entities, a gazetteer of countries and patterns around
organisation heads ("... Ministry of X"), place nouns ("Donetsk region", "the town of Leova",
"a Dayton man"), datelines and acronym definitions ("Federal Bureau of Investigation (FBI)")
propose spans; a validation step trims, relabels or rejects them; mentions of one person,
organisation or place are then grouped under its fullest name. Text in capitals (a letterhead)
is read in its usual case. The rules are data: `data/entity_rules.json` and
`data/countries.tsv`.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..errors import ErrorCode, PressfactsError
from ..extensions import SPANS_ENTITIES, doc_text
from ..mentions import EntityInfo

DATA = Path(__file__).resolve().parent.parent / "data"
RULES_PATH = DATA / "entity_rules.json"
COUNTRIES_PATH = DATA / "countries.tsv"

FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&", "de"})
CLOSED_CLASSES = frozenset({"ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"})
QUOTES = frozenset({'"', "“", "”"})
BREAKS = frozenset({":", ";", "–", "—", "•", "(", ")", "|", '"', "“", "”", "/"})
LIST_BREAKS = frozenset({",", "and"})
# Model labels read besides PERSON (see _people): LOC for regions, NORP for acronyms ("UPI").
MODEL_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP"})
ORIGIN_RANK = {"region": 0, "country": 1, "dateline": 1, "located": 1, "head": 2, "model": 3}
# Model labels a name may carry where its position makes it a place ('in Harwick').
PLACE_LIKE = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC"})
# Words a headline in Title Case leaves in lower case.
MINOR_WORDS = FUNCTION_WORDS | {"a", "an", "at", "by", "to", "with", "as", "from", "or", "but"}
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


class EntityRules(BaseModel):
    """Word lists that drive the entity rules (data/entity_rules.json)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    titles: list[str]
    title_modifiers: list[str]
    org_heads: list[str]
    non_org_heads: list[str]
    programme_words: list[str]
    generic_names: list[str]
    non_issuing_units: list[str]
    region_heads: list[str]
    place_nouns: list[str]
    resident_nouns: list[str]
    headline_verbs: list[str]
    state_forms: list[str]
    locative_prepositions: list[str]
    directional_prepositions: list[str]

    @field_validator("*")
    @classmethod
    def _trimmed(cls, value: list[str]) -> list[str]:
        if not value or any(not v or v != v.strip() for v in value):
            raise ValueError("each list must be non-empty and hold trimmed, non-empty strings")
        return value


@dataclass(frozen=True)
class Country:
    """A country with the other names and the adjectives it goes by."""

    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> EntityRules:
    """The entity rules, validated; raise E011 when the file is unreadable or malformed."""
    try:
        return EntityRules.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e


@lru_cache(maxsize=4)
def load_countries(path: Path = COUNTRIES_PATH) -> tuple[Country, ...]:
    """The country gazetteer: one `name<TAB>aliases<TAB>demonyms` row each, `;` inside fields."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e
    countries = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not cells[0].strip():
            raise PressfactsError(ErrorCode.E011, path=path, detail=f"line {number}: {line!r}")
        aliases, demonyms = ([v.strip() for v in c.split(";") if v.strip()] for c in cells[1:])
        countries.append(Country(cells[0].strip(), tuple(aliases), tuple(demonyms)))
    return tuple(countries)


def may_issue(name: str) -> bool:
    """Whether an organisation can be the issuer of a release: no press service or collegium
    that speaks for another body."""
    return not any(name.startswith(unit) for unit in load_rules().non_issuing_units)


@dataclass
class _Cand:
    """A proposed entity span, in token offsets."""

    start: int
    end: int
    label: str
    origin: str


@dataclass
class _Title:
    """A title: modifiers and head [start, core_end), then its complement up to end."""

    start: int
    core_end: int
    end: int
    attached: bool  # directly before a person, or before a title that is


@dataclass
class _Scan:
    """What one pass over the tokens finds: where the rules may fire, and the words in use."""

    heads: list[int] = field(default_factory=list)  # organisation heads: 'Ministry', 'OFFICE'
    places: list[int] = field(default_factory=list)  # region heads and place nouns
    residents: list[int] = field(default_factory=list)  # 'a Dayton man'
    brackets: list[int] = field(default_factory=list)  # '(' of a possible acronym
    untagged: list[int] = field(default_factory=list)  # proper nouns the model left, in a PP
    countries: list[tuple[int, int]] = field(default_factory=list)  # from the gazetteer
    ents: Sequence[Span] = ()  # the model's entities
    verbs: set[int] = field(default_factory=set)  # 'Releases' in a headline
    names: dict[str, list[int]] = field(default_factory=dict)  # capitalised words, by text
    lower: set[str] = field(default_factory=set)  # words written in lower case
    cased: dict[str, str] = field(default_factory=dict)  # 'georgia' -> 'Georgia' as written


@dataclass
class _Context:
    """What validation knows about the doc: where titles are, which surnames are known."""

    zone: set[int]  # tokens of title heads and their modifiers
    complements: set[int]  # tokens of the "of ..." parts of titles
    title_starts: set[int]
    surnames: dict[str, int]
    scan: _Scan


@dataclass
class _Accepted:
    """A validated mention and what clustering learns about it."""

    start: int
    end: int
    label: str
    name: str
    titles: list[str] = field(default_factory=list)
    alias_of: str | None = None  # the long form an acronym was defined as


@Language.factory("pressfacts_entities", assigns=["doc.spans"], requires=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """Factory of the entities component."""
    return EntitiesComponent(nlp)


class EntitiesComponent:
    """People (with titles), organisations and places in doc.spans["pressfacts_entities"]."""

    def __init__(self, nlp: Language) -> None:
        self.rules = load_rules()
        countries = load_countries()
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.titles.add("TITLE", [nlp.make_doc(t) for t in self.rules.titles])
        self.places = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = {s: c.name for c in countries for s in (c.name, *c.aliases)}
        capitals = {s.upper() for s in surfaces if len(s) > 3}  # 'GEORGIA' in a letterhead
        self.places.add("COUNTRY", [nlp.make_doc(s) for s in sorted({*surfaces, *capitals})])
        self.modifiers = {m.lower() for m in self.rules.title_modifiers}
        self.title_words = {w.lower() for t in self.rules.titles for w in re.split(r"[ -]", t)}
        self.heads = set(self.rules.org_heads)
        self.non_org_heads = set(self.rules.non_org_heads)
        self.generic = {g.lower() for g in self.rules.generic_names}
        self.regions = {r.lower() for r in self.rules.region_heads}
        self.place_nouns = self.regions | {p.lower() for p in self.rules.place_nouns}
        self.residents = {r.lower() for r in self.rules.resident_nouns}
        self.headline_verbs = set(self.rules.headline_verbs)
        self.programmes = {w.lower() for w in self.rules.programme_words}
        self.state_forms = {f.split()[-1] for f in self.rules.state_forms}
        self.locatives = {p.lower() for p in self.rules.locative_prepositions}
        self.directions = {p.lower() for p in self.rules.directional_prepositions}
        self.demonyms = {d: c.name for c in countries for d in c.demonyms}
        self.country_of = {**surfaces, **self.demonyms}
        names = sorted(self.country_of, key=len, reverse=True)
        self.country_re = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")

    def __call__(self, doc: Doc) -> Doc:
        scan = self._scan(doc)
        title_matches = sorted(
            {(s, e) for _, s, e in self.titles(doc)}, key=lambda m: (m[0], -m[1])
        )
        people = self._people(doc, scan, title_matches)
        persons = {i for start, end in people for i in range(start, end)}
        titles = self._titles(doc, title_matches, {start for start, _ in people}, scan.verbs)
        zone = {i for t in titles for i in range(t.start, t.core_end)}
        candidates = [_Cand(start, end, "PERSON", "model") for start, end in people]
        candidates += self._propose(doc, titles, zone, persons, scan)
        candidates = [c for c in candidates if c.end > c.start]
        context = _Context(
            zone=zone,
            complements={i for t in titles for i in range(t.core_end, t.end)},
            title_starts={t.start for t in titles},
            surnames=_surnames(doc, candidates),
            scan=scan,
        )
        valid = [v for c in candidates if (v := self._validate(doc, c, context)) is not None]
        accepted = self._resolve(doc, valid, scan)
        accepted = self._acronyms(doc, accepted, scan)
        accepted += _surname_mentions(doc, accepted, _surnames(doc, valid), scan)
        accepted.sort(key=lambda a: (a.start, a.end))
        self._attach_titles(doc, accepted, titles)
        self._cluster(accepted)
        spans = []
        for a in accepted:
            span = doc[a.start : a.end]
            span._.pressfacts_entity = EntityInfo(a.label, a.name, a.titles)
            spans.append(span)
        doc.spans[SPANS_ENTITIES] = spans
        return doc

    # -- proposals -------------------------------------------------------------------------

    def _scan(self, doc: Doc) -> _Scan:
        """One pass over the tokens: the places where rules may fire, and the words in use."""
        countries = [(start, end) for _, start, end in self.places(doc)]
        scan = _Scan(countries=countries, ents=doc.ents)
        for i, text in enumerate(t.text for t in doc):
            if text.islower():
                scan.lower.add(text)
                if text in self.place_nouns:
                    scan.places.append(i)
                elif text in self.residents:
                    scan.residents.append(i)
            elif text[:1].isupper():
                lower = text.lower()
                scan.names.setdefault(text, []).append(i)
                if not text.isupper():
                    scan.cased.setdefault(lower, text)
                if _usual_case(text) in self.heads:
                    scan.heads.append(i)
                elif text in self.headline_verbs:
                    scan.verbs.add(i)
                elif lower in self.place_nouns:
                    scan.places.append(i)
                elif doc[i].dep_ in ("conj", "pobj") and not doc[i].ent_type:
                    scan.untagged.append(i)
            elif text == "(":
                scan.brackets.append(i)
        return scan

    def _titles(
        self, doc: Doc, matches: list[tuple[int, int]], person_starts: set[int], verbs: set[int]
    ) -> list[_Title]:
        """Every title in the doc, with the "of ..." complement it governs."""
        cores: list[tuple[int, int]] = []
        for start, end in matches:
            if cores and start < cores[-1][1]:
                continue
            while start > 0 and doc[start - 1].lower_ in self.modifiers:
                start -= 1
            cores.append((start, end))
        attached: set[int] = set()
        for start, end in reversed(cores):
            if end in person_starts or end in attached:
                attached.add(start)
        stops = person_starts | attached | verbs
        return [_Title(s, e, self._complement(doc, e, stops), s in attached) for s, e in cores]

    def _people(
        self, doc: Doc, scan: _Scan, title_matches: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The model's people, and names that close an organisation's or a place's name in a
        title: in 'Chief of the State Police Anna Berzina told' and 'Minister of Internal
        Affairs of Ukraine Ihor Klymenko and ...', 'Anna Berzina' and 'Ihor Klymenko' are
        people."""
        people = [(e.start, e.end) for e in scan.ents if e.label_ == "PERSON"]
        places = [end - 1 for _, end in scan.countries] + [
            i for i in scan.places if doc[i].text[:1].isupper()
        ]
        of_place = [
            i for i in places if {"of", "to", "for"} & {t.lower_ for t in doc[max(i - 3, 0) : i]}
        ]
        for i in scan.heads + of_place:
            end = i + 1
            while end < len(doc) and end - i <= 4 and self._name_word(doc[end], scan):
                end += 1
            if 2 <= end - i - 1 <= 3 and not (end < len(doc) and _is_name(doc[end])):
                people.append((i + 1, end))
        return people + self._named_by_title(doc, people, title_matches, scan)

    def _name_word(self, token: Token, scan: _Scan) -> bool:
        """A word that can be part of a person's name: a proper noun, no acronym, no title,
        head or country, and never written in lower case in the doc."""
        text = token.text
        return (
            token.pos_ == "PROPN"
            and _is_name(token)
            and not _is_acronym(text)
            and text not in self.heads
            and text not in self.country_of
            and token.lower_ not in self.title_words | self.modifiers
            and token.lower_ not in scan.lower
        )

    def _named_by_title(
        self,
        doc: Doc,
        people: list[tuple[int, int]],
        title_matches: list[tuple[int, int]],
        scan: _Scan,
    ) -> list[tuple[int, int]]:
        """'Minister of Health Ana Ciobanu urged': the proper noun a title modifies, with the
        proper nouns compounded before it, is a person even where the model tagged nothing."""
        taken = {i for start, end in people for i in range(start, end)}
        found = []
        for _, title_end in title_matches:
            title = doc[title_end - 1]
            head = title.head
            if title.dep_ not in ("nmod", "compound") or head.i < title_end or head.pos_ != "PROPN":
                continue
            start = head.i
            while (
                start - 1 >= title_end
                and doc[start - 1].dep_ == "compound"
                and doc[start - 1].head.i == head.i
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].lower_ not in self.title_words | self.modifiers
            ):
                start -= 1
            name = doc[start : head.i + 1]
            if not 2 <= len(name) <= 3 or any(t.i in taken for t in name):
                continue
            if all(self._name_word(t, scan) for t in name):
                found.append((start, head.i + 1))
                taken.update(t.i for t in name)
        return found

    def _propose(
        self, doc: Doc, titles: list[_Title], zone: set[int], persons: set[int], scan: _Scan
    ) -> list[_Cand]:
        stops = persons | {t.start for t in titles if t.attached} | scan.verbs
        candidates = []
        lists = self._place_lists(scan.ents)
        for ent in scan.ents:
            label = ent.label_
            if label in PLACE_LIKE and (pieces := self._located_pieces(doc, ent, scan, lists)):
                candidates += [_Cand(s, e, "GPE", "located") for s, e in pieces]
                continue
            if label not in MODEL_LABELS or (label == "NORP" and not _is_acronym(ent.text)):
                continue
            if any(q in ent.text for q in QUOTES):  # the model cut a quoted name in two
                continue
            label = "ORG" if label == "NORP" else label
            segments = _segments(doc, ent.start, ent.end)
            if len(segments) > 1:  # a span across a line or a colon: keep the named pieces
                segments = [s for s in segments if s[1] - s[0] > 1 or _is_acronym(doc[s[0]].text)]
            for start, end in (_trim(doc, s, e) for s, e in segments):
                if label == "ORG":
                    end = next((i for i in range(start, end) if i in stops), end)
                    of = [i for i in range(start, end) if doc[i].lower_ in ("of", "for")]
                    end = max(end, self._complement(doc, of[-1] if of else end, stops))
                candidates.append(_Cand(start, end, label, "model"))
        for i in scan.heads:
            if i not in zone:
                start = self._left(doc, i, stops)
                candidates.append(_Cand(start, self._complement(doc, i + 1, stops), "ORG", "head"))
        for start, end in scan.countries:
            candidates.append(_Cand(self._state_form(doc, start), end, "GPE", "country"))
        candidates += self._regions(doc, scan)
        candidates += self._residents(doc, scan)
        for i in scan.untagged:  # 'in Sheffield, Rotherham and Doncaster', the last untagged
            start = i
            while start > 1 and _joins(doc, start - 1):  # 'Abad' of 'Jalal-Abad'
                start -= 2
            end = _name_run(doc, start, set())
            if self._located(doc, start, end, scan, lists, False):
                candidates.append(_Cand(start, end, "GPE", "located"))
        text = doc_text(doc)
        for match in (*DATELINE.finditer(text), *WIRE_DATELINE.finditer(text)):
            span = doc.char_span(match.start("place"), match.end("place"))
            if span is not None and self._may_be_place(match.group("place")):
                candidates.append(_Cand(span.start, span.end, "GPE", "dateline"))
        return candidates

    def _may_be_place(self, text: str) -> bool:
        """Whether the place of a dateline can be one: no weekday or month, no 'FOR IMMEDIATE
        RELEASE', 'PRESS RELEASE' or 'UPDATE'."""
        words = text.lower().split()
        return (
            _usual_case(text) not in NOT_PLACES
            and " ".join(words) not in self.generic
            and not any(w in MINOR_WORDS for w in words)
        )

    def _located_pieces(
        self, doc: Doc, ent: Span, scan: _Scan, lists: set[int]
    ) -> list[tuple[int, int]]:
        """The places a name the model tagged stands for by its position, or none: 'Nizhny'
        of 'in Nizhny Tagil' is 'Nizhny Tagil'; an ORG 'Lviv, Odesa' in a list of places is
        two ('Bosnia and Herzegovina', tagged GPE, stays one)."""
        end = max(ent.end, _name_run(doc, ent.start, set()))
        pieces = [(ent.start, end)]
        if ent.label_ != "GPE":
            pieces = _segments(doc, ent.start, end, LIST_BREAKS)
        person = ent.label_ == "PERSON"
        if all(self._located(doc, s, e, scan, lists, person) for s, e in pieces):
            return pieces
        return []

    def _located(
        self, doc: Doc, start: int, end: int, scan: _Scan, lists: set[int], person: bool
    ) -> bool:
        """Whether a name is a place by where it stands: the object of 'in' or a conjunct of
        it, as in 'in Uttar Pradesh', 'in Lowbridge and Harwick', or listed with places as in
        'visited Lviv, Odesa and Dnipro' (one to three proper nouns, no 'the', no modifier as
        in 'in Muslim communities' or 'in Table 2', no possessive)."""
        name = doc[start:end]
        words = [t for t in name if not _joins(doc, t.i)]  # 'Kamensk-Uralsky': two words
        if not 1 <= len(words) <= 3 or not all(self._place_word(t, scan) for t in words):
            return False
        after = doc[end] if end < len(doc) else None
        if after is not None and (
            after.pos_ in ("NOUN", "PROPN") or after.like_num or after.lower_ in ("'s", "’s")
        ):
            return False
        token = name[-1]
        first = _coordination(token)
        if first.i in lists:
            return token.left_edge.i == start
        clause = token.dep_ == "conj" and after is not None and after.pos_ in ("VERB", "AUX")
        # Tagged as a person, several words, a verb after it: two of these make a person,
        # maybe in a new clause ('and Ann Lee', 'in Leeds and Smith said').
        if sum((person, len(name.text.split()) > 1, clause)) >= 2:
            return False
        token = first
        preposition = token.head
        return (
            token.dep_ == "pobj"
            and preposition.lower_ in self.locatives
            and token.left_edge.i == preposition.i + 1
        )

    def _place_lists(self, ents: Sequence[Span]) -> set[int]:
        """The first words of lists of three or more that hold a place the model tagged (not
        a 'Centre' it took for one)."""
        return {
            first.i
            for ent in ents
            if ent.label_ == "GPE"
            and not any(_usual_case(t.text) in self.heads for t in ent)
            and len((first := _coordination(ent.root)).conjuncts) >= 2
        }

    def _place_word(self, token: Token, scan: _Scan) -> bool:
        """A word that can be part of a place's name: a proper noun, no acronym, head, title
        or common word written in lower case elsewhere in the doc."""
        text = _usual_case(token.text)
        return (
            token.pos_ == "PROPN"
            and _is_name(token)
            and not _is_acronym(token.text)
            and text not in self.heads
            and text not in self.non_org_heads
            and token.lower_ not in self.title_words | self.modifiers
            and token.lower_ not in scan.lower
        )

    def _residents(self, doc: Doc, scan: _Scan) -> list[_Cand]:
        """'a Dayton man', 'an Orhei resident': the proper noun is the place they are from."""
        found = []
        for i in scan.residents:
            if i >= 2 and doc[i - 2].lower_ in ("a", "an") and self._place_word(doc[i - 1], scan):
                found.append(_Cand(i - 1, i, "GPE", "region"))
        return found

    def _left(self, doc: Doc, i: int, stops: set[int]) -> int:
        """Start of the capitalised modifiers before an organisation head."""
        start = i
        while start > 0 and start - 1 not in stops:
            token = doc[start - 1]
            glue = token.text == "&" or token.lower_ == "'s" or _joins(doc, start - 1)
            glue = glue or (token.text == "and" and self._paired(doc, start - 1))
            if start > 1 and doc[start - 2].text in self.country_of:
                glue = glue and token.lower_ != "'s"  # "Mexico's National Guard"
            if not (_is_modifier(token) or (glue and start > 1 and _is_name(doc[start - 2]))):
                break
            start -= 1
        return start

    def _paired(self, doc: Doc, i: int) -> bool:
        """Whether the 'and' at i joins two words of one name: 'the Border and Migration
        Police' (one or two words before it, no head among them, opened by 'the', a comma or a
        line)."""
        first = _name_run_left(doc, i)
        if not 1 <= i - first <= 2 or any(_usual_case(t.text) in self.heads for t in doc[first:i]):
            return False
        return first == 0 or doc[first - 1].lower_ in ("the", ",") or "\n" in doc[first - 1].text

    def _complement(self, doc: Doc, i: int, stops: set[int]) -> int:
        """End of an "of X", "for the Y and Z" complement that starts at token i. A list that
        runs into another organisation is none: 'of Georgia, Information and Public Relations
        Department' ends at 'Georgia'."""
        end, list_start = i, None
        while end < len(doc):
            j = end
            word = doc[j].lower_
            if word in ("of", "for"):
                j += 1
                if j < len(doc) and doc[j].lower_ == "the":
                    j += 1
                list_start = None
            elif end > i and (
                word in ("and", "&") or (word == "," and self._listed(doc, j, stops))
            ):
                j += 1
                if word == "," and list_start is None:
                    list_start = end
            else:
                break
            k = _name_run(doc, j, stops)
            if k == j:
                break
            if word in ("and", "&", ",") and any(
                _usual_case(t.text) in self.heads for t in doc[j:k]
            ):
                return end if list_start is None else list_start
            end = k
        return end

    def _listed(self, doc: Doc, i: int, stops: set[int]) -> bool:
        """Whether the comma at i starts a list closed by "and": "of A, B and C"."""
        while i < len(doc) and doc[i].text == ",":
            k = _name_run(doc, i + 1, stops)
            if k == i + 1:
                return False
            i = k
        closed = i < len(doc) and doc[i].lower_ in ("and", "&")
        return closed and _name_run(doc, i + 1, stops) > i + 1

    def _state_form(self, doc: Doc, start: int) -> int:
        """Move the start of a country back over "Republic of (the)"."""
        i = start - 1
        if i > 0 and doc[i].lower_ == "the":
            i -= 1
        if i > 0 and doc[i].lower_ == "of" and _usual_case(doc[i - 1].text) in self.state_forms:
            return i - 1
        return start

    def _regions(self, doc: Doc, scan: _Scan) -> list[_Cand]:
        """'Donetsk region' (head kept), 'the Kyiv and Lviv regions' (one place each), 'the
        town of Leova', 'the port of Poti'."""
        candidates = []
        for i in scan.places:
            token = doc[i]
            plural = token.lower_.endswith("s") and token.lower_ != "kray"
            if token.text.islower() and doc[i + 1 : i + 2].text == "of":
                candidates += self._listed_places(doc, i + 2, plural)
            if token.lower_ not in self.regions or i == 0:
                continue
            end = token.i
            while True:
                start = _name_run_left(doc, end)
                if start == end:
                    break
                candidates.append(_Cand(start, end if plural else token.i + 1, "GPE", "region"))
                if not plural or start < 2 or doc[start - 1].lower_ not in ("and", ","):
                    break
                end = start - 1
        return candidates

    def _listed_places(self, doc: Doc, i: int, many: bool) -> list[_Cand]:
        """'the town of Leova', 'the districts of Orhei, Cahul and Ungheni': one place each."""
        places = []
        while (end := _name_run(doc, i, set())) > i:
            places.append(_Cand(i, end, "GPE", "region"))
            if not many or end + 1 >= len(doc) or doc[end].lower_ not in (",", "and"):
                break
            i = end + 1
        return places

    # -- validation ------------------------------------------------------------------------

    def _validate(self, doc: Doc, cand: _Cand, context: _Context) -> _Cand | None:
        """Trim a candidate, then accept, relabel or reject it."""
        zone, surnames = context.zone, context.surnames
        start, end = _trim(doc, cand.start, cand.end)
        for i in range(start + 1, end - 1):  # "Later the Police Agency": the name starts after
            if doc[i].lower_ == "the" and doc[i - 1].lower_ not in FUNCTION_WORDS:
                start = i + 1
        if cand.label == "PERSON":
            while start < end and (start in zone or doc[start].lower_ in self.modifiers):
                start += 1
        if end <= start or not _is_name(doc[start]) or all(i in zone for i in range(start, end)):
            return None  # nothing left, or only a title ('U.S.' of 'U.S. Attorney')
        if doc[start - 1 : start].text in QUOTES and doc[end : end + 1].text in QUOTES:
            return None  # a quoted name is a programme or a system: 'the "Safe City" system'
        raw = [t.text for t in doc[start:end] if not t.is_punct]
        acronym = any(map(_is_acronym, raw))  # in running text; a letterhead is all capitals
        text = _usual_case(doc[start:end].text)  # for looking words up: 'MINISTRY' -> 'Ministry'
        words = [_usual_case(w) for w in raw]
        single = end - start == 1
        label = cand.label
        if text in self.country_of and text not in self.demonyms:
            label = "GPE"
        elif text in self.demonyms:
            return None
        elif label == "GPE" and cand.origin == "model" and acronym and not _in_headline(doc, start):
            label = "ORG"  # 'UNICEF' (the countries that go by letters are in the gazetteer)
        elif label == "LOC":
            return None if cand.origin != "region" else _Cand(start, end, "GPE", cand.origin)
        elif label == "PERSON":
            if acronym:
                return None
            if single and text.rsplit(".", 1)[-1] not in surnames and start - 1 not in zone:
                return None
            if cand.origin == "model" and _lowered(doc, start, end, context.scan):
                return None
        elif label == "ORG":
            has_head = any(w in self.heads for w in words)
            if text.lower() in self.generic:
                return None
            if not has_head and (
                words[-1] in self.non_org_heads
                or words[0].lower() in self.programmes
                or _next_word(doc, end).lower() in self.programmes
            ):
                return None  # 'Consumer Price Index', 'the Project Safe Streets initiative'
            if not has_head and doc[end : end + 1].text in self.regions:
                return None  # 'the Vyborg and Gatchina districts': places (see _regions)
            if single and not has_head and _unattested(doc, start, context.scan):
                return None
            in_title = start in zone or (start in context.complements and not acronym)
            if not has_head and in_title:
                return None  # a title ('Major General of Justice') or a part of one
            if (single and text in surnames) or (
                not has_head and self._named_like_person(doc, start, end, context)
            ):
                label = "PERSON"
            elif single and not has_head and not acronym:
                if doc[start].pos_ != "PROPN":
                    return None
                if start > 0 and doc[start - 1].lower_ in self.locatives | self.directions:
                    label = "GPE"
        return _Cand(start, end, label, cand.origin)

    def _named_like_person(self, doc: Doc, start: int, end: int, context: _Context) -> bool:
        """Two or three proper nouns after a title, before a role or before an age: 'Natalia
        Rotaru, Head of the Directorate', 'Marcus Reed, 34,' is a person whatever the model
        said."""
        if not 2 <= end - start <= 3 or not all(t.pos_ == "PROPN" for t in doc[start:end]):
            return False
        after = end + 1 if doc[end : end + 1].text == "," else None
        if after is None:
            return start - 1 in context.zone
        if doc[after : after + 2].text.endswith(",") and doc[after].like_num:
            return True  # an age in apposition
        if doc[after : after + 1].text.lower() == "the":
            after += 1
        return start - 1 in context.zone or after in context.title_starts

    def _resolve(self, doc: Doc, candidates: list[_Cand], scan: _Scan) -> list[_Accepted]:
        """Longest spans first; a place may sit inside an organisation, and an organisation
        inside another after its "of (the)"."""
        order = sorted(
            candidates, key=lambda c: (-(c.end - c.start), ORIGIN_RANK[c.origin], c.start)
        )
        kept: list[_Cand] = []
        for cand in order:
            if all(
                c.end <= cand.start or cand.end <= c.start or self._nests(doc, cand, c)
                for c in kept
            ):
                kept.append(cand)
        return [_Accepted(c.start, c.end, c.label, self._name(doc, c, scan)) for c in kept]

    def _name(self, doc: Doc, cand: _Cand, scan: _Scan) -> str:
        """The text of a name on one line, in its usual case when written in capitals:
        'MINISTRY OF JUSTICE OF GEORGIA' -> 'Ministry of Justice of Georgia', 'COLUMBUS' of a
        dateline -> 'Columbus'. One word in capitals the model found ('NATO') stays unless the
        doc also writes it in lower case."""
        text = _clean(doc[cand.start : cand.end].text)
        words = re.findall(r"[A-Z]+", text)
        place = cand.origin == "dateline"  # 'NEW YORK', 'OSH': no acronyms
        if any(c.islower() for c in text) or not (place or any(len(w) > 3 for w in words)):
            return text
        if len(words) == 1 and text.lower() not in scan.cased and cand.origin == "model":
            return text  # an acronym, 'NATO', unless the doc writes it in lower case

        def usual(match: re.Match[str]) -> str:
            word = match.group(0)
            if word.lower() in FUNCTION_WORDS or (word == "S" and text[match.start() - 1] in "'’"):
                return word.lower()
            return scan.cased.get(
                word.lower(), word.capitalize() if len(word) > 3 or place else word
            )

        return re.sub(r"[A-Z]+", usual, text)

    def _nests(self, doc: Doc, inner: _Cand, outer: _Cand) -> bool:
        """Whether a name inside an organisation's is one of its own: a country, or a place
        the model or a place noun found, by its name ('Kenya National Bureau of Statistics',
        'Tbilisi City Court'; not 'U.S.' in 'U.S. Sentencing Commission'), or anything after
        its 'of (the)'."""
        if not (outer.start <= inner.start and inner.end <= outer.end) or outer.label != "ORG":
            return False
        if (inner.start, inner.end) == (outer.start, outer.end):
            return False
        named = inner.label == "GPE" and inner.origin in ("country", "model", "region")
        if named and not _is_acronym(doc[inner.start : inner.end].text):
            return True
        before = doc[inner.start - 1].lower_
        if before == "the" and inner.start - 2 >= outer.start:
            before = doc[inner.start - 2].lower_
        return before in ("of", "for")

    def _acronyms(self, doc: Doc, accepted: list[_Accepted], scan: _Scan) -> list[_Accepted]:
        """Apply "Long Form (LF)" definitions: LF is another name of the organisation, or, when
        the long form is no organisation ("Crime Severity Index (CSI)"), no entity at all. An
        acronym may leave words out: 'Centers for Disease Control and Prevention (CDC)'."""
        aliases: dict[str, str] = {}
        rejected: set[str] = set()
        for i in scan.brackets:
            acronym = doc[i + 1].text if 0 < i < len(doc) - 2 else ""
            if doc[i + 2 : i + 3].text != ")" or not _is_acronym(acronym):
                continue
            start = _long_form(doc, i, acronym)
            ending = [a for a in accepted if a.label == "ORG" and a.end == i]
            if start is None:
                if ending and _abbreviates(acronym, ending[0].name):
                    aliases[acronym] = ending[0].name
                continue
            org = next((a for a in ending if a.start <= start), None)
            if org is not None:
                aliases[acronym] = org.name
            elif any(_usual_case(t.text) in self.heads for t in doc[start:i]) and (
                doc[i - 1].text not in self.non_org_heads
            ):
                inside = [a for a in accepted if a.label == "ORG" and start <= a.start < i]
                accepted[:] = [a for a in accepted if a not in inside]
                long_form = self._name(doc, _Cand(start, i, "ORG", "model"), scan)
                accepted.append(_Accepted(start, i, "ORG", long_form))
                aliases[acronym] = accepted[-1].name
            else:  # and "CSI" in "Non-violent CSI (NVCSI)" names no organisation either
                rejected |= {acronym, *(t.text for t in doc[start:i] if _is_acronym(t.text))}
        kept = [a for a in accepted if not (a.label == "ORG" and rejected & set(a.name.split()))]
        covered = {i for a in kept for i in range(a.start, a.end)}
        for acronym in aliases:
            for i in scan.names.get(acronym, []):
                if i not in covered:
                    kept.append(_Accepted(i, i + 1, "ORG", acronym))
        for a in kept:
            if a.label == "ORG" and a.name in aliases:
                a.alias_of = aliases[a.name]
        return kept

    def _attach_titles(self, doc: Doc, accepted: list[_Accepted], titles: list[_Title]) -> None:
        """Titles right before a person ("Minister X Colonel-General Y Z") and roles in
        apposition after it ("Y Z, Governor of the Region")."""
        by_end = {t.end: t for t in titles}
        by_core_end = {t.core_end: t for t in titles}
        by_start = {t.start: t for t in titles}
        for a in accepted:
            if a.label != "PERSON":
                continue
            found: list[_Title] = []
            title = by_end.get(a.start) or by_core_end.get(a.start)
            while title is not None:
                found.insert(0, title)
                j = title.start
                if j > 0 and doc[j - 1].text in (",", "and"):
                    j -= 1
                title = by_end.get(j)
            j = a.end
            separators: tuple[str, ...] = (",",)
            while j < len(doc) and doc[j].text in separators:
                j += 1
                if j < len(doc) and doc[j].lower_ == "the":
                    j += 1
                title = by_start.get(j)
                if title is None:
                    break
                found.append(title)
                j = title.end
                separators = (",", "and", "–", "—", "-")
            a.titles = [_clean(doc[t.start : t.end].text) for t in found]

    # -- clustering --------------------------------------------------------------------------

    def _cluster(self, accepted: list[_Accepted]) -> None:
        """Give every mention of the same entity one label and its fullest name."""
        parent = list(range(len(accepted)))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i: int, j: int) -> None:
            parent[max(find(i), find(j))] = min(find(i), find(j))

        keys = [self._key(a) for a in accepted]
        first: dict[tuple[str, frozenset[str]], int] = {}
        for i, (a, key) in enumerate(zip(accepted, keys, strict=True)):
            union(i, first.setdefault((a.label, key), i))
        orgs = [i for i, a in enumerate(accepted) if a.label == "ORG"]
        for i in orgs:  # acronyms defined in the text
            for j in orgs:
                if accepted[i].alias_of == accepted[j].name:
                    union(i, j)
        for i in orgs:  # "the Ministry", "Russian MIA", "DOJ": one organisation they can be
            head = self._head(accepted[i].name)
            if head is None:
                continue
            matches = {
                find(j) for j in orgs if keys[i] < keys[j] and self._head(accepted[j].name) == head
            }
            if not matches and _is_acronym(head):
                rest = keys[i] - {head.lower()}
                matches = {
                    find(j)
                    for j in orgs
                    if not _is_acronym(accepted[j].name.split()[0])
                    and head in self._initials(accepted[j].name)
                    and rest <= keys[j]
                }
            if len(matches) == 1:
                union(i, matches.pop())
            elif accepted[i].name in self.heads:
                accepted[i].label = ""  # a bare "Department" with nothing or too much to refer to
        people = [i for i, a in enumerate(accepted) if a.label == "PERSON"]
        for i in people:
            words = _person_words(accepted[i].name)
            if len(words) > 1 and len(words[0]) > 1:
                continue
            matches = {
                find(j)
                for j in people
                if len(full := _person_words(accepted[j].name)) > 1
                and full[-1] == words[-1]
                and len(full[0]) > 1
                and (len(words) == 1 or full[0][0] == words[0][0])
            }
            if len(matches) == 1:
                union(i, matches.pop())
        groups: dict[int, list[_Accepted]] = {}
        for i, a in enumerate(accepted):
            groups.setdefault(find(i), []).append(a)
        for members in groups.values():
            best = max(
                members,
                key=lambda a: (not a.name.isupper(), len(a.name.split()), -members.index(a)),
            )
            titles = _unique_titles(t for a in members for t in a.titles)
            for a in members:
                a.name, a.label, a.titles = best.name, best.label or a.label, titles
        accepted[:] = [a for a in accepted if a.label]

    def _key(self, a: _Accepted) -> frozenset[str]:
        """Words of a name that identify it: countries in one form, no function words."""
        text = self.country_re.sub(lambda m: self.country_of[m.group(0)], a.name)
        if a.label == "GPE":
            for form in sorted(self.rules.state_forms, key=len, reverse=True):
                text = re.sub(rf"^{re.escape(form)} of (the )?", "", text)
            return frozenset({text.lower()})
        words = re.sub(r"[^\w\s&]", " ", text.lower()).split()
        return frozenset(w for w in words if w not in FUNCTION_WORDS)

    def _head(self, name: str) -> str | None:
        """The organisation head of a name (the last head word before 'of'), or its acronym."""
        words = [w.title() if w.isupper() and len(w) > 3 else w for w in name.split()]
        before_of = words[: next((i for i, w in enumerate(words) if w in ("of", "for")), None)]
        heads = [w for w in before_of if w in self.heads] or [w for w in words if w in self.heads]
        if heads:
            return heads[-1]
        acronyms = [w for w in words if _is_acronym(w) and w not in self.country_of]
        return acronyms[0] if acronyms else None

    def _initials(self, name: str) -> set[str]:
        """Acronyms a name can go by: FBI, MIA (without 'of Russia'), DOJ ('Justice
        Department' read as 'Department of Justice')."""
        words = [w for w in re.sub(r"[^\w\s]", " ", name).split() if w not in self.country_of]
        while words and words[-1].lower() in FUNCTION_WORDS:
            words.pop()
        forms = [words]
        if len(words) > 1 and words[-1] in self.heads and "of" not in words:
            forms.append([words[-1], "of", *words[:-1]])
        initials = set()
        for form in forms:
            initials.add("".join(w[0] for w in form if w.lower() not in FUNCTION_WORDS))
            initials.add("".join(w[0] for w in form if w.lower() != "the"))
        return {i.upper() for i in initials}


# -- token helpers -------------------------------------------------------------------------


def _is_name(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def _is_modifier(token: Token) -> bool:
    """A capitalised word that can open a name: not 'In', not a sentence-initial 'Today'. In
    capitals the tags are no evidence ('SOUTH/RB AFRICAN/VB POLICE SERVICE')."""
    if token.is_alpha and token.text.isupper():
        return token.lower_ not in MINOR_WORDS
    if not _is_name(token) or token.pos_ in CLOSED_CLASSES:
        return False
    return not token.is_sent_start or token.pos_ in ("PROPN", "ADJ")


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def _joins(doc: Doc, i: int) -> bool:
    """A hyphen inside a word: 'Ivano-Frankivsk'."""
    return (
        doc[i].text == "-"
        and 0 < i < len(doc) - 1
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
    )


def _name_run(doc: Doc, i: int, stops: set[int]) -> int:
    """End of the run of capitalised words that starts at token i."""
    k = i
    while k < len(doc) and k not in stops:
        if _is_name(doc[k]) or (k > i and (_joins(doc, k) or doc[k].lower_ == "'s")):
            k += 1
        else:
            break
    while k > i and not _is_name(doc[k - 1]):
        k -= 1
    return k


def _name_run_left(doc: Doc, end: int) -> int:
    """Start of the run of capitalised words that ends before token end."""
    start = end
    while start > 0 and (_is_modifier(doc[start - 1]) or (start < end and _joins(doc, start - 1))):
        start -= 1
    return start


def _segments(
    doc: Doc, start: int, end: int, breaks: frozenset[str] = BREAKS
) -> list[tuple[int, int]]:
    """Cut a span at line breaks, colons, dashes, bullets and brackets (or other breaks)."""
    segments, begin = [], start
    for i in range(start, end):
        if doc[i].is_space or doc[i].text in breaks or "\n" in doc[i].text:
            segments.append((begin, i))
            begin = i + 1
    segments.append((begin, end))
    return [(s, e) for s, e in segments if e > s]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading articles and punctuation, trailing punctuation, numbers and "'s"."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].like_num
        or doc[end - 1].lower_ in FUNCTION_WORDS | {"'s", "’s"}
    ):
        end -= 1
    return start, end


def _unique_titles(titles: Iterable[str]) -> list[str]:
    """Titles in order, once each: 'Colonel General' repeats 'Colonel-General', 'Minister'
    is part of 'Minister of Justice'."""
    seen: dict[str, str] = {}
    for title in titles:
        seen.setdefault(title.lower().replace("-", " "), title)
    return [t for k, t in seen.items() if not any(o.startswith(k + " ") for o in seen)]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _long_form(doc: Doc, paren: int, acronym: str) -> int | None:
    """Start of the words before a bracket whose initials spell the acronym, nearest first."""
    words: list[tuple[int, str]] = []
    i = paren - 1
    while i >= 0 and len(words) < 2 * len(acronym) + 2:
        token = doc[i]
        if re.fullmatch(r"[^\W\d_]+(-[^\W\d_]+)+", token.text):  # 'Non-violent' as one token
            first, *rest = token.text.split("-")
            words[:0] = [(i, first), *((i, "-" + part) for part in rest)]
        elif token.is_alpha:
            words.insert(0, (i, token.text))
        elif _joins(doc, i) and words:
            words[0] = (words[0][0], "-" + words[0][1])  # 'Co-operation': '-operation'
        else:
            break
        i -= 1
    letters = acronym.replace(".", "").lower()
    for n in range(1, len(words) + 1):
        start, first = words[-n]
        if first[0].lower() == letters[0] and _spells(letters, [w for _, w in words[-n:]]):
            return start
    return None


def _spells(letters: str, words: list[str]) -> bool:
    """Whether the words spell the letters: initials, whole acronyms, skipped 'of'/'and' and
    skipped second halves of hyphenated words ('-operation')."""
    if not words:
        return not letters
    word, rest = words[0], words[1:]
    options = []
    if word.startswith("-"):
        word = word[1:]
        options.append(letters)
    if word.lower() in FUNCTION_WORDS:
        options.append(letters)
    if _is_acronym(word) and letters.startswith(word.lower()):
        options.append(letters[len(word) :])
    if letters and word[0].lower() == letters[0]:
        options.append(letters[1:])
    return any(_spells(rest_letters, rest) for rest_letters in options)


def _person_words(name: str) -> list[str]:
    """'V.Eyvazov' → ['V', 'Eyvazov']; 'Vilayat Eyvazov' → ['Vilayat', 'Eyvazov']."""
    return [w for w in re.split(r"[\s.]+", name) if w]


def _surnames(doc: Doc, candidates: list[_Cand]) -> dict[str, int]:
    """Surnames of people named in full (two words or more), with how often they occur."""
    counts: dict[str, int] = {}
    for c in candidates:
        if c.label == "PERSON":
            words = [t.text for t in doc[c.start : c.end] if _is_name(t)]
            if len(words) > 1 and len(words[0]) > 1 and not any(map(_is_acronym, words)):
                counts[words[-1]] = counts.get(words[-1], 0) + 1
    return counts


def _surname_mentions(
    doc: Doc, accepted: list[_Accepted], surnames: dict[str, int], scan: _Scan
) -> list[_Accepted]:
    """A known surname the model did not tag is a mention of that person: 'Eyvazov said'."""
    covered = {i for a in accepted for i in range(a.start, a.end)}
    found = []
    for text, positions in scan.names.items():
        if text.rsplit(".", 1)[-1] in surnames:
            found += [_Accepted(i, i + 1, "PERSON", text) for i in positions if i not in covered]
    return found


def _next_word(doc: Doc, i: int) -> str:
    """The word at token i, after a bracketed acronym: 'Program' in '(UCR) Program'."""
    if doc[i : i + 1].text == "(" and doc[i + 2 : i + 3].text == ")":
        i += 3
    return doc[i : i + 1].text


def _in_headline(doc: Doc, i: int) -> bool:
    """Whether token i stands on a line in Title Case or capitals, where capitals are no
    evidence of a name: 'Dayton Man Sentenced to 15 Years'."""
    text = doc_text(doc)
    first = text.rfind("\n", 0, doc[i].idx) + 1
    last = text.find("\n", doc[i].idx)
    words = re.findall(r"[^\W\d_]+", text[first : last if last >= 0 else len(text)])
    return len(words) > 2 and all(w[0].isupper() or w in MINOR_WORDS for w in words)


def _lowered(doc: Doc, start: int, end: int, scan: _Scan) -> bool:
    """Whether a name stands in a headline and has a word the text writes in lower case
    elsewhere: 'Dayton Man Sentenced', while the text says 'a Dayton man'."""
    return _in_headline(doc, start) and any(t.lower_ in scan.lower for t in doc[start:end])


def _unattested(doc: Doc, i: int, scan: _Scan) -> bool:
    """Whether the word at token i stands in a headline and running text never capitalises it
    except to open a sentence: 'Knife Crime Falls Across The Capital'."""
    if not _in_headline(doc, i):
        return False
    return not any(
        not doc[j].is_sent_start and not _in_headline(doc, j) for j in scan.names[doc[i].text]
    )


def _coordination(token: Token) -> Token:
    """The first of the words coordinated with this one: 'Lviv' for 'Dnipro' in 'Lviv, Odesa
    and Dnipro'."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    return token


def _usual_case(text: str) -> str:
    """Words of a text in capitals in their usual case, for looking them up: 'MINISTRY' ->
    'Ministry'; words of three letters or fewer may be acronyms and stay."""
    if not text.isupper():
        return text
    return re.sub(r"\b[A-Z]{4,}\b", lambda m: m.group(0).capitalize(), text)


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the letters of an acronym are initials of the name's words in order, from the
    first word on: 'CDC' of 'Centers for Disease Control and Prevention'."""
    initials = [w[0].lower() for w in re.findall(r"\w+", name) if w.lower() not in FUNCTION_WORDS]
    letters = acronym.replace(".", "").lower()
    if not initials or initials[0] != letters[0]:
        return False
    remaining = iter(initials)
    return all(letter in remaining for letter in letters)
