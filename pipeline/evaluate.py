"""Scores extractions against gold annotations (the ../shared/eval gold format).

A gold folder holds ID.txt|ID.md|ID.html beside ID.gold.json, and optionally _cross*.json.
The metrics are those of the shared scorer's README: claims, dates, entities, published,
within-release flags and cross-release flags, each with the false alarms on `holds`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .schema import CorpusFlag, Extraction

RELEASE_SUFFIXES = (".txt", ".md", ".html", ".htm")
RAISED = {"error", "warning"}
NAME_STOPWORDS = {"the", "of", "mr", "and"}

Span = tuple[int, int]


@dataclass
class GoldRelease:
    """One release's gold annotations with every reference resolved to offsets."""

    id: str
    path: Path
    text: str
    gold: dict[str, Any]


@dataclass
class GoldSet:
    """A folder of gold releases and the cross-release relations among them."""

    releases: dict[str, GoldRelease]
    cross: list[dict[str, Any]] = field(default_factory=list)


def resolve(ref: str | Mapping[str, Any], text: str) -> Span:
    """Offsets of a gold reference: its text's nth occurrence (from 0) in the release."""
    needle, nth = (ref, 0) if isinstance(ref, str) else (ref["text"], ref.get("nth", 0))
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise ValueError(f"gold reference {needle!r} (nth={nth}) is not in the text")
    return pos, pos + len(needle)


def load_gold(folder: Path) -> GoldSet:
    """Read every ID.gold.json in folder and resolve its references."""
    releases = {}
    for gold_path in sorted(folder.glob("*.gold.json")):
        rid = gold_path.name.removesuffix(".gold.json")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = next(
            (folder / f"{rid}{s}" for s in RELEASE_SUFFIXES if (folder / f"{rid}{s}").exists()),
            None,
        )
        if path is None:
            raise ValueError(f"{gold_path}: no release file beside it")
        text = gold.get("text") or path.read_text(encoding="utf-8")
        for claim in gold.get("claims", []):
            claim["_span"] = resolve(claim["ref"], text)
        for group in ("dates", "not_claims"):
            for item in gold.get(group, []):
                item["_span"] = resolve(item["ref"], text)
        for group in ("flags", "holds"):
            for item in gold.get(group, []):
                item["_spans"] = [resolve(r, text) for r in item["refs"]]
        releases[rid] = GoldRelease(rid, path, text, gold)
    cross = []
    for cross_path in sorted(folder.glob("_cross*.json")):
        cross.extend(json.loads(cross_path.read_text(encoding="utf-8")))
    for relation in cross:
        for item in relation["items"]:
            item["_span"] = resolve(item["ref"], releases[item["release"]].text)
    return GoldSet(releases, cross)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(1e-6, 1e-4 * abs(b))


def _ratio(num: int, den: int, empty: float = 1.0) -> float:
    return round(num / den, 4) if den else empty


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


@dataclass
class Tally:
    """Counts accumulated over releases, turned into metrics by `metrics()`."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, n: int | bool = 1) -> None:
        """Add n to a counter."""
        self.counts[key] = self.counts.get(key, 0) + int(n)

    def __getitem__(self, key: str) -> int:
        return self.counts.get(key, 0)


def _score_claims(gold: dict[str, Any], ex: Extraction, t: Tally) -> None:
    used: set[int] = set()
    for g in gold.get("claims", []):
        values = [float(v) for v in g.get("values", [g.get("value")])]
        hit = next(
            (
                i
                for i, c in enumerate(ex.claims)
                if i not in used
                and _overlap((c.start, c.end), g["_span"])
                and any(_close(v, gv) for v in (c.value, c.normalized.value) for gv in values)
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
        if g.get("optional"):
            continue
        t.add("claims_gold")
        if hit is None:
            continue
        c = ex.claims[hit]
        t.add("claims_tp")
        kinds = g["kind"] if isinstance(g["kind"], list) else [g["kind"]]
        t.add("kind_ok", c.kind in kinds)
        keywords = [k.lower() for k in g.get("measure", [])]
        if keywords:
            t.add("measure_n")
            t.add("measure_ok", any(k in (c.measure or "").lower() for k in keywords))
        t.add("qualifier_ok", c.qualifier == g.get("qualifier"))
        if g.get("qualifier"):
            t.add("qualifier_n")
            t.add("qualifier_hit", c.qualifier == g["qualifier"])
        direction = (g.get("change") or {}).get("direction")
        got = c.change.direction if c.change else None
        t.add("change_ok", got == direction)
        if direction:
            t.add("change_n")
            t.add("change_hit", got == direction)
    t.add("claims_fp", len(ex.claims) - len(used))


def _score_dates(gold: dict[str, Any], ex: Extraction, t: Tally) -> None:
    touched: set[int] = set()
    for g in gold.get("dates", []):
        t.add("dates_gold")
        hits = [i for i, d in enumerate(ex.dates) if _overlap((d.start, d.end), g["_span"])]
        touched.update(hits)
        t.add(
            "dates_ok",
            any(
                str(ex.dates[i].start_date) == g["start"] and str(ex.dates[i].end_date) == g["end"]
                for i in hits
            ),
        )
    t.add("dates_fp", len(ex.dates) - len(touched))


def _name_tokens(name: str) -> frozenset[str]:
    return frozenset(
        w for w in re.sub(r"[^\w\s]", " ", name.lower()).split() if w not in NAME_STOPWORDS
    )


def _names_match(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool(a) and bool(b) and (a <= b or b <= a)


def _score_entities(gold: dict[str, Any], ex: Extraction, t: Tally) -> None:
    golds = [(e["label"], _name_tokens(e["name"])) for e in gold.get("entities", [])]
    preds = {(e.label, _name_tokens(e.name)) for e in ex.entities} - {
        (lab, frozenset()) for lab in ("PERSON", "ORG", "GPE")
    }
    t.add("entities_gold", len(golds))
    t.add(
        "entities_tp",
        sum(any(pl == gl and _names_match(pt, gt) for pl, pt in preds) for gl, gt in golds),
    )
    t.add("entities_pred", len(preds))
    t.add(
        "entities_pred_ok",
        sum(any(pl == gl and _names_match(pt, gt) for gl, gt in golds) for pl, pt in preds),
    )


def _touches(flag_spans: Sequence[Span], refs: Sequence[Span], need: int) -> bool:
    return sum(any(_overlap(f, r) for f in flag_spans) for r in refs) >= need


def _score_relations(
    raised: list[list[Any]], relations: Iterable[dict[str, Any]], key: str, t: Tally
) -> None:
    """Shared by within- and cross-release flags: raised[i] lists what flag i touches."""
    used: set[int] = set()
    holds = []
    for rel in relations:
        if rel["verdict"] != "flag":
            holds.append(rel)
            continue
        t.add(f"{key}_gold")
        hits = [i for i, spans in enumerate(raised) if _touches(spans, rel["refs"], rel["need"])]
        t.add(f"{key}_tp", bool(hits))
        used.update(hits)
    for rel in holds:
        t.add(f"{key}_holds")
        t.add(
            f"{key}_holds_flagged",
            any(
                i not in used and _touches(s, rel["refs"], rel["need"])
                for i, s in enumerate(raised)
            ),
        )
    t.add(f"{key}_pred", len(raised))
    t.add(f"{key}_pred_ok", len(used))


def _score_flags(gold: dict[str, Any], ex: Extraction, t: Tally) -> None:
    spans = {c.id: (c.start, c.end) for c in ex.claims}
    raised = [[spans[c] for c in f.claims if c in spans] for f in ex.flags if f.severity in RAISED]
    relations = [
        {
            "verdict": verdict,
            "refs": g["_spans"],
            "need": g.get("min_refs", min(2, len(g["_spans"]))),
        }
        for verdict, group in (("flag", "flags"), ("holds", "holds"))
        for g in gold.get(group, [])
    ]
    _score_relations(raised, relations, "flags", t)


def _score_cross(
    gold: GoldSet,
    extractions: Mapping[str, Extraction],
    corpus_flags: Sequence[CorpusFlag],
    t: Tally,
) -> None:
    by_release = {
        rid: {c.id: (c.start, c.end) for c in ex.claims} for rid, ex in extractions.items()
    }
    key_of = {ex.release.id: rid for rid, ex in extractions.items()}
    raised = [
        [
            (
                key_of.get(ref.release, ref.release),
                by_release[key_of.get(ref.release, ref.release)][ref.claim],
            )
            for ref in f.claims
            if ref.claim in by_release.get(key_of.get(ref.release, ref.release), {})
        ]
        for f in corpus_flags
        if f.severity in RAISED
    ]
    used: set[int] = set()
    holds = []
    for rel in gold.cross:
        items = [(it["release"], it["_span"]) for it in rel["items"]]
        need = rel.get("min_refs", 2)
        hits = [
            i
            for i, pts in enumerate(raised)
            if sum(any(r == pr and _overlap(s, ps) for pr, ps in pts) for r, s in items) >= need
        ]
        if rel["verdict"] != "flag":
            holds.append(hits)
            continue
        t.add("cross_gold")
        t.add("cross_tp", bool(hits))
        used.update(hits)
    for hits in holds:
        t.add("cross_holds")
        t.add("cross_holds_flagged", any(i not in used for i in hits))
    t.add("cross_pred", len(raised))
    t.add("cross_pred_ok", len(used))


def score(
    gold: GoldSet, extractions: Mapping[str, Extraction], corpus_flags: Sequence[CorpusFlag]
) -> dict[str, float | None]:
    """Every metric, keyed by name, for extractions keyed by gold release id."""
    t = Tally()
    for rid, release in gold.releases.items():
        ex = extractions.get(rid)
        if ex is None:
            t.add("missing")
            continue
        for item in (*ex.claims, *ex.dates):
            t.add("offset_mismatch", ex.release.text[item.start : item.end] != item.text)
        _score_claims(release.gold, ex, t)
        _score_dates(release.gold, ex, t)
        _score_entities(release.gold, ex, t)
        _score_flags(release.gold, ex, t)
        if "published" in release.gold:
            t.add("published_n")
            expected = release.gold["published"]
            got = ex.release.published
            t.add("published_ok", (str(got) == expected) if expected else got is None)
    _score_cross(gold, extractions, corpus_flags, t)
    return _metrics(t)


def _metrics(t: Tally) -> dict[str, float | None]:
    tp = t["claims_tp"]
    cp = _ratio(tp, tp + t["claims_fp"], float(not t["claims_gold"]))
    cr = _ratio(tp, t["claims_gold"])
    dp, dr = (
        _ratio(t["dates_ok"], t["dates_ok"] + t["dates_fp"]),
        _ratio(t["dates_ok"], t["dates_gold"]),
    )
    fp = _ratio(t["flags_pred_ok"], t["flags_pred"], float(not t["flags_gold"]))
    xp = _ratio(t["cross_pred_ok"], t["cross_pred"], float(not t["cross_gold"]))
    fr, xr = _ratio(t["flags_tp"], t["flags_gold"]), _ratio(t["cross_tp"], t["cross_gold"])
    holds = t["flags_holds"] + t["cross_holds"]
    return {
        "missing_releases": t["missing"],
        "offset_mismatches": t["offset_mismatch"],
        "claims_p": cp,
        "claims_r": cr,
        "claims_f1": _f1(cp, cr),
        "kind": _ratio(t["kind_ok"], tp, 0.0),
        "measure": _ratio(t["measure_ok"], t["measure_n"], 0.0),
        "qualifier": _ratio(t["qualifier_ok"], tp, 0.0),
        "qualifier_stated": _ratio(t["qualifier_hit"], t["qualifier_n"])
        if t["qualifier_n"]
        else None,
        "change": _ratio(t["change_ok"], tp, 0.0),
        "change_stated": _ratio(t["change_hit"], t["change_n"]) if t["change_n"] else None,
        "dates_p": dp,
        "dates_r": dr,
        "dates_f1": _f1(dp, dr),
        "published": _ratio(t["published_ok"], t["published_n"]) if t["published_n"] else None,
        "entities_p": _ratio(t["entities_pred_ok"], t["entities_pred"], 0.0),
        "entities_r": _ratio(t["entities_tp"], t["entities_gold"]),
        "flags_p": fp,
        "flags_r": fr,
        "cross_p": xp,
        "cross_r": xr,
        "holds_flagged": _ratio(t["flags_holds_flagged"] + t["cross_holds_flagged"], holds, 0.0),
    }


# Metrics where lower is better; every other metric must not fall below its baseline.
LOWER_IS_BETTER = {"missing_releases", "offset_mismatches", "holds_flagged"}


def regressions(measured: Mapping[str, float | None], baseline: Mapping[str, float]) -> list[str]:
    """The metrics that are worse than the committed baseline, as readable lines."""
    worse = []
    for name, floor in sorted(baseline.items()):
        got = measured.get(name)
        if got is None or (math.isnan(got) if isinstance(got, float) else False):
            worse.append(f"{name}: not measured (baseline {floor})")
        elif name in LOWER_IS_BETTER and got > floor + 1e-9:
            worse.append(f"{name}: {got} > baseline {floor}")
        elif name not in LOWER_IS_BETTER and got < floor - 1e-9:
            worse.append(f"{name}: {got} < baseline {floor}")
    return worse
