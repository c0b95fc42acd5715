"""Reviews leave the app: `export --reviewed` and reviewed releases as gold files."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import app as cli
from pipeline.evaluate import load_gold
from pipeline.review.export import iter_reviewed
from pipeline.review.gold import measure_keywords, ref, to_gold

from ..paths import SHARED_EVAL


def review_mia(post):
    """Review every claim and the flag of mia-2024, with one correction, rejection and addition."""
    post("/releases/mia-2024/claims/c1/accept")
    post("/releases/mia-2024/claims/c2/correct", measure="registered crimes", qualifier="about")
    post("/releases/mia-2024/claims/c3/accept")
    post("/releases/mia-2024/claims/c4/reject", reason="counted twice")
    post("/releases/mia-2024/claims", text="2022", value="2022", kind="other", measure="year")
    post("/releases/mia-2024/flags/f1/confirm", reason="4.1 percent by the figures")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_export_reviewed_writes_corrected_extractions(out, post):
    review_mia(post)
    result = run("export", str(out), "--reviewed")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["release"]["id"] for x in lines] == ["health-2023", "mia-2024", "xss-2025"]
    claims = {c["id"]: c for c in lines[1]["claims"]}
    assert "c4" not in claims
    assert claims["c2"]["measure"] == "registered crimes" and claims["c2"]["qualifier"] == "about"
    assert [c["text"] for c in claims.values() if c["component"] == "review"] == ["2022"]
    plain = run("export", str(out)).stdout.splitlines()
    assert len(json.loads(plain[1])["claims"]) == 4  # the extraction itself is untouched


def test_export_reviewed_of_an_unreviewed_folder_creates_nothing(out):
    result = run("export", str(out), "--reviewed", "-o", str(out / "x.jsonl"))
    assert result.exit_code == 0
    assert not (out / "review.sqlite").exists()
    assert len((out / "x.jsonl").read_text().splitlines()) == 3


@pytest.mark.parametrize(
    "args", [["--gold", "g"], ["--reviewed", "--format", "csv"]], ids=["gold-alone", "csv"]
)
def test_export_reviewed_usage_errors(out, args):
    assert run("export", str(out), *args).exit_code == 2


def test_gold_export_of_reviewed_releases(out, post, tmp_path):
    review_mia(post)
    post("/releases/xss-2025/claims/c1/accept")  # in progress: its flag is still open
    gold_dir = tmp_path / "gold"
    result = run("export", str(out), "--reviewed", "--gold", str(gold_dir))
    assert result.exit_code == 0, result.output
    assert "1 reviewed release(s)" in result.stdout
    assert sorted(p.name for p in gold_dir.iterdir()) == ["mia-2024.gold.json", "mia-2024.txt"]
    gold = load_gold(gold_dir).releases["mia-2024"]
    text = gold.text
    claims = {text[slice(*c["_span"])]: c for c in gold.gold["claims"]}
    assert list(claims) == ["12,540", "3.2 percent", "2022", "86.7%"]
    assert claims["3.2 percent"]["measure"] == ["registered", "crimes"]
    assert claims["3.2 percent"]["change"] == {"direction": "decrease"}
    assert claims["3.2 percent"]["qualifier"] == "about"
    assert [text[slice(*n["_span"])] for n in gold.gold["not_claims"]] == ["1,204"]
    assert gold.gold["not_claims"][0]["why"] == "counted twice"
    (flag,) = gold.gold["flags"]
    assert [text[slice(*s)] for s in flag["_spans"]] == ["12,540", "3.2 percent"]
    assert "4.1 percent by the figures" in flag["note"]
    assert gold.gold["published"] == "2024-02-14"
    assert {d["start"] for d in gold.gold["dates"]} == {"2024-02-14", "2023-01-01"}


@pytest.mark.skipif(not SHARED_EVAL.is_dir(), reason="../shared/eval is not checked out")
def test_gold_export_passes_the_shared_scorer_check(out, post, tmp_path):
    review_mia(post)
    post("/releases/health-2023/claims/c1/accept")
    gold_dir = tmp_path / "gold"
    run("export", str(out), "--reviewed", "--gold", str(gold_dir))
    check = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score.py"), "--gold", str(gold_dir), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert "gold ok: 2 releases, 5 claims" in check.stdout


def test_html_releases_carry_their_text_in_the_gold(out, post):
    post("/releases/health-2023/claims/c1/accept")
    (health,) = [r for r in iter_reviewed(out) if r.id == "health-2023"]
    assert "text" not in to_gold(health)  # md: the text file beside the gold is the text
    html = health.extraction.release.model_copy(update={"format": "html"})
    health.extraction = health.extraction.model_copy(update={"release": html})
    assert to_gold(health)["text"] == html.text


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("12 and 12", 7, {"text": "12", "nth": 1}),
        ("112 and 12", 8, {"text": "12", "nth": 1}),  # inside another number counts too
        ("aaa", 1, {"text": "aa", "nth": 1}),  # overlapping, as the scorer counts
    ],
)
def test_ref_finds_the_occurrence_back(text, start, expected):
    assert ref(text, start, start + len(expected["text"])) == expected


def test_measure_keywords():
    assert measure_keywords("Crimes registered in the year 2023") == [
        "crimes",
        "registered",
        "year",
    ]
    assert measure_keywords(None) == []
