"""Every Doc and Span extension pressfacts uses, declared in one table, registered idempotently."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

SPANS_DATES = "pressfacts_dates"
SPANS_QUANTITIES = "pressfacts_quantities"
SPANS_ENTITIES = "pressfacts_entities"

DOC_EXTENSIONS: dict[str, Any] = {
    # Metadata known before NLP: {"published": date | None, "basis": str | None, "title": ...}.
    "pressfacts_meta": None,
    # The release date the dates component settled on, and where it came from.
    "pressfacts_published": None,
    "pressfacts_published_basis": None,
    # (start, end) dates of the period the release reports on, when the text says.
    "pressfacts_reporting_period": None,
}
SPAN_EXTENSIONS: dict[str, Any] = {
    "pressfacts_date": None,  # mentions.DateInfo
    "pressfacts_quantity": None,  # mentions.QuantityInfo
    "pressfacts_entity": None,  # mentions.EntityInfo
}


_TEXT_KEY = "pressfacts_text"


def doc_text(doc: Doc) -> str:
    """doc.text, joined once per Doc and kept in doc.user_data.

    spaCy rebuilds Doc.text from every token on each access; the components read it often.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def register_extensions() -> None:
    """Register all pressfacts extensions on Doc and Span; safe to call repeatedly."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
