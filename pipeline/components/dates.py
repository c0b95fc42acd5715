"""pressfacts_dates: find dates and periods, settle the release date, resolve relative dates.

Propose, then validate: `date_grammar` proposes expressions over the text; a standalone year
or month is kept only where the tokens around it make it one ("in 2019", "Down in July", a
DATE entity), never "2288 crimes" or "Theresa May"; spaCy DATE entities the grammar missed are
normalised with dateparser. The release date and reporting period come from the release's head
(`release_dates`); every expression is then resolved against them (`date_resolve`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..countries import main_country
from ..date_grammar import DateExpr, find_dates, writes_day_first
from ..date_lexicon import load_lexicon
from ..date_resolve import DateContext, FiscalCalendar, resolve
from ..extensions import SPANS_DATES, doc_text
from ..mentions import DateInfo
from ..release_dates import Head, release_date, reporting_period

NOT_DATE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
NUMBER_ENTS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
COUNT_TAGS = frozenset({"NNS", "NNPS"})
YEAR_BEFORE_NOUN = frozenset({"in", "since", "during", "throughout"})
STATED_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Capitalised words, with the small words titles keep lower-case, before a year ending a line.
HEADING = re.compile(
    r"[^\S\n]*(?:[A-Z][\w'’&-]*[:,]?[^\S\n]+(?:(?:of|and|for|the|on|in)[^\S\n]+)*)+"
)
COMPARING = re.compile(r"\b(?:than|compared|comparison|against|versus|vs|relative to)\b", re.I)
LEAD_SENTENCES = 2  # the head ends with the second prose sentence after the title
PROSE_WORDS = 8
HEAD_CHARS = 600  # without sentence boundaries


@Language.factory(
    "pressfacts_dates",
    assigns=[
        "doc.spans",
        "doc._.pressfacts_published",
        "doc._.pressfacts_published_basis",
        "doc._.pressfacts_reporting_period",
    ],
    requires=["doc._.pressfacts_meta"],
)
def make_dates(nlp: Language, name: str) -> DatesComponent:
    """Factory of the dates component."""
    return DatesComponent()


class DatesComponent:
    """Writes resolved date spans to doc.spans['pressfacts_dates'] and the release's dates."""

    def __call__(self, doc: Doc) -> Doc:
        meta = doc._.pressfacts_meta or {}
        text = doc_text(doc)
        exprs = [e for e in find_dates(text) if _valid(doc, e)]
        head = _head(doc, meta)
        years = [y for e in exprs for y in (e.year, e.year2) if y is not None]
        country = main_country(text)
        ctx = DateContext(
            fallback_year=max(years, default=None),
            fiscal=_fiscal(country),
            day_first=_day_first(text, country),
        )

        published: dt.date | None = meta.get("published")
        basis: str | None = meta.get("published_basis") or ("metadata" if published else None)
        period = reporting_period(exprs, head, replace(ctx, published=published))
        if published is None:
            found = release_date(text, exprs, head, replace(ctx, period=period))
            if found is not None:
                published, basis = found
                period = reporting_period(exprs, head, replace(ctx, published=published))
        ctx = replace(ctx, published=published, period=period)

        spans = []
        resolved: list[tuple[DateExpr, DateInfo]] = []
        for expr in exprs:
            info = resolve(expr, _compared_context(doc, expr, resolved, ctx))
            if info is None or (
                expr.kind == "bare_months" and not _restates(expr, info, head, ctx)
            ):
                continue
            resolved.append((expr, info))
            span = _span(doc, expr.start, expr.end)
            if span is not None:
                span._.pressfacts_date = info
                spans.append(span)
        spans.extend(_entity_dates(doc, exprs, ctx))
        doc.spans[SPANS_DATES] = sorted(spans, key=lambda s: s.start_char)
        doc._.pressfacts_published = published
        doc._.pressfacts_published_basis = basis if published else None
        doc._.pressfacts_reporting_period = period
        return doc


def _head(doc: Doc, meta: dict[str, object]) -> Head:
    """The title (metadata title, else the first line) and the lead: two prose sentences."""
    text = doc_text(doc)
    body = int(meta.get("body_start") or 0)  # type: ignore[call-overload]
    title = meta.get("title")
    found = text.find(title, body) if isinstance(title, str) and title else -1
    if found >= 0 and isinstance(title, str):
        title_end = found + len(title)
    else:
        first = len(text) - len(text[body:].lstrip())
        line_end = text.find("\n", first)
        title_end = line_end if line_end >= 0 else len(text)
    end = min(len(text), title_end + HEAD_CHARS)
    ends: list[int] = []
    if doc.has_annotation("SENT_START"):
        prose = 0
        for sent in doc.sents:
            if sent.end_char <= title_end:
                continue
            ends.append(sent.end_char)
            prose += sum(t.is_alpha for t in sent) >= PROSE_WORDS
            if prose == LEAD_SENTENCES:
                end = sent.end_char
                break
    return Head(body_start=body, title_end=title_end, end=end, sentence_ends=tuple(ends))


def _compared_context(
    doc: Doc, expr: DateExpr, resolved: list[tuple[DateExpr, DateInfo]], ctx: DateContext
) -> DateContext:
    """'The same period of 2023' is the period its sentence reports on before it ('In the
    first six months of 2024, ...'), else the reporting period; a period the sentence already
    compares with ('higher than in the third quarter') is no reference."""
    if expr.rule != "same_period_of" or not doc.has_annotation("SENT_START"):
        return ctx
    span = _span(doc, expr.start, expr.end)
    if span is None:
        return ctx
    start = span.sent.start_char
    text = doc_text(doc)
    before = [
        info
        for e, info in resolved
        if start <= e.start
        and e.end <= expr.start
        and info.start < info.end
        and not COMPARING.search(text, start, e.start)
    ]
    return replace(ctx, period=(before[-1].start, before[-1].end)) if before else ctx


def _fiscal(country: str | None) -> FiscalCalendar | None:
    """The country's fiscal years; unknown without a country."""
    if country is None:
        return None
    fiscal = load_lexicon().fiscal_year
    start = fiscal.country_start_month.get(country, fiscal.other_country_start_month)
    return FiscalCalendar(
        start=start,
        state_start=fiscal.state_start_month.get(country, start),
        named_by_start=country in fiscal.named_by_start_year,
    )


def _day_first(text: str, country: str | None) -> bool:
    """Whether '03/04/2024' is 3 April: as the text writes its other dates ('8 May 2024'), else
    as its country does (most countries put the day first), else month first."""
    written = writes_day_first(text)
    if written is not None:
        return written
    return country is not None and country not in load_lexicon().month_first_countries


def _restates(expr: DateExpr, info: DateInfo, head: Head, ctx: DateContext) -> bool:
    """'9 months' is a period in the title, or where it restates the reporting period."""
    return expr.start < head.title_end or ctx.period == (info.start, info.end)


def _valid(doc: Doc, expr: DateExpr) -> bool:
    """Validate standalone years and months against their tokens; other shapes are dates."""
    if expr.kind not in ("bare_year", "bare_month"):
        return True
    span = _span(doc, expr.start, expr.end)
    if span is None:
        return False
    lexicon = load_lexicon()
    token = span[0]
    prev = _previous_word(token)
    if token.ent_type_ in NOT_DATE_ENTS:
        return False
    if expr.kind == "bare_month":
        if len(token.text) <= 4 and token.lower_ not in ("may", "june", "july"):
            return False
        cued = prev is not None and prev.lower_ in lexicon.bare_month_cues
        return cued or token.ent_type_ == "DATE" or token.lower_ not in AMBIGUOUS_MONTHS
    if _ends_heading(doc_text(doc), expr):
        return True
    nxt = _next_word(span[-1])
    if nxt is not None and nxt.tag_ in COUNT_TAGS and nxt.lower_ not in lexicon.year_nouns:
        # "2000 officers" counts officers; "In 2016 police reported" is a year.
        return prev is not None and prev.lower_ in YEAR_BEFORE_NOUN
    cued = prev is None or prev.is_punct or prev.lower_ in lexicon.year_cues
    return token.ent_type_ == "DATE" or (token.ent_type_ not in NUMBER_ENTS and cued)


def _ends_heading(text: str, expr: DateExpr) -> bool:
    """A year closing a title-case line: 'Road Safety Annual Report 2023'."""
    line_start = text.rfind("\n", 0, expr.start) + 1
    line_end = text.find("\n", expr.end)
    after = text[expr.end : line_end if line_end >= 0 else len(text)]
    return not after.strip() and HEADING.fullmatch(text[line_start : expr.start]) is not None


def _previous_word(token: Token) -> Token | None:
    for i in range(token.i - 1, -1, -1):
        if not token.doc[i].is_space:
            return token.doc[i]
    return None


def _next_word(token: Token) -> Token | None:
    """The token right after, unless a line break or the end of the text comes first."""
    if token.i + 1 >= len(token.doc) or token.doc[token.i + 1].is_space:
        return None
    return token.doc[token.i + 1]


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end) or doc.char_span(start, end, alignment_mode="expand")


# --- spaCy DATE entities the grammar did not propose, normalised with dateparser ------------


def _entity_dates(doc: Doc, exprs: Iterable[DateExpr], ctx: DateContext) -> list[Span]:
    """DATE entities naming a month that no expression covers, when dateparser resolves them."""
    taken = [(e.start, e.end) for e in exprs]
    months = load_lexicon().months
    spans = []
    for ent in doc.ents:
        if ent.label_ != "DATE" or any(a < ent.end_char and ent.start_char < b for a, b in taken):
            continue
        if not any(t.text[0].isupper() and t.lower_.rstrip(".") in months for t in ent):
            continue
        anchor = ctx.anchor
        info = _dateparser_info(ent.text, anchor) if anchor is not None else None
        if info is not None:
            ent._.pressfacts_date = info
            spans.append(ent)
    return spans


@lru_cache(maxsize=64)
def _parser(base: dt.date) -> DateDataParser:
    """A dateparser pinned to English, reading relative dates from `base`."""
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["month"],
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser_info(text: str, base: dt.date) -> DateInfo | None:
    """dateparser's reading of one expression against `base`, as a day or a month."""
    data = _parser(base).get_date_data(text)
    if data.date_obj is None or data.period not in ("day", "month"):
        return None
    day = data.date_obj.date()
    relative = STATED_YEAR.search(text) is None
    if data.period == "day":
        return DateInfo(day, day, "day", relative)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return DateInfo(day, last, "month", relative)
