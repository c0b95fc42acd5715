"""An output folder built by hand (no spaCy model): three releases, one of them hostile."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pipeline import index
from pipeline.review.app import create_app
from pipeline.schema import (
    Change,
    Claim,
    DateMention,
    Entity,
    Expected,
    Extraction,
    Flag,
    Interval,
    Mention,
    Normalized,
    Release,
)
from pipeline.store import dumps, release_path, write_atomic

MIA = (
    "Ministry of Internal Affairs\n\n"
    "Baku, 14 February 2024. In 2023 the police registered 12,540 crimes, 3.2 percent fewer "
    "than in 2022. Of them, 86.7% were solved, and 1,204 thefts were reported.\n"
)
HEALTH = "Ministry of Health\n\nIn 2022 the ministry vaccinated 45,000 children against measles.\n"
XSS = (
    "<script>alert(1)</script> Ministry of <b>Bold</b>\n\n"
    'In 2024 we counted 17 cases. <img src=x onerror=alert(1)> "quoted" & more.\n'
)
SECRET = b"test-secret"


def span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of surface in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def claim(text: str, cid: str, surface: str, value: float, kind: str = "count", **kw: Any) -> Claim:
    """A claim on the first occurrence of surface."""
    start, end = span(text, surface)
    unit = kw.pop("unit", "percentage" if kind == "percent" else None)
    norm_unit = "percent" if kind == "percent" else None
    return Claim(
        id=cid,
        start=start,
        end=end,
        text=surface,
        value=value,
        value_text=surface.split()[0].rstrip("%"),
        unit=unit,
        kind=kind,  # type: ignore[arg-type]
        normalized=Normalized(value=value, unit=norm_unit),
        component="pressfacts_quantities",
        **kw,
    )


def extraction(
    rid: str, text: str, *, issuer: str | None, published: str, fmt: str = "txt", **parts: Any
) -> Extraction:
    """An Extraction of text with the given claims, dates, entities and flags."""
    day = dt.date.fromisoformat(published)
    release = Release(
        id=rid,
        source=f"corpus/{rid}.{fmt}",
        format=fmt,  # type: ignore[arg-type]
        title=text.splitlines()[0],
        issuer=issuer,
        published=day,
        published_basis="dateline",
        reporting_period=Interval(
            start=dt.date(day.year - 1, 1, 1), end=dt.date(day.year - 1, 12, 31)
        ),
        text_sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
    )
    return Extraction(pressfacts_version="test", model="none", release=release, **parts)


def mia() -> Extraction:
    """A release with four claims, two dates, an organisation and an error flag."""
    text = MIA
    d1, d2 = span(text, "14 February 2024"), span(text, "2023")
    return extraction(
        "mia-2024",
        text,
        issuer="Ministry of Internal Affairs",
        published="2024-02-14",
        claims=[
            claim(text, "c1", "12,540", 12540, measure="crimes registered", period="d2"),
            claim(text, "c2", "3.2 percent", 3.2, "percent", change=Change(direction="decrease")),
            claim(text, "c3", "86.7%", 86.7, "percent", measure="solved"),
            claim(text, "c4", "1,204", 1204, measure="thefts"),
        ],
        dates=[
            DateMention(
                id="d1",
                start=d1[0],
                end=d1[1],
                text="14 February 2024",
                start_date=dt.date(2024, 2, 14),
                end_date=dt.date(2024, 2, 14),
                granularity="day",
            ),
            DateMention(
                id="d2",
                start=d2[0],
                end=d2[1],
                text="2023",
                start_date=dt.date(2023, 1, 1),
                end_date=dt.date(2023, 12, 31),
                granularity="year",
            ),
        ],
        entities=[
            Entity(
                id="e1",
                label="ORG",
                name="Ministry of Internal Affairs",
                mentions=[Mention(start=0, end=28, text="Ministry of Internal Affairs")],
            ),
            Entity(
                id="e2", label="GPE", name="Baku", mentions=[Mention(start=30, end=34, text="Baku")]
            ),
        ],
        flags=[
            Flag(
                id="f1",
                check="percent_change.v1",
                severity="error",
                message="Stated 3.2 percent fewer, but the figures give 4.1 percent.",
                claims=["c1", "c2"],
                stated=3.2,
                expected=Expected(low=4.05, high=4.15),
                readings=["rounded", "truncated"],
            ),
        ],
    )


def health() -> Extraction:
    """A release of another issuer and year, without flags."""
    return extraction(
        "health-2023",
        HEALTH,
        issuer="Ministry of Health",
        published="2023-01-20",
        fmt="md",
        claims=[claim(HEALTH, "c1", "45,000", 45000, measure="children vaccinated")],
    )


def xss() -> Extraction:
    """A release whose text, title, issuer, fields and flag carry HTML and script."""
    return extraction(
        "xss-2025",
        XSS,
        issuer="<i>Evil</i> Ministry",
        published="2025-03-01",
        claims=[claim(XSS, "c1", "17", 17, measure="<script>alert(2)</script>")],
        flags=[
            Flag(
                id="f1",
                check="x.v1",
                severity="warning",
                message="<img src=x onerror=alert(3)>",
                claims=["c1"],
            ),
        ],
    )


def write_out(out: Path, extractions: list[Extraction]) -> Path:
    """Write an output folder: one JSON per release and the index."""
    con = index.connect(out)
    try:
        for ex in extractions:
            write_atomic(release_path(out, ex.release.id), dumps(ex))
            index.put_release(con, ex, "sha", "fingerprint")
    finally:
        con.close()
    return out


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder with the three releases."""
    return write_out(tmp_path / "out", [mia(), health(), xss()])


@pytest.fixture
def client(out: Path) -> TestClient:
    """A client of the review app over `out`, with a known CSRF secret."""
    app = create_app(out, allowed_hosts=["testserver"], secret=SECRET)
    return TestClient(app, follow_redirects=False)


@pytest.fixture
def token() -> str:
    """The CSRF token of the app under test."""
    from pipeline.review.security import Csrf

    return Csrf(SECRET).token


@pytest.fixture
def post(client: TestClient, token: str) -> Callable[..., Any]:
    """POST a form with the CSRF token: post(url, field=value, ...)."""

    def run(url: str, **form: str) -> Any:
        return client.post(url, data={"csrf": token, **form})

    return run
