"""One module per family of checks; importing them registers their checks."""

from . import changes

__all__ = ["changes"]
