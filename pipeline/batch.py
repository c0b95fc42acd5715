"""Batch runs: files in, one Extraction per release out, cross-release flags, error records."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from .checks.engine import run_corpus_checks
from .errors import ErrorCode, PressfactsError
from .extract import extract_docs
from .ingest import SourceDocument, read_source, supported
from .schema import ErrorRecord, Extraction
from .store import CORPUS_FLAGS, ERRORS, dumps, dumps_list, release_path, write_atomic

ProgressFn = Callable[[str, int, int], None]


@dataclass
class RunSummary:
    """What a run did, for the CLI to print."""

    releases: int = 0
    claims: int = 0
    dates: int = 0
    entities: int = 0
    flags: int = 0
    corpus_flags: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)


def collect_files(inputs: Sequence[Path]) -> list[Path]:
    """Every supported file under the inputs (files or folders), sorted, without duplicates.

    In folders, names starting with "_" or "." are skipped: they hold notes and annotations.
    """
    found: set[Path] = set()
    for item in inputs:
        if item.is_dir():
            found.update(
                p
                for p in item.rglob("*")
                if p.is_file() and supported(p) and not p.name.startswith(("_", "."))
            )
        else:
            found.add(item)
    return sorted(found)


def release_ids(paths: Sequence[Path]) -> dict[Path, str]:
    """A stable id per file: its stem, made unique with a path hash when stems collide."""
    stems: dict[str, list[Path]] = {}
    for path in paths:
        stems.setdefault(_slug(path.stem), []).append(path)
    ids = {}
    for stem, members in stems.items():
        for path in members:
            suffix = hashlib.sha1(str(path).encode()).hexdigest()[:8]
            ids[path] = stem if len(members) == 1 else f"{stem}-{suffix}"
    return ids


def _slug(stem: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-") or "release"


def read_all(
    paths: Sequence[Path], ids: dict[Path, str], errors: list[ErrorRecord]
) -> Iterator[tuple[str, SourceDocument]]:
    """Read each file; a file that cannot be read becomes an error record, the rest go on."""
    for path in paths:
        try:
            yield ids[path], read_source(path)
        except PressfactsError as e:
            errors.append(ErrorRecord(source=str(path), code=e.code.name, message=e.message))


def extract_isolated(
    nlp: Language,
    pairs: Iterable[tuple[str, SourceDocument]],
    errors: list[ErrorRecord],
    *,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Extract in batches; redo a failed batch one document at a time to isolate the bad one."""
    batch: list[tuple[str, SourceDocument]] = []
    for pair in pairs:
        batch.append(pair)
        if len(batch) >= batch_size:
            yield from _extract_batch(nlp, batch, errors)
            batch = []
    if batch:
        yield from _extract_batch(nlp, batch, errors)


def _extract_batch(
    nlp: Language, batch: list[tuple[str, SourceDocument]], errors: list[ErrorRecord]
) -> Iterator[Extraction]:
    try:
        results = list(extract_docs(nlp, batch, batch_size=len(batch)))
    except Exception:  # noqa: BLE001  (isolated and recorded per document below)
        results = []
        for pair in batch:
            try:
                results.extend(extract_docs(nlp, [pair]))
            except Exception as e:  # noqa: BLE001  (one bad document must not stop the batch)
                error = PressfactsError(ErrorCode.E009, path=pair[1].source, detail=repr(e))
                errors.append(
                    ErrorRecord(source=pair[1].source, code=error.code.name, message=error.message)
                )
    yield from results


def run(
    nlp: Language,
    inputs: Sequence[Path],
    out: Path,
    *,
    progress: ProgressFn | None = None,
) -> RunSummary:
    """Process every release under inputs into out/; return what was done."""
    paths = collect_files(inputs)
    ids = release_ids(paths)
    summary = RunSummary()
    extractions: list[Extraction] = []
    pairs = read_all(paths, ids, summary.errors)
    for extraction in extract_isolated(nlp, pairs, summary.errors):
        write_atomic(release_path(out, extraction.release.id), dumps(extraction))
        extractions.append(extraction)
        summary.releases += 1
        summary.claims += len(extraction.claims)
        summary.dates += len(extraction.dates)
        summary.entities += len(extraction.entities)
        summary.flags += sum(f.severity != "info" for f in extraction.flags)
        if progress:
            progress(extraction.release.id, summary.releases, len(paths))
    corpus_flags = run_corpus_checks(extractions)
    summary.corpus_flags = sum(f.severity != "info" for f in corpus_flags)
    write_atomic(out / CORPUS_FLAGS, dumps_list(corpus_flags))
    summary.errors.sort(key=lambda e: e.source)
    write_atomic(out / ERRORS, dumps_list(summary.errors))
    return summary
