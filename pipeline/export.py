"""Exports of an output folder: extractions as JSON Lines, index tables as CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from . import index
from .store import RELEASES_DIR

# Each exportable table with the order its rows are written in (text order within a release).
TABLES = {
    "releases": "id",
    "claims": "release_id, start, id",
    "dates": "release_id, start, id",
    "entities": "release_id, CAST(SUBSTR(id, 2) AS INTEGER)",
    "flags": "release_id, CAST(SUBSTR(id, 2) AS INTEGER)",
    "corpus_flags": "CAST(SUBSTR(id, 2) AS INTEGER)",
    "errors": "source",
}


def iter_jsonl(out: Path) -> Iterator[str]:
    """One line per release: its Extraction as compact JSON, in release id order."""
    for path in sorted((out / RELEASES_DIR).glob("*.json")):
        extraction = json.loads(path.read_text(encoding="utf-8"))
        yield json.dumps(extraction, ensure_ascii=False, separators=(",", ":")) + "\n"


def table_csv(out: Path, table: str) -> str:
    """One index table as CSV with a header row, in primary-key order."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    con = index.connect(out)
    try:
        cursor = con.execute(f"SELECT * FROM {table} ORDER BY {TABLES[table]}")
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([d[0] for d in cursor.description])
        writer.writerows(tuple(row) for row in cursor)
        return buffer.getvalue()
    finally:
        con.close()
