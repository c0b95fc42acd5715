"""Batch runs: incremental, parallel, resumable.

A file is reprocessed only when its bytes or the pipeline fingerprint changed since it was
indexed. Each release's JSON is written atomically before its index rows, so a run killed at any
moment leaves nothing half-written, and the next run redoes exactly what is missing.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from . import index
from .checks.engine import corpus_flags
from .engines import EngineOptions, run_shards, shard
from .fingerprint import pipeline_fingerprint
from .ingest import supported
from .schema import CorpusFlag, ErrorRecord, Extraction
from .store import (
    CORPUS_FLAGS,
    ERRORS,
    RELEASES_DIR,
    dumps,
    dumps_list,
    exclusive,
    release_path,
    remove_partial_writes,
    sync_folder,
    write_atomic,
)
from .worker import Task

# progress(done, total, words_in_this_release): called once per processed or failed file.
ProgressFn = Callable[[int, int, int], None]
SHARD_SIZE = 8
# Index key: the files state the cross-release flags were last computed for.
CORPUS_STATE = "corpus_state"


@dataclass
class RunSummary:
    """What a run did, for the CLI to print."""

    releases: int = 0
    processed: int = 0
    reused: int = 0
    claims: int = 0
    dates: int = 0
    entities: int = 0
    flags: int = 0
    corpus_flags: int = 0
    words: int = 0
    seconds: float = 0.0
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


def _file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def run(
    inputs: Sequence[Path],
    out: Path,
    options: EngineOptions,
    *,
    force: bool = False,
    progress: ProgressFn | None = None,
) -> RunSummary:
    """Bring out/ up to date with the releases under inputs; return what was done."""
    started = time.perf_counter()
    paths = collect_files(inputs)
    ids = release_ids(paths)
    fingerprint = pipeline_fingerprint(options.model)
    with exclusive(out), closing(index.connect(out)) as con:
        remove_partial_writes(out)
        _forget_missing(con, out, [str(p) for p in paths], set(ids.values()))
        hashes = {p: _file_sha256(p) for p in paths}
        known = index.known_files(con)
        todo = [
            Task(ids[p], str(p))
            for p in paths
            if force
            or known.get(str(p)) != (ids[p], hashes[p], fingerprint)
            or not release_path(out, ids[p]).exists()
        ]
        summary = RunSummary(reused=len(paths) - len(todo))
        done = 0
        for outcomes in run_shards(shard(todo, SHARD_SIZE), options):
            done_files = [
                (o.extraction, hashes[Path(o.task.source)])
                for o in outcomes
                if o.extraction is not None
            ]
            _store(con, out, done_files, fingerprint)
            for outcome in outcomes:
                done += 1
                words = 0
                if outcome.error is not None:
                    summary.errors.append(outcome.error)
                elif outcome.extraction is not None:
                    summary.processed += 1
                    words = len(outcome.extraction.release.text.split())
                    summary.words += words
                if progress:
                    progress(done, len(todo), words)
        state = index.files_state(con)
        if force or index.get_meta(con, CORPUS_STATE) != state or not (out / CORPUS_FLAGS).exists():
            _corpus_step(con, out)
            index.set_meta(con, CORPUS_STATE, state)
        summary.errors.sort(key=lambda e: e.source)
        write_atomic(out / ERRORS, dumps_list(summary.errors))
        index.put_errors(con, summary.errors)
        _count(con, summary)
    summary.seconds = time.perf_counter() - started
    return summary


def _store(
    con: index.sqlite3.Connection,
    out: Path,
    done_files: list[tuple[Extraction, str]],
    fingerprint: str,
) -> None:
    """A shard's JSON first (each file atomically, then one sync of their folder), then the
    index rows that mark the files as done, in one transaction."""
    if not done_files:
        return
    for ex, _ in done_files:
        write_atomic(release_path(out, ex.release.id), dumps(ex), sync_parent=False)
    sync_folder(out / RELEASES_DIR)
    index.put_releases(con, [(ex, sha, fingerprint) for ex, sha in done_files])


def _forget_missing(
    con: index.sqlite3.Connection, out: Path, sources: list[str], ids: set[str]
) -> None:
    """Drop index rows and JSON files of releases no longer among the inputs."""
    index.drop_missing(con, sources)
    for path in (out / RELEASES_DIR).glob("*.json"):
        if path.stem not in ids:
            path.unlink()


def _corpus_step(con: index.sqlite3.Connection, out: Path) -> None:
    """Cross-release checks over every indexed release; each flag goes to the index as it is
    built, and all of them to JSON."""
    ids = [row["id"] for row in con.execute("SELECT id FROM releases ORDER BY id")]
    extractions = (
        Extraction.model_validate_json(release_path(out, rid).read_text(encoding="utf-8"))
        for rid in ids
    )
    with index.transaction(con):
        index.clear_corpus_flags(con)
        text = dumps_list(_indexed(con, corpus_flags(extractions)))
    write_atomic(out / CORPUS_FLAGS, text)


def _indexed(con: index.sqlite3.Connection, flags: Iterable[CorpusFlag]) -> Iterator[CorpusFlag]:
    """Each flag, once its index rows are inserted."""
    for flag in flags:
        index.add_corpus_flag(con, flag)
        yield flag


def _count(con: index.sqlite3.Connection, summary: RunSummary) -> None:
    def scalar(sql: str) -> int:
        return int(con.execute(sql).fetchone()[0])

    summary.releases = scalar("SELECT COUNT(*) FROM releases")
    summary.claims = scalar("SELECT COUNT(*) FROM claims")
    summary.dates = scalar("SELECT COUNT(*) FROM dates")
    summary.entities = scalar("SELECT COUNT(*) FROM entities")
    summary.flags = scalar("SELECT COUNT(*) FROM flags WHERE severity != 'info'")
    summary.corpus_flags = scalar("SELECT COUNT(*) FROM corpus_flags WHERE severity != 'info'")
