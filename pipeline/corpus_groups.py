"""The cross-release index on disk, by group, so that corpus checks run in flat memory.

A corpus check relates only entries of one group (one source and period, say: its `group_by`).
The corpus step pickles each release's entries once into a temporary SQLite database, files
them under every group a check puts them in, and reads the groups back one at a time: memory
holds one group and a bounded cache of releases, not the corpus. Within a group, entries keep
the order of the whole index.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from .checks.registry import Check, GroupBy
from .corpus import Entry

CACHED_RELEASES = 64
"""How many releases' entries stay unpickled while groups are read."""
_SCHEMA = """
CREATE TABLE releases (id INTEGER PRIMARY KEY, entries BLOB NOT NULL);
CREATE TABLE members (
    check_id TEXT NOT NULL,
    key TEXT NOT NULL,
    release INTEGER NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (check_id, key, release, position)
) WITHOUT ROWID;
"""


class EntryGroups:
    """Entries pickled into a private temporary database, filed under each check's groups."""

    def __init__(self) -> None:
        self._con = sqlite3.connect("")  # "": a temporary database on disk, deleted on close
        self._con.executescript(_SCHEMA)
        self._releases = 0
        self._entries = lru_cache(maxsize=CACHED_RELEASES)(self._unpickle)

    def add(self, entries: Sequence[Entry], checks: Sequence[Check]) -> None:
        """File one release's entries under the groups of every check."""
        release = self._releases
        self._releases += 1
        position = {id(e): i for i, e in enumerate(entries)}
        grouped: dict[GroupBy | None, list[tuple[str, int]]] = {}  # checks may share a group_by
        members: set[tuple[str, str, int, int]] = set()
        for check in checks:
            if check.group_by not in grouped:
                pairs = check.group_by(entries) if check.group_by else (("", e) for e in entries)
                grouped[check.group_by] = [(repr(key), position[id(e)]) for key, e in pairs]
            members.update((check.id, key, release, at) for key, at in grouped[check.group_by])
        if members:
            blob = pickle.dumps(list(entries), pickle.HIGHEST_PROTOCOL)
            self._con.execute("INSERT INTO releases VALUES (?, ?)", (release, blob))
            self._con.executemany("INSERT INTO members VALUES (?, ?, ?, ?)", sorted(members))

    def groups(self) -> Iterator[tuple[str, list[Entry]]]:
        """(check id, entries) for every group of every check, one at a time.

        Groups come in the order of their first release, so the releases they share are
        unpickled about once.
        """
        rows = self._con.execute(
            "SELECT m.check_id, m.key, m.release, m.position FROM members m JOIN"
            " (SELECT check_id, key, MIN(release) AS first FROM members GROUP BY check_id, key)"
            " USING (check_id, key) ORDER BY first, m.check_id, m.key, m.release, m.position"
        )
        for (check_id, _), group in groupby(rows, key=itemgetter(0, 1)):
            yield check_id, [self._entries(release)[position] for _, _, release, position in group]

    def _unpickle(self, release: int) -> list[Entry]:
        (blob,) = self._con.execute(
            "SELECT entries FROM releases WHERE id = ?", (release,)
        ).fetchone()
        entries: list[Entry] = pickle.loads(blob)
        return entries

    def close(self) -> None:
        """Delete the temporary database."""
        self._con.close()
