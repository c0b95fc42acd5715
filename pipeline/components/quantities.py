"""pressfacts_quantities: propose numbers that state quantities, validate them, read units.

Propose: regular expressions over the text find printed numbers in every format, spelled-out
numbers, vague amounts ("hundreds of") and fractions ("two thirds"). Read: the scale word
("million"), the unit before ("$", "RM"; "R" for the rand only where the figure and the
release's country allow it) or after ("kg", "per cent") from the unit lexicon,
a base ("per barrel"), ranges ("between 5 and 6%") and compound masses ("1 ton 873 kg").
Validate: `rejection` names why a candidate is not a quantity (a year, a date, a clock time,
a phone number, a name such as "Service 102", an ordinal, a period such as "6 months of
2019", an idiom such as "one of the most"); the rest become spans in
doc.spans["pressfacts_quantities"] with a `QuantityInfo`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..countries import main_country
from ..extensions import SPANS_DATES, SPANS_QUANTITIES, doc_text
from ..mentions import QuantityInfo
from ..numbers import (
    DIGITS,
    NUMBER_WORDS,
    VAGUE,
    Digits,
    fraction,
    parse_digits,
    parse_words,
    scale_of,
)
from ..units import Unit, UnitTable, default_units

COMPONENT = "pressfacts_quantities"

_DIGIT_RE = re.compile(
    rf"(?<![\d_.,/:@#&])(?<![a-z])(?:(?<![A-Za-z]-)|(?<=\b[Ss]ub-))"
    rf"(?P<sign>[+\-−](?=\d)|(?i:minus)[- ](?=\d))?(?P<num>{DIGITS})(?![.,]?\d)"
)
# '1.99×10^30', '6.02 x 10**23', '1.6×10−19', '3×10⁸': a mantissa times a power of ten.
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_SCIENTIFIC_RE = re.compile(
    rf"(?<![\d.,])(?P<num>{DIGITS})\s?"
    r"(?:[×x*·]\s?10(?:\^|\*\*)(?P<exp>[+\-−]?\d{1,3})"
    r"|×\s?10(?P<bare>[+\-−]\d{1,3}|[⁺⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?!\d)"
)
_WORDS_RE = re.compile(rf"(?<![\w-])(?P<num>{NUMBER_WORDS})(?![\w])", re.IGNORECASE)
_VAGUE_RE = re.compile(
    r"\b(?P<num>(?:" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r"))\s+of\b", re.I
)
_FRACTION_RE = re.compile(
    r"\b(?P<top>a|an|one|two|three|four|five|seven|nine)[\s-]"
    r"(?P<bottom>half|thirds?|quarters?|fourths?|fifths?|tenths?)\b",
    re.IGNORECASE,
)
_FOLD_RE = re.compile(rf"\b(?P<num>{NUMBER_WORDS})fold\b", re.IGNORECASE)
# 'one in four', 'two in five', '3 in 10'; never a count followed by a year ('94 in 2022').
_ONE_IN_RE = re.compile(
    r"\b(?:one|two|three|four|\d+) in (?:two|three|four|five|six|ten|(?!(?:1[89]|20)\d\d\b)\d+)\b",
    re.I,
)
_HALF_RE = re.compile(
    r"(?<!first )(?<!second )(?<!last )(?<!a )(?<!one )\bhalf(?= (?:of|the|a|its|their)\b)", re.I
)
_SCALE_RE = re.compile(
    r"[ \u00a0]?(?P<s>thousands|thousand|million|billion|trillion|mln|mn|bln|bn|tn|trn"
    r"|lakhs?|lacs?|crores?)\b"
    r"|(?P<a>[kKmMbB])\b",
)
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_CLOCK_RE = re.compile(r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|GMT\b|EDT\b|EST\b|UTC\b)", re.I)
_PHONE_RE = re.compile(
    r"(?:\(\d{2,4}\)\s?\d{2,4}[-\s.]\d{3,4}|\b(?:\d{1,3}[-.])?\d{3}[-.]\d{3}[-.]\d{4}\b"
    r"|\+\d[\d\s()-]{8,}\d)"
)
# Digits in groups, as phone and service numbers are written: '08600 10111', '1300 60 60 24'.
_DIGIT_GROUPS_RE = re.compile(r"(?<![\w.,+])\d{1,5}(?:[ \u00a0-]\d{2,5})+(?!\w|[.,]\d)")
_DIAL_WORD_RE = re.compile(
    r"\b(?:on|call|dial|ring|line|hotline|helpline|number|no|tel|phone|telephone|fax|mobile|sms"
    r"|text|whatsapp)\b\.?:?(?:\s+at)?\s*$",
    re.IGNORECASE,
)
# A number called or dialled is a phone or service number: 'call 999', 'dial *555', 'the 1098
# helpline', 'emergency 911 calls', and so is the one offered beside it: 'call 999 or 111'.
_DIALLED_BEFORE_RE = re.compile(
    r"\b(?:call|calls|calling|dial|dials|dialling|dialing|ring|ringing|phone|phoning|telephone|"
    r"tel|text|texting|sms|freephone|toll-free|hotline|helpline|emergency|whatsapp|centre|center)"
    r"(?:\s+(?:on|the|number|no\.?))?[\s:.*#]*$"
    r"|\b(?:call|dial|ring|phone|text)\s+[*#]?\d+\b[^.;\d]{0,40}\bor\s+$"
    r"|\b(?:call|calling|ring|ringing|phone|phoning|contact|contacting)(?:\s+[\w-]+){1,4}\s+on[\s:]*$",
    re.IGNORECASE,
)
_DIALLED_AFTER_RE = re.compile(
    r"^[\s-]*(?:(?:non-)?emergency\s+|toll-free\s+)?"
    r"(?:helpline|hotline|line|number|freephone|call (?:centre|center)"
    r"|(?:mobile )?app(?:lication)?)\b",
    re.IGNORECASE,
)
# The number after a name in an enumeration of counts: '..., Kano 412, Rivers 207 and Oyo 96'.
LIST_ITEM_RE = re.compile(
    r"\d[\d,.]*(?:\s+[a-z][\w-]*){0,2}(?:,|;|,? and)\s+(?P<name>(?:[A-Z][\w'’-]*\s+){1,3})$"
)
_NUMERIC_DATE_RE = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b|\b(?:19|20)\d\d/\d\d\b"
)
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}  # fmt: skip
_MONTHS = "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True))
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTHS})\.?[ \u00a0]$")
_MONTH_AFTER_RE = re.compile(rf"[ \u00a0](?:of )?(?:{_MONTHS})\b")
_CHANGE_VERB_RE = re.compile(
    r"^(?:ris|rose|grow|grew|increas|fell|fall|drop|declin|decreas|climb|jump|went|go|gone|mov|"
    r"chang|improv|slid|plung|soar|surg|shr[iau]nk|reduc|cut|dipp|edg|expand|boost|doubl|tripl)"
)
# Words that make the number after them part of a name: "Article 234", "level 1", "No. 5".
NAME_WORDS = {
    "article", "articles", "section", "paragraph", "part", "chapter", "clause", "item", "no",
    "no.", "nos", "number", "level", "grade", "stage", "phase", "category", "class", "type",
    "version", "model", "room", "route", "highway", "flight", "game", "unit", "act", "law",
    "decree", "resolution", "order", "code", "case", "file", "line", "channel", "series", "#",
    "№", "service", "district", "building", "apartment", "block", "platform", "gate", "box",
    "interstate", "milepost", "exit", "junction",
}  # fmt: skip
# Words that may be capitalized before a number without making it a name.
NOT_NAME = {
    "about", "over", "nearly", "almost", "some", "around", "approximately", "roughly", "only",
    "just", "more", "less", "fewer", "under", "above", "below", "by", "to", "from", "of", "in",
    "and", "or", "with", "at", "total", "up", "down", "the", "all", "another", "than",
    "exactly", "least", "most", "for", "were", "was", "are", "is", "had", "has", "have",
}  # fmt: skip
PERIOD_UNITS = {"day", "week", "month", "year", "decade", "quarter"}
PERIOD_BEFORE = re.compile(
    r"\b(?:past|last|next|first|previous|recent|coming|following|preceding|initial|final)"
    r"(?:\s+(?:full|calendar|financial|fiscal))?(?:\s+[\w-]+\s+(?:or|to|and))?\s*$"
    r"|\b(?:in|over|during|throughout)\s+the\s*$",
    re.IGNORECASE,
)
PERIOD_AFTER = re.compile(
    r"^\s*(?:of\s+(?:\d{4}|this|the|last|that|current|each|every|a)\b|ago\b|earlier\b|before\b"
    rf"|(?:to|ending|ended|through|until)\s+(?:the\s+end\s+of\s+|\d{{1,2}}\s+)?(?:{_MONTHS})\b)",
    re.IGNORECASE,
)
RANGE_VERBS = {"range", "ranging", "ranges", "ranged", "vary", "varying", "varies", "between"}
_SUPERLATIVE_RE = re.compile(
    r"^\s+of\s+(?:the|our|its|his|her|their|my|your)\s+(?:\w+\s+)?(?:most|least|best|worst|top|\w+est)\b",
    re.IGNORECASE,
)
_PER_RE = re.compile(
    r"(?:[ \u00a0-]?(?P<word>per|a|an|each|every)[ \u00a0-]|[ \u00a0]?/[ \u00a0]?)"
    r"(?:(?P<n>\d[\d,. \u00a0]*\d|\d)[ \u00a0])?(?P<what>[A-Za-z][\w-]*)"
)
LENGTH_CONTEXT = {
    "tall", "long", "high", "wide", "deep", "away", "above", "below", "from", "across", "in",
    "under", "over", "of", "and", "to", "or", "per", "thick", "beneath", "down", "up", "race",
}  # fmt: skip
# 'from 1,366 a year before': a point in time, not a rate.
_AGO_RE = re.compile(r"\s+(?:earlier|before|ago|later|previously)\b", re.IGNORECASE)
PER_WORDS_AFTER_A = {"day", "week", "month", "year", "hour", "minute", "second", "night"}


@dataclass
class Candidate:
    """A proposed number, what was read around it, and where it stands in the text."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    value_text: str
    source: str
    alternative: float | None = None
    unit: Unit | None = None
    scale: float = 1.0
    currency_before: bool = False
    per_value: float | None = None
    per_unit: str | None = None
    low: float | None = None
    high: float | None = None


@Language.factory(
    COMPONENT,
    assigns=["doc.spans", "span._.pressfacts_quantity"],
    requires=["doc.spans", "token.pos", "doc.ents"],
)
def make_quantities(nlp: Language, name: str) -> QuantitiesComponent:
    """Factory of the quantities component."""
    return QuantitiesComponent(units=default_units())


class QuantitiesComponent:
    """Proposes numbers, reads their units and keeps those that state quantities."""

    def __init__(self, *, units: UnitTable) -> None:
        self.units = units

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        taken = [(s.start_char, s.end_char) for s in doc.spans.get(SPANS_DATES, [])]
        country = main_country(text)
        candidates = [self.read(text, c, country) for c in propose(text)]
        candidates = combine(text, candidates)
        spans: list[Span] = []
        thousands_point = _uses_thousands_point(text)
        end = 0
        for cand in candidates:
            if cand.start < end or rejection(doc, cand, taken, text) is not None:
                continue
            end = cand.end
            cand = resolve_ambiguity(doc, cand, thousands_point)
            if _is_age(doc, text, cand):
                cand = replace(cand, unit=self.units.units["year of age"])
            span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            # Two numbers inside one token ('1.99×10−30' before it was read as one) expand to
            # overlapping spans; the first one keeps the token.
            if span is None or (spans and span.start < spans[-1].end):
                continue
            span._.pressfacts_quantity = to_info(cand)
            spans.append(span)
        doc.spans[SPANS_QUANTITIES] = spans
        return doc

    def read(self, text: str, cand: Candidate, country: str | None = None) -> Candidate:
        """Read the scale word, the unit before or after, and a 'per' base of a candidate;
        `country` is the one the release is about."""
        before = self.units.read_before(text, cand.start)
        if before is None and cand.source == "digits":
            before = self.units.read_local_before(text, cand.start)
            if before is not None and not _is_local_unit(text, cand, before.unit, country):
                before = None
        if before is not None and before.unit.kind == "money":
            cand.unit, cand.start, cand.currency_before = before.unit, before.start, True
        pos = cand.end
        if cand.source == "digits":
            scale = _SCALE_RE.match(text, pos)
            if scale and (scale.group("s") or _abbreviated_scale(text, scale, cand)):
                cand.scale = scale_of(scale.group("s") or scale.group("a")) or 1.0
                cand.end = pos = scale.end()
        elif cand.source == "words":
            scale = _SCALE_RE.match(text, pos)
            if scale and scale.group("s"):
                cand.scale = scale_of(scale.group("s")) or 1.0
                cand.end = pos = scale.end()
        if cand.source == "fold":
            cand.unit = self.units.units["times"]
        if cand.source == "vague" and text.startswith(" of", pos):
            after = self.units.read_after(text, pos + 3)
            if after is not None and after.unit.kind != "percent":
                cand.unit, cand.end = after.unit, after.end
        if cand.unit is None:
            after = self.units.read_after(text, pos)
            if after is not None and not _false_unit(text, after.start, after.end):
                cand.unit, cand.end = after.unit, after.end
        per = _PER_RE.match(text, cand.end)
        if per and (cand.unit is None or cand.unit.kind != "percent"):
            what = per.group("what")
            word = (per.group("word") or "/").lower()
            unit = self.units.read_after(text, per.start("what"))
            base = parse_digits(per.group("n")) if per.group("n") else None
            if word in {"a", "an"} and (
                what.lower().rstrip("s") not in PER_WORDS_AFTER_A or _AGO_RE.match(text, per.end())
            ):
                return cand
            if word in {"each", "every"} and base is not None:
                return cand
            cand.per_value = base.value if base else 1.0
            cand.per_unit = unit.unit.name if unit is not None and base is None else what.lower()
            cand.end = per.end()
        return cand


def propose(text: str) -> list[Candidate]:
    """Every number-like stretch of the text: digits, words, vague amounts and fractions."""
    found: list[Candidate] = []
    for m in _DIGIT_RE.finditer(text):
        if _ORDINAL_RE.match(text, m.end()):
            continue
        sign = "-" if (m.group("sign") or "").lower().startswith("minus") else m.group("sign")
        digits = parse_digits((sign or "") + m.group("num"))
        if digits is not None:
            found.append(_from_digits(m, digits))
    for m in _SCIENTIFIC_RE.finditer(text):
        scientific = _scientific(m)
        if scientific is not None:
            found.append(scientific)
    for m in _WORDS_RE.finditer(text):
        found.append(_simple(m, parse_words(m.group("num")), "words"))
    for m in _FOLD_RE.finditer(text):
        found.append(_simple(m, parse_words(m.group("num")), "fold"))
    for m in _VAGUE_RE.finditer(text):
        low, high = VAGUE[" ".join(m.group("num").lower().split())]
        s, e = m.span("num")
        found.append(Candidate(s, e, s, e, low, m.group("num"), "vague", low=low, high=high))
    for m in _FRACTION_RE.finditer(text):
        found.append(_simple(m, fraction(m.group("top"), m.group("bottom")), "fraction"))
    for m in _HALF_RE.finditer(text):
        found.append(_simple(m, 0.5, "fraction"))
    for m in _ONE_IN_RE.finditer(text):
        top, _, bottom = m.group(0).lower().partition(" in ")
        a, b = parse_words(top) or _int(top), parse_words(bottom) or _int(bottom)
        if a and b and a < b:
            found.append(_simple(m, a / b, "fraction"))
    found = [c for c in found if c.value == c.value]
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for cand in found:
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


def _simple(m: re.Match[str], value: float | None, source: str) -> Candidate:
    """A candidate covering the whole match; NaN when the text is not a number after all."""
    number = float("nan") if value is None else value
    return Candidate(m.start(), m.end(), m.start(), m.end(), number, m.group(0), source)


def _scientific(m: re.Match[str]) -> Candidate | None:
    """The mantissa as printed, scaled by its power of ten (so precision stays the mantissa's)."""
    mantissa = parse_digits(m.group("num"))
    exponent = (m.group("exp") or m.group("bare")).translate(_SUPERSCRIPTS).replace("−", "-")
    if mantissa is None:
        return None
    s, e = m.span()
    cand = Candidate(s, e, s, e, mantissa.value, m.group("num"), "digits")
    cand.scale = 10.0 ** int(exponent)
    return cand


def _int(text: str) -> float | None:
    return float(text) if text.isdigit() else None


def _from_digits(m: re.Match[str], digits: Digits) -> Candidate:
    start = m.start("sign") if m.group("sign") else m.start("num")
    return Candidate(
        start,
        m.end(),
        start,
        m.end(),
        digits.value,
        m.group(0),
        "digits",
        alternative=digits.alternative,
    )


def _is_local_unit(text: str, cand: Candidate, unit: Unit, country: str | None) -> bool:
    """'R2.4 million', 'R187m' name the rand anywhere; 'R12 500', 'R45.50' only in a release
    about South Africa; 'the R21' (a road) and 'R 2' (a symbol) never do."""
    scale = _SCALE_RE.match(text, cand.num_end)
    if scale and (scale.group("s") or scale.start() == cand.num_end):
        return True
    grouped = re.search(r"\d[,\u00a0\u2009\u202f ]\d{3}(?!\d)|[.,]\d\d$", cand.value_text)
    return country == unit.country and grouped is not None


def _abbreviated_scale(text: str, scale: re.Match[str], cand: Candidate) -> bool:
    """'25k', '3.9M', '$35m': a one-letter scale directly after the digits."""
    letter = scale.group("a")
    if scale.start() != cand.num_end:
        return False
    if letter in "kKM" or cand.currency_before:
        return True
    follower = re.match(r"\s*(\w+)", text[scale.end() : scale.end() + 20])
    return letter == "m" and (follower is None or follower.group(1).lower() not in LENGTH_CONTEXT)


def _false_unit(text: str, start: int, end: int) -> bool:
    """A one-letter unit that is the start of an abbreviation: '5 p.m.', '3 a.m.'."""
    return end - start == 1 and re.match(r"\.\w", text[end : end + 2]) is not None


def combine(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join ranges ('5-10W', 'between 5 and 6%') and compound masses ('1 ton 873 kg')."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        cand = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None:
            gap = text[cand.end : nxt.start]
            merged = _compound(cand, nxt, gap) or _range(text, cand, nxt, gap)
            if merged is not None:
                cands[i + 1] = merged
                i += 1
                continue
            if gap.strip().lower() in {"to", "or"} and _shares_unit(cand, nxt):
                cand = replace(cand, unit=nxt.unit)
            elif _level_after_change(text, cand, nxt, gap):
                cands[i + 1] = replace(nxt, unit=cand.unit)
        out.append(cand)
        i += 1
    return out


def _level_after_change(text: str, a: Candidate, b: Candidate, gap: str) -> bool:
    """'rose 64 points to 4,577': the bare level a change leads to is in the change's unit
    (not for percents: 'rose 5% to 1,200' is a count)."""
    if a.unit is None or b.unit is not None or gap.strip().lower() != "to":
        return False
    if a.unit.kind in {"percent", "percentage_point", "ratio", "rate"} or a.scale != b.scale:
        return False
    before = text[max(0, a.start - 30) : a.start].lower().split()
    return bool(before) and (before[-1] == "by" or _CHANGE_VERB_RE.match(before[-1]) is not None)


def _shares_unit(a: Candidate, b: Candidate) -> bool:
    """'5 or 6%', '10 to 12 kg': the bare first number takes the unit of the second, unless
    the two are far apart ('2,761 or 4.9%' is a count and its percent)."""
    if a.unit is not None or b.unit is None or a.scale != b.scale:
        return False
    low, high = sorted((abs(a.value), abs(b.value)))
    return high <= 3 * low


def _compound(a: Candidate, b: Candidate, gap: str) -> Candidate | None:
    """'1 ton 873 kg', '3 t 215 kg 410,250 g': one mass or length, in its base unit;
    '4 years and 6 months': one duration, in the larger unit."""
    if a.unit is None or b.unit is None or a.unit.kind not in {"mass", "length", "duration"}:
        return None
    if gap.strip() not in ({"", "and"} if a.unit.kind == "duration" else {""}):
        return None
    if b.unit.kind != a.unit.kind or b.unit.factor >= a.unit.factor or b.currency_before:
        return None
    b_value = b.value
    if b_value * b.unit.factor >= a.unit.factor and b.alternative is not None:
        b_value = b.alternative
    if b_value * b.unit.factor >= a.unit.factor:
        return None
    total = a.value * a.unit.factor + b_value * b.unit.factor
    base = a.unit.base or a.unit.name
    unit = Unit(name=base, kind=a.unit.kind, base=base, factor=1.0)
    if a.unit.kind == "duration":
        total, unit = total / a.unit.factor, a.unit
    return replace(
        a,
        end=b.end,
        num_end=b.num_end,
        value=round(total, 9),
        value_text=f"{a.value_text} {b.value_text}",
        alternative=None,
        unit=unit,
        scale=1.0,
    )


def _range(text: str, a: Candidate, b: Candidate, gap: str) -> Candidate | None:
    """'15-22 miles', 'between $62 and $68', 'from 10 to 20': one candidate with low and high."""
    if a.source not in {"digits", "words"} or b.source not in {"digits", "words"}:
        return None
    if a.unit is not None and (b.unit is None or a.unit.name != b.unit.name):
        return None
    if _year_like(a) or _year_like(b):
        return None
    connector = gap.strip().lower()
    before = text[max(0, a.start - 40) : a.start].lower().split()
    last = before[-1] if before else ""
    if connector in {"-", "–", "—"} and gap in {"-", "–", "—"}:
        ok = a.unit is None or a.unit.kind != "money" or b.currency_before
    elif connector == "and":
        ok = last == "between"
    elif connector == "to":
        ok = last != "by" and (last == "go" or not _CHANGE_VERB_RE.match(last))
        ok = ok and not _transition(text, a, gap)
    else:
        ok = False
    if not ok:
        return None
    low, high = a.value * a.scale, b.value * b.scale
    if a.scale == 1.0 and b.scale != 1.0 and a.value < b.value:
        low = a.value * b.scale
    if low >= high or b.value < 0:
        return None
    unit = a.unit or b.unit
    return replace(
        a,
        end=b.end,
        value=low,
        scale=1.0,
        value_text=text[a.num_start : b.num_end],
        alternative=None,
        unit=unit,
        currency_before=a.currency_before or b.currency_before,
        per_value=b.per_value,
        per_unit=b.per_unit,
        low=low,
        high=high,
    )


def _transition(text: str, a: Candidate, gap: str) -> bool:
    """'rose from 60 to 80%': two stated levels, not a range."""
    if gap.strip().lower() != "to":
        return False
    before = text[max(0, a.start - 60) : a.start].lower().split()
    return (
        len(before) > 1
        and before[-1] == "from"
        and any(_CHANGE_VERB_RE.match(w) for w in before[-4:-1])
        and not any(w in RANGE_VERBS for w in before[-4:-1])
    )


def rejection(doc: Doc, cand: Candidate, taken: list[tuple[int, int]], text: str) -> str | None:
    """Why a candidate is not a quantity ('year', 'date', 'name', ...), or None to keep it."""
    s, e = cand.num_start, cand.num_end
    before, after = text[max(0, s - 40) : s], text[cand.end : cand.end + 40]
    unit = cand.unit
    bare = unit is None and cand.scale == 1.0
    if bare and cand.source == "digits" and _is_year(doc, cand):
        return "year"
    if (bare or (unit is not None and unit.kind == "duration")) and any(
        a < e and s < b for a, b in taken
    ):
        return "date"
    if bare and (_MONTH_BEFORE_RE.search(before) or _MONTH_AFTER_RE.match(after)):
        return "date"
    window = text[max(0, s - 20) : min(len(text), e + 20)]
    for regex in (_NUMERIC_DATE_RE, _PHONE_RE):
        for m in regex.finditer(window):
            offset = max(0, s - 20)
            if m.start() + offset <= s and e <= m.end() + offset:
                return "date" if regex is _NUMERIC_DATE_RE else "phone"
    if bare and _in_phone_number(text, s, e):
        return "phone"
    if s > 0 and text[s - 1].isalpha() and not cand.currency_before:
        return "name"
    if bare and _CLOCK_RE.match(text, e):
        return "time"
    if bare and (_DIALLED_BEFORE_RE.search(before) or _DIALLED_AFTER_RE.match(after)):
        return "phone"
    if bare and _is_name(doc, cand, before):
        return "name"
    if unit is not None and unit.kind == "duration" and _is_period(cand, before, after, unit):
        return "period"
    if cand.source == "words" and _word_idiom(doc, cand, before, after):
        return "idiom"
    return None


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """The digits are (part of) a phone number: five or more with a leading zero ('08600'),
    groups after a leading zero ('0800 123 4567'), or groups no thousands grouping explains
    after 'on', 'call', 'line' ('on 1300 60 60 24'); not '12 500' nor 'aged 15-24'."""
    if re.fullmatch(r"0\d{4,}", text[start:end]):
        return True
    lo, hi = max(0, start - 30), min(len(text), end + 30)
    for m in _DIGIT_GROUPS_RE.finditer(text, lo, hi):
        if not (m.start() <= start and end <= m.end()):
            continue
        groups = re.split(r"[ \u00a0-]", m.group(0))
        if groups[0].startswith("0"):
            return True
        if sum(map(len, groups)) < 6 or parse_digits(" ".join(groups)) is not None:
            return False
        return _DIAL_WORD_RE.search(text, max(0, m.start() - 25), m.start()) is not None
    return False


def _is_year(doc: Doc, cand: Candidate) -> bool:
    """'in 2019', '2003/04'; not '2000 people'."""
    if not _year_like(cand):
        return False
    token = _token_at(doc, cand.num_start)
    if token is None or token.dep_ != "nummod" or token.head.tag_ != "NNS":
        return True
    between = doc[token.i : token.head.i].text
    return token.head.i < token.i or "\n" in between or token.head.i - token.i > 3


def _year_like(cand: Candidate) -> bool:
    return re.fullmatch(r"\d{4}", cand.value_text) is not None and 1800 <= cand.value <= 2100


CAPITALS_LINE = 8
"""Letters before a number on a line in capitals that make it a headline ('JCF REPORTS')."""


def _is_name(doc: Doc, cand: Candidate, before: str) -> bool:
    """'Service "102"', 'Article 234', 'iPhone 11', 'S&P 500', 'TA-125', 'level 1'; not a
    number in thousands groups after a name ('NHS Fife 2,377'): names are not numbered so."""
    prev = re.search(r"([\w&.#№'’-]+)[\s\"'“”«]*$", before)
    if prev is None:
        return False
    word = prev.group(1)
    lower = word.lower()
    if lower.rstrip(".") in NAME_WORDS or lower in NAME_WORDS or re.search(r"[A-Za-z]-$", before):
        return True
    if re.search(r"\d[, \u00a0\u2009\u202f]\d{3}(?!\d)", cand.value_text):
        return False
    if lower in NOT_NAME or lower.rstrip(".") in MONTHS or not any(ch.isupper() for ch in word):
        return False
    if _in_capitals(before):
        return False  # 'POLICE REPORT 612 MURDERS': capitals are the headline's, not a name's
    number = _token_at(doc, cand.num_start)
    if word[-1] in ".!?" and number is not None and number.is_sent_start:
        return False  # 'per 100,000 Filipinos. Eleven suspects': the word ends a sentence
    if LIST_ITEM_RE.search(before):
        return False
    if any(ch.isupper() for ch in word[1:]) or "&" in word:
        return True
    token = _token_at(doc, prev.start(1) + (cand.num_start - len(before)))
    return token is not None and not token.is_sent_start and token.pos_ == "PROPN"


def _in_capitals(before: str) -> bool:
    """Whether the line so far is written in capitals (a headline), over a few words."""
    letters = [ch for ch in before[before.rfind("\n") + 1 :] if ch.isalpha()]
    return len(letters) >= CAPITALS_LINE and all(ch.isupper() for ch in letters)


def _token_at(doc: Doc, char: int):  # type: ignore[no-untyped-def]
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_period(cand: Candidate, before: str, after: str, unit: Unit) -> bool:
    """'6 months of 2019', 'the past 10 years', 'one year ago', 'over the three months',
    'the 12 months to March'."""
    if unit.name not in PERIOD_UNITS:
        return False
    return bool(PERIOD_BEFORE.search(before) or PERIOD_AFTER.match(after))


def _word_idiom(doc: Doc, cand: Candidate, before: str, after: str) -> bool:
    """'one of the most', 'a formal one', 'the two is', 'one another', 'one day'."""
    word = cand.value_text.lower()
    if _SUPERLATIVE_RE.match(after):
        return True
    span = doc.char_span(cand.num_start, cand.num_end, alignment_mode="expand")
    if span is None:
        return True
    token = span[-1]
    prev = before.rstrip().split()[-1].lower().strip("\"'“”‘’(") if before.strip() else ""
    if word == "one":
        if cand.unit is not None and cand.unit.kind == "duration":
            return False
        if prev in {"every", "each", "any", "no"}:
            return True
        if prev == "in" and re.match(r"\s+[a-z]+,", after):
            return True
        if re.match(r"\s+(?:another|day|time|way|point|side|by)\b", after, re.I):
            return True
        if prev == "on" and re.match(r"\s+hand\b", after, re.I):
            return True
        if token.dep_ == "nummod" and prev not in {"at", "no"}:
            return False
        return not re.match(r"\s+of\s+(?:the|them|these|those|its|his|her|their)\b", after, re.I)
    if prev == "the" and token.dep_ != "nummod" and cand.unit is None:
        return not re.match(r"\s+of\b", after)
    return False


def _is_age(doc: Doc, text: str, cand: Candidate) -> bool:
    """A bare whole number said of a person is an age: 'Ana Lind, 66, said', 'she will be 35'.

    The tagger may take a surname for a place ('Maddon, 66, has'): a proper noun that is the
    subject with the number in apposition counts too, a list of places ('Rustavi, 12,
    Batumi, 9') does not."""
    if cand.unit is not None or cand.scale != 1.0 or cand.per_unit or cand.low is not None:
        return False
    if not (cand.value.is_integer() and 1 <= cand.value <= 120):
        return False
    token = _token_at(doc, cand.num_start)
    if token is None:
        return False
    before, after = text[: cand.start].rstrip(), text[cand.end : cand.end + 1]
    if before.endswith(",") and after in {",", ";", ")"} and token.i >= 2:
        name = doc[token.i - 2]
        subject = name.dep_ in {"nsubj", "nsubjpass"} and token.dep_ == "appos"
        return name.pos_ == "PROPN" and (
            name.ent_type_ == "PERSON" or (subject and name.ent_type_ not in {"ORG", "NORP"})
        )
    verb = token.head
    if token.dep_ not in {"attr", "acomp", "dobj"} or verb.lemma_ not in {"be", "turn"}:
        return False
    if token.i + 1 < len(doc) and doc[token.i + 1].pos_ in {"NOUN", "PROPN"}:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and (
        subjects[0].lower_ in {"he", "she", "i"} or subjects[0].ent_type_ == "PERSON"
    )


def resolve_ambiguity(doc: Doc, cand: Candidate, thousands_point: bool) -> Candidate:
    """Pick the reading of '54.981' or '1,204' that the context allows.

    A point before three digits groups thousands when the text does so elsewhere, or when
    the number counts whole things: it counts a plural noun, or its sentence prints other
    counts with comma groups and no decimal point.
    """
    if cand.alternative is None or "." not in cand.value_text:
        return cand
    if cand.unit is not None or cand.scale != 1.0 or cand.per_unit is not None:
        return cand
    if thousands_point or _counts_whole(doc, cand):
        return replace(cand, value=cand.alternative, alternative=cand.value)
    return cand


def _counts_whole(doc: Doc, cand: Candidate) -> bool:
    token = _token_at(doc, cand.num_start)
    if token is None:
        return False
    if token.dep_ == "nummod" and token.head.tag_ == "NNS":
        return True
    others = [t.text for t in token.sent if t.like_num and t.i != token.i]
    return any(re.fullmatch(r"\d{1,3}(,\d{3})+", t) for t in others) and not any(
        re.fullmatch(r"\d+\.\d+", t) for t in others
    )


def _uses_thousands_point(text: str) -> bool:
    """The text groups thousands with points somewhere ('1.318.398', '1.234,5')."""
    return bool(re.search(r"\d{1,3}\.\d{3}\.\d{3}|\d\.\d{3},\d", text))


def to_info(cand: Candidate) -> QuantityInfo:
    """The QuantityInfo of an accepted candidate: value as stated and in base units."""
    value = float(f"{cand.value * cand.scale:.15g}")  # 1.99 × 1e-30 is 1.99e-30, not ...02e-30
    unit = cand.unit
    low = cand.low
    high = cand.high
    if unit is None:
        kind = "rate" if cand.per_unit else ("ratio" if cand.source == "fraction" else "count")
        if kind == "count" and value != int(value):
            kind = "other"  # 'the index stood at 138.86': a level, and counts are whole
        return QuantityInfo(
            value=value,
            value_text=cand.value_text,
            unit=None,
            kind=kind,
            normalized_value=value,
            normalized_unit=None,
            per_value=cand.per_value,
            per_unit=cand.per_unit,
            low=low,
            high=high,
            component=COMPONENT,
        )
    name = unit.name
    base = unit.base
    if cand.per_unit:
        name = f"{name} per {cand.per_unit}"
        base = f"{base} per {cand.per_unit}" if base else None
    return QuantityInfo(
        value=value,
        value_text=cand.value_text,
        unit=name,
        kind=unit.kind,
        normalized_value=round(value * unit.factor, 9),
        normalized_unit=base,
        per_value=cand.per_value,
        per_unit=cand.per_unit,
        low=low,
        high=high,
        component=COMPONENT,
    )
