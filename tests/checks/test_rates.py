"""Rates per head against counts and the population table."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.checks.families.rates import rate_population, rate_stated_population
from pipeline.checks.populations import area_key, load_populations, population_range
from pipeline.errors import PressfactsError
from pipeline.schema import Entity, Extraction, Mention, Per

Factory = Callable[..., Extraction]
YEAR_2020 = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (
            "In Azerbaijan 26,004 crimes were registered, or 257 crimes per 100,000 inhabitants.",
            ["26,004", "257"],
            False,
        ),
        (
            "In Azerbaijan 26,004 crimes were registered, or 357 crimes per 100,000 inhabitants.",
            ["26,004", "357"],
            True,
        ),
        (
            "In Azerbaijan 26,004 crimes were registered. The crime rate per 100,000 inhabitants "
            "fell by 8 and amounted to 257.",
            ["26,004", "8", "257"],
            False,
        ),
        (
            "In Azerbaijan 26,004 crimes were registered. The crime rate per 100,000 inhabitants "
            "fell by 8 and amounted to 200.",
            ["26,004", "8", "200"],
            True,
        ),
        (
            "In Azerbaijan 26,004 crimes were registered, 1,542 fewer than a year before, "
            "or 257 per 100,000 inhabitants.",
            ["26,004", "1,542", "257"],
            False,
        ),
        (
            "Azerbaijan: in Baku 26,004 crimes were registered, or 900 per 100,000 inhabitants.",
            ["26,004", "900"],
            False,
        ),
        (
            "In Azerbaijan 26,004 crimes were registered, or 257 per 100,000 live births.",
            ["26,004", "257"],
            False,
        ),
    ],
    ids=[
        "same-sentence-holds",
        "same-sentence-fails",
        "sentence-before-holds",
        "sentence-before-fails",
        "change-is-not-the-count",
        "city-not-testable",
        "not-per-head",
    ],
)
def test_rate_population(extraction: Factory, text: str, claims: list[str], flagged: bool) -> None:
    made = extraction(text, claims, period=YEAR_2020, place="Azerbaijan")
    if "Baku" in text:
        made.entities.append(_place(text, "Baku"))
    assert bool(list(rate_population(made))) is flagged


def test_rate_of_a_region_is_not_testable(extraction: Factory) -> None:
    text = (
        "Moscow Region: crime in 2020. In the Moscow Region 26,004 crimes were registered, "
        "or 900 per 100,000 inhabitants, Russia's police said. Moscow Region police thanked."
    )
    made = extraction(text, ["26,004", "900"], period=YEAR_2020, place="Russia")
    made.entities.append(_place(text, "Moscow Region"))
    assert not list(rate_population(made))


def _place(text: str, name: str) -> Entity:
    """A GPE entity with every mention of `name` in `text`."""
    mentions = [
        Mention(start=m.start(), end=m.end(), text=name) for m in re.finditer(re.escape(name), text)
    ]
    return Entity(id="e9", label="GPE", name=name, mentions=mentions)


def test_rate_from_claim_per(extraction: Factory) -> None:
    text = "Kazakhstan registered 12,940 new cases, 48,6 per 100 000 population."
    made = extraction(
        text,
        ["12,940", ("48,6", 0, {"value": 48.6, "kind": "rate"})],
        period=(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        place="Kazakhstan",
    )
    rate = made.claims[1].model_copy(update={"per": Per(value=100000, unit="population")})
    made = made.model_copy(update={"claims": [made.claims[0], rate]})
    (finding,) = rate_population(made)
    assert finding.claims == ["c1", "c2"]
    assert finding.expected is not None and 64 < finding.expected[0] < finding.expected[1] < 67


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Republic of Moldova", "moldova"),
        ("Russian Federation", "russia"),
        ("U.S.", "united states"),
        ("England and Wales", "england and wales"),
    ],
)
def test_area_key(name: str, key: str) -> None:
    assert area_key(name) == key
    assert key in load_populations()


def test_population_range() -> None:
    found = population_range("Georgia", range(2022, 2024))
    assert found is not None
    people, rows = found
    assert 3_600_000 < people.low <= people.high < 3_800_000
    assert {r.year for r in rows} == {2022, 2023}


@pytest.mark.parametrize(
    "body",
    [
        "area\tyear\tpopulation\tbasis\tsource\nGeorgia\t2022\tmany\t1 January\tGeostat\n",
        "area\tyear\tpopulation\tbasis\tsource\nGeorgia\t2022\t3688600\n",
        "area\tyear\tpeople\n",
    ],
    ids=["not-a-number", "missing-cells", "bad-header"],
)
def test_malformed_table(tmp_path: Path, body: str) -> None:
    path = tmp_path / "populations.tsv"
    path.write_text(f"# comment\n{body}", encoding="utf-8")
    with pytest.raises(PressfactsError, match="E011"):
        load_populations(path)


TASMANIA = "Tasmania has a population of 575,000. Last year 36 people died on its roads"


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (f"{TASMANIA}, or 6.3 deaths per 100,000 people.", ["575,000", "36", "6.3"], False),
        (f"{TASMANIA}, or 8.1 deaths per 100,000 people.", ["575,000", "36", "8.1"], True),
        (
            "The state, home to 0.58 million people, lost 36 lives on its roads, or 6.1 per "
            "100,000 residents.",
            [("0.58 million", 0, {"value": 580_000}), "36", "6.1"],
            False,
        ),
        (
            "The state, home to 0.58 million people, lost 36 lives on its roads, or 7.1 per "
            "100,000 residents.",
            [("0.58 million", 0, {"value": 580_000}), "36", "7.1"],
            True,
        ),
        (
            f"{TASMANIA}, or 8.1 deaths per 100,000 people. Hobart has a population of 250,000.",
            ["575,000", "36", "8.1", "250,000"],
            False,
        ),
        (
            "Police evacuated 2,000 residents. Last year 36 people died on the roads, or 8.1 "
            "deaths per 100,000 people.",
            ["2,000", "36", "8.1"],
            False,
        ),
        (
            "Last year 36 people died on Tasmanian roads, against 48 in 2022. With the "
            "population estimated at 575,000, the toll equals 8.1 deaths per 100,000 people.",
            ["36", "48", "575,000", "8.1"],
            True,
        ),
        (
            "Last year 36 people died on Tasmanian roads, against 48 in 2022. With the "
            "population estimated at 575,000, the toll equals 6.3 deaths per 100,000 people.",
            ["36", "48", "575,000", "6.3"],
            False,
        ),
    ],
    ids=[
        "holds",
        "fails",
        "home-to-rounded-holds",
        "home-to-fails",
        "two-populations-not-testable",
        "residents-are-no-population",
        "count-in-an-earlier-sentence-fails",
        "count-in-an-earlier-sentence-holds",
    ],
)
def test_rate_stated_population(
    extraction: Factory, text: str, claims: list[str], flagged: bool
) -> None:
    findings = list(rate_stated_population(extraction(text, claims)))
    assert all(f.message and f.readings for f in findings)
    assert bool(findings) is flagged
