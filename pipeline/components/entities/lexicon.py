"""The entity rules as data: word lists and the country gazetteer, loaded, validated and
turned into the word sets the rules look words up in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, field_validator

from ...errors import ErrorCode, PressfactsError

DATA = Path(__file__).resolve().parent.parent.parent / "data"
RULES_PATH = DATA / "entity_rules.json"
COUNTRIES_PATH = DATA / "countries.tsv"
SUBDIVISIONS_PATH = DATA / "subdivisions.tsv"


class EntityRules(BaseModel):
    """Word lists that drive the entity rules (data/entity_rules.json)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    titles: list[str]
    title_modifiers: list[str]
    org_heads: list[str]
    non_org_heads: list[str]
    programme_words: list[str]
    generic_names: list[str]
    non_issuing_units: list[str]
    region_heads: list[str]
    place_nouns: list[str]
    resident_nouns: list[str]
    headline_verbs: list[str]
    state_forms: list[str]
    locative_prepositions: list[str]
    directional_prepositions: list[str]
    common_place_words: list[str]
    name_particles: list[str]
    road_words: list[str]
    currency_words: list[str]
    member_nouns: list[str]

    @field_validator("*")
    @classmethod
    def _trimmed(cls, value: list[str]) -> list[str]:
        if not value or any(not v or v != v.strip() for v in value):
            raise ValueError("each list must be non-empty and hold trimmed, non-empty strings")
        return value


@dataclass(frozen=True)
class Country:
    """A country with the other names and the adjectives it goes by."""

    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> EntityRules:
    """The entity rules, validated; raise E011 when the file is unreadable or malformed."""
    try:
        return EntityRules.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e


@dataclass(frozen=True)
class Subdivision:
    """A country's state, province or region (ISO 3166-2), with its other spellings."""

    name: str
    aliases: tuple[str, ...]
    country: str  # as data/countries.tsv names it


def read_rows(path: Path) -> list[list[str]]:
    """The rows of a gazetteer: three tab-separated cells each, comment lines left out; raise
    E011 when the file is unreadable or a row malformed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise PressfactsError(ErrorCode.E011, path=path, detail=str(e)) from e
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 3 or not cells[0].strip():
            raise PressfactsError(ErrorCode.E011, path=path, detail=f"line {number}: {line!r}")
        rows.append([c.strip() for c in cells])
    return rows


def cell_values(cell: str) -> tuple[str, ...]:
    """The values of a `;`-separated cell."""
    return tuple(v.strip() for v in cell.split(";") if v.strip())


@lru_cache(maxsize=4)
def load_countries(path: Path = COUNTRIES_PATH) -> tuple[Country, ...]:
    """The country gazetteer: one `name<TAB>aliases<TAB>demonyms` row each, `;` inside fields."""
    return tuple(Country(name, cell_values(a), cell_values(d)) for name, a, d in read_rows(path))


@lru_cache(maxsize=4)
def load_subdivisions(path: Path = SUBDIVISIONS_PATH) -> tuple[Subdivision, ...]:
    """The subdivision gazetteer (scripts/make_subdivisions.py writes it): one
    `name<TAB>aliases<TAB>country` row each."""
    return tuple(Subdivision(name, cell_values(a), country) for name, a, country in read_rows(path))


def may_issue(name: str) -> bool:
    """Whether an organisation can be the issuer of a release: no press service or collegium
    that speaks for another body."""
    return not any(name.startswith(unit) for unit in load_rules().non_issuing_units)


@dataclass(frozen=True)
class Lexicon:
    """The word sets of the rules and the gazetteer, in the form the rules look words up in."""

    rules: EntityRules
    surfaces: dict[str, str]  # a country's names and aliases -> its name
    modifiers: set[str]
    title_words: set[str]
    roles: set[str]  # one-word titles and their plurals: 'officer', 'commissioners'
    heads: set[str]
    non_org_heads: set[str]
    non_org_nouns: set[str]  # the same in lower case: 'the Transport index'
    generic: set[str]
    regions: set[str]
    place_nouns: set[str]
    residents: set[str]
    headline_verbs: set[str]
    programmes: set[str]
    state_forms: set[str]
    locatives: set[str]
    directions: set[str]
    common_places: set[str]  # 'central', 'victoria': names of places and of other things
    particles: set[str]  # lower-case words inside names: 'von der Leyen', 'Dar es Salaam'
    roads: set[str]  # 'Route' of 'State Route 4'
    currencies: set[str]  # 'dollar' of 'US dollar'
    members: set[str]  # 'member' of 'ECOWAS member states'
    demonyms: dict[str, str]
    country_of: dict[str, str]  # names, aliases and demonyms -> the country's name
    country_re: re.Pattern[str]

    @classmethod
    def build(cls, rules: EntityRules, countries: tuple[Country, ...]) -> Lexicon:
        """The lexicon of the given rules and countries."""
        surfaces = {s: c.name for c in countries for s in (c.name, *c.aliases)}
        regions = {r.lower() for r in rules.region_heads}
        demonyms = {d: c.name for c in countries for d in c.demonyms}
        country_of = {**surfaces, **demonyms}
        names = sorted(country_of, key=len, reverse=True)
        return cls(
            rules=rules,
            surfaces=surfaces,
            modifiers={m.lower() for m in rules.title_modifiers},
            title_words={w.lower() for t in rules.titles for w in re.split(r"[ -]", t)},
            roles={r for t in rules.titles if t.isalpha() for r in (t.lower(), t.lower() + "s")},
            heads=set(rules.org_heads),
            non_org_heads=set(rules.non_org_heads),
            non_org_nouns={h.lower() for h in rules.non_org_heads},
            generic={g.lower() for g in rules.generic_names},
            regions=regions,
            place_nouns=regions | {p.lower() for p in rules.place_nouns},
            residents={r.lower() for r in rules.resident_nouns},
            headline_verbs=set(rules.headline_verbs),
            programmes={w.lower() for w in rules.programme_words},
            state_forms={f.split()[-1] for f in rules.state_forms},
            locatives={p.lower() for p in rules.locative_prepositions},
            directions={p.lower() for p in rules.directional_prepositions},
            common_places={w.lower() for w in rules.common_place_words},
            particles=set(rules.name_particles),
            roads=set(rules.road_words),
            currencies=set(rules.currency_words),
            members=set(rules.member_nouns),
            demonyms=demonyms,
            country_of=country_of,
            country_re=re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b"),
        )
