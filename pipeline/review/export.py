"""Every release of an output folder with its review applied, for `export --reviewed`."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from .catalog import load_extraction, release_ids
from .events import REVIEW_FILE, Event, EventLog
from .state import ReviewedRelease, derive


def iter_reviewed(out: Path) -> Iterator[ReviewedRelease]:
    """The reviewed state of every release in OUT, in release id order.

    An output folder that was never reviewed yields its extractions unchanged, and gets no
    review.sqlite.
    """
    events: dict[str, list[Event]] = defaultdict(list)
    if (out / REVIEW_FILE).exists():
        for event in EventLog(out).events():
            events[event.release_id].append(event)
    for rid in sorted(release_ids(out)):
        yield derive(load_extraction(out, rid), events[rid])


def reviewed_jsonl(out: Path) -> Iterator[str]:
    """One line per release: its corrected Extraction as compact JSON."""
    for reviewed in iter_reviewed(out):
        extraction = reviewed.corrected().model_dump(mode="json")
        yield json.dumps(extraction, ensure_ascii=False, separators=(",", ":")) + "\n"
