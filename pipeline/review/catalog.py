"""The releases of an output folder as the review app sees them: by id, listed and filtered.

Releases are known by their id in index.sqlite only; a file is read from the path the id maps
to inside OUT/releases, never from a path a request supplies.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import index
from ..schema import Extraction
from ..store import RELEASES_DIR, release_path
from .events import Event, EventLog, effective
from .state import RAISED, Anchor, ReleaseStatus, ReviewedRelease, derive, fold, release_status

RELEASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def release_ids(out: Path) -> set[str]:
    """Every release id in the index of an output folder."""
    con = index.connect(out)
    try:
        return {row["id"] for row in con.execute("SELECT id FROM releases")}
    finally:
        con.close()


def load_extraction(out: Path, rid: str) -> Extraction:
    """The Extraction of a release known to the index; KeyError for any other id."""
    if not RELEASE_ID.fullmatch(rid) or rid not in release_ids(out):
        raise KeyError(rid)
    path = release_path(out, rid).resolve()
    if path.parent != (out / RELEASES_DIR).resolve() or not path.is_file():
        raise KeyError(rid)
    return Extraction.model_validate_json(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Filters:
    """What the releases list is narrowed to; None means any."""

    issuer: str | None = None
    year: str | None = None
    severity: str | None = None
    status: str | None = None
    q: str | None = None


@dataclass(frozen=True)
class ReleaseRow:
    """One line of the releases list."""

    id: str
    title: str | None
    issuer: str | None
    published: str | None
    period: str | None
    years: frozenset[str]
    claims: int
    decided: int
    open_flags: dict[str, int]
    status: ReleaseStatus

    @property
    def open_total(self) -> int:
        """Open error and warning flags."""
        return sum(self.open_flags.get(s, 0) for s in RAISED)


class Catalog:
    """Read access to the releases of one output folder and their review."""

    def __init__(self, out: Path, log: EventLog) -> None:
        self.out = out
        self.log = log

    def reviewed(self, rid: str) -> ReviewedRelease:
        """The reviewed state of one release; KeyError for an unknown id."""
        return derive(load_extraction(self.out, rid), self.log.events(rid))

    def rows(self) -> list[ReleaseRow]:
        """Every release with its review progress, newest first."""
        return self._all_rows()

    def narrow(self, rows: list[ReleaseRow], filters: Filters) -> list[ReleaseRow]:
        """The rows that pass the filters; the search reads each remaining release's text."""
        kept = [r for r in rows if _keep(r, filters)]
        if filters.q:
            needle = filters.q.casefold()
            kept = [r for r in kept if needle in self._haystack(r)]
        return kept

    def _haystack(self, row: ReleaseRow) -> str:
        text = load_extraction(self.out, row.id).release.text
        return " ".join([row.id, row.title or "", row.issuer or "", text]).casefold()

    def _all_rows(self) -> list[ReleaseRow]:
        con = index.connect(self.out)
        try:
            releases = con.execute("SELECT * FROM releases").fetchall()
            claims: dict[str, dict[str, Anchor]] = defaultdict(dict)
            for c in con.execute("SELECT release_id, id, start, end, text FROM claims"):
                claims[c["release_id"]][c["id"]] = (c["start"], c["end"], c["text"])
            flags: dict[str, dict[str, Anchor]] = defaultdict(dict)
            severity: dict[tuple[str, str], str] = {}
            for f in con.execute("SELECT release_id, id, check_id, message, severity FROM flags"):
                flags[f["release_id"]][f["id"]] = (f["check_id"], f["message"])
                severity[f["release_id"], f["id"]] = f["severity"]
        finally:
            con.close()
        events: dict[str, list[Event]] = defaultdict(list)
        for event in self.log.events():
            events[event.release_id].append(event)
        rows = []
        for r in releases:
            rid = r["id"]
            verdicts = fold(events[rid], claims[rid], flags[rid])
            statuses = [verdicts.claim_status(c) for c in [*claims[rid], *verdicts.added]]
            open_flags: dict[str, int] = defaultdict(int)
            raised = []
            for fid in flags[rid]:
                status = verdicts.flags.get(fid, ("open", None))[0]
                if severity[rid, fid] in RAISED:
                    raised.append(status)
                if status == "open":
                    open_flags[severity[rid, fid]] += 1
            period = (r["period_start"], r["period_end"]) if r["period_start"] else None
            rows.append(
                ReleaseRow(
                    id=rid,
                    title=r["title"],
                    issuer=r["issuer"],
                    published=r["published"],
                    period=f"{period[0]} – {period[1]}" if period else None,
                    years=_years(r["published"], period),
                    claims=len(statuses),
                    decided=sum(s != "open" for s in statuses),
                    open_flags=dict(open_flags),
                    status=release_status(bool(effective(events[rid])), statuses, raised),
                )
            )
        rows.sort(key=lambda row: (row.published or "", row.id), reverse=True)
        return rows


def choices(rows: list[ReleaseRow]) -> tuple[list[str], list[str]]:
    """The issuers and years the filters offer."""
    issuers = sorted({r.issuer for r in rows if r.issuer})
    years = sorted({y for r in rows for y in r.years}, reverse=True)
    return issuers, years


def _years(published: str | None, period: tuple[str, str] | None) -> frozenset[str]:
    if period:
        return frozenset(str(y) for y in range(int(period[0][:4]), int(period[1][:4]) + 1))
    return frozenset([published[:4]]) if published else frozenset()


def _keep(row: ReleaseRow, f: Filters) -> bool:
    return (
        (not f.issuer or row.issuer == f.issuer)
        and (not f.year or f.year in row.years)
        and (not f.severity or row.open_flags.get(f.severity, 0) > 0)
        and (not f.status or row.status == f.status)
    )
