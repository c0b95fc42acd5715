"""The HTML report: self-contained, escaped, deterministic; and `pressfacts report`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.report.charts import series_chart
from pipeline.report.data import Series, SeriesPoint, overview
from pipeline.report.html import interval, number, render

from .conftest import HOSTILE

EXTERNAL = re.compile(
    r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""",
    re.I,
)


def _page(out: Path, measure: str | None = None) -> str:
    return render(overview(out, measure))


@pytest.mark.parametrize(
    "folder", ["small_out", pytest.param("corpus_out", marks=pytest.mark.slow)]
)
def test_report_is_self_contained(folder: str, request: pytest.FixtureRequest) -> None:
    page = _page(request.getfixturevalue(folder))
    assert page.startswith("<!DOCTYPE html>")
    assert not EXTERNAL.search(page)
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "<svg" in page


def test_report_escapes_titles_and_measures(small_out: Path) -> None:
    page = _page(small_out, measure=HOSTILE)
    assert HOSTILE not in page
    assert "<script" not in page.lower()
    assert "Nine months &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "Series: &lt;script&gt;" in page


@pytest.mark.parametrize(
    "folder", ["small_out", pytest.param("corpus_out", marks=pytest.mark.slow)]
)
def test_report_is_deterministic(folder: str, request: pytest.FixtureRequest) -> None:
    out = request.getfixturevalue(folder)
    assert _page(out) == _page(out)


def test_chart_draws_dollar_signs_as_text() -> None:
    point = SeriesPoint("r", "c1", "2023-01-01", "2023-12-31", "2023", 5.0, "$5", ("r/f1",))
    series = Series(None, "spending in $ (US$", "money", "USD", points=(point,))
    svg = series_chart(series)
    assert svg.startswith("<svg")
    assert "spending in $ (US$ (USD)" in svg


@pytest.mark.parametrize(
    ("value", "text"),
    [(42316.0, "42,316"), (65.9443236600813, "65.9443"), (2035.75, "2,035.75"), (None, "–")],
)
def test_number(value: float | None, text: str) -> None:
    assert number(value) == text


@pytest.mark.parametrize(
    ("low", "high", "text"),
    [
        (65.94, 65.94, "65.94"),
        (256.5, 257.5, "[256.5, 257.5]"),
        (2035.75, None, "≥ 2,035.75"),
        (None, 100.0, "≤ 100"),
        (None, None, "–"),
    ],
)
def test_interval(low: float | None, high: float | None, text: str) -> None:
    assert interval(low, high) == text


def _cli(*args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [str(Path(sys.executable).parent / "pressfacts"), "report", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_cli_writes_the_same_bytes_in_any_process(small_out: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    result = _cli(str(small_out), "--html", str(first), seed="1")
    assert (result.returncode, result.stdout) == (0, f"report in {first}\n")
    assert _cli(str(small_out), "--html", str(second), seed="2").returncode == 0
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text("utf-8") == _page(small_out)


def test_cli_rejects_an_unknown_measure(small_out: Path, tmp_path: Path) -> None:
    result = _cli(str(small_out), "--html", str(tmp_path / "r.html"), "--measure", "robberies")
    assert result.returncode == 2
    assert "no measure 'robberies'" in result.stderr
    assert "crimes registered" in result.stderr
    assert not (tmp_path / "r.html").exists()


def test_cli_rejects_a_folder_without_index(tmp_path: Path) -> None:
    result = _cli(str(tmp_path), "--html", str(tmp_path / "r.html"))
    assert result.returncode == 2
    assert "not an output folder" in result.stderr
    assert not (tmp_path / "r.html").exists()
