"""One module per family of checks; importing them registers their checks."""

from . import changes, repeats, series, shares

__all__ = ["changes", "repeats", "series", "shares"]
