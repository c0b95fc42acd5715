"""pressfacts_quantities: propose numbers that state quantities, validate them, read units."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPANS_DATES, SPANS_QUANTITIES
from ..mentions import QuantityInfo

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s?%)?")


@Language.factory("pressfacts_quantities", assigns=["doc.spans"], requires=["doc.spans"])
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    """Factory of the quantities component."""
    return QuantitiesComponent()


class QuantitiesComponent:
    """Numbers outside dates (initial version)."""

    def __call__(self, doc: Doc) -> Doc:
        taken = [(s.start_char, s.end_char) for s in doc.spans.get(SPANS_DATES, [])]
        spans = []
        for m in NUMBER.finditer(doc.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or span.end_char != m.end() or span.start_char != m.start():
                continue
            text = m.group().rstrip("%").strip()
            value = float(text.replace(",", ""))
            percent = m.group().endswith("%")
            span._.pressfacts_quantity = QuantityInfo(
                value=value,
                value_text=text,
                unit="percentage" if percent else None,
                kind="percent" if percent else "count",
                normalized_value=value,
                normalized_unit="percent" if percent else None,
            )
            spans.append(span)
        doc.spans[SPANS_QUANTITIES] = spans
        return doc
