"""One module per family of checks; importing them registers their checks."""

from . import changes, series

__all__ = ["changes", "series"]
