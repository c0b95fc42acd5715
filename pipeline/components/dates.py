"""pressfacts_dates: find dates and periods, settle the release date, resolve relative dates."""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import SPANS_DATES
from ..mentions import DateInfo

YEAR = re.compile(r"^(19|20)\d\d$")


@Language.factory("pressfacts_dates", assigns=["doc.spans", "doc._.pressfacts_published"])
def make_dates(nlp: Language, name: str) -> DatesComponent:
    """Factory of the dates component."""
    return DatesComponent()


class DatesComponent:
    """Finds DATE entities that are plain years (initial version)."""

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.pressfacts_meta or {}
        doc._.pressfacts_published = meta.get("published")
        doc._.pressfacts_published_basis = meta.get("published_basis")
        spans = []
        for ent in doc.ents:
            if ent.label_ == "DATE" and YEAR.match(ent.text):
                year = int(ent.text)
                span = doc.char_span(ent.start_char, ent.end_char)
                if span is not None:
                    span._.pressfacts_date = DateInfo(
                        dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
                    )
                    spans.append(span)
        doc.spans[SPANS_DATES] = spans
        return doc
