"""Gold table for pressfacts_periods: each figure's period and, for a change, its base.

The figures are marked by hand so that the table tests this component alone.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extensions import SPANS_QUANTITIES
from pipeline.extract import make_doc
from pipeline.ingest import SourceDocument
from pipeline.mentions import QuantityInfo

LATER_PIPES = ("pressfacts_quantities", "pressfacts_claims", "pressfacts_periods")

# (text, figure, change direction, expected period, expected compared_to)
PERIODS = [
    (
        "In 2016 police reported 1,900 incidents, 27,700 more than in 2015.",
        "27,700",
        "increase",
        "2016",
        "2015",
    ),
    (
        "In 2016 police reported 1,900 incidents, 27,700 more than in 2015.",
        "1,900",
        None,
        "2016",
        None,
    ),
    ("Fines rose from 27,694 in 2013 to 54,981 in 2014.", "27,694", None, "2013", None),
    ("Fines rose from 27,694 in 2013 to 54,981 in 2014.", "54,981", None, "2014", None),
    (
        "Crime report\n\nThe index climbed from 75.6 in 2018 to 79.5 in 2019, an increase of 5%.",
        "5%",
        "increase",
        "2019",
        "2018",
    ),
    (
        "Crime in January-June 2020\n\nIT crime grew by 91.7% against the same period last year.",
        "91.7%",
        "increase",
        "January-June 2020",
        "the same period last year",
    ),
    (
        "Crime statistics for 2016\n\nThe index rose 1% over the previous year.",
        "1%",
        "increase",
        "2016",
        "the previous year",
    ),
    (
        "Crime report for 2009\n\nViolent crime fell by 5.3 percent between 2008 and 2009.",
        "5.3 percent",
        "decrease",
        "2009",
        "2008",
    ),
    (
        "Crime report for 2019\n\nIn 2019 the index stood 9% below its level of a decade earlier, "
        "in 2009.",
        "9%",
        "decrease",
        "2019",
        "a decade earlier, in 2009",
    ),
    (
        "Crime report for 2021\n\nIn 2020, thefts numbered 400. Robberies numbered 50.",
        "50",
        None,
        "2020",
        None,
    ),
    (
        "Crime report for 2021\n\nIn 2020, thefts numbered 400.\n\nRobberies numbered 50.",
        "50",
        None,
        "2021",
        None,
    ),
    ("Robberies numbered 50.", "50", None, None, None),
]


def _doc(nlp: Language, text: str, figure: str, change: str | None) -> Doc:
    """Run the pipeline up to the claims, mark the figure by hand, then link periods."""
    doc = make_doc(nlp, SourceDocument(source="test.txt", format="txt", text=text))
    for name, proc in nlp.pipeline:
        if name not in LATER_PIPES:
            doc = proc(doc)
    start = text.index(figure)
    span = doc.char_span(start, start + len(figure))
    assert span is not None
    span._.pressfacts_quantity = QuantityInfo(
        value=0.0,
        value_text=figure,
        unit=None,
        kind="count",
        normalized_value=0.0,
        normalized_unit=None,
        change=change,
    )
    doc.spans[SPANS_QUANTITIES] = [span]
    return nlp.get_pipe("pressfacts_periods")(doc)


@pytest.mark.parametrize(
    ("text", "figure", "change", "period", "compared_to"),
    PERIODS,
    ids=[f"{figure}-{text[:25]}" for text, figure, *_ in PERIODS],
)
def test_periods(
    nlp: Language,
    text: str,
    figure: str,
    change: str | None,
    period: str | None,
    compared_to: str | None,
) -> None:
    doc = _doc(nlp, text, figure, change)
    info = doc.spans[SPANS_QUANTITIES][0]._.pressfacts_quantity
    assert (info.period.text if info.period else None) == period
    assert (info.compared_to.text if info.compared_to else None) == compared_to


def test_periods_after_claims(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("pressfacts_periods") == names.index("pressfacts_claims") + 1
