"""Output folders for the report tests: a small hand-made one, and a real run of corpus/."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from pipeline import index
from pipeline.batch import run
from pipeline.engines import EngineOptions
from pipeline.schema import (
    Claim,
    ClaimRef,
    CorpusFlag,
    DateMention,
    Expected,
    Extraction,
    Flag,
    Interval,
    Normalized,
    Release,
)
from pipeline.store import CORPUS_FLAGS, dumps, dumps_list, release_path, write_atomic
from tests.paths import CORPUS

HOSTILE = "<script>alert('x')</script>"
"""A string no page may contain unescaped."""

# (release id, period start, period end, crimes registered, title)
SERIES = [
    ("mia-2022", "2022-01-01", "2022-12-31", 58_412, "Crime in 2022"),
    ("mia-2023-q1", "2023-01-01", "2023-03-31", 13_205, "First quarter of 2023"),
    ("mia-2023-9m", "2023-01-01", "2023-09-30", 42_316, f"Nine months {HOSTILE}"),
    ("mia-2024-9m", "2024-01-01", "2024-09-30", 39_884, "Nine months of 2024"),
]


def _claim(cid: str, value: float, measure: str | None, **extra: object) -> Claim:
    text = f"{value:,.0f}"
    return Claim(
        id=cid,
        start=0,
        end=len(text),
        text=text,
        value=value,
        value_text=text,
        unit=None,
        kind="count",
        normalized=Normalized(value=value, unit=None),
        measure=measure,
        component="test",
        **extra,  # type: ignore[arg-type]
    )


def _extraction(rid: str, start: str, end: str, crimes: int, title: str) -> Extraction:
    text = f"{title}. {crimes:,} crimes were registered."
    period = Interval(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))
    claims = [
        _claim("c1", crimes, "crimes registered"),
        _claim("c2", crimes, "Crimes  Registered"),  # the same figure again: one point
        _claim("c3", 3, "crimes registered", change={"direction": "decrease"}),  # not a level
        _claim("c4", 120, "thefts" if rid != "mia-2022" else None),
    ]
    if rid == "mia-2023-9m":
        claims.append(_claim("c5", 500, HOSTILE))
    flags = []
    if rid == "mia-2023-9m":
        flags.append(
            Flag(
                id="f1",
                check="percent_of_total.v1",
                severity="error",
                message=f"27,905 of {crimes:,} is 65.94%, not 68.2 percent.",
                claims=["c1"],
                stated=68.2,
                expected=Expected(low=65.94, high=65.95),
                readings=["rounded (half-up or half-down)", "truncated"],
            )
        )
    return Extraction(
        pressfacts_version="test",
        model="test",
        release=Release(
            id=rid,
            source=f"{rid}.txt",
            format="txt",
            title=title,
            issuer="Ministry of Internal Affairs",
            published=period.end + dt.timedelta(days=14),
            reporting_period=period,
            text_sha256=hashlib.sha256(text.encode()).hexdigest(),
            text=text,
        ),
        dates=[
            DateMention(
                id="d1",
                start=0,
                end=4,
                text="2022",
                start_date=period.start,
                end_date=period.end,
                granularity="year",
            )
        ],
        claims=claims,
        flags=flags,
    )


CORPUS_FLAG = CorpusFlag(
    id="x1",
    check="stated_change_vs_earlier.v1",
    severity="warning",
    message="1,932 fewer than in 2023 gives 41,816, but mia-2023-9m reports 42,316.",
    claims=[
        ClaimRef(release="mia-2024-9m", claim="c1"),
        ClaimRef(release="mia-2023-9m", claim="c1"),
    ],
    stated=42_316,
    expected=Expected(low=41_816, high=41_816),
    readings=["exact"],
)


@pytest.fixture(scope="session")
def small_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A hand-made output folder: four releases of one ministry, one flag, one corpus flag."""
    out = tmp_path_factory.mktemp("small-out")
    con = index.connect(out)
    try:
        for row in SERIES:
            extraction = _extraction(*row)
            write_atomic(release_path(out, extraction.release.id), dumps(extraction))
            index.put_release(con, extraction, "sha", "fingerprint")
        index.put_corpus_flags(con, [CORPUS_FLAG])
        write_atomic(out / CORPUS_FLAGS, dumps_list([CORPUS_FLAG]))
    finally:
        con.close()
    return out


@pytest.fixture(scope="session")
def corpus_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of a real run of the pipeline on corpus/."""
    out = tmp_path_factory.mktemp("corpus-out")
    summary = run([CORPUS], out, EngineOptions())
    assert summary.releases > 0
    return out
