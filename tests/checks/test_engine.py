"""The check engine: ids, ordering, unbounded intervals, and isolation of a crashing check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pipeline.checks import engine
from pipeline.checks.engine import run_corpus_checks, run_release_checks
from pipeline.checks.registry import Check, Finding
from pipeline.schema import Extraction

from .conftest import make_extraction

TEXT = "Police registered 1,200 crimes, over 300 of them thefts, and solved 85% of them."


def open_ended(extraction: Extraction) -> Iterator[Finding]:
    """Yields one finding whose expected interval has no upper end."""
    yield Finding(
        claims=["c2"], message="at least 300", stated=300.0, expected=(300.0, float("inf"))
    )


def crashing(extraction: Extraction) -> Iterator[Finding]:
    """Always fails, as a buggy check would."""
    raise ValueError("substring not found")
    yield  # pragma: no cover


def test_flags_get_ids_in_text_order_and_unbounded_ends_become_null() -> None:
    extraction = make_extraction(TEXT, ["1,200", "300", "85%"])
    checks = [Check("b_open.v1", "release", "warning", open_ended)]
    (flag,) = run_release_checks(extraction, checks)
    assert (flag.id, flag.check, flag.severity, flag.claims) == (
        "f1",
        "b_open.v1",
        "warning",
        ["c2"],
    )
    assert flag.expected is not None
    assert (flag.expected.low, flag.expected.high) == (300.0, None)


def test_a_crashing_check_becomes_an_info_flag_and_the_others_still_run() -> None:
    extraction = make_extraction(TEXT, ["1,200", "300", "85%"])
    checks = [
        Check("a_crash.v1", "release", "error", crashing),
        Check("b_open.v1", "release", "warning", open_ended),
    ]
    flags = run_release_checks(extraction, checks)
    assert [(f.check, f.severity) for f in flags] == [
        ("a_crash.v1", "info"),
        ("b_open.v1", "warning"),
    ]
    assert "could not run" in flags[0].message and "substring not found" in flags[0].message


def test_corpus_checks_are_isolated_too() -> None:
    extraction = make_extraction(TEXT, ["1,200"])
    flags = run_corpus_checks([extraction], [Check("a_crash.v1", "corpus", "error", crashing)])
    assert [(f.id, f.severity, f.claims) for f in flags] == [("x1", "info", [])]


def test_a_release_the_index_cannot_read_is_left_out_with_an_info_flag(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = make_extraction(TEXT, ["1,200"], release_id="good")
    bad = make_extraction(TEXT, ["1,200"], release_id="bad")
    real_index = engine.index

    def index(extractions: list[Extraction]) -> Iterator[object]:
        if extractions[0].release.id == "bad":
            raise ValueError("substring not found")
        return real_index(extractions)

    monkeypatch.setattr(engine, "index", index)
    flags = run_corpus_checks([bad, good], [Check("b_open.v1", "corpus", "warning", open_ended)])
    assert [(f.check, f.severity) for f in flags] == [
        ("b_open.v1", "warning"),
        ("corpus_index", "info"),
    ]
    assert "release bad is left out" in flags[1].message
