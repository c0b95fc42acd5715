"""The report as one self-contained static HTML page: styles and charts inline, no scripts.

Every value from the data is escaped by Jinja2's autoescape; only the chart SVGs, which
matplotlib escapes itself, are inserted as markup.
"""

from __future__ import annotations

import math

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from .charts import claims_chart, series_chart
from .data import CORPUS, Overview

_ENV = Environment(
    loader=PackageLoader("pipeline.report", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def number(value: float | None) -> str:
    """A figure for reading: thousands separated, at most four decimals, '–' when missing."""
    if value is None or not math.isfinite(value):
        return "–"
    if value == int(value):
        return f"{value:,.0f}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def interval(low: float | None, high: float | None) -> str:
    """An expected interval: '65.9443', '[256.5, 257.5]', '≥ 2,035.75', '≤ 100' or '–'."""
    if low is None and high is None:
        return "–"
    if high is None:
        return f"≥ {number(low)}"
    if low is None:
        return f"≤ {number(high)}"
    return number(low) if low == high else f"[{number(low)}, {number(high)}]"


_ENV.filters["number"] = number


def render(data: Overview) -> str:
    """The HTML page of an overview."""
    template = _ENV.get_template("report.html.j2")
    return template.render(
        data=data,
        interval=interval,
        version=__version__,
        claims_svg=Markup(claims_chart(data.kinds)) if data.kinds else None,
        series_svg=Markup(series_chart(data.series)) if data.series else None,
        totals={
            "releases": len(data.releases),
            "claims": sum(r.claims for r in data.releases),
            "flags": sum(1 for f in data.flags if f.scope != CORPUS),
            "corpus flags": sum(1 for f in data.flags if f.scope == CORPUS),
            "errors": len(data.errors),
        },
    )
