"""pressfacts_claims: attach qualifier, change, measure, base, period and 'of' to quantities."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("pressfacts_claims", assigns=["span._.pressfacts_quantity"])
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    """Factory of the claims component."""
    return ClaimsComponent()


class ClaimsComponent:
    """Attaches context to each quantity (initial version: nothing yet)."""

    def __call__(self, doc: Doc) -> Doc:
        return doc
