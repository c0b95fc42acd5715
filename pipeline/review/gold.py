"""A reviewed release as gold annotations in the ../shared/eval format, so reviews grow the
regression set.

Claims are the reviewed claims (rejected ones become `not_claims` with the reviewer's reason),
confirmed flags become `flags` and dismissed ones `holds`. Dates and entities are reviewed
nowhere in the app, so they are taken as extracted; the gold's note says so.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..schema import Claim
from .state import ReviewedRelease

NOTE = (
    "Reviewed with `pressfacts review`: claims and flags checked by a reviewer; "
    "dates and entities as extracted."
)
MEASURE_STOPWORDS = {"the", "and", "for", "with", "from", "that", "were", "was", "which"}


def ref(text: str, start: int, end: int) -> dict[str, Any]:
    """A gold span reference: the nth occurrence (counted as the scorer does) of text[start:end]."""
    needle = text[start:end]
    nth, pos = 0, text.find(needle)
    while pos != start:
        nth, pos = nth + 1, text.find(needle, pos + 1)
    return {"text": needle, "nth": nth}


def measure_keywords(measure: str | None) -> list[str]:
    """Lower-case keywords of a measure phrase; a predicted measure must contain one."""
    words = re.findall(r"[^\W\d_]{3,}", (measure or "").lower())
    return list(dict.fromkeys(w for w in words if w not in MEASURE_STOPWORDS))


def _claim(text: str, claim: Claim) -> dict[str, Any]:
    return {
        "ref": ref(text, claim.start, claim.end),
        "value": claim.value,
        "kind": claim.kind,
        "measure": measure_keywords(claim.measure),
        "qualifier": claim.qualifier,
        "change": {"direction": claim.change.direction} if claim.change else None,
    }


def to_gold(reviewed: ReviewedRelease) -> dict[str, Any]:
    """The gold annotations of a reviewed release (its text goes in a file beside them)."""
    ex = reviewed.extraction
    text = ex.release.text
    spans = {c.claim.id: (c.claim.start, c.claim.end) for c in reviewed.claims}
    relations: dict[str, list[dict[str, Any]]] = {"confirmed": [], "dismissed": []}
    for f in reviewed.flags:
        refs = [ref(text, *spans[c]) for c in f.flag.claims if c in spans]
        if f.status in relations and refs:
            note = f.flag.message + (f" Reviewer: {f.reason}" if f.reason else "")
            relations[f.status].append({"id": f.flag.id, "refs": refs, "note": note})
    gold: dict[str, Any] = {
        "id": ex.release.id,
        "note": NOTE,
        "published": ex.release.published.isoformat() if ex.release.published else None,
        "claims": [_claim(text, c.claim) for c in reviewed.claims if c.status != "rejected"],
        "not_claims": [
            {"ref": ref(text, c.claim.start, c.claim.end), "why": c.reason or "rejected in review"}
            for c in reviewed.claims
            if c.status == "rejected"
        ],
        "dates": [
            {"ref": ref(text, d.start, d.end), "start": str(d.start_date), "end": str(d.end_date)}
            for d in ex.dates
        ],
        "entities": [{"label": e.label, "name": e.name} for e in ex.entities],
        "flags": relations["confirmed"],
        "holds": relations["dismissed"],
    }
    if ex.release.format not in ("txt", "md"):
        gold["text"] = text
    return gold


def write_gold(releases: Iterable[ReviewedRelease], folder: Path) -> list[str]:
    """Write ID.gold.json and the release text for every reviewed release; return their ids.

    A .txt or .md release is written as its text; an HTML release is copied from its source
    when that file is still there (so a re-run reads the same metadata), else written as .txt;
    either way the gold holds the text its offsets index.
    """
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for reviewed in releases:
        if reviewed.status != "reviewed":
            continue
        release = reviewed.extraction.release
        gold = to_gold(reviewed)
        source = Path(release.source)
        if release.format in ("txt", "md"):
            (folder / f"{release.id}.{release.format}").write_text(
                release.text, encoding="utf-8", newline=""
            )
        elif release.format == "html" and source.is_file():
            shutil.copyfile(source, folder / f"{release.id}.html")
        else:
            (folder / f"{release.id}.txt").write_text(release.text, encoding="utf-8", newline="")
        (folder / f"{release.id}.gold.json").write_text(
            json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written.append(release.id)
    return written
