"""Charts of an output folder as inline SVG strings, identical bytes for identical data.

Figures are built with `matplotlib.figure.Figure` (no pyplot, no GUI backend, no global state),
saved as SVG with text kept as text, a fixed hash salt and no date, and their element ids
prefixed so that several charts can share one HTML page.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, StrMethodFormatter
from matplotlib.typing import RcKeyType

from .data import KindCount, Series

INK, MUTED, GRID, FLAG = "#1f2933", "#616e7c", "#e4e7eb", "#c62828"
PALETTE = ("#2f6690", "#3a9bc1", "#81c3d7", "#d9a441", "#8c6bb1", "#9aa5b1")
STYLE: dict[RcKeyType, Any] = {
    "svg.hashsalt": "pressfacts",
    "text.parse_math": False,
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "text.color": INK,
    "axes.edgecolor": GRID,
    "axes.labelcolor": MUTED,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": GRID,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "legend.frameon": False,
}
MAX_KINDS = len(PALETTE) - 1
"""Kinds drawn in their own colour; the rarer ones are drawn together as 'other'."""


def claims_chart(kinds: Sequence[KindCount]) -> str:
    """Claims per release as horizontal bars stacked by kind."""
    totals = Counter[str]()
    for row in kinds:
        totals[row.kind] += row.claims
    shown = [k for k, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))][:MAX_KINDS]
    ids = sorted({row.release for row in kinds}, reverse=True)
    counts = Counter[tuple[str, str]]()
    for row in kinds:
        counts[row.release, row.kind if row.kind in shown else "other"] += row.claims
    groups = shown + (["other"] if len(totals) > len(shown) else [])
    with _style():
        fig = Figure(figsize=(10, 0.9 + 0.3 * max(len(ids), 1)))
        ax = fig.add_subplot()
        left = [0] * len(ids)
        for group, colour in zip(groups, PALETTE, strict=False):
            widths = [counts[rid, group] for rid in ids]
            ax.barh(ids, widths, left=left, color=colour, label=group)
            left = [a + b for a, b in zip(left, widths, strict=True)]
        ax.grid(axis="y", visible=False)
        ax.set_axisbelow(True)
        ax.set_xlabel("claims")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.margins(y=0.01)
        ax.legend(ncols=len(groups), loc="lower left", bbox_to_anchor=(0, 1), fontsize=8)
        return _svg(fig, "claims")


def series_chart(series: Series) -> str:
    """The measure over its periods: one line per period start, flagged points ringed in red."""
    with _style():
        fig = Figure(figsize=(10, 4.2))
        ax = fig.add_subplot()
        starts = sorted({p.period_start for p in series.points})
        for start, colour in zip(starts, _cycle(len(starts)), strict=True):
            points = [p for p in series.points if p.period_start == start]
            x = [_day(p.period_end) for p in points]
            label = f"from {dt.date.fromisoformat(start):%d %b %Y}".replace(" 0", " ")
            ax.plot(x, [p.value for p in points], "o-", color=colour, label=label, ms=5, lw=1.6)
        flagged = [p for p in series.points if p.flags]
        for p in flagged:
            at = _day(p.period_end)
            ax.plot([at], [p.value], "o", ms=12, mfc="none", mec=FLAG, mew=1.8)
            ax.annotate(
                ", ".join(p.flags),
                (at, p.value),
                xytext=(8, 6),
                textcoords="offset points",
                color=FLAG,
                fontsize=7.5,
            )
        if flagged:
            ax.plot([], [], "o", ms=9, mfc="none", mec=FLAG, mew=1.8, label="flagged")
        ends = sorted({p.period_end for p in series.points})
        ax.set_xticks(
            [_day(e) for e in ends],
            [_short_end(e, series) for e in ends],
            rotation=30,
            ha="right",
        )
        ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,.10g}"))
        ax.set_ylabel(f"{series.measure} ({series.unit or series.kind})")
        ax.legend(fontsize=8, loc="best")
        return _svg(fig, "series")


def _day(iso: str) -> float:
    """A date as matplotlib's day number, for a date axis."""
    return float(date2num(dt.date.fromisoformat(iso)))


def _short_end(end: str, series: Series) -> str:
    """The tick label of a period end: the label of the first period that ends there."""
    return next(p.period for p in series.points if p.period_end == end)


def _cycle(n: int) -> list[str]:
    return [PALETTE[i % (len(PALETTE) - 1)] for i in range(n)]


@contextmanager
def _style() -> Iterator[None]:
    with mpl.rc_context(STYLE):
        yield


def _svg(fig: Figure, prefix: str) -> str:
    """The figure as an <svg> element (no XML prolog), its ids prefixed to be page-unique."""
    buffer = io.StringIO()
    fig.savefig(
        buffer,
        format="svg",
        bbox_inches="tight",
        metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
    )
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    return re.sub(r'(\bid="|href="#|url\(#)', rf"\g<1>{prefix}-", text)
