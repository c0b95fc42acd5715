"""The country a release is about: the one its text names most, by name, alias or demonym."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .components.entities.lexicon import load_countries


def main_country(text: str) -> str | None:
    """The gazetteer name of the country the text names most ('South African' counts for
    South Africa), or None when it names none."""
    counts = Counter(_country_of()[m[0]] for m in _country_names().finditer(text))
    return counts.most_common(1)[0][0] if counts else None


@cache
def _country_of() -> dict[str, str]:
    """Every name, alias and demonym of a country in the gazetteer -> the country's name."""
    return {
        form: country.name
        for country in load_countries()
        for form in (country.name, *country.aliases, *country.demonyms)
    }


@cache
def _country_names() -> re.Pattern[str]:
    names = sorted(_country_of(), key=len, reverse=True)
    return re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, names))})(?![\w])")
