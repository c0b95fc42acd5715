"""Gold table for the unit lexicon: surfaces next to numbers to units; a bad table fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import PressfactsError
from pipeline.units import default_units, load_units

AFTER = [
    ("12 kg", 2, "kilogram", "mass"),
    ("40 tonnes", 2, "tonne", "mass"),
    ("7 t of", 1, "tonne", "mass"),
    ("12.5%", 4, "percentage", "percent"),
    ("3 per cent", 1, "percentage", "percent"),
    ("2 percentage points", 1, "percentage point", "percentage_point"),
    ("90 km/h", 2, "kilometre per hour", "speed"),
    ("6kW", 1, "kilowatt", "other"),
    ("300 manats", 3, "azerbaijani manat", "money"),
    ("5 times", 1, "times", "ratio"),
    ("8 square kilometres", 1, "square kilometre", "area"),
    ("4-year-old", 1, "year of age", "duration"),
    ("240 MPa", 3, "megapascal", "other"),
    ("3,200 rpm", 5, "revolutions per minute", "other"),
    ("6 mmBtu", 1, "mega british thermal unit", "energy"),
    ("31 mpg", 2, "mile per gallon", "other"),
]


@pytest.mark.parametrize(("text", "pos", "name", "kind"), AFTER, ids=[a[0] for a in AFTER])
def test_read_after(text: str, pos: int, name: str, kind: str) -> None:
    found = default_units().read_after(text, pos)
    assert found is not None
    assert (found.unit.name, found.unit.kind) == (name, kind)


@pytest.mark.parametrize(
    ("text", "pos"), [("5 in", 1), ("5 the", 1), ("5 items", 1)], ids=["in", "the", "items"]
)
def test_no_unit_after(text: str, pos: int) -> None:
    assert default_units().read_after(text, pos) is None


BEFORE = [
    ("cost $14", "dollar", "USD"),
    ("cost US$ 14", "dollar", "USD"),
    ("cost €14", "euro", "EUR"),
    ("cost RM14", "malaysian ringgit", "MYR"),
    ("cost £14", "pound sterling", "GBP"),
    ("cost KSh 14", "kenyan shilling", "KES"),
    ("cost ₦14", "nigerian naira", "NGN"),
    ("cost GH₵14", "ghanaian cedi", "GHS"),
    ("cost NZ$14", "new zealand dollar", "NZD"),
    ("cost zł 14", "polish zloty", "PLN"),
]


@pytest.mark.parametrize(("text", "name", "base"), BEFORE, ids=[b[0] for b in BEFORE])
def test_read_before(text: str, name: str, base: str) -> None:
    found = default_units().read_before(text, text.index("14"))
    assert found is not None
    assert (found.unit.name, found.unit.base) == (name, base)


def test_conversion_factors() -> None:
    units = default_units().units
    assert units["tonne"].factor == 1000
    assert units["gram"].factor == 0.001
    assert units["kilometre"].base == "metre"


def test_ambiguous_surface_is_an_error(tmp_path: Path) -> None:
    table = {
        "units": [
            {"name": "a", "kind": "mass", "base": "kilogram", "factor": 1, "after": ["x"]},
            {"name": "b", "kind": "mass", "base": "kilogram", "factor": 2, "after": ["X"]},
        ]
    }
    path = tmp_path / "units.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    with pytest.raises(PressfactsError, match="E011"):
        load_units(path)


def test_unknown_kind_is_an_error(tmp_path: Path) -> None:
    table = {"units": [{"name": "a", "kind": "weight", "base": None, "factor": 1}]}
    path = tmp_path / "units.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    with pytest.raises(PressfactsError, match="E011"):
        load_units(path)


@pytest.mark.parametrize(
    ("text", "found"),
    [("worth R2.4 million", True), ("on the R21", True), ("TR2 model", False), ("R 2", False)],
    ids=["rand", "road (the caller decides)", "inside a word", "spaced"],
)
def test_read_local_before(text: str, found: bool) -> None:
    match = default_units().read_local_before(
        text, next(i for i, c in enumerate(text) if c.isdigit())
    )
    assert (match is not None and match.unit.name == "south african rand") == found


def test_local_surface_needs_a_country(tmp_path: Path) -> None:
    table = {
        "units": [
            {"name": "a", "kind": "money", "base": "A", "factor": 1, "before_local": ["A"]},
        ]
    }
    path = tmp_path / "units.json"
    path.write_text(json.dumps(table), encoding="utf-8")
    with pytest.raises(PressfactsError, match="E011"):
        load_units(path)
