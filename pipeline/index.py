"""The SQLite index of an output folder: releases, claims, dates, entities, flags, links.

It is the one place the notebooks, the report and the review app read. Each release's rows are
replaced in one transaction, so the index is always consistent with the JSON files beside it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .schema import CorpusFlag, ErrorRecord, Extraction

INDEX_FILE = "index.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY,
    release_id TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    fingerprint TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS releases (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    title TEXT,
    issuer TEXT,
    published TEXT,
    published_basis TEXT,
    period_start TEXT,
    period_end TEXT,
    text_sha256 TEXT NOT NULL,
    claims INTEGER NOT NULL,
    flags INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    release_id TEXT NOT NULL,
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    value REAL NOT NULL,
    value_text TEXT NOT NULL,
    unit TEXT,
    kind TEXT NOT NULL,
    normalized_value REAL NOT NULL,
    normalized_unit TEXT,
    qualifier TEXT,
    measure TEXT,
    period_id TEXT,
    period_start TEXT,
    period_end TEXT,
    change_direction TEXT,
    compared_to TEXT,
    per_value REAL,
    per_unit TEXT,
    of_claim TEXT,
    PRIMARY KEY (release_id, id)
);
CREATE TABLE IF NOT EXISTS dates (
    release_id TEXT NOT NULL,
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    granularity TEXT NOT NULL,
    PRIMARY KEY (release_id, id)
);
CREATE TABLE IF NOT EXISTS entities (
    release_id TEXT NOT NULL,
    id TEXT NOT NULL,
    label TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (release_id, id)
);
CREATE TABLE IF NOT EXISTS flags (
    release_id TEXT NOT NULL,
    id TEXT NOT NULL,
    check_id TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    claims TEXT NOT NULL,
    stated REAL,
    expected_low REAL,
    expected_high REAL,
    PRIMARY KEY (release_id, id)
);
CREATE TABLE IF NOT EXISTS corpus_flags (
    id TEXT PRIMARY KEY,
    check_id TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    stated REAL,
    expected_low REAL,
    expected_high REAL
);
CREATE TABLE IF NOT EXISTS corpus_flag_claims (
    flag_id TEXT NOT NULL,
    release_id TEXT NOT NULL,
    claim_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS errors (
    source TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_measure ON claims (kind, measure);
CREATE INDEX IF NOT EXISTS corpus_flag_claims_release ON corpus_flag_claims (release_id);
"""
RELEASE_TABLES = ("claims", "dates", "entities", "flags", "releases")


def connect(out: Path) -> sqlite3.Connection:
    """Open (creating if needed) the index of an output folder, in WAL mode."""
    out.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(out / INDEX_FILE, timeout=30)
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript(SCHEMA)
    return con


@contextmanager
def transaction(con: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Commit on success, roll back on any error."""
    try:
        yield con
        con.commit()
    except BaseException:
        con.rollback()
        raise


def put_release(
    con: sqlite3.Connection, ex: Extraction, content_sha256: str, fingerprint: str
) -> None:
    """Replace every row of one release, and remember the file it came from."""
    put_releases(con, [(ex, content_sha256, fingerprint)])


def put_releases(con: sqlite3.Connection, releases: Sequence[tuple[Extraction, str, str]]) -> None:
    """put_release for several (extraction, content sha256, fingerprint), in one transaction."""
    with transaction(con):
        for ex, content_sha256, fingerprint in releases:
            rid = ex.release.id
            for table in RELEASE_TABLES:
                column = "id" if table == "releases" else "release_id"
                con.execute(f"DELETE FROM {table} WHERE {column} = ?", (rid,))
            _insert_release(con, ex)
            con.execute(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                (ex.release.source, rid, content_sha256, fingerprint),
            )


def _insert_release(con: sqlite3.Connection, ex: Extraction) -> None:
    r = ex.release
    period = r.reporting_period
    con.execute(
        "INSERT INTO releases VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            r.id,
            r.source,
            r.format,
            r.title,
            r.issuer,
            r.published.isoformat() if r.published else None,
            r.published_basis,
            period.start.isoformat() if period else None,
            period.end.isoformat() if period else None,
            r.text_sha256,
            len(ex.claims),
            sum(f.severity != "info" for f in ex.flags),
        ),
    )
    dates = {d.id: d for d in ex.dates}
    con.executemany(
        "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.id,
                c.id,
                c.start,
                c.end,
                c.text,
                c.value,
                c.value_text,
                c.unit,
                c.kind,
                c.normalized.value,
                c.normalized.unit,
                c.qualifier,
                c.measure,
                c.period,
                dates[c.period].start_date.isoformat() if c.period in dates else None,
                dates[c.period].end_date.isoformat() if c.period in dates else None,
                c.change.direction if c.change else None,
                c.change.compared_to if c.change else None,
                c.per.value if c.per else None,
                c.per.unit if c.per else None,
                c.of,
            )
            for c in ex.claims
        ],
    )
    con.executemany(
        "INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (r.id, d.id, d.start, d.end, d.text, str(d.start_date), str(d.end_date), d.granularity)
            for d in ex.dates
        ],
    )
    con.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
        [(r.id, e.id, e.label, e.name, len(e.mentions)) for e in ex.entities],
    )
    con.executemany(
        "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.id,
                f.id,
                f.check,
                f.severity,
                f.message,
                json.dumps(f.claims),
                f.stated,
                f.expected.low if f.expected else None,
                f.expected.high if f.expected else None,
            )
            for f in ex.flags
        ],
    )


def drop_missing(con: sqlite3.Connection, sources: Sequence[str]) -> None:
    """Forget files that are no longer among the inputs of a run, and their releases."""
    keep = set(sources)
    gone = [
        row["source"]
        for row in con.execute("SELECT source FROM files")
        if row["source"] not in keep
    ]
    with transaction(con):
        for source in gone:
            row = con.execute("SELECT release_id FROM files WHERE source = ?", (source,)).fetchone()
            for table in RELEASE_TABLES:
                column = "id" if table == "releases" else "release_id"
                con.execute(f"DELETE FROM {table} WHERE {column} = ?", (row["release_id"],))
            con.execute("DELETE FROM files WHERE source = ?", (source,))


def put_corpus_flags(con: sqlite3.Connection, flags: Iterable[CorpusFlag]) -> None:
    """Replace all cross-release flags and their links to claims."""
    with transaction(con):
        clear_corpus_flags(con)
        for flag in flags:
            add_corpus_flag(con, flag)


def clear_corpus_flags(con: sqlite3.Connection) -> None:
    """Delete every cross-release flag (inside the caller's transaction)."""
    con.execute("DELETE FROM corpus_flags")
    con.execute("DELETE FROM corpus_flag_claims")


def add_corpus_flag(con: sqlite3.Connection, flag: CorpusFlag) -> None:
    """Insert one cross-release flag and its links to claims (inside the caller's transaction)."""
    expected = flag.expected
    con.execute(
        "INSERT INTO corpus_flags VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            flag.id,
            flag.check,
            flag.severity,
            flag.message,
            flag.stated,
            expected.low if expected else None,
            expected.high if expected else None,
        ),
    )
    con.executemany(
        "INSERT INTO corpus_flag_claims VALUES (?, ?, ?)",
        [(flag.id, ref.release, ref.claim) for ref in flag.claims],
    )


def put_errors(con: sqlite3.Connection, errors: Sequence[ErrorRecord]) -> None:
    """Replace the error records of the latest run."""
    with transaction(con):
        con.execute("DELETE FROM errors")
        con.executemany(
            "INSERT INTO errors VALUES (?, ?, ?)", [(e.source, e.code, e.message) for e in errors]
        )


def known_files(con: sqlite3.Connection) -> dict[str, tuple[str, str, str]]:
    """source → (release id, content sha256, pipeline fingerprint) of every indexed file."""
    rows = con.execute("SELECT source, release_id, content_sha256, fingerprint FROM files")
    return {r["source"]: (r["release_id"], r["content_sha256"], r["fingerprint"]) for r in rows}


def files_state(con: sqlite3.Connection) -> str:
    """A hash of every indexed file's release id, content and fingerprint."""
    rows = con.execute(
        "SELECT source, release_id, content_sha256, fingerprint FROM files ORDER BY source"
    )
    return hashlib.sha256(json.dumps([tuple(r) for r in rows]).encode()).hexdigest()


def get_meta(con: sqlite3.Connection, key: str) -> str | None:
    """A value stored with set_meta, or None."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row["value"])


def set_meta(con: sqlite3.Connection, key: str, value: str) -> None:
    """Store a small value in the index."""
    with transaction(con):
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
