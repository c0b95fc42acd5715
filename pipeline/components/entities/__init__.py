"""pressfacts_entities: people with titles, organisations and places, each with one name.

Propose, then validate. The model's entities, gazetteers of countries and of their states and
provinces, patterns around organisation heads ("... Ministry of X"), place nouns ("Donetsk
region", "the town of Leova", "a Dayton man"), datelines and acronym definitions ("Federal
Bureau of Investigation (FBI)") propose spans; names of roads and currencies ("U.S. Route 33",
"US dollar") propose none; a validation step trims, relabels or rejects them; mentions of
one person, organisation or place are then grouped under its fullest name.
Text in capitals (a letterhead) is read in its usual case. The rules are data:
`data/entity_rules.json`, `data/countries.tsv` and `data/subdivisions.tsv` (written by
`scripts/make_subdivisions.py`).

One module a step: `component` (the factory and the order of the steps), `lexicon` (the rules
as data), `scan` (one pass over the tokens; candidates and accepted mentions), `tokens` (name
runs), `people` (titles and the names they introduce), `organisations` (an organisation's
name around its head), `places`, `subdivisions` (states and provinces), `validate`, `resolve`
(overlaps and the text of a name), `acronyms` and `cluster` (merging mentions).
"""

from .component import EntitiesComponent, make_entities
from .lexicon import (
    Country,
    EntityRules,
    Subdivision,
    load_countries,
    load_rules,
    load_subdivisions,
    may_issue,
)

__all__ = [
    "Country",
    "EntitiesComponent",
    "EntityRules",
    "Subdivision",
    "load_countries",
    "load_rules",
    "load_subdivisions",
    "make_entities",
    "may_issue",
]
