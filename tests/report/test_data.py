"""The shared queries: on a hand-made output folder (exact answers) and on a real corpus run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.components.entities import load_countries
from pipeline.report import data
from pipeline.store import CORPUS_FLAGS, RELEASES_DIR

from .conftest import HOSTILE, SERIES


def test_series_picks_the_measure_in_most_releases(small_out: Path) -> None:
    with data.open_index(small_out) as con:
        series = data.series(con)
    assert series is not None
    assert (series.measure, series.kind) == ("crimes registered", "count")
    # In period order, one point per release and period: the repeated figure and the change
    # ("3" fewer) are left out.
    assert [(p.release, p.claim, p.period, p.value) for p in series.points] == [
        (rid, "c1", data.period_label(start, end), value) for rid, start, end, value, _ in SERIES
    ]


def test_series_marks_flagged_points(small_out: Path) -> None:
    with data.open_index(small_out) as con:
        series = data.series(con)
    assert series is not None
    assert {p.release: p.flags for p in series.points} == {
        "mia-2022": (),
        "mia-2023-q1": (),
        "mia-2023-9m": ("mia-2023-9m/f1", "x1"),
        "mia-2024-9m": ("x1",),
    }


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("crimes registered", "crimes registered"),
        ("  Crimes   REGISTERED ", "crimes registered"),
        ("thefts", "thefts"),
        ("robberies", None),
    ],
    ids=["exact", "case-and-space", "other", "unknown"],
)
def test_series_of_a_given_measure(small_out: Path, asked: str, found: str | None) -> None:
    with data.open_index(small_out) as con:
        series = data.series(con, asked)
    assert (series.measure if series else None) == found


def test_measures_are_ranked_by_releases(small_out: Path) -> None:
    with data.open_index(small_out) as con:
        ranked = data.measures(con)
    assert [(m.measure, m.releases, m.points, m.flagged) for m in ranked] == [
        ("crimes registered", 4, 4, 2),
        ("thefts", 3, 3, 0),
        (HOSTILE.lower(), 1, 1, 0),
    ]


def test_flags_carry_their_arithmetic_and_claims(small_out: Path) -> None:
    with data.open_index(small_out) as con:
        flags = data.flags(con, small_out)
    assert [(f.key, f.check, f.stated, f.expected_low, f.expected_high) for f in flags] == [
        ("mia-2023-9m/f1", "percent_of_total.v1", 68.2, 65.94, 65.95),
        ("x1", "stated_change_vs_earlier.v1", 42_316, 41_816, 41_816),
    ]
    assert flags[0].readings == ("rounded (half-up or half-down)", "truncated")
    assert flags[0].claims == ("c1 (42,316)",)
    assert flags[1].claims == ("mia-2024-9m/c1 (39,884)", "mia-2023-9m/c1 (42,316)")


def test_checks_and_releases(small_out: Path) -> None:
    with data.open_index(small_out) as con:
        checks = data.checks(con)
        releases = data.releases(con)
    assert [(c.check, c.scope, c.flags, c.releases) for c in checks] == [
        ("percent_of_total.v1", "release", 1, 1),
        ("stated_change_vs_earlier.v1", "corpus", 1, 2),
    ]
    assert [(r.id, r.claims, r.flags, r.corpus_flags) for r in releases] == [
        ("mia-2022", 4, 0, 0),
        ("mia-2023-9m", 5, 1, 1),
        ("mia-2023-q1", 4, 0, 0),
        ("mia-2024-9m", 4, 0, 1),
    ]


def test_missing_index_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="pressfacts run"), data.open_index(tmp_path):
        pass


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        ("2023-01-01", "2023-12-31", "2023"),
        ("2023-01-01", "2023-09-30", "Jan–Sep 2023"),
        ("2024-03-01", "2024-03-31", "Mar 2024"),
        ("2016-10-01", "2017-09-30", "Oct 2016 – Sep 2017"),
        ("2024-01-01", "2024-02-10", "2024-01-01 – 2024-02-10"),
        (None, "2024-02-10", None),
    ],
    ids=["year", "year-to-date", "month", "fiscal-year", "days", "open"],
)
def test_period_label(start: str | None, end: str | None, label: str | None) -> None:
    assert data.period_label(start, end) == label


# A real run of corpus/: the queries agree with the JSON files beside the index.


@pytest.mark.slow
def test_corpus_releases_match_the_json_files(corpus_out: Path) -> None:
    files = sorted(p.stem for p in (corpus_out / RELEASES_DIR).glob("*.json"))
    with data.open_index(corpus_out) as con:
        releases = data.releases(con)
        kinds = data.claim_kinds(con)
    assert [r.id for r in releases] == files
    for r in releases:
        extraction = json.loads((corpus_out / RELEASES_DIR / f"{r.id}.json").read_text("utf-8"))
        assert r.claims == len(extraction["claims"])
        assert r.claims == sum(k.claims for k in kinds if k.release == r.id)


@pytest.mark.slow
def test_corpus_flags_match_the_json_files(corpus_out: Path) -> None:
    expected = []
    for path in sorted((corpus_out / RELEASES_DIR).glob("*.json")):
        for flag in json.loads(path.read_text("utf-8"))["flags"]:
            expected.append((f"{path.stem}/{flag['id']}", flag["message"], tuple(flag["readings"])))
    for flag in json.loads((corpus_out / CORPUS_FLAGS).read_text("utf-8")):
        expected.append((flag["id"], flag["message"], tuple(flag["readings"])))
    with data.open_index(corpus_out) as con:
        flags = data.flags(con, corpus_out)
        checks = data.checks(con)
    assert sorted((f.key, f.message, f.readings) for f in flags) == sorted(expected)
    assert sum(c.flags for c in checks) == len(expected)


@pytest.mark.slow
def test_corpus_series_spans_releases_in_period_order(corpus_out: Path) -> None:
    with data.open_index(corpus_out) as con:
        ranked = data.measures(con)
        series = data.series(con)
        claims = {
            (r["release_id"], r["id"]): r["normalized_value"]
            for r in con.execute("SELECT * FROM claims")
        }
    if not ranked:
        pytest.skip("the extraction names no measure with a period in this corpus run")
    assert series is not None
    assert series.measure == ranked[0].measure
    assert len({p.release for p in series.points}) == ranked[0].releases
    assert [p.period_end for p in series.points] == sorted(p.period_end for p in series.points)
    assert all(claims[p.release, p.claim] == p.value for p in series.points)  # base units


@pytest.mark.slow
def test_corpus_places_are_countries(corpus_out: Path) -> None:
    with data.open_index(corpus_out) as con:
        places = data.places(con)
        series = data.series(con)
    # A release's place is a country (the one its GPEs mention most), never a city or region.
    countries = {country.name for country in load_countries()}
    assert set(places.values()) <= countries
    assert {places[r] for r in places if r.startswith("ge-mia-")} == {"Georgia"}
    if series is not None and series.place is not None:
        assert {places[p.release] for p in series.points} == {series.place}
