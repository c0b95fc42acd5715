"""Corpus checks over year-to-date series."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.checks.families.series import ytd_change_series, ytd_totals
from pipeline.corpus import index

from .conftest import make_extraction


def _release(months: int, body: str, claims: list[str]) -> object:
    end = dt.date(2020, months, 28 if months == 2 else 30 if months in (4, 6, 9, 11) else 31)
    text = f"Crime in Ruritania for {months} months of 2020\n\n{body}"
    return make_extraction(
        text, claims, release_id=f"r{months}", period=(dt.date(2020, 1, 1), end), place="Ruritania"
    )


@pytest.mark.parametrize(
    ("values", "flagged"),
    [(("9.5%", "2.7%", "8.9%"), True), (("9.5%", "9.1%", "8.9%"), False)],
    ids=["spike", "smooth"],
)
def test_ytd_change_series(values: tuple[str, ...], flagged: bool) -> None:
    releases = [
        _release(m, f"Family offences fell by {v}, burglaries by 2%.", [v, "2%"])
        for m, v in zip((7, 8, 9), values, strict=True)
    ]
    findings = list(ytd_change_series(list(index(releases))))
    assert bool(findings) is flagged
    if flagged:
        assert [r for r, _ in findings[0].claims] == ["r7", "r8", "r9"]


@pytest.mark.parametrize(
    ("later", "flagged"), [("340", False), ("297", True)], ids=["rises", "falls"]
)
def test_ytd_totals(later: str, flagged: bool) -> None:
    releases = [
        _release(7, "Since January, 318 people were killed in road accidents.", ["318"]),
        _release(9, f"Since January, {later} people were killed in road accidents.", [later]),
    ]
    assert bool(list(ytd_totals(list(index(releases))))) is flagged
