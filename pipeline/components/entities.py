"""pressfacts_entities: people with titles, organisations and places, each with one name."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPANS_ENTITIES
from ..mentions import EntityInfo

LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE"}


@Language.factory("pressfacts_entities", assigns=["doc.spans"])
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    """Factory of the entities component."""
    return EntitiesComponent()


class EntitiesComponent:
    """The model's PERSON, ORG and GPE entities (initial version)."""

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for ent in doc.ents:
            if ent.label_ in LABELS:
                span = doc[ent.start : ent.end]
                span._.pressfacts_entity = EntityInfo(LABELS[ent.label_], ent.text.strip())
                spans.append(span)
        doc.spans[SPANS_ENTITIES] = spans
        return doc
