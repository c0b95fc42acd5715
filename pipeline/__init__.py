"""pressfacts: entities, dates and numeric claims from government press releases, checked."""

__version__ = "0.1.0"
