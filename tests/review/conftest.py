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


def mention(text: str, surface: str, nth: int = 0) -> Mention:
    """A mention of an entity on the nth occurrence of surface."""
    start, end = span(text, surface, nth)
    return Mention(start=start, end=end, text=surface)


def claim(
    text: str, cid: str, surface: str, value: float, kind: str = "count", nth: int = 0, **kw: Any
) -> Claim:
    """A claim on the nth occurrence of surface."""
    start, end = span(text, surface, nth)
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
    rid: str,
    text: str,
    *,
    issuer: str | None,
    published: str,
    fmt: str = "txt",
    period: tuple[dt.date, dt.date] | None = None,
    **parts: Any,
) -> Extraction:
    """An Extraction of text with the given claims, dates, entities and flags.

    The reporting period is the year before the release date unless one is given.
    """
    day = dt.date.fromisoformat(published)
    first, last = period or (dt.date(day.year - 1, 1, 1), dt.date(day.year - 1, 12, 31))
    release = Release(
        id=rid,
        source=f"corpus/{rid}.{fmt}",
        format=fmt,  # type: ignore[arg-type]
        title=text.splitlines()[0],
        issuer=issuer,
        published=day,
        published_basis="dateline",
        reporting_period=Interval(start=first, end=last),
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


SHOWCASE = (
    "MINISTRY OF INTERIOR OF WESTLAND\n\n"
    "Crime situation in the first half of 2024\n\n"
    "Northport, 18 July 2024. In the first half of 2024, 8,412 crimes were registered across "
    "the country, 5.3 percent fewer than in the same period of 2023. Police solved 5,930 of them, "
    "a clearance rate of 70.5 percent.\n\n"
    "Burglaries fell by 12 percent, from 1,020 to 912, while vehicle thefts rose to 344, 41 more "
    "than a year earlier.\n\n"
    "Customs and police officers seized 186 kilograms of narcotic substances and charged 402 "
    "people with drug offences.\n\n"
    "On the roads, 57 people died and 1,318 were injured in 1,102 traffic accidents. Minister "
    "Anna Keller said that about 300 additional patrols would be deployed on the "
    "Northport–Eastbay highway during the summer.\n"
)


def showcase() -> Extraction:
    """A fuller (invented) release for the browser tests and the README screenshot."""
    text = SHOWCASE
    half_2024 = (dt.date(2024, 1, 1), dt.date(2024, 6, 30))
    half_2023 = (dt.date(2023, 1, 1), dt.date(2023, 6, 30))
    dates = []
    for did, surface, nth, (first, last), granularity in [
        ("d1", "the first half of 2024", 0, half_2024, "half"),
        ("d2", "18 July 2024", 0, (dt.date(2024, 7, 18),) * 2, "day"),
        ("d3", "the first half of 2024", 1, half_2024, "half"),
        ("d4", "the same period of 2023", 0, half_2023, "half"),
        ("d5", "a year earlier", 0, half_2023, "half"),
    ]:
        start, end = span(text, surface, nth)
        dates.append(
            DateMention(
                id=did,
                start=start,
                end=end,
                text=surface,
                start_date=first,
                end_date=last,
                granularity=granularity,
            )
        )
    down, up = Change(direction="decrease"), Change(direction="increase")
    claims = [
        claim(text, "c1", "8,412", 8412, measure="crimes registered", period="d3"),
        claim(text, "c2", "5.3 percent", 5.3, "percent", change=down),
        claim(text, "c3", "5,930", 5930, measure="crimes solved"),
        claim(text, "c4", "70.5 percent", 70.5, "percent", measure="clearance rate"),
        claim(text, "c5", "12 percent", 12, "percent", measure="burglaries", change=down),
        claim(text, "c6", "1,020", 1020, measure="burglaries"),
        claim(text, "c7", "912", 912, measure="burglaries"),
        claim(text, "c8", "344", 344, measure="vehicle thefts"),
        claim(text, "c9", "41", 41, nth=1, measure="vehicle thefts", change=up),
        claim(
            text,
            "c10",
            "186 kilograms",
            186,
            "mass",
            unit="kilogram",
            measure="narcotic substances seized",
        ),
        claim(text, "c11", "402", 402, measure="people charged"),
        claim(text, "c12", "57", 57, measure="people died"),
        claim(text, "c13", "1,318", 1318, measure="injured"),
        claim(text, "c14", "1,102", 1102, measure="traffic accidents"),
        claim(text, "c15", "300", 300, measure="additional patrols", qualifier="about"),
    ]
    return extraction(
        "wl-moi-2024-h1",
        text,
        issuer="Ministry of Interior of Westland",
        published="2024-07-18",
        period=half_2024,
        claims=claims,
        dates=dates,
        entities=[
            Entity(
                id="e1",
                label="ORG",
                name="MINISTRY OF INTERIOR OF WESTLAND",
                mentions=[mention(text, "MINISTRY OF INTERIOR OF WESTLAND")],
            ),
            Entity(
                id="e2",
                label="GPE",
                name="Northport",
                mentions=[mention(text, "Northport"), mention(text, "Northport", 1)],
            ),
            Entity(
                id="e3",
                label="PERSON",
                name="Anna Keller",
                titles=["Minister"],
                mentions=[mention(text, "Anna Keller")],
            ),
        ],
        flags=[
            Flag(
                id="f1",
                check="change_from_to.v1",
                severity="error",
                message="Stated 12 percent decrease, but 1,020 → 912 is a 10.6% decrease; "
                "12 percent would need 1,036 → 912.",
                claims=["c5", "c6", "c7"],
                stated=12,
                expected=Expected(low=10.5882, high=10.5882),
                readings=["rounded (half-up or half-down)", "truncated"],
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
