"""Resolve date expressions to intervals of days, the way a reader of the release would.

A reader resolves "last year", "the same period last year" or a day without a year against two
things the release itself settles: its own date, and the period it reports on. A release comes
after the period it reports on, so without a stated release date the day after that period
stands in for it ("On January 18" in a release on 2020 is 2021-01-18).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from .date_grammar import DateExpr
from .date_lexicon import load_lexicon
from .mentions import DateInfo

Interval = tuple[dt.date, dt.date]
WEEK_RULES = frozenset({"last_week", "previous_week"})
LOOK_AHEAD_DAYS = 92  # a yearless date this far past the release date is last year's


@dataclass(frozen=True)
class FiscalCalendar:
    """The release's country's fiscal years.

    Attributes:
        start: The month its fiscal year starts in.
        state_start: The month a 'state fiscal year' starts in.
        named_by_start: Whether 'FY2024' starts in 2024 (else it ends in 2024).
    """

    start: int
    state_start: int
    named_by_start: bool = False


@dataclass(frozen=True)
class DateContext:
    """What relative dates are resolved against.

    Attributes:
        published: The release date, when known.
        period: The reporting period (first day, last day), when known.
        fallback_year: The latest year the text states, for releases without either.
        fiscal: The fiscal years of the release's country, when known.
        day_first: Whether the release writes the day before the month ('03/04/2024').
    """

    published: dt.date | None = None
    period: Interval | None = None
    fallback_year: int | None = None
    fiscal: FiscalCalendar | None = None
    day_first: bool = False

    @property
    def anchor(self) -> dt.date | None:
        """The release date, else the day after the reporting period ends."""
        if self.published is not None:
            return self.published
        if self.period is not None:
            return self.period[1] + dt.timedelta(days=1)
        return None

    @property
    def current_year(self) -> int | None:
        """The year of 'this year': the anchor's year, else the latest stated year."""
        anchor = self.anchor
        return anchor.year if anchor is not None else self.fallback_year

    @property
    def subject_year(self) -> int | None:
        """The year under discussion ('the first half of the year'): the period's last year."""
        return self.period[1].year if self.period is not None else self.current_year

    def year_of(self, month: int, day: int = 1) -> int | None:
        """The year of a month or day stated without one.

        The release date's year unless that puts it months ahead of the release; else within or
        after a reporting period shorter than a year, after a year-long one; else the latest
        stated year.
        """
        if self.published is not None:
            year = self.published.year
            ahead = (_safe_date(year, month, day) - self.published).days
            return year if ahead <= LOOK_AHEAD_DAYS else year - 1
        if self.period is not None:
            start, end = self.period
            year = end.year
            if _days(self.period) >= 360:
                return year if _safe_date(year, month, day) >= end else year + 1
            return year if _safe_date(year, month, day) >= _month_start(start) else year + 1
        return self.fallback_year


def resolve(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """The interval of days `expr` denotes in `ctx`, or None when it cannot be resolved."""
    try:
        return _RESOLVERS[expr.kind](expr, ctx)
    except ValueError:  # an impossible date such as 31 April
        return None


# --- calendar helpers -----------------------------------------------------------------------


def _days(interval: Interval) -> int:
    return (interval[1] - interval[0]).days + 1


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _months(year: int, first: int, last: int) -> Interval:
    """Months first..last of `year` (last may exceed 12, running into the next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), _month_end(end_year, end_month)


def _shift(interval: Interval, years: int) -> Interval:
    """The same interval `years` later (earlier when negative); month ends stay month ends."""
    return _shift_months(interval, 12 * years)


def _shift_months(interval: Interval, months: int) -> Interval:
    """The same interval `months` later (earlier when negative); month ends stay month ends."""

    def moved(day: dt.date) -> dt.date:
        year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
        if day == _month_end(day.year, day.month):
            return _month_end(year, month + 1)
        return _safe_date(year, month + 1, day.day)

    return moved(interval[0]), moved(interval[1])


def granularity(interval: Interval) -> str:
    """day, month, quarter, half or year when the interval is exactly one, else range."""
    start, end = interval
    if start == end:
        return "day"
    if start.day != 1 or end != _month_end(end.year, end.month):
        return "range"
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    aligned = (start.month - 1) % months == 0 if months <= 12 else False
    names = {1: "month", 3: "quarter", 6: "half", 12: "year"}
    return names.get(months, "range") if aligned else "range"


def _info(interval: Interval | None, relative: bool, kind: str | None = None) -> DateInfo | None:
    if interval is None or interval[0] > interval[1]:
        return None
    return DateInfo(interval[0], interval[1], kind or granularity(interval), relative)


# --- resolvers, one per expression kind -----------------------------------------------------


def _year_for(expr: DateExpr, ctx: DateContext) -> int | None:
    """A stated year, else 'this/last year' against the anchor, else the year under discussion."""
    if expr.year is not None:
        return expr.year
    if expr.year_ref is not None:
        current = ctx.current_year
        return current + expr.year_ref if current is not None else None
    return ctx.subject_year


def _day(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.month is not None and expr.day is not None
    year = expr.year if expr.year is not None else ctx.year_of(expr.month, expr.day)
    if year is None:
        return None
    day = dt.date(year, expr.month, expr.day)
    return _info((day, day), expr.year is None)


def _slashed_day(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """'03/04/2024' is 3 April where the release writes the day first, else 4 March."""
    if ctx.day_first:
        expr = replace(expr, month=expr.day, day=expr.month)
    return _day(expr, ctx)


def _days_to(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """'The week ending 16 June': `n` days up to the day; 'the week beginning', from it."""
    day = _day(expr, ctx)
    assert expr.n is not None
    if day is None:
        return None
    length = dt.timedelta(days=expr.n - 1)
    if expr.kind == "days_from":
        interval = day.start, day.start + length
    else:
        interval = day.start - length, day.start
    return _info(interval, day.relative, "week" if expr.n == 7 else "range")


def _months_to(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """'The year to 30 June': `n` months up to and including the day."""
    day = _day(expr, ctx)
    assert expr.n is not None
    if day is None:
        return None
    start = _shift_months((day.start, day.start), -expr.n)[0] + dt.timedelta(days=1)
    return _info((start, day.start), day.relative, "year" if expr.n == 12 else None)


def _end_of(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """'The end of March' is the month's last day; 'the end of 2023' the year's."""
    month = expr.month or 12
    year = expr.year if expr.year is not None else ctx.year_of(month, 31)
    if year is None:
        return None
    last = _month_end(year, month)
    return _info((last, last), expr.year is None)


def _day_range(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.month is not None and expr.day is not None
    assert expr.month2 is not None and expr.day2 is not None
    year = expr.year if expr.year is not None else ctx.year_of(expr.month2, expr.day2)
    if year is None:
        return None
    start_year = year - 1 if expr.month2 < expr.month else year
    if expr.year2 is not None:  # both years stated
        start_year, year = year, expr.year2
    interval = dt.date(start_year, expr.month, expr.day), dt.date(year, expr.month2, expr.day2)
    kind = "week" if _days(interval) == 7 else "range"
    return _info(interval, expr.year is None, kind)


def _month(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.month is not None
    year = _year_for(expr, ctx) if expr.kind == "month" else ctx.year_of(expr.month)
    if year is None:
        return None
    return _info(_months(year, expr.month, expr.month), expr.year is None)


def _month_range(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.month is not None and expr.month2 is not None
    year = _year_for(expr, ctx)
    if year is None:
        return None
    end_year = expr.year2 if expr.year2 is not None else year
    interval = dt.date(year, expr.month, 1), _month_end(end_year, expr.month2)
    return _info(interval, expr.year is None)


def _months_of(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.n is not None
    year = _year_for(expr, ctx)
    return _info(_months(year, 1, expr.n), expr.year is None) if year is not None else None


def _part(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.n is not None
    year = _year_for(expr, ctx)
    if year is None:
        return None
    size = 3 if expr.kind == "quarter" else 6
    return _info(_months(year, (expr.n - 1) * size + 1, expr.n * size), expr.year is None)


def _year_ending(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.year is not None and expr.month is not None and expr.n is not None
    end = _month_end(expr.year, expr.month)
    first = expr.year * 12 + expr.month - expr.n  # months since year 0 of the first month
    kind = "year" if expr.n == 12 else None
    return _info((dt.date(first // 12, first % 12 + 1, 1), end), False, kind)


def _fiscal_first_month(expr: DateExpr, ctx: DateContext) -> tuple[int, int] | None:
    """(year, month) a fiscal year starts in.

    A split year ('2023/24') starts in its first year, in the country's fiscal month. 'FY 2017'
    starts where the country (or, for a 'state fiscal year', its states) starts it, in the year
    the country names it by; 'the previous financial year' is counted from the one the release
    date falls in. Both are unknown without a country.
    """
    fiscal = ctx.fiscal
    if expr.kind == "split_year" or (expr.year is not None and expr.year2 is not None):
        assert expr.year is not None
        return expr.year, _split_year_start(ctx)
    if fiscal is None:
        return None
    start = fiscal.state_start if expr.rule == "state" else fiscal.start
    if expr.year_ref is not None:
        anchor = ctx.anchor
        if anchor is None:
            return None
        year = anchor.year if anchor.month >= start else anchor.year - 1
        return year + expr.year_ref, start
    named = expr.year if expr.kind == "fiscal_year" else expr.year2
    assert named is not None
    return (named - 1 if start > 1 and not fiscal.named_by_start else named), start


def _split_year_start(ctx: DateContext) -> int:
    """The month a split year ('2023/24') starts in: April where the country keeps the
    calendar year or is unknown (a split year is no calendar year); a state's where the
    country's states keep their own (a US 'fiscal year 2021-22' is a state's, July-June)."""
    if ctx.fiscal is None or ctx.fiscal.start == 1:
        return load_lexicon().fiscal_year.split_year_start_month
    return ctx.fiscal.state_start


def _fiscal_year(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    first = _fiscal_first_month(expr, ctx)
    if first is None:
        return None
    year, month = first
    return _info(_months(year, month, month + 11), expr.year_ref is not None, "fiscal_year")


def _fiscal_part(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """The n-th quarter or half of a fiscal year, counted from the month it starts in."""
    first = _fiscal_first_month(expr, ctx)
    assert expr.n is not None
    if first is None:
        return None
    size = 3 if expr.kind == "fiscal_quarter" else 6
    months = first[0] * 12 + first[1] - 1 + (expr.n - 1) * size  # months since year 0
    year, month = divmod(months, 12)
    return _info(_months(year, month + 1, month + size), expr.year_ref is not None)


def _year(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.year is not None
    return _info((dt.date(expr.year, 1, 1), dt.date(expr.year, 12, 31)), False)


def _year_range(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.year is not None and expr.year2 is not None
    return _info((dt.date(expr.year, 1, 1), dt.date(expr.year2, 12, 31)), False, "range")


def _past_years(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """'The past decade' ends with a year-long reporting period; without one it is unknown."""
    assert expr.n is not None
    if ctx.period is None or not 360 <= _days(ctx.period) <= 370:
        return None
    end = ctx.period[1]
    start = _shift(ctx.period, 1 - expr.n)[0]
    return _info((start, end), True, "range")


def _since(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """'Since January' runs to the end of the reporting period, else to the release date."""
    assert expr.month is not None
    year = _year_for(expr, ctx)
    if year is None:
        return None
    start = dt.date(year, expr.month, 1)
    ends = [d for d in (ctx.period and ctx.period[1], ctx.published) if d and d >= start]
    return _info((start, ends[0]), True) if ends else None


def _fiscal_to_date(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """'Financial year to date': from the start of the fiscal year to the end of the reporting
    period, else to the release date; unknown without a country."""
    end = ctx.period[1] if ctx.period is not None else ctx.published
    if end is None or ctx.fiscal is None:
        return None
    start = ctx.fiscal.start
    year = end.year if end.month >= start else end.year - 1
    return _info((dt.date(year, start, 1), end), True, "range")


def _season(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """Meteorological seasons; winter 2024 is December 2023 to February 2024."""
    assert expr.month is not None
    winter = expr.month == 12
    if expr.year is None and expr.year_ref is None:
        year = ctx.year_of(expr.month)
    else:
        stated = _year_for(expr, ctx)
        year = stated - 1 if stated is not None and winter else stated
    if year is None:
        return None
    return _info(_months(year, expr.month, expr.month + 2), expr.year is None, "range")


def _weekday(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    """A weekday is the latest such day on or before the release date."""
    assert expr.n is not None
    if ctx.published is None:
        return None
    day = ctx.published - dt.timedelta(days=(ctx.published.weekday() - expr.n) % 7)
    return _info((day, day), True)


def _relative(expr: DateExpr, ctx: DateContext) -> DateInfo | None:
    assert expr.rule is not None
    interval = _RELATIVE_RULES[expr.rule](expr, ctx)
    return _info(interval, True, "week" if expr.rule in WEEK_RULES else None)


# --- rules for relative phrases, named in data/date_lexicon.json ----------------------------


def _reporting_period(expr: DateExpr, ctx: DateContext) -> Interval | None:
    return ctx.period


def _previous_period(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """The reporting period one year earlier; without one, the year before the release's."""
    if ctx.period is not None:
        return _shift(ctx.period, -1)
    if ctx.published is not None:
        return _months(ctx.published.year - 1, 1, 12)
    return None


def _last_year(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """The year before the release's; the same part of it when the release is on part of one."""
    if ctx.anchor is None:
        return None
    year = ctx.anchor.year - 1
    period = ctx.period
    if period is not None and period[0].year == period[1].year == year + 1:
        return _shift(period, -1)
    return _months(year, 1, 12)


def _past_year(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """'The past year' is a year-long reporting period, else as 'last year'."""
    if ctx.period is not None and 360 <= _days(ctx.period) <= 370:
        return ctx.period
    return _last_year(expr, ctx)


def _this_year(expr: DateExpr, ctx: DateContext) -> Interval | None:
    year = ctx.current_year
    return _months(year, 1, 12) if year is not None else None


def _the_year(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """'During the year' is a year-long reporting period, else the year under discussion."""
    if ctx.period is not None and 360 <= _days(ctx.period) <= 370:
        return ctx.period
    year = ctx.subject_year
    return _months(year, 1, 12) if year is not None else None


def _last_month(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """The month before the release's month; a reporting month's predecessor without one."""
    if ctx.published is not None:
        before = ctx.published.replace(day=1) - dt.timedelta(days=1)
    elif ctx.period is not None and granularity(ctx.period) == "month":
        before = ctx.period[0] - dt.timedelta(days=1)
    else:
        return None
    return _months(before.year, before.month, before.month)


def _months_long(interval: Interval) -> int | None:
    """How many whole calendar months the interval spans, or None when it is not whole months."""
    start, end = interval
    if start.day != 1 or end != _month_end(end.year, end.month):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _period_part(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """'The quarter', 'during the month': the reporting period when it is that long."""
    assert expr.n is not None
    if ctx.period is not None and _months_long(ctx.period) == expr.n:
        return ctx.period
    return None


def _this_part(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """'This quarter' as 'the quarter'; 'this month' else the release's own month."""
    found = _period_part(expr, ctx)
    return _this_month(expr, ctx) if found is None and expr.n == 1 else found


def _previous_part(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """'The previous quarter', 'a month earlier': the same-sized part before the reporting
    period; else, for a month, the month before the release's."""
    assert expr.n is not None
    if ctx.period is not None and _months_long(ctx.period) == expr.n:
        before = ctx.period[0] - dt.timedelta(days=1)
        first = before.year * 12 + before.month - expr.n  # months since year 0, first month
        return dt.date(first // 12, first % 12 + 1, 1), before
    return _last_month(expr, ctx) if expr.n == 1 else None


def _this_month(expr: DateExpr, ctx: DateContext) -> Interval | None:
    if ctx.published is None:
        return None
    return _months(ctx.published.year, ctx.published.month, ctx.published.month)


def _today(expr: DateExpr, ctx: DateContext) -> Interval | None:
    return (ctx.published, ctx.published) if ctx.published is not None else None


def _yesterday(expr: DateExpr, ctx: DateContext) -> Interval | None:
    if ctx.published is None:
        return None
    day = ctx.published - dt.timedelta(days=1)
    return day, day


def _years_back(expr: DateExpr, ctx: DateContext) -> Interval | None:
    year = ctx.subject_year
    assert expr.n is not None
    return _months(year - expr.n, 1, 12) if year is not None else None


def _periods_back(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """'Twelve months earlier': the reporting period `n` months back; without one, the month
    (or, for whole years, the year) `n` months before the release's."""
    assert expr.n is not None
    if ctx.period is not None:
        return _shift_months(ctx.period, -expr.n)
    if ctx.published is None:
        return None
    if expr.n % 12 == 0:
        return _months(ctx.published.year - expr.n // 12, 1, 12)
    month = _shift_months((ctx.published, ctx.published), -expr.n)[0]
    return _months(month.year, month.month, month.month)


def _same_period_of(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """The period moved to the stated year: the year it ends in, or for a split year
    ('2022/23') the fiscal year it starts in."""
    assert expr.year is not None
    if ctx.period is None:
        return None
    start, end = ctx.period
    if expr.year2 is None:
        return _shift(ctx.period, expr.year - end.year)
    month = _split_year_start(ctx)
    return _shift(ctx.period, expr.year - (start.year if start.month >= month else start.year - 1))


def _last_week(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """The Monday-to-Sunday week before the release's."""
    if ctx.published is None:
        return None
    monday = ctx.published - dt.timedelta(days=ctx.published.weekday() + 7)
    return monday, monday + dt.timedelta(days=6)


def _previous_week(expr: DateExpr, ctx: DateContext) -> Interval | None:
    """The week before a week-long reporting period, else as 'last week'."""
    if ctx.period is not None and _days(ctx.period) == 7:
        week = dt.timedelta(days=7)
        return ctx.period[0] - week, ctx.period[1] - week
    return _last_week(expr, ctx)


_RELATIVE_RULES = {
    "reporting_period": _reporting_period,
    "previous_period": _previous_period,
    "last_year": _last_year,
    "past_year": _past_year,
    "this_year": _this_year,
    "the_year": _the_year,
    "last_month": _last_month,
    "period_part": _period_part,
    "this_part": _this_part,
    "previous_part": _previous_part,
    "this_month": _this_month,
    "today": _today,
    "yesterday": _yesterday,
    "years_back": _years_back,
    "periods_back": _periods_back,
    "same_period_of": _same_period_of,
    "last_week": _last_week,
    "previous_week": _previous_week,
}
_RESOLVERS = {
    "day": _day,
    "slashed_day": _slashed_day,
    "days_to": _days_to,
    "days_from": _days_to,
    "months_to": _months_to,
    "end_of": _end_of,
    "day_range": _day_range,
    "month": _month,
    "bare_month": _month,
    "month_range": _month_range,
    "months_of": _months_of,
    "bare_months": _months_of,
    "quarter": _part,
    "half": _part,
    "year_ending": _year_ending,
    "fiscal_year": _fiscal_year,
    "split_year": _fiscal_year,
    "fiscal_quarter": _fiscal_part,
    "fiscal_half": _fiscal_part,
    "year": _year,
    "bare_year": _year,
    "year_range": _year_range,
    "past_years": _past_years,
    "weekday": _weekday,
    "since": _since,
    "fiscal_to_date": _fiscal_to_date,
    "season": _season,
    "relative": _relative,
}
