"""The words dates are made of (month names, numbers, relative phrases), loaded from data."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ErrorCode, PressfactsError

LEXICON_PATH = Path(__file__).parent / "data" / "date_lexicon.json"


class FiscalYears(BaseModel):
    """Where fiscal years start: by the release's country ('FY 2017' in a US release starts in
    October 2016), the calendar year in other known countries, and April for a split year
    ('2003/04') when the country is unknown. A fiscal year is named by the year it ends in,
    except in `named_by_start_year` countries (Singapore's FY2024 starts in April 2024); a
    'state fiscal year' starts in the country's `state_start_month` (July in most US states)."""

    model_config = ConfigDict(extra="forbid")

    split_year_start_month: int = Field(ge=1, le=12)
    country_start_month: dict[str, int]
    other_country_start_month: int = Field(ge=1, le=12)
    named_by_start_year: frozenset[str]
    state_start_month: dict[str, int]


class DateLexicon(BaseModel):
    """Word lists of data/date_lexicon.json; `relative` maps a rule name to phrase patterns;
    `month_first_countries` write '03/04/2024' for 4 March, the others for 3 April."""

    model_config = ConfigDict(extra="forbid")

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    seasons: dict[str, int]
    year_cues: frozenset[str]
    year_nouns: frozenset[str]
    bare_month_cues: frozenset[str]
    fiscal_year: FiscalYears
    month_first_countries: frozenset[str]
    relative: dict[str, list[str]]


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> DateLexicon:
    """Load and validate the date lexicon (once per process)."""
    try:
        return DateLexicon.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError) as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e
