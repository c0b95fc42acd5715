"""The corpus checks run group by group give exactly the flags of the whole index at once."""

from __future__ import annotations

import importlib.util
import random
from contextlib import closing
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.batch import collect_files, release_ids
from pipeline.checks.engine import run_corpus_checks
from pipeline.checks.registry import checks_for
from pipeline.corpus import index
from pipeline.corpus_groups import EntryGroups
from pipeline.extract import extract_docs
from pipeline.ingest import SourceDocument, read_source
from pipeline.schema import Extraction

from .paths import CORPUS, ROOT, SHARED_EVAL


def _extract(nlp: Language, named: list[tuple[str, SourceDocument]]) -> list[Extraction]:
    """Extractions in release-id order, the order the corpus step reads them in."""
    return sorted(extract_docs(nlp, named), key=lambda ex: ex.release.id)


def _extract_folder(nlp: Language, folder: Path) -> list[Extraction]:
    paths = collect_files([folder])
    ids = release_ids(paths)
    return _extract(nlp, [(ids[p], read_source(p)) for p in paths])


@pytest.fixture(scope="module")
def corpus(nlp: Language) -> list[Extraction]:
    return _extract_folder(nlp, CORPUS)


@pytest.fixture(scope="module")
def dev(nlp: Language) -> list[Extraction]:
    if not (SHARED_EVAL / "dev").is_dir():
        pytest.skip("the shared dev set is not present")
    return _extract_folder(nlp, SHARED_EVAL / "dev")


@pytest.fixture(scope="module")
def generated(nlp: Language) -> list[Extraction]:
    """56 releases made by the benchmark's generator: corpus/ four times, a year back each."""
    spec = importlib.util.spec_from_file_location("benchmark", ROOT / "scripts" / "benchmark.py")
    assert spec is not None and spec.loader is not None
    benchmark = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(benchmark)
    rng, texts = random.Random(7), benchmark.corpus_texts()
    named = [
        (f"gen-{i:03d}", SourceDocument(source=f"gen-{i:03d}.txt", format="txt", text=text))
        for i, text in enumerate(
            benchmark.vary(texts[i % len(texts)], rng, years_back=i // len(texts))
            for i in range(4 * len(texts))
        )
    ]
    return _extract(nlp, named)


def whole_index_flags(extractions: list[Extraction]) -> list[tuple[object, ...]]:
    """What every corpus check finds over the whole index held in memory at once."""
    entries = list(index(extractions))
    found = [(c.id, f) for c in checks_for("corpus") for f in c.func(entries)]
    found.sort(key=lambda cf: (cf[0], [tuple(c) for c in cf[1].claims]))
    return [(check, [tuple(c) for c in f.claims], f.message, f.stated) for check, f in found]


def grouped_flags(extractions: list[Extraction]) -> list[tuple[object, ...]]:
    return [
        (f.check, [(c.release, c.claim) for c in f.claims], f.message, f.stated)
        for f in run_corpus_checks(extractions)
    ]


@pytest.mark.slow
def test_grouped_checks_equal_the_whole_index_on_corpus(corpus: list[Extraction]) -> None:
    expected = whole_index_flags(corpus)
    assert {flag[0] for flag in expected} >= {"earlier_change.v1", "ytd_totals.v1"}
    assert grouped_flags(corpus) == expected


@pytest.mark.slow
def test_grouped_checks_equal_the_whole_index_on_dev(dev: list[Extraction]) -> None:
    expected = whole_index_flags(dev)
    assert "ytd_change_series.v1" in {flag[0] for flag in expected}
    assert grouped_flags(dev) == expected


@pytest.mark.slow
def test_grouped_checks_equal_the_whole_index_on_generated_releases(
    generated: list[Extraction],
) -> None:
    expected = whole_index_flags(generated)
    assert {"earlier_change.v1", "revised_level.v1", "ytd_totals.v1"} <= {f[0] for f in expected}
    assert len(expected) > 50
    assert grouped_flags(generated) == expected


def largest_group(extractions: list[Extraction]) -> int:
    """Entries in the largest group of any corpus check."""
    checks = checks_for("corpus")
    with closing(EntryGroups()) as groups:
        for extraction in extractions:
            groups.add(list(index([extraction])), checks)
        return max(len(group) for _, group in groups.groups())


@pytest.mark.slow
def test_the_largest_group_does_not_grow_with_the_corpus(generated: list[Extraction]) -> None:
    """A fourth round of the same sources a year further back: about the same largest group.

    A year's group fills up with the three rounds that report on it (corpus/ spans 2022-2024).
    """
    three = [ex for ex in generated if int(ex.release.id[-3:]) < len(generated) * 3 // 4]
    assert len(list(index(generated))) > 1.3 * len(list(index(three)))
    assert largest_group(generated) < 1.05 * largest_group(three)
