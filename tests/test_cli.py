"""The pressfacts command as a user runs it: real processes, real files, documented exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import __version__

RELEASE = (
    "Ministry of Internal Affairs\n\n"
    "Baku, 14 February 2024. In 2023 the police registered 12,540 crimes, 3.2 percent fewer "
    "than in 2022. Of them, 86.7% were solved.\n"
)


def pressfacts(*args: str, seed: str = "0", cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed console command in a fresh process with the given hash seed."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [str(Path(sys.executable).parent / "pressfacts"), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "mia-2023.txt").write_text(RELEASE, encoding="utf-8")
    (folder / "health-2023.md").write_text(
        "---\ntitle: Measles\ndate: 2024-03-05\n---\nThe Ministry of Health registered 1,204 "
        "cases of measles in 2023.\n",
        encoding="utf-8",
    )
    return folder


def test_version() -> None:
    result = pressfacts("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"pressfacts {__version__}"


def test_run_writes_one_extraction_per_release_and_corpus_flags(
    inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = pressfacts("run", str(inputs), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "releases 2" in result.stdout and "errors 0" in result.stdout
    assert sorted(p.name for p in (out / "releases").iterdir()) == [
        "health-2023.json",
        "mia-2023.json",
    ]
    extraction = json.loads((out / "releases" / "mia-2023.json").read_text(encoding="utf-8"))
    text = extraction["release"]["text"]
    assert text == RELEASE
    for claim in extraction["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
    assert any(c["value"] == 12540 for c in extraction["claims"])
    assert isinstance(json.loads((out / "corpus-flags.json").read_text(encoding="utf-8")), list)
    assert json.loads((out / "errors.json").read_text(encoding="utf-8")) == []


def test_bad_files_become_error_records_and_exit_1(inputs: Path, tmp_path: Path) -> None:
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x00\xff" * 100)
    out = tmp_path / "out"
    result = pressfacts("run", str(inputs), "--out", str(out))
    assert result.returncode == 1
    errors = json.loads((out / "errors.json").read_text(encoding="utf-8"))
    assert [(Path(e["source"]).name, e["code"]) for e in errors] == [
        ("binary.txt", "E004"),
        ("empty.txt", "E003"),
    ]
    assert len(list((out / "releases").iterdir())) == 2


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = pressfacts("run", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2


def test_unknown_model_is_a_usage_error(inputs: Path, tmp_path: Path) -> None:
    result = pressfacts("run", str(inputs), "--out", str(tmp_path / "o"), "--model", "xx_nothing")
    assert result.returncode == 2
    assert "E008" in result.stderr


def test_extract_prints_one_extraction(inputs: Path) -> None:
    result = pressfacts("extract", str(inputs / "mia-2023.txt"), "--published", "2024-02-14")
    assert result.returncode == 0, result.stderr
    extraction = json.loads(result.stdout)
    assert extraction["release"]["published"] == "2024-02-14"
    assert extraction["release"]["published_basis"] == "option"


def test_schema_command_prints_the_committed_schema() -> None:
    from tests.paths import ROOT

    result = pressfacts("schema")
    committed = (ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8")
    assert result.returncode == 0
    assert result.stdout == committed


def test_output_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    """quantulum3 and set iteration depend on PYTHONHASHSEED; our JSON must not."""
    from tests.paths import CORPUS, SHARED_EVAL

    folder = SHARED_EVAL / "dev" if SHARED_EVAL.is_dir() else CORPUS
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        result = pressfacts("run", str(folder), "--out", str(out), seed=seed)
        assert result.returncode in (0, 1), result.stderr
        outputs.append({p.name: p.read_bytes() for p in sorted(out.rglob("*.json"))})
    assert len(outputs[0]) > 10
    assert outputs[0] == outputs[1]


def test_export_jsonl_and_csv(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert pressfacts("run", str(inputs), "--out", str(out)).returncode == 0
    lines = pressfacts("export", str(out), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["release"]["id"] for line in lines] == ["health-2023", "mia-2023"]
    rows = pressfacts(
        "export", str(out), "--format", "csv", "--table", "claims"
    ).stdout.splitlines()
    assert rows[0].startswith("release_id,id,start,end,text,value")
    claims = sum(len(json.loads(line)["claims"]) for line in lines)
    assert len(rows) == claims + 1
    assert pressfacts("export", str(out), "--format", "xml").returncode == 2


def test_checks_lists_every_registered_check_with_its_rule() -> None:
    from pipeline.checks.registry import checks_for

    result = pressfacts("checks")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    registered = checks_for("release") + checks_for("corpus")
    assert len(lines) == len(registered) >= 5
    for line, check in zip(lines, registered, strict=True):
        assert line.split()[:3] == [check.id, check.scope, check.severity]
        assert check.rule and check.rule.split()[-1] in line
