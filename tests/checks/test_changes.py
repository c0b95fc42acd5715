"""Change arithmetic within a sentence, and a stated change against nearby counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.checks.families.changes import (
    change_by_to,
    change_from_to,
    change_level_from,
    change_vs_counts,
    percent_or_count,
)
from pipeline.schema import Extraction

from .conftest import first_claims

Factory = Callable[..., Extraction]

FROM_TO = [
    (
        "Arrests rose by 25 percent, from 400 in 2019 to 500 in 2020.",
        [],
        ["25 percent", "400", "500"],
    ),
    (
        "Arrests rose by 22 percent, from 400 in 2019 to 500 in 2020.",
        ["c1"],
        ["22 percent", "400", "500"],
    ),
    (
        "Arrests rose by 24 percent, from 400 in 2019 to 498 in 2020.",
        [],
        ["24 percent", "400", "498"],
    ),
    ("Fines fell from 1,000 to 1,200 last year.", ["c1"], ["1,000", "1,200"]),
    ("Fines rose from 27,694 in 2013 to 54.981 in 2014.", [], ["27,694", "54.981"]),
    ("The rate went from 8.0% to 9.1%, up 1.1%.", [], ["8.0%", "9.1%", "1.1%"]),
    ("Theft fell 8%, and trust went from 60 to 80%.", [], ["8%", "60", "80%"]),
    ("Thefts went down by 30, from 130 to 100.", [], ["30", "130", "100"]),
    ("Thefts went down by 20, from 130 to 100.", ["c1"], ["20", "130", "100"]),
]


@pytest.mark.parametrize(
    ("text", "flagged", "claims"),
    FROM_TO,
    ids=[
        "holds",
        "wrong-percent",
        "truncated",
        "wrong-direction",
        "thousands-point",
        "percentage-points",
        "other-clause",
        "absolute-holds",
        "absolute-wrong",
    ],
)
def test_change_from_to(
    extraction: Factory, text: str, flagged: list[str], claims: list[str]
) -> None:
    assert first_claims(change_from_to(extraction(text, claims))) == flagged


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        ("Crimes decreased by 832 or 8.1% to 9,412.", ["832", "8.1%", "9,412"], False),
        ("Crimes decreased by 832 or 9.1% to 9,412.", ["832", "9.1%", "9,412"], True),
        ("Crimes totalled 9,412 (+832; +9.7%).", ["9,412", "832", "9.7%"], False),
        ("Crimes totalled 9,412 (+832; +8.1%).", ["9,412", "832", "8.1%"], True),
    ],
    ids=["by-to-holds", "by-to-fails", "signed-pair-holds", "signed-pair-fails"],
)
def test_change_by_to(extraction: Factory, text: str, claims: list[str], flagged: bool) -> None:
    assert bool(list(change_by_to(extraction(text, claims)))) is flagged


VS_COUNTS = (
    "Burglaries were {p} lower than in the same month a year ago.\n\n"
    "Twelve burglaries were reported in May. In May a year ago, 20 burglaries were recorded."
)


@pytest.mark.parametrize(
    ("percent", "flagged"), [("40%", False), ("30%", True)], ids=["holds", "fails"]
)
def test_change_vs_counts(extraction: Factory, percent: str, flagged: bool) -> None:
    text = VS_COUNTS.format(p=percent)
    claims = [percent, ("Twelve", 0, {"value": 12}), "20"]
    findings = list(change_vs_counts(extraction(text, claims)))
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].expected == pytest.approx((40.0, 40.0))


LEVEL_FROM = [
    ("Police logged 1,260 thefts, up 5% from 1,200.", [], ["1,260", "5%", "1,200"]),
    ("Police logged 1,500 thefts, up 21% on the 1,100 of 2022.", ["c2"], ["1,500", "21%", "1,100"]),
    ("Fines stood at 880 in May, down 12% compared with 1,000.", [], ["880", "12%", "1,000"]),
    ("Fines stood at 880 in May, up 12% from 1,000.", ["c3"], ["880", "12%", "1,000"]),
    ("Vacancies reached 6.1%, up 0.7 from 5.4% in January.", [], ["6.1%", "0.7", "5.4%"]),
    ("Arrests totalled 412, down by 48 from 460.", [], ["412", "48", "460"]),
    ("Arrests totalled 412, down by 38 from 460.", ["c2"], ["412", "38", "460"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "flagged", "claims"),
    LEVEL_FROM,
    ids=[
        "holds",
        "wrong-percent",
        "decrease-holds",
        "wrong-direction",
        "points",
        "absolute-holds",
        "absolute-wrong",
    ],
)
def test_change_level_from(
    extraction: Factory, text: str, flagged: list[str], claims: list[str]
) -> None:
    assert first_claims(change_level_from(extraction(text, claims))) == flagged


@pytest.mark.slow
def test_from_to_end_to_end(extract_text: Callable[..., Extraction]) -> None:
    text = "Seizures rose by 35 percent, from 1,200 in 2021 to 1,500 in 2022."
    flags = extract_text(text).flags
    assert [f.check for f in flags] == ["change_from_to.v1"]
    assert "25" in flags[0].message


@pytest.mark.parametrize(("by", "flagged"), [("48", False), ("38", True)], ids=["holds", "fails"])
def test_change_to_from(extraction: Factory, by: str, flagged: bool) -> None:
    text = f"Charges decreased by {by} to 412, from 460 in fiscal year 2016."
    findings = list(change_from_to(extraction(text, [by, "412", "460"])))
    assert bool(findings) is flagged


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (
            "Thefts decreased by 6.3 percent or 291 cases, to 4,328.",
            ["6.3 percent", "291", "4,328"],
            False,
        ),
        (
            "Thefts decreased by 9.4 percent or 684 cases and amounted to 10,356.",
            ["9.4 percent", "684", "10,356"],
            True,
        ),
        (
            "In 2024, 54,109 crimes were registered, 2,761 or 4.9 percent fewer than in 2023.",
            ["54,109", "2,761", "4.9 percent"],
            False,
        ),
        (
            "In 2024, 54,109 crimes were registered, 2,761 or 7.9 percent fewer than in 2023.",
            ["54,109", "2,761", "7.9 percent"],
            True,
        ),
        (
            "13,205 crimes were registered, a decrease of 4.6 percent (637).",
            ["13,205", "4.6 percent", "637"],
            False,
        ),
        (
            "13,205 crimes were registered, a decrease of 8.6 percent (637).",
            ["13,205", "8.6 percent", "637"],
            True,
        ),
        (
            "Fraud: 4,871 (+10.4%) and robberies: 412 (-14.0%).",
            ["4,871", "10.4%", "412", "14.0%"],
            False,
        ),
        ("Of them, 27,905, or 68.2 percent, were solved.", ["27,905", "68.2 percent"], False),
        ("Thefts decreased by 9.4 percent or 684 cases.", ["9.4 percent", "684"], False),
    ],
    ids=[
        "to-level-holds",
        "to-level-fails",
        "level-before-holds",
        "level-before-fails",
        "decrease-of-holds",
        "decrease-of-fails",
        "level-with-change",
        "share-not-change",
        "no-level",
    ],
)
def test_percent_or_count(extraction: Factory, text: str, claims: list[str], flagged: bool) -> None:
    assert bool(list(percent_or_count(extraction(text, claims)))) is flagged
