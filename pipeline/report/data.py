"""Queries over an output folder that the report and the notebook share.

Everything comes from the SQLite index, except the readings a flag tried, which only the JSON
files keep. Results are plain frozen dataclasses: `pandas.DataFrame(rows)` turns any list of them
into a table, and the HTML template reads their fields.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..components.entities import load_countries
from ..index import INDEX_FILE
from ..store import CORPUS_FLAGS, release_path

CORPUS = "corpus"
"""The scope of a flag raised across releases rather than within one."""
_NUMBER = "CAST(SUBSTR({}, 2) AS INTEGER)"
"""SQL for the number in an id such as 'f12' or 'c3', to sort ids in numeric order."""


@dataclass(frozen=True)
class ReleaseRow:
    """One release with its number of claims and of flags."""

    id: str
    title: str | None
    issuer: str | None
    published: str | None
    period: str | None
    claims: int
    flags: int
    corpus_flags: int


@dataclass(frozen=True)
class KindCount:
    """How many claims of one kind (count, percent, money, ...) a release makes."""

    release: str
    kind: str
    claims: int


@dataclass(frozen=True)
class MeasureCount:
    """A measure in the releases about one place, the kind and unit of its figures, in how many
    releases and periods it is stated, and how many of those figures are under a flag."""

    place: str | None
    measure: str
    kind: str
    unit: str | None
    releases: int
    points: int
    flagged: int


@dataclass(frozen=True)
class SeriesPoint:
    """The figure one release states for the measure over one period, in the base unit."""

    release: str
    claim: str
    period_start: str
    period_end: str
    period: str
    value: float
    text: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Series:
    """One measure across the releases about one place, in period order."""

    place: str | None
    measure: str
    kind: str
    unit: str | None
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True)
class CheckCount:
    """How many flags one check raised, of which severity, in how many releases."""

    check: str
    scope: str
    severity: str
    flags: int
    releases: int


@dataclass(frozen=True)
class FlagRow:
    """A flag with its arithmetic: the stated figure, the interval it should hit, the readings."""

    scope: str
    id: str
    check: str
    severity: str
    message: str
    stated: float | None
    expected_low: float | None
    expected_high: float | None
    readings: tuple[str, ...]
    claims: tuple[str, ...]

    @property
    def key(self) -> str:
        """The flag's name in the corpus: 'x1', or 'release-id/f1'."""
        return self.id if self.scope == CORPUS else f"{self.scope}/{self.id}"


@dataclass(frozen=True)
class ErrorRow:
    """A source file that could not be processed."""

    source: str
    code: str
    message: str


@contextmanager
def open_index(out: Path) -> Iterator[sqlite3.Connection]:
    """The index of an output folder, read-only; FileNotFoundError when there is none."""
    path = out / INDEX_FILE
    if not path.is_file():
        raise FileNotFoundError(f"{out} has no {INDEX_FILE}; run `pressfacts run` first")
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
        con.row_factory = sqlite3.Row
        yield con


def releases(con: sqlite3.Connection) -> list[ReleaseRow]:
    """Every release, by id, with its claims, its flags and the corpus flags that involve it."""
    rows = con.execute(
        """SELECT r.*, (SELECT COUNT(DISTINCT flag_id) FROM corpus_flag_claims
                        WHERE release_id = r.id) AS corpus_flags
           FROM releases r ORDER BY r.id"""
    )
    return [
        ReleaseRow(
            id=r["id"],
            title=r["title"],
            issuer=r["issuer"],
            published=r["published"],
            period=period_label(r["period_start"], r["period_end"]),
            claims=r["claims"],
            flags=r["flags"],
            corpus_flags=r["corpus_flags"],
        )
        for r in rows
    ]


def claim_kinds(con: sqlite3.Connection) -> list[KindCount]:
    """Claims per release and kind, by release id then kind."""
    rows = con.execute(
        "SELECT release_id, kind, COUNT(*) FROM claims GROUP BY release_id, kind ORDER BY 1, 2"
    )
    return [KindCount(*r) for r in rows]


@dataclass(frozen=True)
class _Level:
    place: str | None
    release: str
    claim: str
    measure: str
    kind: str
    unit: str | None
    period_start: str
    period_end: str
    value: float
    text: str


def _levels(con: sqlite3.Connection) -> list[_Level]:
    """Claims that state a level (not a change) of a named measure over a known period.

    The place is the release's (see `places`); the period is the claim's own, else its
    release's; the value is in the base unit (kilogram
    for '1 ton 214 kg'); measures are compared lower-cased with runs of white space collapsed.
    In text order within each release.
    """
    rows = con.execute(
        """SELECT c.release_id, c.id, c.measure, c.kind, c.normalized_unit,
                  COALESCE(c.period_start, r.period_start), COALESCE(c.period_end, r.period_end),
                  c.normalized_value, c.text
           FROM claims c JOIN releases r ON r.id = c.release_id
           WHERE c.measure IS NOT NULL AND c.change_direction IS NULL
             AND COALESCE(c.period_start, r.period_start) IS NOT NULL
           ORDER BY c.release_id, c.start, """
        + _NUMBER.format("c.id")
    )
    where = places(con)
    found = [_Level(where.get(r[0]), r[0], r[1], _normal(r[2]), *r[3:]) for r in rows]
    return [level for level in found if level.measure]


def _normal(measure: str) -> str:
    return " ".join(measure.lower().split())


def measures(con: sqlite3.Connection) -> list[MeasureCount]:
    """Measures stated as levels, per place: most releases first, then most periods, most
    flagged, then by name."""
    groups: dict[_Key, list[_Level]] = {}
    for level in _levels(con):
        groups.setdefault(_key(level), []).append(level)
    flagged = flags_by_claim(con)
    counts = [
        MeasureCount(
            place=place,
            measure=measure,
            kind=kind,
            unit=unit,
            releases=len({x.release for x in group}),
            points=len({(x.release, x.period_start, x.period_end) for x in group}),
            flagged=sum((x.release, x.claim) in flagged for x in group),
        )
        for (place, measure, kind, unit), group in groups.items()
    ]
    return sorted(counts, key=lambda m: (-m.releases, -m.points, -m.flagged, *_text(_key(m))))


def series(con: sqlite3.Connection, measure: str | None = None) -> Series | None:
    """One measure across releases: the one given, else the first of `measures`.

    Each release about the measure's place contributes its first figure (in text order) per
    period. When the measure is stated for several places, or in several kinds or units (a
    count and a percent), the one in most releases is taken. None when nothing matches.
    """
    ranked = measures(con)
    if measure is not None:
        ranked = [m for m in ranked if m.measure == _normal(measure)]
    if not ranked:
        return None
    top = ranked[0]
    flagged = flags_by_claim(con)
    points: dict[tuple[str, str, str], SeriesPoint] = {}
    for x in _levels(con):
        key = (x.release, x.period_start, x.period_end)
        if _key(x) == _key(top) and key not in points:
            points[key] = SeriesPoint(
                release=x.release,
                claim=x.claim,
                period_start=x.period_start,
                period_end=x.period_end,
                period=period_label(x.period_start, x.period_end) or "",
                value=x.value,
                text=x.text,
                flags=flagged.get((x.release, x.claim), ()),
            )
    ordered = sorted(points.values(), key=lambda p: (p.period_end, p.period_start, p.release))
    return Series(top.place, top.measure, top.kind, top.unit, points=tuple(ordered))


_Key = tuple[str | None, str, str, str | None]


def _key(x: _Level | MeasureCount) -> _Key:
    return x.place, x.measure, x.kind, x.unit


def _text(key: _Key) -> tuple[str, ...]:
    return tuple(part or "" for part in key)


def places(con: sqlite3.Connection) -> dict[str, str]:
    """Release id → the country its place names mention most, for releases that name one.

    A place name counts for a country when it is the country's name or alias, optionally
    after 'the' or 'Republic of' (data/countries.tsv); ties go to the name seen first.
    """
    countries = {
        alias.lower(): country.name
        for country in load_countries()
        for alias in (country.name, *country.aliases)
    }
    counts: dict[str, Counter[str]] = {}
    rows = con.execute(
        "SELECT release_id, name, mentions FROM entities WHERE label = 'GPE' "
        f"ORDER BY release_id, {_NUMBER.format('id')}"
    )
    for rid, name, mentions in rows:
        bare = re.sub(r"^(?:the\s+)?(?:republic\s+of\s+)?", "", name.lower())
        if country := countries.get(bare) or countries.get(name.lower()):
            counts.setdefault(rid, Counter())[country] += mentions
    return {rid: found.most_common(1)[0][0] for rid, found in counts.items()}


def flags_by_claim(con: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, ...]]:
    """(release, claim) → the flags (FlagRow.key) that involve it, within and across releases."""
    found: dict[tuple[str, str], list[str]] = {}
    for r in con.execute(f"SELECT * FROM flags ORDER BY release_id, {_NUMBER.format('id')}"):
        for claim in json.loads(r["claims"]):
            found.setdefault((r["release_id"], claim), []).append(f"{r['release_id']}/{r['id']}")
    for r in con.execute(f"SELECT * FROM corpus_flag_claims ORDER BY {_NUMBER.format('flag_id')}"):
        found.setdefault((r["release_id"], r["claim_id"]), []).append(r["flag_id"])
    return {key: tuple(dict.fromkeys(keys)) for key, keys in found.items()}


def checks(con: sqlite3.Connection) -> list[CheckCount]:
    """Flags per check and severity, within releases and across them, most flags first."""
    rows = con.execute(
        f"""SELECT check_id, 'release', severity, COUNT(*), COUNT(DISTINCT release_id)
            FROM flags GROUP BY check_id, severity
            UNION ALL
            SELECT f.check_id, '{CORPUS}', f.severity, COUNT(DISTINCT f.id),
                   COUNT(DISTINCT l.release_id)
            FROM corpus_flags f LEFT JOIN corpus_flag_claims l ON l.flag_id = f.id
            GROUP BY f.check_id, f.severity
            ORDER BY 4 DESC, 1, 2, 3"""
    )
    return [CheckCount(*r) for r in rows]


def flags(con: sqlite3.Connection, out: Path) -> list[FlagRow]:
    """Every flag with its arithmetic and the claims it involves: per release, then corpus."""
    texts = {
        (r["release_id"], r["id"]): r["value_text"]
        for r in con.execute("SELECT release_id, id, value_text FROM claims")
    }
    found = []
    release_flags = con.execute(
        f"SELECT * FROM flags ORDER BY release_id, {_NUMBER.format('id')}"
    ).fetchall()
    readings = _release_readings(out, sorted({r["release_id"] for r in release_flags}))
    for r in release_flags:
        rid = r["release_id"]
        claims = [f"{c} ({texts.get((rid, c), '?')})" for c in json.loads(r["claims"])]
        found.append(_flag_row(rid, r, readings.get((rid, r["id"]), ()), claims))
    corpus_readings = _corpus_readings(out)
    for r in con.execute(f"SELECT * FROM corpus_flags ORDER BY {_NUMBER.format('id')}"):
        links = con.execute(
            "SELECT release_id, claim_id FROM corpus_flag_claims WHERE flag_id = ? ORDER BY rowid",
            (r["id"],),
        )
        claims = [f"{rid}/{c} ({texts.get((rid, c), '?')})" for rid, c in links]
        found.append(_flag_row(CORPUS, r, corpus_readings.get(r["id"], ()), claims))
    return found


def _flag_row(scope: str, r: sqlite3.Row, readings: tuple[str, ...], claims: list[str]) -> FlagRow:
    return FlagRow(
        scope=scope,
        id=r["id"],
        check=r["check_id"],
        severity=r["severity"],
        message=r["message"],
        stated=r["stated"],
        expected_low=r["expected_low"],
        expected_high=r["expected_high"],
        readings=readings,
        claims=tuple(claims),
    )


def _release_readings(out: Path, ids: list[str]) -> dict[tuple[str, str], tuple[str, ...]]:
    found = {}
    for rid in ids:
        path = release_path(out, rid)
        if path.is_file():
            extraction = json.loads(path.read_text(encoding="utf-8"))
            for flag in extraction.get("flags", []):
                found[rid, flag["id"]] = tuple(flag.get("readings", []))
    return found


def _corpus_readings(out: Path) -> dict[str, tuple[str, ...]]:
    path = out / CORPUS_FLAGS
    if not path.is_file():
        return {}
    return {f["id"]: tuple(f.get("readings", [])) for f in json.loads(path.read_text("utf-8"))}


def errors(con: sqlite3.Connection) -> list[ErrorRow]:
    """The documents the latest run could not process, by source."""
    rows = con.execute("SELECT source, code, message FROM errors ORDER BY source")
    return [ErrorRow(*r) for r in rows]


def period_label(start: str | None, end: str | None) -> str | None:
    """A short name for a period: '2023', 'Jan–Sep 2023', 'Mar 2024', else 'start – end'."""
    if not start or not end:
        return None
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    whole_months = a.day == 1 and b.day == calendar.monthrange(b.year, b.month)[1]
    if not whole_months or a > b:
        return f"{a.isoformat()} – {b.isoformat()}"
    first, last = calendar.month_abbr[a.month], calendar.month_abbr[b.month]
    if a.year != b.year:
        return f"{first} {a.year} – {last} {b.year}"
    if (a.month, b.month) == (1, 12):
        return str(a.year)
    return f"{first} {a.year}" if a.month == b.month else f"{first}–{last} {a.year}"


@dataclass(frozen=True)
class Overview:
    """Everything the report shows about one output folder."""

    releases: list[ReleaseRow]
    kinds: list[KindCount]
    measures: list[MeasureCount]
    series: Series | None
    checks: list[CheckCount]
    flags: list[FlagRow]
    errors: list[ErrorRow]


def overview(out: Path, measure: str | None = None) -> Overview:
    """Read every table of the report from an output folder; `measure` picks the series."""
    with open_index(out) as con:
        return Overview(
            releases=releases(con),
            kinds=claim_kinds(con),
            measures=measures(con),
            series=series(con, measure),
            checks=checks(con),
            flags=flags(con, out),
            errors=errors(con),
        )
