"""What the pressfacts components attach to spans while a Doc moves through the pipeline.

Plain dataclasses, cheap to create and mutate; `extract.py` turns them into schema models.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Span


@dataclass
class DateInfo:
    """A date or period resolved to an interval of days."""

    start: dt.date
    end: dt.date
    granularity: str
    relative: bool = False


@dataclass
class QuantityInfo:
    """A number that states a quantity, and everything attached to it."""

    value: float
    value_text: str
    unit: str | None
    kind: str
    normalized_value: float
    normalized_unit: str | None
    qualifier: str | None = None
    measure: str | None = None
    period: Span | None = None
    change: str | None = None
    compared_to: Span | None = None
    per_value: float | None = None
    per_unit: str | None = None
    of: Span | None = None
    low: float | None = None
    high: float | None = None
    component: str = "pressfacts_quantities"


@dataclass
class EntityInfo:
    """A named entity with its canonical name and, for people, titles."""

    label: str
    name: str
    titles: list[str] = field(default_factory=list)
