"""One module per family of checks; importing them registers their checks."""

from . import changes, comparisons, rates, repeats, revisions, series, shares, totals

__all__ = ["changes", "comparisons", "rates", "repeats", "revisions", "series", "shares", "totals"]
