"""One module per family of checks; importing them registers their checks."""
