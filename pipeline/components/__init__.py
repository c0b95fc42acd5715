"""spaCy factories of pressfacts; importing this package registers them."""

from . import claims, dates, entities, periods, quantities

__all__ = ["claims", "dates", "entities", "periods", "quantities"]
