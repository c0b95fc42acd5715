"""Turns a processed Doc into an Extraction: ids in text order, spans into schema models."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import __version__
from .checks.engine import run_release_checks
from .components.entities import may_issue
from .extensions import SPANS_DATES, SPANS_ENTITIES, SPANS_QUANTITIES, doc_text, register_extensions
from .ingest import SourceDocument
from .nlp import model_id
from .schema import (
    Change,
    Claim,
    DateMention,
    Entity,
    Extraction,
    Interval,
    Mention,
    Normalized,
    NumberRange,
    Per,
    Release,
)


def make_doc(nlp: Language, source: SourceDocument) -> Doc:
    """A tokenized Doc carrying the release's metadata for the pressfacts components."""
    register_extensions()
    doc = nlp.make_doc(source.text)
    doc._.pressfacts_meta = {
        "published": source.published,
        "published_basis": source.published_basis,
        "title": source.title,
        "body_start": source.body_start,
        "issuer": source.issuer,
    }
    return doc


def extract_docs(
    nlp: Language, sources: Iterable[tuple[str, SourceDocument]], *, batch_size: int = 16
) -> Iterator[Extraction]:
    """Run the pipeline over (release id, source) pairs; yield one Extraction each, in order."""
    pairs = list(sources)
    model = model_id(nlp)  # nlp.meta recomputes every pipe's labels: read it once
    docs = (make_doc(nlp, source) for _, source in pairs)
    for (release_id, source), doc in zip(pairs, nlp.pipe(docs, batch_size=batch_size), strict=True):
        yield to_extraction(doc, release_id, source, model)


def to_extraction(doc: Doc, release_id: str, source: SourceDocument, model: str) -> Extraction:
    """Build the Extraction of one processed Doc and run the within-release checks on it."""
    body = source.body_start
    dates = _in_body(doc.spans.get(SPANS_DATES, []), body)
    quantities = _in_body(doc.spans.get(SPANS_QUANTITIES, []), body)
    entities = _in_body(doc.spans.get(SPANS_ENTITIES, []), body)
    date_ids = {_key(s): f"d{i}" for i, s in enumerate(dates, start=1)}
    claim_ids = {_key(s): f"c{i}" for i, s in enumerate(quantities, start=1)}
    period = doc._.pressfacts_reporting_period
    release = Release(
        id=release_id,
        source=source.source,
        format=source.format,
        title=source.title,
        issuer=_issuer(doc, entities, source),
        published=doc._.pressfacts_published,
        published_basis=doc._.pressfacts_published_basis,
        reporting_period=Interval(start=period[0], end=period[1]) if period else None,
        text_sha256=source.sha256,
        text=source.text,
    )
    extraction = Extraction(
        pressfacts_version=__version__,
        model=model,
        release=release,
        entities=_entities(entities),
        dates=[_date(s, date_ids[_key(s)]) for s in dates],
        claims=[_claim(s, claim_ids, date_ids) for s in quantities],
    )
    extraction.flags = run_release_checks(extraction)
    return extraction


def _key(span: Span) -> tuple[int, int]:
    return (span.start_char, span.end_char)


def _in_body(spans: Iterable[Span], body_start: int) -> list[Span]:
    unique = {_key(s): s for s in spans if s.start_char >= body_start}
    return [unique[k] for k in sorted(unique)]


def _date(span: Span, date_id: str) -> DateMention:
    info = span._.pressfacts_date
    return DateMention(
        id=date_id,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        start_date=info.start,
        end_date=info.end,
        granularity=info.granularity,
        relative=info.relative,
    )


def _ref(span: Span | None, ids: dict[tuple[int, int], str]) -> str | None:
    return ids.get(_key(span)) if span is not None else None


def _claim(
    span: Span, claim_ids: dict[tuple[int, int], str], date_ids: dict[tuple[int, int], str]
) -> Claim:
    q = span._.pressfacts_quantity
    return Claim(
        id=claim_ids[_key(span)],
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        value=q.value,
        value_text=q.value_text,
        unit=q.unit,
        kind=q.kind,
        normalized=Normalized(value=q.normalized_value, unit=q.normalized_unit),
        qualifier=q.qualifier,
        measure=q.measure,
        period=_ref(q.period, date_ids),
        change=Change(direction=q.change, compared_to=_ref(q.compared_to, date_ids))
        if q.change
        else None,
        per=Per(value=q.per_value, unit=q.per_unit) if q.per_value is not None else None,
        of=_ref(q.of, claim_ids),
        range=NumberRange(low=q.low, high=q.high)
        if q.low is not None and q.high is not None
        else None,
        component=q.component,
    )


def _entities(spans: list[Span]) -> list[Entity]:
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        info = span._.pressfacts_entity
        groups.setdefault((info.label, info.name), []).append(span)
    entities = []
    for i, ((label, name), members) in enumerate(groups.items(), start=1):
        titles: list[str] = []
        for span in members:
            titles.extend(t for t in span._.pressfacts_entity.titles if t not in titles)
        entities.append(
            Entity(
                id=f"e{i}",
                label=label,
                name=name,
                titles=titles,
                mentions=[
                    Mention(start=s.start_char, end=s.end_char, text=s.text) for s in members
                ],
            )
        )
    return entities


def _issuer(doc: Doc, entities: list[Span], source: SourceDocument) -> str | None:
    """The issuing body: from metadata, else the first organisation named in the lead."""
    if source.issuer:
        return source.issuer
    lead_end = _lead_end(doc, source.body_start)
    for span in entities:
        info = span._.pressfacts_entity
        if span.start_char < lead_end and info.label == "ORG" and may_issue(span.text):
            return str(info.name)
    return None


def _lead_end(doc: Doc, body_start: int) -> int:
    """End offset of the lead: the first line of the body and the sentence after it."""
    text = doc_text(doc)
    body = text[body_start:]
    first_line = body_start + len(body) - len(body.lstrip())
    title_end = text.find("\n", first_line)
    if title_end < 0:
        return len(text)
    following = re.compile(r"\S").search(text, title_end)
    if following is None:
        return len(text)
    span = doc.char_span(following.start(), following.end(), alignment_mode="expand")
    return span.sent.end_char if span is not None else len(text)
