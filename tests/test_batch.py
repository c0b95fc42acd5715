"""Batch runs: incremental, parallel, isolated failures, and crash-safe under kill -9."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import batch
from pipeline.engines import EngineOptions
from pipeline.worker import DocumentTimeout, time_limit

TEMPLATE = (
    "Ministry of Internal Affairs of the Republic\n\n"
    "Capital, {day} March 2024. In 2023 the police registered {crimes:,} crimes, {pct} percent "
    "fewer than in 2022. Of them, {solved}% were solved, and {cars} stolen cars were returned "
    "to their owners. Road accidents killed {deaths} people.\n"
)


def make_releases(folder: Path, n: int) -> list[Path]:
    """n small releases that differ in their figures."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"release-{i:03d}.txt"
        text = TEMPLATE.format(
            day=1 + i % 28,
            crimes=10_000 + 37 * i,
            pct=round(1 + i % 9 * 0.7, 1),
            solved=80 + i % 15,
            cars=100 + i,
            deaths=300 + 3 * i,
        )
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file except the SQLite index, whose bytes are not canonical."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith("index.sqlite")
    }


def index_rows(out: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(out / "index.sqlite")
    tables = ["files", "releases", "claims", "dates", "entities", "flags", "corpus_flags"]
    rows = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall()) for t in tables}
    con.close()
    return rows


def test_rerun_on_unchanged_input_does_no_work(tmp_path: Path) -> None:
    make_releases(tmp_path / "in", 5)
    options = EngineOptions()
    first = batch.run([tmp_path / "in"], tmp_path / "out", options)
    before = snapshot(tmp_path / "out")
    second = batch.run([tmp_path / "in"], tmp_path / "out", options)
    assert (first.processed, first.reused) == (5, 0)
    assert (second.processed, second.reused) == (0, 5)
    assert snapshot(tmp_path / "out") == before
    assert second.claims == first.claims > 0


def test_changed_added_and_removed_files(tmp_path: Path) -> None:
    paths = make_releases(tmp_path / "in", 4)
    out = tmp_path / "out"
    batch.run([tmp_path / "in"], out, EngineOptions())
    paths[0].write_text(paths[0].read_text(encoding="utf-8").replace("police", "Police"), "utf-8")
    paths[1].unlink()
    (tmp_path / "in" / "new.txt").write_text("The ministry registered 42 fires in 2023.\n", "utf-8")
    summary = batch.run([tmp_path / "in"], out, EngineOptions())
    assert (summary.processed, summary.reused, summary.releases) == (2, 2, 4)
    assert not (out / "releases" / "release-001.json").exists()
    assert (out / "releases" / "new.json").exists()
    assert "release-001" not in {row[1] for row in index_rows(out)["files"]}


def test_force_redoes_everything(tmp_path: Path) -> None:
    make_releases(tmp_path / "in", 3)
    batch.run([tmp_path / "in"], tmp_path / "out", EngineOptions())
    summary = batch.run([tmp_path / "in"], tmp_path / "out", EngineOptions(), force=True)
    assert summary.processed == 3


def test_two_workers_give_the_same_output_as_one(tmp_path: Path) -> None:
    make_releases(tmp_path / "in", 20)
    batch.run([tmp_path / "in"], tmp_path / "one", EngineOptions(workers=1))
    batch.run([tmp_path / "in"], tmp_path / "two", EngineOptions(workers=2))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert index_rows(tmp_path / "one") == index_rows(tmp_path / "two")


def test_memory_zones_free_the_strings_of_new_documents_and_change_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import worker

    folder = tmp_path / "in"
    for i in range(3):
        text = f"Capital, 1 March 2024. Police registered {48_213 + i:,} zoneword{i} crimes.\n"
        (folder / f"z{i}.txt").parent.mkdir(exist_ok=True)
        (folder / f"z{i}.txt").write_text(text, encoding="utf-8")
    strings = worker.get_nlp(None).vocab.strings
    monkeypatch.setattr(worker, "_DOCS_READ", {})
    monkeypatch.setattr(worker, "WARM_UP_DOCS", 0)
    before = len(strings)
    batch.run([folder], tmp_path / "zone", EngineOptions())
    assert len(strings) == before and "zoneword1" not in strings
    monkeypatch.setattr(worker, "WARM_UP_DOCS", 10**9)
    batch.run([folder], tmp_path / "plain", EngineOptions())
    assert "zoneword1" in strings
    assert snapshot(tmp_path / "zone") == snapshot(tmp_path / "plain")


def test_bad_files_become_error_records(tmp_path: Path) -> None:
    make_releases(tmp_path / "in", 2)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF-1.4 not a real pdf")
    summary = batch.run([tmp_path / "in"], tmp_path / "out", EngineOptions())
    assert summary.processed == 2
    assert [(Path(e.source).name, e.code) for e in summary.errors] == [
        ("empty.txt", "E003"),
        ("scan.pdf", "E012"),
    ]


def test_time_limit_interrupts_slow_work() -> None:
    started = time.perf_counter()
    with pytest.raises(DocumentTimeout), time_limit(0.2):
        while True:
            time.sleep(0.01)
    assert time.perf_counter() - started < 2


def test_slow_document_becomes_e010_and_the_batch_goes_on(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pipeline import worker

    make_releases(tmp_path / "in", 3)
    (tmp_path / "in" / "release-001.txt").write_text("SLOW " * 10, encoding="utf-8")
    real_extract = worker._extract

    def extract_or_hang(nlp, pairs):  # type: ignore[no-untyped-def]
        if any("SLOW" in source.text for _, source in pairs):
            time.sleep(30)
        return real_extract(nlp, pairs)

    monkeypatch.setattr(worker, "_extract", extract_or_hang)
    summary = batch.run([tmp_path / "in"], tmp_path / "out", EngineOptions(timeout=0.5))
    assert summary.processed == 2
    assert [(Path(e.source).name, e.code) for e in summary.errors] == [("release-001.txt", "E010")]


@pytest.mark.slow
def test_kill_9_then_rerun_gives_the_uninterrupted_output(tmp_path: Path) -> None:
    """Kill real runs at several moments; the next run must complete them exactly."""
    make_releases(tmp_path / "in", 120)
    command = [str(Path(sys.executable).parent / "pressfacts"), "run", str(tmp_path / "in")]
    reference = tmp_path / "reference"
    subprocess.run([*command, "--out", str(reference)], check=True, capture_output=True)
    out = tmp_path / "out"
    killed_midway = 0
    for threshold in (5, 40, 80):
        process = subprocess.Popen(
            [*command, "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            if len(list((out / "releases").glob("*.json"))) >= threshold:
                break
            time.sleep(0.01)
        killed_midway += process.poll() is None
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    assert killed_midway >= 2, "the runs finished before they could be killed"
    done = subprocess.run([*command, "--out", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert snapshot(out) == snapshot(reference)
    assert index_rows(out) == index_rows(reference)
    assert not list(out.rglob("*.tmp"))


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_output_as_local(tmp_path: Path) -> None:
    make_releases(tmp_path / "in", 12)
    batch.run([tmp_path / "in"], tmp_path / "local", EngineOptions())
    summary = batch.run(
        [tmp_path / "in"], tmp_path / "dask", EngineOptions(engine="dask", workers=2)
    )
    assert summary.processed == 12
    assert snapshot(tmp_path / "local") == snapshot(tmp_path / "dask")


def test_leftovers_of_a_killed_writer_are_removed_and_runs_are_exclusive(tmp_path: Path) -> None:
    from pipeline.errors import PressfactsError
    from pipeline.store import exclusive

    make_releases(tmp_path / "in", 2)
    out = tmp_path / "out"
    batch.run([tmp_path / "in"], out, EngineOptions())
    (out / "releases" / ".release-000.json.abc123.tmp").write_text('{"half": ', encoding="utf-8")
    batch.run([tmp_path / "in"], out, EngineOptions())
    assert not list(out.rglob("*.tmp"))
    with exclusive(out), pytest.raises(PressfactsError) as info:
        batch.run([tmp_path / "in"], out, EngineOptions())
    assert info.value.code.name == "E013"
