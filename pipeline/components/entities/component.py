"""The pressfacts_entities factory and the order its rules run in: scan, propose, validate,
resolve, then acronyms, surnames, titles and merging."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...extensions import SPANS_ENTITIES
from ...mentions import EntityInfo
from . import places
from .acronyms import acronyms
from .cluster import cluster
from .lexicon import Lexicon, load_countries, load_rules, load_subdivisions
from .organisations import complement, left, named_after_country, second_name, unions
from .people import Title, attach_titles, find_titles, people, surname_mentions, surnames
from .resolve import resolve
from .scan import Candidate, Scan, scan_doc
from .subdivisions import subdivisions
from .tokens import QUOTES, is_acronym, segments, trim
from .validate import Context, validate

# Model labels read besides PERSON (see people.people): LOC for regions, NORP for acronyms.
MODEL_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP"})
# Model labels a name may carry where its position makes it a place ('in Harwick').
PLACE_LIKE = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC"})


@Language.factory("pressfacts_entities", assigns=["doc.spans"], requires=["doc.ents"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """Factory of the entities component."""
    return EntitiesComponent(nlp)


class EntitiesComponent:
    """People (with titles), organisations and places in doc.spans["pressfacts_entities"]."""

    def __init__(self, nlp: Language) -> None:
        self.rules = load_rules()
        self.lex = Lexicon.build(self.rules, load_countries())
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        plurals = [t + "s" for t in self.rules.titles if t[-1].isalpha() and t[-1] != "s"]
        self.titles.add("TITLE", [nlp.make_doc(t) for t in [*self.rules.titles, *plurals]])
        self.places = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = self.lex.surfaces
        capitals = {s.upper() for s in surfaces if len(s) > 3}  # 'GEORGIA' in a letterhead
        self.places.add("COUNTRY", [nlp.make_doc(s) for s in sorted({*surfaces, *capitals})])
        # States and provinces in any case ('Kwazulu-Natal' is written 'KwaZulu-Natal').
        self.subdivisions = PhraseMatcher(nlp.vocab, attr="LOWER")
        names = {s for d in load_subdivisions() for s in (d.name, *d.aliases)}
        self.subdivisions.add("SUBDIVISION", [nlp.make_doc(s) for s in sorted(names)])

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        countries = [(start, end) for _, start, end in self.places(doc)]
        regions = [(start, end) for _, start, end in self.subdivisions(doc)]
        scan = scan_doc(doc, lex, countries, regions)
        title_matches = sorted(
            {(s, e) for _, s, e in self.titles(doc)}, key=lambda m: (m[0], -m[1])
        )
        found = people(doc, lex, scan, title_matches)
        persons = {i for start, end in found for i in range(start, end)}
        titles = find_titles(doc, lex, title_matches, {start for start, _ in found}, scan.verbs)
        zone = {i for t in titles for i in range(t.start, t.core_end)}
        candidates = [Candidate(start, end, "PERSON", "model") for start, end in found]
        candidates += self._propose(doc, titles, zone, persons, scan)
        candidates = [
            c
            for c in candidates
            if c.end > c.start and scan.things.isdisjoint(range(c.start, c.end))
        ]
        context = Context(
            zone=zone,
            complements={i for t in titles for i in range(t.core_end, t.end)},
            title_starts={t.start for t in titles},
            title_ends={t.end for t in titles},
            surnames=surnames(doc, lex, candidates),
            scan=scan,
        )
        valid = [v for c in candidates if (v := validate(doc, lex, c, context)) is not None]
        accepted = resolve(doc, valid, scan)
        accepted = acronyms(doc, lex, accepted, scan)
        accepted += surname_mentions(accepted, surnames(doc, lex, valid), scan)
        accepted.sort(key=lambda a: (a.start, a.end))
        attach_titles(doc, accepted, titles)
        cluster(lex, accepted)
        spans = []
        for a in accepted:
            span = doc[a.start : a.end]
            span._.pressfacts_entity = EntityInfo(a.label, a.name, a.titles)
            spans.append(span)
        doc.spans[SPANS_ENTITIES] = spans
        return doc

    def _propose(
        self, doc: Doc, titles: list[Title], zone: set[int], persons: set[int], scan: Scan
    ) -> list[Candidate]:
        """Spans that may name an entity: the model's, organisation heads with their
        modifiers and complements, countries, states and provinces, regions, residents, places
        by position and datelines."""
        lex = self.lex
        stops = persons | {t.start for t in titles if t.attached} | scan.verbs
        candidates = []
        lists = places.place_lists(lex, scan.ents)
        for ent in scan.ents:
            label = ent.label_
            if label in PLACE_LIKE and (
                pieces := places.located_pieces(doc, lex, ent, scan, lists)
            ):
                candidates += [Candidate(s, e, "GPE", "located") for s, e in pieces]
                continue
            if label not in MODEL_LABELS or (label == "NORP" and not is_acronym(ent.text)):
                continue
            if any(q in ent.text for q in QUOTES):  # the model cut a quoted name in two
                continue
            label = "ORG" if label == "NORP" else label
            pieces = segments(doc, ent.start, ent.end)
            if len(pieces) > 1:  # a span across a line or a colon: keep the named pieces
                pieces = [s for s in pieces if s[1] - s[0] > 1 or is_acronym(doc[s[0]].text)]
            for start, end in (trim(doc, s, e) for s, e in pieces):
                if label == "ORG":
                    end = next((i for i in range(start, end) if i in stops), end)
                    of = [i for i in range(start, end) if doc[i].lower_ in ("of", "for")]
                    end = max(end, complement(doc, lex, of[-1] if of else end, stops))
                candidates.append(Candidate(start, end, label, "model"))
        for i in scan.heads:
            if i not in zone:
                start = left(doc, lex, i, stops)
                end = max(complement(doc, lex, i + 1, stops), second_name(doc, lex, i, zone))
                candidates.append(Candidate(start, end, "ORG", "head"))
        candidates += [Candidate(i, i + 1, "ORG", "union") for i in unions(doc, lex, scan)]
        for start, end in scan.countries:
            candidates.append(Candidate(places.state_form(doc, lex, start), end, "GPE", "country"))
            if (body := named_after_country(doc, lex, start)) < start:
                candidates.append(Candidate(body, end, "ORG", "head"))
        candidates += subdivisions(doc, lex, scan.subdivisions)
        candidates += places.regions(doc, lex, scan)
        candidates += places.residents(doc, lex, scan)
        candidates += places.untagged_places(doc, lex, scan, lists)
        candidates += places.counted(doc, lex, scan)
        candidates += places.datelines(doc, lex)
        return candidates
