"""Propose date expressions in plain text: regular patterns built from the date lexicon.

`find_dates(text)` returns every candidate `DateExpr`, longest first where they overlap. An
expression records what the text states (month, day, year, a relative year, a rule name);
`date_resolve` turns it into days. Standalone years and bare months are still candidates here:
the dates component validates them against the tokens around them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from .date_lexicon import DateLexicon, load_lexicon


@dataclass(frozen=True)
class DateExpr:
    """A date expression found in the text, before resolution.

    Attributes:
        start: Offset of the first character.
        end: Offset one past the last character.
        kind: Which pattern matched (day, month, year, month_range, months_of, ...); a
            'slashed_day' ('03/04/2024') holds the month-first reading of a day the release's
            way of writing days settles.
        year: The stated year, if any.
        month: The stated (first) month.
        day: The stated (first) day.
        year2: The stated end year of a range, or of a fiscal year a part is of ('FY2024').
        month2: The stated end month of a range.
        day2: The stated end day of a range.
        n: A count the pattern carries: months, quarter, half, years back.
        year_ref: A year stated relatively: 0 this year, -1 last year, None the period's year.
        rule: For relative expressions, the resolution rule from the lexicon; 'state' for a
            state fiscal year.
    """

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    year2: int | None = None
    month2: int | None = None
    day2: int | None = None
    n: int | None = None
    year_ref: int | None = None
    rule: str | None = None


Builder = Callable[[re.Match[str], DateLexicon], DateExpr | None]


def find_dates(text: str) -> list[DateExpr]:
    """All date expressions proposed in `text`, non-overlapping, in text order."""
    candidates = [expr for expr in _propose(text) if expr.end > expr.start]
    candidates.sort(key=lambda e: (e.start - e.end, e.start))
    taken: list[DateExpr] = []
    for expr in candidates:
        if all(expr.end <= t.start or expr.start >= t.end for t in taken):
            taken.append(expr)
    return sorted(taken, key=lambda e: e.start)


def writes_day_first(text: str) -> bool | None:
    """Whether the text writes days before months ('8 May 2024') more often than after them
    ('May 8, 2024'); None when it does neither more often."""
    day_month, month_day = _written_orders()
    first, after = len(day_month.findall(text)), len(month_day.findall(text))
    return None if first == after else first > after


@cache
def _written_orders() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lexicon = load_lexicon()
    mon, day = _month("mon", lexicon), _day("day")
    return (
        re.compile(rf"{day}(?: of)?{SP}{mon}"),
        re.compile(rf"{mon}{SP}{day}(?![\w,.:/-]?\d)"),
    )


def _propose(text: str) -> Iterator[DateExpr]:
    lexicon = load_lexicon()
    for pattern, build in _patterns():
        for match in pattern.finditer(text):
            if match.start() and text[match.start() - 1].isalnum():
                continue  # not at the start of a word
            expr = build(match, lexicon)
            if expr is not None:
                yield expr


# --- pattern pieces -------------------------------------------------------------------------


def _alt(words: list[str]) -> str:
    """An alternation of words, longest first; a space stands for any run of blanks."""
    escaped = (re.escape(w).replace("\\ ", " ") for w in sorted(words, key=len, reverse=True))
    return "|".join(escaped)


def _month(name: str, lexicon: DateLexicon) -> str:
    full = [m for m in lexicon.months if len(m) > 4 or m in ("may", "june", "july")]
    short = [m for m in lexicon.months if m not in full]
    forms = [[w.title() for w in words] + [w.upper() for w in words] for words in (full, short)]
    # Case-sensitive (a month is capitalised) and unanchored: scanning for it stays fast.
    return rf"(?-i:(?P<{name}>(?:{_alt(forms[0])})\b|(?:{_alt(forms[1])})\b\.?))"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:19|20)\d\d)(?![\w%]|[.,]\d)"


def _day(name: str) -> str:
    guard = r"(?<![\w.,/:-])" if name == "day" else ""  # a first day starts a number
    return rf"{guard}(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?\b"


def _number(name: str, lexicon: DateLexicon) -> str:
    return rf"(?P<{name}>\d{{1,2}}|{_alt(list(lexicon.numbers))})"


# Patterns are written with a space for a run of blanks (never a line break): SP when compiled.
SP = r"[^\S\n]+"
OSP = r"[^\S\n]*"
YEAR_REFS = {
    "this year": 0,
    "the current year": 0,
    "last year": -1,
    "the last year": -1,
    "the previous year": -1,
    "the preceding year": -1,
    "the past year": -1,
    "one year ago": -1,
    "a year ago": -1,
    "a year earlier": -1,
}
FISCAL_REFS = {
    "current": 0,
    "this": 0,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "last": -1,
    "next": 1,
}
UNIT_MONTHS = {"months": 1, "quarters": 3, "years": 12}
WEEK_EDGE = r"(?P<edge>ending|ended|to|beginning|starting)"
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WEEKDAY_BEFORE = re.compile(rf"\b(?:{WEEKDAYS}),?[^\S\n]+\Z")
# A year is not part of a longer number, an amount or a phone number ("514-2007"); "mid-2020" is.
NOT_IN_NUMBER = r"(?<![\w.,/$€£])(?<!\d-)"
DASH = rf"{OSP}[-–—]{OSP}"
TO = rf"(?:{OSP}[-–—]{OSP}| (?:to|through|till|until) )"
PART_UNITS = "quarter|month|half-year|half year"
PART_MONTHS = {"quarter": 3, "month": 1}  # a half-year is 6
YEAR_OR_REF = rf"(?:{_year('year')}|(?P<yref>{_alt(list(YEAR_REFS))})\b|(?P<theyear>the year)\b)"


@cache
def _patterns() -> list[tuple[re.Pattern[str], Builder]]:
    lex = load_lexicon()
    mon, mon2 = _month("mon", lex), _month("mon2", lex)
    day, day2 = _day("day"), _day("day2")
    wd = rf"(?:(?:{WEEKDAYS}),? )?"  # "from Friday 22 December to Wednesday 3 January"
    year, year1 = _year("year"), _year("year1")
    num = _number("n", lex)
    ordinal = rf"(?P<ord>{_alt(list(lex.ordinals))}|last|final)"
    opt_year = rf"(?:,? {year})?"
    parts = (
        rf"\b(?:the )?{ordinal} (?P<unit>quarter|half)",
        r"\b(?P<unit>[QH])(?P<q>[1-4])",
    )
    fiscal_ref = rf"(?P<fref>{_alt(list(FISCAL_REFS))}) (?:financial|fiscal) year\b"
    split = rf"(?:{OSP}/{OSP}|[-–])(?P<y2>\d{{4}}|\d\d)(?![\w%/-]|[.,]\d)"
    fiscal = (
        rf"{year1}{split}(?: (?:financial|fiscal) year\b)?",
        rf"(?:financial|fiscal) year {year1}(?:{split})?",
        rf"FY{OSP}'?(?:{year1}|(?P<yy>\d\d)\b)(?:{split})?",
        fiscal_ref,
    )
    table: list[tuple[str, Builder]] = [
        # Days: "Monday, July 24, 2017", "Oct. 17", "27 April 2017", "10/16/07", "2021-03-04".
        (rf"{mon} {day}{opt_year}", _day_expr),
        (rf"{day}(?: of)? {mon}{opt_year}", _day_expr),
        (
            r"(?<![\w.,/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
            r"(?![\w/-]|[.,]\d)",
            _numeric_day,
        ),
        (
            r"(?<![\w.,/-])(?P<y>(?:19|20)\d\d)(?P<sep>[-/])(?P<a>\d\d)(?P=sep)(?P<b>\d\d)"
            r"(?![\w/-]|[.,]\d)",
            _iso_day,
        ),
        # Day ranges: "January 1-February 10", "March 1-7, 2021", "1-7 March 2021".
        (rf"{mon} {day}(?:,? {year1})?{TO}{mon2} {day2}{opt_year}", _day_range),
        (rf"{mon} {day}{DASH}{day2}{opt_year}", _day_range),
        (rf"{day}{DASH}{day2} {mon}{opt_year}", _day_range),
        (rf"{wd}{day} {mon}(?:,? {year1})?{TO}{wd}{day2} {mon2}{opt_year}", _day_range),
        # "between May 1 and June 15", "between 3 and 9 October 2022", "between 1 May and 15 June".
        (rf"\bbetween {mon} {day}(?:,? {year1})? and {mon2} {day2}{opt_year}", _day_range),
        (rf"\b(?:between|from) {day} (?:and|to) {day2} {mon}{opt_year}", _day_range),
        (rf"\bbetween {wd}{day} {mon}(?:,? {year1})? and {wd}{day2} {mon2}{opt_year}", _day_range),
        # Months: "July 2015", "this July", "April of the current year", "July one year ago".
        (rf"{mon},? (?:of )?{year}", _month_expr),
        (rf"\b(?P<rel>this|last) {mon}", _month_expr),
        (rf"{mon},? (?:of )?(?P<yref>{_alt(list(YEAR_REFS))})\b", _month_expr),
        (rf"(?<![\w-]){mon}", _month_expr),
        # Month ranges: "January-June 2020", "January to September 2020", "January-April of
        # this year", "July 2019 to June 2020".
        (rf"{mon}{TO}{mon2}(?:,? (?:of )?{YEAR_OR_REF})?", _month_range),
        (rf"{mon},? {year1}{TO}{mon2},? {year}", _month_range),
        # "between January and March (2024)": a span; two years so joined compare two levels.
        (rf"\bbetween {mon} and {mon2}(?:,? (?:of )?{YEAR_OR_REF})?", _month_range),
        (rf"\bbetween {mon},? {year1} and {mon2},? {year}", _month_range),
        # "The three months", "these 12 months": the reporting period when it is that long.
        (
            rf"\b(?:the|these) {num} months\b"
            rf"(?! (?:of|ending|ended|to|before|after|earlier|ago)\b)",
            _period_months,
        ),
        # "7 months of 2020", "the first 3 months of 2020", "6 months of this year", "9 months".
        (
            rf"\b(?:the )?(?:first )?{num} months(?: of {YEAR_OR_REF})?",
            _months_of,
        ),
        # Quarters and halves: "the first quarter of 2022", "Q1 2022", "the first half of the year".
        (
            rf"\b(?:the )?{ordinal} (?P<unit>quarter|half)(?: of)?(?: {YEAR_OR_REF})?",
            _part,
        ),
        (rf"\b(?P<unit>[QH])(?P<q>[1-4])(?:(?:{OSP}(?:of )?|{OSP}[/-]{OSP}){year})?\b", _part),
        (rf"{NOT_IN_NUMBER}{year}(?:{OSP}|{OSP}[/-]{OSP})(?P<unit>[QH])(?P<q>[1-4])\b", _part),
        (rf"\b(?P<q>[1-4])(?P<unit>[QH])(?:{OSP}{year}|(?P<yy>\d\d)\b)", _part),
        # Parts of a fiscal year: "the fourth quarter of the 2023/2024 financial year", "Q3
        # FY24", "the first half of the current financial year".
        *((rf"{part} (?:of )?(?:the )?{fy}", _fiscal_part) for part in parts for fy in fiscal),
        # A quarter named by its last month: "the March quarter 2024", "the December quarter".
        (rf"\b(?:the )?{mon} quarter(?:,? (?:of )?{year})?\b", _month_quarter),
        # Runs of quarters: "Q1-Q3 2024", "the first three quarters of 2024".
        (rf"\bQ(?P<q>[1-4]){TO}Q(?P<q2>[1-4])(?:{OSP}(?:of )?{year})?\b", _quarters),
        (rf"\b(?:the )?first {num} quarters(?: of {YEAR_OR_REF})?\b", _quarters),
        # "the quarter", "this month", "the previous quarter", "a month earlier": the reporting
        # period's own part, or the one before it.
        (
            rf"\b(?:the|this|the current) (?P<unit>{PART_UNITS})\b"
            rf"(?! (?:of|ending|ended|to|before|after)\b)",
            _period_part,
        ),
        (
            rf"\b(?:the (?:previous|preceding|prior)|(?P<back>a|one|the)) (?P<unit>{PART_UNITS})"
            rf"(?(back) (?:earlier|before))\b",
            _previous_part,
        ),
        # Weeks by the day they end or start on: "the week ending 16 June", "the four weeks to
        # March 3, 2024", "the week beginning 10 June".
        *(
            (rf"\b(?:the )?(?:{num} weeks|week|fortnight) {WEEK_EDGE} {when}{opt_year}", _weeks)
            for when in (rf"{day}(?: of)? {mon}", rf"{mon} {day}")
        ),
        # Longer periods by the day they end on: "the year to 30 June", "the six months ended
        # September 30, 2023", "the quarter to 31 March 2024".
        *(
            (
                rf"\b(?:the )?(?:(?:financial|fiscal|calendar) )?"
                rf"(?P<unit>year|quarter|{num} months) (?:ending|ended|to) {when}{opt_year}",
                _months_to,
            )
            for when in (rf"{day}(?: of)? {mon}", rf"{mon} {day}")
        ),
        # The last day of a month or a year: "the end of March", "end-2023".
        (rf"\b(?:the )?end(?: of |-)(?:{mon}(?:,? {year})?|{year1})", _end_of),
        # "Twelve months earlier", "two years before": the reporting period moved back ("20
        # years ago" counts from an unstated present, loosely: no date).
        (rf"\b{num} (?P<unit>months|quarters|years) (?:earlier|before)\b", _periods_back),
        # Year ending: "the year ending June 2014", "the 12 months to March 2019".
        (
            rf"\b(?:the )?(?:(?:survey|financial|fiscal|calendar) )?"
            rf"(?P<unit>year|{num} months|quarter) (?:ending|ended|to) "
            rf"(?:(?:the )?end of )?(?:{day} )?{mon}(?: {day2})?,? {year}",
            _year_ending,
        ),
        # Fiscal and split years: "fiscal year 2017", "FY2017", "the previous financial year",
        # "2003/04"; year ranges; decades.
        (
            rf"\b(?:(?P<level>state|federal) )?(?:fiscal(?: year)?|FY){OSP}'?"
            rf"(?:{year}|(?P<yy>\d\d)\b)"
            rf"(?:[-/–](?P<y2>\d{{4}}|\d\d)(?![\w%/-]|[.,]\d))?",
            _fiscal,
        ),
        (rf"\b(?:the )?{fiscal_ref}", _fiscal),
        (
            rf"{NOT_IN_NUMBER}{year1}(?P<sep>{OSP}/{OSP}|[-–])(?P<y2>\d{{4}}|\d\d)(?![\w%/-]|[.,]\d)",
            _split_year,
        ),
        (r"\b(?:the )?(?P<c>19|20)(?P<d>\d)0s\b", _decade),
        (rf"{NOT_IN_NUMBER}{year}", _year_expr),
        # Relative periods: "the past decade", "the last ten years", "a decade earlier, in 2009".
        (
            rf"\b(?:the )?(?:past|last|previous|preceding) (?:{num} years|(?P<decade>decade))\b",
            _past_years,
        ),
        (
            rf"\b(?:a|one) decade (?:earlier|ago|before)(?:,? in {year})?",
            _decade_ago,
        ),
        (
            rf"\bthe (?:same|corresponding|comparable) "
            rf"(?:period|months?|quarter|weeks?|days) (?:of|in) {year}"
            rf"(?:{OSP}/{OSP}(?P<y2>\d{{4}}|\d\d)(?![\w%/-]|[.,]\d))?",
            _same_period_of,
        ),
        (r"\bin (?:a|one) (?P<decade>decade)\b", _past_years),
        # "Since the beginning of the year", "since January": from then to the period's end.
        (
            rf"\b(?:since|from) the (?:beginning|start) of (?:(?P<theyear>the year)|"
            rf"(?P<yref>this year|the current year)|{year})\b",
            _since,
        ),
        (rf"\bsince {mon}(?!{OSP}\d)", _since),
        (r"\b(?:the )?year(?:-| )to(?:-| )date\b", _since),
        (r"\b(?:the )?(?:financial|fiscal) year(?:-| )to(?:-| )date\b", _fiscal_to_date),
        # Seasons: "the summer season", "winter 2023", "this spring".
        (
            rf"\b(?:(?P<rel>the|this|last) )?(?P<season>{_alt(list(lex.seasons))})"
            rf"(?P<suffix> season)?(?:,? (?:of )?{year})?\b",
            _season,
        ),
        (rf"(?-i:(?P<wd>{WEEKDAYS}))\b", _weekday),
    ]
    # One pattern for every relative phrase: the lexicon lists the specific rules first.
    rules = "|".join(rf"(?P<{rule}>{'|'.join(p)})" for rule, p in lex.relative.items())
    table.append((rf"\b(?:{rules})\b", _relative))
    return [(re.compile(p.replace(" ", SP), re.IGNORECASE), build) for p, build in table]


# --- builders: a match to a DateExpr, or None when the match is no date ---------------------


def _capitalized(match: re.Match[str], *groups: str) -> bool:
    words = [match.groupdict().get(g) for g in groups]
    return all(w is None or w[0].isupper() for w in words)


def _month_no(match: re.Match[str], group: str, lexicon: DateLexicon) -> int | None:
    word = match.groupdict().get(group)
    return lexicon.months.get(word.rstrip(".").lower()) if word else None


def _int(match: re.Match[str], group: str) -> int | None:
    value = match.groupdict().get(group)
    return int(value) if value else None


def _year_ref(match: re.Match[str]) -> int | None:
    ref = match.groupdict().get("yref")
    return YEAR_REFS[" ".join(ref.lower().split())] if ref else None


def _day_expr(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """A day; a weekday written before it joins the span ("Monday, July 24, 2017")."""
    day = _int(match, "day")
    if day is None or not 1 <= day <= 31:
        return None
    start = match.start()
    weekday = WEEKDAY_BEFORE.search(match.string, max(0, start - 12), start)
    if weekday is not None:
        start = weekday.start()
    month = _month_no(match, "mon", lexicon)
    return DateExpr(start, match.end(), "day", year=_int(match, "year"), month=month, day=day)


def _two_digit_year(value: str) -> int:
    year = int(value)
    if len(value) == 4:
        return year
    return 2000 + year if year < 70 else 1900 + year


def _numeric_day(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """Dots and dashes read day first (11.02.2016); a slash reads as only it can (10/16/07,
    13/04/2024), or, when either number can be the month (03/04/2024), as the release writes
    days: a 'slashed_day' holds the month-first reading."""
    a, b, sep, y = int(match["a"]), int(match["b"]), match["sep"], match["y"]
    if sep != "/" and len(y) != 4:
        return None
    month, day = (a, b) if sep == "/" and a <= 12 else (b, a)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    kind = "slashed_day" if sep == "/" and day <= 12 and day != month else "day"
    return DateExpr(*match.span(), kind, year=_two_digit_year(y), month=month, day=day)


def _iso_day(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    month, day = int(match["a"]), int(match["b"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateExpr(*match.span(), "day", year=int(match["y"]), month=month, day=day)


def _day_range(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    if not _capitalized(match, "mon", "mon2"):
        return None
    month = _month_no(match, "mon", lexicon)
    month2 = _month_no(match, "mon2", lexicon) or month
    day, day2 = _int(match, "day"), _int(match, "day2")
    if day is None or day2 is None or not (1 <= day <= 31 and 1 <= day2 <= 31):
        return None
    year, year1 = _int(match, "year"), _int(match, "year1")
    if year1 is not None:  # "between 1 April 2023 and 10 March 2024": both years stated
        if year is None or (year1, month, day) >= (year, month2, day2):
            return None
        year, year2 = year1, year
    else:
        year2 = None
        if month2 == month and day2 <= day:
            return None
    return DateExpr(
        *match.span(),
        "day_range",
        year=year,
        month=month,
        day=day,
        year2=year2,
        month2=month2,
        day2=day2,
    )


def _month_expr(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    if not _capitalized(match, "mon"):
        return None
    month = _month_no(match, "mon", lexicon)
    rel = match.groupdict().get("rel")
    year_ref = _year_ref(match)
    if rel:
        year_ref = 0 if rel.lower() == "this" else -1
    year = _int(match, "year")
    kind = "month" if year is not None or year_ref is not None else "bare_month"
    return DateExpr(*match.span(), kind, year=year, month=month, year_ref=year_ref)


def _month_range(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    if not _capitalized(match, "mon", "mon2"):
        return None
    month, month2 = _month_no(match, "mon", lexicon), _month_no(match, "mon2", lexicon)
    year, year1 = _int(match, "year"), _int(match, "year1")
    if month is None or month2 is None or (year1 is None and month2 <= month):
        return None
    if year1 is not None and (year is None or (year1, month) >= (year, month2)):
        return None
    if year1 is not None:
        return DateExpr(
            *match.span(), "month_range", year=year1, month=month, year2=year, month2=month2
        )
    return DateExpr(
        *match.span(),
        "month_range",
        year=year,
        month=month,
        month2=month2,
        year_ref=_year_ref(match),
    )


def _count(match: re.Match[str], lexicon: DateLexicon) -> int:
    value = match["n"].lower()
    return int(value) if value.isdigit() else lexicon.numbers[value]


def _months_of(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    n = _count(match, lexicon)
    if not 1 <= n <= 12:
        return None
    stated = match["year"] or match["yref"] or match["theyear"]
    kind = "months_of" if stated else "bare_months"
    return DateExpr(*match.span(), kind, year=_int(match, "year"), n=n, year_ref=_year_ref(match))


def _part(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    unit = match["unit"].lower()
    if match.groupdict().get("ord"):
        word = match["ord"].lower()
        n = lexicon.ordinals.get(word, 4 if unit == "quarter" else 2)
    else:
        if not match["unit"].isupper():
            return None
        n = int(match["q"])
    kind = "quarter" if unit in ("quarter", "q") else "half"
    if kind == "half" and n > 2:
        return None
    year = _int(match, "year")
    if year is None and match.groupdict().get("yy"):
        year = _two_digit_year(match["yy"])
    return DateExpr(*match.span(), kind, year=year, n=n, year_ref=_year_ref(match))


def _month_quarter(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The June quarter': the three months ending in June."""
    month = _month_no(match, "mon", lexicon)
    if month is None or month % 3 or not _capitalized(match, "mon"):
        return None
    year = _int(match, "year")
    return DateExpr(*match.span(), "month_range", year=year, month=month - 2, month2=month)


def _quarters(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """Quarters first..last of one year, as the months they cover."""
    if match.groupdict().get("n"):
        first, last = 1, _count(match, lexicon)
    else:
        first, last = int(match["q"]), int(match["q2"])
    if not 1 <= first < last <= 4:
        return None
    return DateExpr(
        *match.span(),
        "month_range",
        year=_int(match, "year"),
        month=first * 3 - 2,
        month2=last * 3,
        year_ref=_year_ref(match),
    )


def _period_part(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The quarter' is the reporting period's part; 'this month' may be the release's."""
    n = PART_MONTHS.get(match["unit"].lower(), 6)
    this = match[0][:4].lower() == "this" or "current" in match[0].lower()
    return DateExpr(*match.span(), "relative", rule="this_part" if this else "period_part", n=n)


def _previous_part(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The previous quarter', 'a month earlier': the part before the reporting period."""
    n = PART_MONTHS.get(match["unit"].lower(), 6)
    return DateExpr(*match.span(), "relative", rule="previous_part", n=n)


def _year_ending(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    if not _capitalized(match, "mon"):
        return None
    unit = match["unit"].lower()
    months = 3 if unit == "quarter" else 12 if unit == "year" else _count(match, lexicon)
    if not 1 <= months <= 12:
        return None
    return DateExpr(
        *match.span(),
        "year_ending",
        year=_int(match, "year"),
        month=_month_no(match, "mon", lexicon),
        n=months,
    )


def _fiscal(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'FY2017' is a fiscal year ending in 2017; 'FY 2022-23' a split year ending in 2023;
    'the previous financial year' one before the release's."""
    ref = match.groupdict().get("fref")
    if ref:
        return DateExpr(*match.span(), "fiscal_year", year_ref=FISCAL_REFS[ref.lower()])
    year = _int(match, "year")
    if year is None:
        year = _two_digit_year(match["yy"])
    if match["y2"] is None:
        state = "state" if (match["level"] or "").lower() == "state" else None
        return DateExpr(*match.span(), "fiscal_year", year=year, rule=state)
    if int(match["y2"]) % 100 != (year + 1) % 100:
        return None
    return DateExpr(*match.span(), "split_year", year=year)


def _fiscal_part(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """A quarter or half of a fiscal year, numbered from the fiscal year's start: a split year
    ('2023/2024') sets `year` and `year2`, 'FY2024' only `year2` (the year it ends in), 'the
    current financial year' only `year_ref`."""
    part = _part(match, lexicon)
    if part is None:
        return None
    kind = f"fiscal_{part.kind}"
    ref = match.groupdict().get("fref")
    if ref:
        return DateExpr(*match.span(), kind, n=part.n, year_ref=FISCAL_REFS[ref.lower()])
    year = _int(match, "year1")
    if year is None:
        year = _two_digit_year(match["yy"])
    if match["y2"] is None:
        return DateExpr(*match.span(), kind, year2=year, n=part.n)
    if int(match["y2"]) % 100 != (year + 1) % 100:
        return None
    return DateExpr(*match.span(), kind, year=year, year2=year + 1, n=part.n)


def _weeks(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The week ending 16 June': `n` days ending (or, 'beginning', starting) on the day."""
    weeks = 2 if "fortnight" in match[0].lower() else _count(match, lexicon) if match["n"] else 1
    day = _int(match, "day")
    if not (1 <= weeks <= 52 and day is not None and 1 <= day <= 31):
        return None
    kind = "days_from" if match["edge"].lower() in ("beginning", "starting") else "days_to"
    month = _month_no(match, "mon", lexicon)
    return DateExpr(
        *match.span(), kind, year=_int(match, "year"), month=month, day=day, n=7 * weeks
    )


def _months_to(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The year to 30 June': `n` months ending on the day."""
    unit = match["unit"].lower()
    months = 3 if unit == "quarter" else 12 if unit == "year" else _count(match, lexicon)
    day = _int(match, "day")
    if not (1 <= months <= 12 and day is not None and 1 <= day <= 31):
        return None
    month = _month_no(match, "mon", lexicon)
    return DateExpr(
        *match.span(), "months_to", year=_int(match, "year"), month=month, day=day, n=months
    )


def _end_of(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The end of March' is its last day; 'the end of 2023' the year's."""
    if not _capitalized(match, "mon"):
        return None
    month = _month_no(match, "mon", lexicon)
    year = _int(match, "year") or _int(match, "year1")
    return DateExpr(*match.span(), "end_of", year=year, month=month)


def _period_months(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The three months' is the reporting period when that is three months long."""
    n = _count(match, lexicon)
    if not 2 <= n <= 12:
        return None
    return DateExpr(*match.span(), "relative", rule="period_part", n=n)


def _periods_back(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'Twelve months earlier', 'two years before': `n` months before the reporting period."""
    count = _count(match, lexicon)
    if count < 2:
        return None
    n = count * UNIT_MONTHS[match["unit"].lower()]
    return DateExpr(*match.span(), "relative", rule="periods_back", n=n)


def _split_year(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    year1, tail = int(match["year1"]), match["y2"]
    slash = "/" in match["sep"]
    if len(tail) == 2:
        if int(tail) != (year1 + 1) % 100:
            return None
        return DateExpr(*match.span(), "split_year", year=year1)
    year2 = int(tail)
    if slash and year2 == year1 + 1:
        return DateExpr(*match.span(), "split_year", year=year1)
    if slash or not year1 < year2 <= 2099:
        return None
    return DateExpr(*match.span(), "year_range", year=year1, year2=year2)


def _decade(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    start = int(match["c"]) * 100 + int(match["d"]) * 10
    return DateExpr(*match.span(), "year_range", year=start, year2=start + 9)


def _year_expr(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    return DateExpr(*match.span(), "bare_year", year=int(match["year"]))


def _past_years(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    n = 10 if match["decade"] else _count(match, lexicon)
    if n < 2:
        return None
    return DateExpr(*match.span(), "past_years", n=n)


def _decade_ago(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    year = _int(match, "year")
    if year is not None:
        return DateExpr(*match.span(), "year", year=year)
    return DateExpr(*match.span(), "relative", rule="years_back", n=10)


def _same_period_of(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """'The same period of 2023'; of a split year ('2022/23') sets `year2` too."""
    year = int(match["year"])
    year2 = None
    if match["y2"] is not None:
        if int(match["y2"]) % 100 != (year + 1) % 100:
            return None
        year2 = year + 1
    return DateExpr(*match.span(), "relative", rule="same_period_of", year=year, year2=year2)


def _since(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    if not _capitalized(match, "mon"):
        return None
    month = _month_no(match, "mon", lexicon) or 1
    year_ref = _year_ref(match)
    return DateExpr(
        *match.span(), "since", year=_int(match, "year"), month=month, year_ref=year_ref
    )


def _fiscal_to_date(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    return DateExpr(*match.span(), "fiscal_to_date")


def _season(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    """A season needs a determiner, 'season', a year, or 'in'/'during' before it."""
    before = match.string[max(0, match.start() - 7) : match.start()].lower().split()
    stated = match["rel"] or match["suffix"] or match["year"]
    if not (stated or (before and before[-1] in ("in", "during"))):
        return None
    if match["season"].lower() == "fall" and not (match["year"] or match["suffix"]):
        return None
    year_ref = {"this": 0, "last": -1}.get((match["rel"] or "").lower())
    month = lexicon.seasons[match["season"].lower()]
    return DateExpr(
        *match.span(), "season", year=_int(match, "year"), month=month, year_ref=year_ref
    )


def _weekday(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    if not _capitalized(match, "wd"):
        return None
    return DateExpr(*match.span(), "weekday", n=lexicon.weekdays[match["wd"].lower()])


def _relative(match: re.Match[str], lexicon: DateLexicon) -> DateExpr | None:
    rule = next(name for name, value in match.groupdict().items() if value is not None)
    return DateExpr(*match.span(), "relative", rule=rule)
