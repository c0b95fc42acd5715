"""Parts and wholes, shares of a whole, shares beside a part."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipeline.checks.families.shares import (
    part_whole,
    percent_of_total,
    share_bounds,
    share_of_earlier_total,
    share_possible,
)
from pipeline.schema import Extraction

Factory = Callable[..., Extraction]


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (
            "Police held 3,512 people; of them, 2,905 were men and 607 women.",
            ["3,512", "2,905", "607"],
            False,
        ),
        (
            "Police held 3,412 people; of them, 2,905 were men and 608 women.",
            ["3,412", "2,905", "608"],
            True,
        ),
        ("It logged 1,148 burglaries, 1,231 of them in the capital.", ["1,148", "1,231"], True),
        ("It logged 1,248 burglaries, 1,231 of them in the capital.", ["1,248", "1,231"], False),
        ("In all 60 fell, 65 of them soldiers, and 347 were hurt.", ["60", "65", "347"], True),
        ("Many fell, 65 of them soldiers, and 347 were hurt.", ["65", "347"], False),
        ("In all, 12 out of 10 cases were solved.", ["12", "10"], True),
        (
            "The storms killed 14 people and injured 530, including 22 rescuers.",
            ["14", "530", "22"],
            False,
        ),
        (
            "The storms killed 14 people and injured 530, including 622 rescuers.",
            ["14", "530", "622"],
            True,
        ),
        ("The storms injured 530, of which 22 rescuers.", ["530", "22"], False),
        ("Of the 900 deaths, 600 were drivers and 400 riders.", ["900", "600", "400"], True),
        ("Of the 900 deaths, 600 were drivers and 300 riders.", ["900", "600", "300"], False),
        ("The 900 deaths included 600 drivers and 400 riders.", ["900", "600", "400"], True),
        ("The 900 deaths comprised 600 drivers and 300 riders.", ["900", "600", "300"], False),
        (
            "Clinics saw 900 flu cases, against 700 cases a year ago. Of the flu cases, the north "
            "had 600 and the south 400.",
            [("900", 0, {"measure": "flu case"}), "700", "600", "400"],
            True,
        ),
        (
            "Clinics saw 900 flu cases, against 700 cases a year ago. Of the flu cases, the "
            "north had 600 and the south 300.",
            [("900", 0, {"measure": "flu case"}), "700", "600", "300"],
            False,
        ),
    ],
    ids=[
        "sum-holds",
        "sum-exceeds",
        "part-exceeds",
        "part-holds",
        "of-them-part",
        "no-whole",
        "out-of",
        "including-after-a-count-holds",
        "including-after-a-count-exceeds",
        "comma-of-which-whole-first",
        "leading-of-the-exceeds",
        "leading-of-the-holds",
        "included-exceeds",
        "comprised-holds",
        "named-whole-exceeds",
        "named-whole-not-the-earlier-period",
    ],
)
def test_part_whole(extraction: Factory, text: str, claims: list[str], flagged: bool) -> None:
    assert bool(list(part_whole(extraction(text, claims)))) is flagged


@pytest.mark.parametrize(("share", "flagged"), [("73.2%", False), ("78.2%", True)])
def test_percent_of_the_whole_in_brackets(extraction: Factory, share: str, flagged: bool) -> None:
    text = f"Knives were used in 90 of the 123 assaults ({share}) recorded in May."
    made = extraction(text, ["90", "123", share])
    assert bool(list(percent_of_total(made))) is flagged


@pytest.mark.parametrize(
    ("share", "flagged"), [("65.9%", False), ("68.2%", True)], ids=["holds", "fails"]
)
def test_percent_of_total(extraction: Factory, share: str, flagged: bool) -> None:
    text = f"Police registered 42,316 crimes. Of them, 27,905, or {share}, were solved."
    assert bool(list(percent_of_total(extraction(text, ["42,316", "27,905", share])))) is flagged


@pytest.mark.parametrize(
    ("share", "flagged"), [("18.2%", False), ("118.2%", True)], ids=["holds", "fails"]
)
def test_share_bounds(extraction: Factory, share: str, flagged: bool) -> None:
    text = f"In 2023, 48,906 firms were registered, {share} of them online."
    assert bool(list(share_bounds(extraction(text, ["48,906", share])))) is flagged


@pytest.mark.parametrize(
    ("text", "claims", "flagged"),
    [
        (
            "Clinics notified 58,214 flu cases, or 840 per 100,000 people. Flu A made up 8,433 "
            "cases, or 14.5% of the total.",
            [
                ("58,214", 0, {"measure": "flu case"}),
                "840",
                ("100,000", 0, {"measure": "flu case"}),
                ("8,433", 0, {"measure": "flu case"}),
                "14.5%",
            ],
            False,
        ),
        (
            "Police recorded 12,000 offences, 7,000 of them thefts. Fraud made up 25% of all "
            "offences, or 4,000 cases.",
            ["12,000", "7,000", "25%", "4,000"],
            True,
        ),
        (
            "Police recorded 12,000 offences, 7,000 of them thefts. Fraud made up 25% of all "
            "offences, or 3,000 cases.",
            ["12,000", "7,000", "25%", "3,000"],
            False,
        ),
        (
            "Police registered 12,731 crimes. Police solved 8,620 crimes, or 67.7 percent of "
            "those registered.",
            ["12,731", "8,620", "67.7 percent"],
            False,
        ),
        (
            "Police registered 12,731 crimes. Police solved 8,620 crimes, or 69.7 percent of "
            "those registered.",
            ["12,731", "8,620", "69.7 percent"],
            True,
        ),
        (
            "In 2023, 56,870 crimes were registered. The clearance rate reached 72.9 percent: "
            "38,615 crimes were solved.",
            ["56,870", "72.9 percent", "38,615"],
            True,
        ),
        (
            "Police registered 12,731 thefts. Police solved 8,620 crimes (69.7 percent).",
            ["12,731", "8,620", "69.7 percent"],
            False,
        ),
        (
            "Police registered 12,731 crimes, 474 (3.6%) fewer than a year before.",
            ["12,731", "474", "3.6%"],
            False,
        ),
        (
            "Staff examined 5,000 samples. Influenza was found in 1,326 of the 3,940 samples "
            "examined (33.7 percent).",
            ["5,000", "1,326", "3,940", "33.7 percent"],
            False,
        ),
        (
            "Police registered 12,731 crimes, against 19,000 crimes a year before. Police solved "
            "8,620 crimes, or 67.7 percent of those registered.",
            ["12,731", "19,000", "8,620", "67.7 percent"],
            False,
        ),
        (
            "Police recorded 4,150 murders, 120 fewer than the 4,270 of last year. Knives were "
            "used in 1,020 of these killings (28.6%).",
            ["4,150", "120", "4,270", "1,020", "28.6%"],
            True,
        ),
        (
            "Police recorded 4,150 homicides, 120 fewer than the 4,270 of last year. Knives were "
            "used in 1,020 of these killings (24.6%).",
            ["4,150", "120", "4,270", "1,020", "24.6%"],
            False,
        ),
        (
            "Stations in the north recorded 4,150 murders and 2,300 rapes. Knives were used in "
            "1,020 of these killings (28.6%).",
            [
                ("4,150", 0, {"measure": "murders"}),
                ("2,300", 0, {"measure": "rapes"}),
                "1,020",
                "28.6%",
            ],
            True,
        ),
        (
            "Stations in the north recorded 4,150 murders and 2,300 rapes. Knives were used in "
            "1,020 of these killings (24.6%).",
            [
                ("4,150", 0, {"measure": "murders"}),
                ("2,300", 0, {"measure": "rapes"}),
                "1,020",
                "24.6%",
            ],
            False,
        ),
        (
            "Clinics recorded 41,200 visits in May. Of these, 30,050 patients (72.9%) were seen "
            "within an hour.",
            ["41,200", "30,050", "72.9%"],
            False,
        ),
        (
            "Clinics recorded 41,200 visits in May. Of these, 30,050 patients (77.9%) were seen "
            "within an hour.",
            ["41,200", "30,050", "77.9%"],
            True,
        ),
        (
            "Police registered 18,400 offences. The capital accounted for 6,100 of the registered "
            "offences. Assaults accounted for 3,950 offences, or 21.5% of the total.",
            ["18,400", "6,100", "3,950", "21.5%"],
            False,
        ),
    ],
    ids=[
        "rate-base-is-no-total",
        "share-first-of-all-fails",
        "share-first-of-all-holds",
        "holds",
        "fails",
        "rate-colon-fails",
        "other-measure",
        "change-pair",
        "of-the-whole",
        "earlier-period-total",
        "synonym-whole-fails",
        "synonym-whole-holds",
        "anaphor-names-whole-fails",
        "anaphor-names-whole-holds",
        "leading-of-these-holds",
        "leading-of-these-fails",
        "a-part-is-no-total",
    ],
)
def test_share_of_earlier_total(
    extraction: Factory, text: str, claims: list[str], flagged: bool
) -> None:
    assert bool(list(share_of_earlier_total(extraction(text, claims)))) is flagged


@pytest.mark.parametrize(
    ("text", "share", "whole", "severity"),
    [
        ("Of 15 detainees, 20% were women.", "20%", "15", None),
        ("Of 15 detainees, 50% were women.", "50%", "15", "error"),
        ("Of 15 detainees, 46% were women.", "46%", "15", None),
        ("Of 26,004 crimes, 86.7% were minor.", "86.7%", "26,004", "info"),
        ("Of 7 cases, 57.1% were solved.", "57.1%", "7", None),
        ("Of 7 cases, 57.3% were solved.", "57.3%", "7", "error"),
    ],
    ids=[
        "3 of 15",
        "no k of 15 gives 50",
        "truncated 46.7",
        "too large to test",
        "4 of 7",
        "57.3 of 7",
    ],
)
def test_share_possible(
    extraction: Factory, text: str, share: str, whole: str, severity: str | None
) -> None:
    findings = list(share_possible(extraction(text, [whole, (share, 0, {"of": "c1"})])))
    assert [f.severity or "error" for f in findings] == ([severity] if severity else [])
    if severity == "error":
        assert findings[0].expected is not None
        low, high = findings[0].expected
        assert low < float(share.rstrip("%")) < high
