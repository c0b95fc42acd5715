"""Our scorers: the gold-folder metrics and the NewsQuant metrics, on hand-made cases."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from pipeline.evaluate import load_gold, regressions, resolve, score
from pipeline.newsquant import score as newsquant_score
from pipeline.schema import (
    Change,
    Claim,
    ClaimRef,
    CorpusFlag,
    DateMention,
    Entity,
    Extraction,
    Flag,
    Mention,
    Normalized,
    NumberRange,
    Release,
)

TEXT = "In 2023 the police registered 1,204 thefts, 8.1 percent fewer; 86.7% of them were solved."


def claim(surface: str, value: float, cid: str, **fields) -> Claim:  # type: ignore[no-untyped-def]
    start = TEXT.index(surface)
    return Claim(
        id=cid,
        start=start,
        end=start + len(surface),
        text=surface,
        value=value,
        value_text=surface.split()[0].rstrip("%"),
        unit=fields.pop("unit", None),
        kind=fields.pop("kind", "count"),
        normalized=Normalized(value=value, unit=None),
        component="test",
        **fields,
    )


def extraction(claims: list[Claim], flags: list[Flag] | None = None) -> Extraction:
    return Extraction(
        pressfacts_version="test",
        model="test",
        release=Release(
            id="r1",
            source="r1.txt",
            format="txt",
            published=dt.date(2024, 2, 1),
            text_sha256="0",
            text=TEXT,
        ),
        entities=[
            Entity(
                id="e1",
                label="ORG",
                name="police",
                mentions=[Mention(start=12, end=18, text="police")],
            )
        ],
        dates=[
            DateMention(
                id="d1",
                start=3,
                end=7,
                text="2023",
                start_date=dt.date(2023, 1, 1),
                end_date=dt.date(2023, 12, 31),
                granularity="year",
            )
        ],
        claims=claims,
        flags=flags or [],
    )


@pytest.fixture
def gold_folder(tmp_path: Path) -> Path:
    (tmp_path / "r1.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "published": "2024-02-01",
        "claims": [
            {
                "ref": "1,204",
                "value": 1204,
                "kind": "count",
                "measure": ["theft"],
                "qualifier": None,
            },
            {
                "ref": "8.1 percent",
                "value": 8.1,
                "kind": "percent",
                "change": {"direction": "decrease"},
            },
            {"ref": "86.7%", "value": 86.7, "kind": "percent", "measure": ["solv"]},
        ],
        "dates": [{"ref": "2023", "start": "2023-01-01", "end": "2023-12-31"}],
        "entities": [{"label": "ORG", "name": "police"}],
        "flags": [{"id": "g1", "refs": ["1,204", "8.1 percent"], "note": "made up"}],
        "holds": [{"id": "h1", "refs": ["1,204", "86.7%"], "note": "fine"}],
    }
    (tmp_path / "r1.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    cross = [
        {
            "id": "x",
            "verdict": "flag",
            "items": [{"release": "r1", "ref": "1,204"}, {"release": "r1", "ref": "86.7%"}],
        }
    ]
    (tmp_path / "_cross.json").write_text(json.dumps(cross), encoding="utf-8")
    return tmp_path


def test_resolve_nth_occurrence() -> None:
    assert resolve({"text": "e", "nth": 1}, "one three") == (7, 8)
    with pytest.raises(ValueError, match="not in the text"):
        resolve("seven", "one three")


def test_perfect_extraction_scores_one(gold_folder: Path) -> None:
    claims = [
        claim("1,204", 1204, "c1", measure="thefts registered"),
        claim("8.1 percent", 8.1, "c2", kind="percent", change=Change(direction="decrease")),
        claim("86.7%", 86.7, "c3", kind="percent", measure="thefts solved"),
    ]
    flag = Flag(id="f1", check="t.v1", severity="error", message="m", claims=["c1", "c2"])
    corpus = [
        CorpusFlag(
            id="x1",
            check="t.v1",
            severity="warning",
            message="m",
            claims=[ClaimRef(release="r1", claim="c1"), ClaimRef(release="r1", claim="c3")],
        )
    ]
    metrics = score(load_gold(gold_folder), {"r1": extraction(claims, [flag])}, corpus)
    for key in (
        "claims_f1",
        "kind",
        "measure",
        "qualifier",
        "change",
        "dates_f1",
        "published",
        "entities_p",
        "entities_r",
        "flags_p",
        "flags_r",
        "cross_p",
        "cross_r",
    ):
        assert metrics[key] == 1.0, key
    assert metrics["holds_flagged"] == 0.0


def test_errors_are_counted(gold_folder: Path) -> None:
    claims = [
        claim("1,204", 1204, "c1", measure="arrests"),
        claim("2023", 2023, "c2"),
        claim("86.7%", 86.7, "c3", kind="count"),
    ]
    alarm = Flag(id="f1", check="t.v1", severity="error", message="m", claims=["c1", "c3"])
    metrics = score(load_gold(gold_folder), {"r1": extraction(claims, [alarm])}, [])
    assert metrics["claims_p"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["claims_r"] == pytest.approx(2 / 3, abs=1e-4)
    assert metrics["kind"] == 0.5 and metrics["measure"] == 0.0
    assert metrics["flags_r"] == 0.0 and metrics["flags_p"] == 0.0
    assert metrics["holds_flagged"] == 1.0
    assert metrics["cross_r"] == 0.0


def test_regressions_against_baseline() -> None:
    measured = {"claims_f1": 0.9, "holds_flagged": 0.1, "kind": 0.99}
    assert regressions(measured, {"claims_f1": 0.95, "holds_flagged": 0.05, "kind": 0.9}) == [
        "claims_f1: 0.9 < baseline 0.95",
        "holds_flagged: 0.1 > baseline 0.05",
    ]


def test_newsquant_metrics() -> None:
    sentence = {
        "text": "Sales rose 5% to about 1,200 cars, between 10 and 20 a day.",
        "quantities": [
            {
                "value": "5.0",
                "normalized_unit": "percentage",
                "change": "up",
                "referred_concepts": "sale",
            },
            {
                "value": "1200.0",
                "normalized_unit": "car",
                "change": "~",
                "referred_concepts": "car",
            },
            {"value": "10.0-20.0", "normalized_unit": "-", "change": "=", "referred_concepts": "-"},
        ],
    }
    text = sentence["text"]

    def make(surface: str, value: float, **fields) -> Claim:  # type: ignore[no-untyped-def]
        start = text.index(surface)
        return Claim(
            id="c",
            start=start,
            end=start + len(surface),
            text=surface,
            value=value,
            value_text=surface,
            unit=fields.pop("unit", None),
            kind=fields.pop("kind", "count"),
            normalized=Normalized(value=value, unit=None),
            component="t",
            **fields,
        )

    predicted = [
        make(
            "5%",
            5,
            unit="percentage",
            kind="percent",
            change=Change(direction="increase"),
            measure="car sale",
        ),
        make("1,200", 1200, qualifier="about", measure="car sold"),
        make("10", 10, range=NumberRange(low=10, high=20)),
    ]
    result = newsquant_score([sentence], [predicted])
    assert result["value"]["f1"] == 100.0
    assert result["value+unit"]["f1"] == 100.0
    assert result["value+change"]["f1"] == 100.0
    assert result["value+concept"]["f1"] == 100.0
