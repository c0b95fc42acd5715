"""The typed output contract: pydantic models for one release's extraction and its flags.

Field names listed in ../shared/eval/README.md are a public contract; keep their names and
meanings. `schemas/extraction.schema.json` is generated from these models (`pressfacts schema`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, FiniteFloat

SCHEMA_VERSION = "1.1"
"""1.1: published_basis "stated" (a sentence saying when the release came out)."""

Kind = Literal[
    "count",
    "percent",
    "percentage_point",
    "mass",
    "money",
    "length",
    "area",
    "volume",
    "duration",
    "rate",
    "ratio",
    "speed",
    "energy",
    "temperature",
    "other",
]
Qualifier = Literal["more_than", "less_than", "about", "nearly", "at_least", "at_most"]
Direction = Literal["increase", "decrease"]
Granularity = Literal["day", "week", "month", "quarter", "half", "year", "range", "fiscal_year"]
Severity = Literal["error", "warning", "info"]
EntityLabel = Literal["PERSON", "ORG", "GPE"]
PublishedBasis = Literal["option", "metadata", "dateline", "stated", "inferred"]


class Model(BaseModel):
    """Base for every output model: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the release text, by character offsets."""

    start: int = Field(ge=0, description="Offset of the first character in release.text.")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="release.text[start:end], exactly.")


class Release(Model):
    """One press release as read from its source file."""

    id: str = Field(description="Stable id of the release within a run (file stem).")
    source: str = Field(description="Path of the source file as given to the run.")
    format: Literal["txt", "md", "html", "pdf"] = Field(description="Source file format.")
    title: str | None = Field(None, description="Title: front matter, <title> or first line.")
    issuer: str | None = Field(None, description="Canonical name of the issuing body.")
    published: dt.date | None = Field(None, description="Release date, or null if unknown.")
    published_basis: PublishedBasis | None = Field(
        None,
        description="Where the release date came from: the --published option, the file's "
        "metadata, a dateline, a sentence stating it ('released the figures on 17 May 2024'), "
        "or inferred from a lead 'On January 18, ...'.",
    )
    reporting_period: Interval | None = Field(
        None, description="The period the release reports on, as an ISO date interval."
    )
    text_sha256: str = Field(description="SHA-256 of release.text (UTF-8); offsets index it.")
    text: str = Field(description="The release text that every offset indexes.")


class Interval(Model):
    """A closed interval of days."""

    start: dt.date = Field(description="First day.")
    end: dt.date = Field(description="Last day.")


class Mention(Span):
    """One occurrence of an entity in the text."""


class Entity(Model):
    """A person, organisation or place, with every mention of it."""

    id: str = Field(description="Entity id within the release: e1, e2, ...")
    label: EntityLabel = Field(description="PERSON, ORG or GPE.")
    name: str = Field(description="Canonical name: the fullest form in the text.")
    titles: list[str] = Field(
        default_factory=list, description="Titles, ranks and roles seen with a PERSON."
    )
    mentions: list[Mention] = Field(description="Every mention, in text order.")


class DateMention(Span):
    """A date or period in the text, resolved to an interval of days."""

    id: str = Field(description="Date id within the release: d1, d2, ...")
    start_date: dt.date = Field(description="First day of the date or period.")
    end_date: dt.date = Field(description="Last day (equal to start_date for a day).")
    granularity: Granularity = Field(description="What kind of date or period this is.")
    relative: bool = Field(
        False, description="True when resolved against the release date or reporting period."
    )


class Normalized(Model):
    """A value in base units."""

    value: FiniteFloat = Field(description="Value in the base unit.")
    unit: str | None = Field(
        description="Base unit: kilogram, metre, second, percent, an ISO currency code, ..."
    )


class Per(Model):
    """The base of a rate: '257 per 100,000 inhabitants'."""

    value: FiniteFloat = Field(description="Size of the base (100000).")
    unit: str | None = Field(description="What the base counts (inhabitants), or a unit.")


class Change(Model):
    """The number states the size of a change."""

    direction: Direction = Field(description="increase or decrease.")
    compared_to: str | None = Field(
        None, description="Id of the date the change is measured against, when stated."
    )


class NumberRange(Model):
    """Both ends of a stated range: 'from 10 to 20'."""

    low: FiniteFloat = Field(description="Lower end as stated.")
    high: FiniteFloat = Field(description="Upper end as stated.")


class Claim(Span):
    """A number that states a quantity, with what it measures."""

    id: str = Field(description="Claim id within the release: c1, c2, ...")
    value: FiniteFloat = Field(description="The value as stated, in the stated unit.")
    value_text: str = Field(description="The printed number the value was read from.")
    unit: str | None = Field(description="quantulum3-style unit name; null for bare counts.")
    kind: Kind = Field(description="What sort of quantity this is.")
    normalized: Normalized = Field(description="The value in base units.")
    qualifier: Qualifier | None = Field(None, description="Hedge on the value: over, nearly, ...")
    measure: str | None = Field(None, description="Short phrase: what is counted or measured.")
    period: str | None = Field(None, description="Id of the date the figure refers to.")
    change: Change | None = Field(None, description="Set when the number is a change's size.")
    per: Per | None = Field(None, description="The base of a rate.")
    of: str | None = Field(None, description="Id of the claim this is a share or part of.")
    range: NumberRange | None = Field(None, description="Both ends when a range is stated.")
    component: str = Field(description="The pipeline component that produced the claim.")


class Expected(Model):
    """The interval the stated figure should fall in; a missing end is unbounded."""

    low: FiniteFloat | None = Field(description="Lowest value any reading gives; null: none.")
    high: FiniteFloat | None = Field(description="Highest value any reading gives; null: none.")


class Flag(Model):
    """A figure that does not add up, with the arithmetic a reviewer can verify."""

    id: str = Field(description="Flag id within the release: f1, f2, ...")
    check: str = Field(description="Versioned id of the check that raised it.")
    severity: Severity = Field(description="error: impossible; warning: inconsistent; info.")
    message: str = Field(description="One sentence a reviewer understands.")
    claims: list[str] = Field(description="Ids of the claims involved.")
    stated: FiniteFloat | None = Field(None, description="The stated figure under test.")
    expected: Expected | None = Field(None, description="Interval the stated figure should hit.")
    readings: list[str] = Field(
        default_factory=list, description="The readings tried (rounding, truncation, ...)."
    )


class ClaimRef(Model):
    """A claim in some release of the corpus."""

    release: str = Field(description="Release id.")
    claim: str = Field(description="Claim id within that release.")


class CorpusFlag(Model):
    """A cross-release inconsistency."""

    id: str = Field(description="Flag id within the corpus: x1, x2, ...")
    check: str = Field(description="Versioned id of the check that raised it.")
    severity: Severity = Field(description="error, warning or info.")
    message: str = Field(description="One sentence a reviewer understands.")
    claims: list[ClaimRef] = Field(description="The claims involved, by release.")
    stated: FiniteFloat | None = Field(None, description="The stated figure under test.")
    expected: Expected | None = Field(None, description="Interval the stated figure should hit.")
    readings: list[str] = Field(default_factory=list, description="The readings tried.")


class Extraction(Model):
    """Everything extracted from one release."""

    schema_version: str = Field(SCHEMA_VERSION, description="Version of this schema.")
    pressfacts_version: str = Field(description="Version of pressfacts that produced it.")
    model: str = Field(description="Name and version of the spaCy model used.")
    release: Release = Field(description="The release and its metadata.")
    entities: list[Entity] = Field(default_factory=list, description="People, orgs, places.")
    dates: list[DateMention] = Field(default_factory=list, description="Dates and periods.")
    claims: list[Claim] = Field(default_factory=list, description="Numeric claims.")
    flags: list[Flag] = Field(default_factory=list, description="Within-release flags.")


class ErrorRecord(Model):
    """A document that could not be processed, and why."""

    source: str = Field(description="Path of the source file.")
    code: str = Field(description="Error code from pipeline.errors (E001, ...).")
    message: str = Field(description="What went wrong.")


Release.model_rebuild()
