"""Components vs totals: listed parts and shares against their whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.checks.families.totals import parts_sum, shares_sum
from pipeline.schema import Extraction

Factory = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (
            "Police detained 3,513 persons: 2,905 men and 608 women.",
            ["3,513", "2,905", "608"],
            False,
        ),
        (
            "Police detained 3,613 persons: 2,905 men and 608 women.",
            ["3,613", "2,905", "608"],
            True,
        ),
        (
            "Police detained 3,413 persons: 2,905 men and 608 women.",
            ["3,413", "2,905", "608"],
            True,
        ),
        (
            "Police detained 3,613 persons; of them, 2,905 were men and 608 were women.",
            ["3,613", "2,905", "608"],
            True,
        ),
        (
            "Police detained 3,613 persons: 2,905 for theft and 608 for fraud.",
            ["3,613", "2,905", "608"],
            False,
        ),
        (
            "Police detained 3,613 persons; of them, 2,905 for theft and 608 for fraud.",
            ["3,613", "2,905", "608"],
            False,
        ),
        (
            "Drugs seized, 900 kg in all:\n- heroin: 500 kg\n- the rest: 300 kg\n",
            [
                ("900 kg", 0, {"kind": "mass"}),
                ("500 kg", 0, {"kind": "mass"}),
                ("300 kg", 0, {"kind": "mass"}),
            ],
            True,
        ),
        (
            "He named two indicators: thefts, 60, and trust, 80.",
            ["two", "60", "80"],
            False,
        ),
    ],
    ids=[
        "partition-holds",
        "partition-short",
        "partition-over",
        "subset-partition-short",
        "not-exhaustive-short",
        "subset-not-exhaustive",
        "line-list-rest",
        "whole-counts-items",
    ],
)
def test_parts_sum(extraction: Factory, text: str, claims: list[str], flagged: bool) -> None:
    assert bool(list(parts_sum(extraction(text, claims)))) is flagged


_TABLE = (
    "Distribution of cases by age group:\n- children: {}\n- adults: 33.9%\n- older people: 12.1%\n"
)


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (_TABLE.format("54.0%"), ["54.0%", "33.9%", "12.1%"], False),
        (_TABLE.format("58.7%"), ["58.7%", "33.9%", "12.1%"], True),
        (_TABLE.format("44.0%"), ["44.0%", "33.9%", "12.1%"], True),
        (
            "Clearance by crime:\n- murder: 95.0%\n- theft: 40.2%\n",
            ["95.0%", "40.2%"],
            False,
        ),
        ("Women made up 71.4% of the applicants and men 28.6%.", ["71.4%", "28.6%"], False),
        ("Women made up 71.4% of the applicants and men 38.6%.", ["71.4%", "38.6%"], True),
        (
            "Women made up 71.4% of the applicants and 38.6% of the judges.",
            ["71.4%", "38.6%"],
            False,
        ),
        (
            "Resources by division:\n- civil: up 38%\n- tax: up 70%\n",
            ["38%", "70%"],
            False,
        ),
        (
            "The jobless rate for men was 4.3%, and for women it was 4.1%.",
            ["4.3%", "4.1%"],
            False,
        ),
    ],
    ids=[
        "table-holds",
        "table-over",
        "table-under",
        "not-a-distribution",
        "partition-holds",
        "partition-fails",
        "no-partition",
        "changes-not-shares",
        "rates-not-shares",
    ],
)
def test_shares_sum(extraction: Factory, text: str, claims: list[str], flagged: bool) -> None:
    assert bool(list(shares_sum(extraction(text, claims)))) is flagged


def test_table_reads_each_share_as_rounded(extraction: Factory) -> None:
    """31.2 + 27.5 + 33.9 + 12.1 = 104.7 cannot be 100 even with every share 0.05 lower."""
    text = "Distribution by age:\n- a: 31.2%\n- b: 27.5%\n- c: 33.9%\n- d: 12.1%\n"
    (finding,) = shares_sum(extraction(text, ["31.2%", "27.5%", "33.9%", "12.1%"]))
    assert finding.claims == ["c1", "c2", "c3", "c4"]
    assert finding.stated == pytest.approx(104.7)
