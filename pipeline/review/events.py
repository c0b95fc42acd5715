"""The review event log: every reviewer action, append-only, in OUT/review.sqlite.

The log is kept apart from the extraction and from index.sqlite: a new run of the pipeline never
touches it, and nothing in it is ever updated or deleted (SQLite triggers refuse both). An undo
is one more event that names the event it takes back.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

REVIEW_FILE = "review.sqlite"

Action = Literal["accept", "reject", "correct", "add", "confirm", "dismiss", "undo"]
ACTIONS: tuple[str, ...] = get_args(Action)

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    release_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    data TEXT NOT NULL,
    reason TEXT,
    created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_release ON events (release_id, id);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
"""


@dataclass(frozen=True)
class Event:
    """One reviewer action on a release.

    `target` is the claim or flag id the action was taken on (for `undo`: the id of the event
    taken back); `data` holds what the action needs (corrected fields, an added claim) and the
    anchor that finds the claim or flag again after a re-run renumbers them.
    """

    id: int
    release_id: str
    action: Action
    target: str | None
    data: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None
    created: str = ""


class EventLog:
    """The append-only event log of one output folder."""

    def __init__(self, out: Path) -> None:
        self.path = out / REVIEW_FILE
        with self._connect() as con:
            con.executescript(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=30)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA journal_mode=WAL")
        return con

    def append(
        self,
        release_id: str,
        action: Action,
        target: str | None = None,
        data: dict[str, Any] | None = None,
        reason: str | None = None,
    ) -> Event:
        """Record one action now and return it as stored."""
        if action not in ACTIONS:
            raise ValueError(f"unknown review action {action!r}")
        created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        payload = json.dumps(data or {}, ensure_ascii=False, sort_keys=True)
        con = self._connect()
        try:
            with con:
                cursor = con.execute(
                    "INSERT INTO events (release_id, action, target, data, reason, created) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (release_id, action, target, payload, reason or None, created),
                )
        finally:
            con.close()
        return Event(
            int(cursor.lastrowid or 0), release_id, action, target, data or {}, reason, created
        )

    def events(self, release_id: str | None = None) -> list[Event]:
        """Every event of one release (or of all releases), oldest first."""
        con = self._connect()
        try:
            if release_id is None:
                rows = con.execute("SELECT * FROM events ORDER BY id").fetchall()
            else:
                rows = con.execute(
                    "SELECT * FROM events WHERE release_id = ? ORDER BY id", (release_id,)
                ).fetchall()
        finally:
            con.close()
        return [_event(row) for row in rows]


def _event(row: sqlite3.Row) -> Event:
    return Event(
        id=row["id"],
        release_id=row["release_id"],
        action=row["action"],
        target=row["target"],
        data=json.loads(row["data"]),
        reason=row["reason"],
        created=row["created"],
    )


def effective(events: Iterable[Event]) -> list[Event]:
    """The events that still count: not undo events, and not taken back by one."""
    events = list(events)
    undone = {e.target for e in events if e.action == "undo"}
    return [e for e in events if e.action != "undo" and str(e.id) not in undone]
