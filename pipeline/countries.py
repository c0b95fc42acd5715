"""The country a release is about: the one its text names most, by name, alias or demonym;
else the country of the states and provinces it names ('Pennsylvania' -> United States)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from .components.entities.lexicon import load_countries, load_rules, load_subdivisions

MAX_NAME_WORDS = 4
"""The longest subdivision name looked up, in words."""
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")


@lru_cache(maxsize=16)
def main_country(text: str) -> str | None:
    """The gazetteer name of the country the text names most ('South African' counts for
    South Africa), else of the subdivisions it names, or None when it names neither.

    Memoised: the dates and the quantities components both ask it of each document."""
    counts = Counter(_country_of()[m[0]] for m in _country_names().finditer(text))
    if not counts:
        counts = Counter(_states_named(text))
    return counts.most_common(1)[0][0] if counts else None


def _states_named(text: str) -> list[str]:
    """The country of each subdivision name in the text's runs of capitalised words."""
    states = _state_of()
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        words, i = run[0].split(), 0
        while i < len(words):
            for j in range(min(len(words), i + MAX_NAME_WORDS), i, -1):
                if (name := " ".join(words[i:j])) in states:
                    found.append(states[name])
                    i = j - 1
                    break
            i += 1
    return found


@cache
def _state_of() -> dict[str, str]:
    """Each subdivision name of one country only, not a common word ('Victoria', 'Central'),
    -> its country."""
    common = load_rules().common_place_words
    countries: dict[str, set[str]] = {}
    for sub in load_subdivisions():
        for form in (sub.name, *sub.aliases):
            if len(form) >= 4 and not all(w in common for w in form.lower().split()):
                countries.setdefault(form, set()).add(sub.country)
    return {form: next(iter(c)) for form, c in countries.items() if len(c) == 1}


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
