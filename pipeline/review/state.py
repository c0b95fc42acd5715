"""The reviewed state of a release: its extraction with the review events applied.

Nothing is overwritten: the state is recomputed from the extraction and the event log each time.
Claim and flag events carry an anchor (a claim's offsets and text, a flag's check and message),
so that after a re-run renumbers claims an event still finds its claim; an event whose claim or
flag is gone is kept aside as stale instead of being applied to the wrong one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from pydantic import ValidationError

from ..schema import Claim, Direction, Extraction, Flag, Kind, Qualifier
from ..units import default_units
from .events import Event, effective

ClaimStatus = Literal["open", "accepted", "corrected", "rejected", "added"]
FlagStatus = Literal["open", "confirmed", "dismissed"]
ReleaseStatus = Literal["new", "in progress", "reviewed"]
RELEASE_STATUSES: tuple[str, ...] = get_args(ReleaseStatus)
FIELDS = ("value", "unit", "kind", "measure", "period", "qualifier", "change")
CHOICES: dict[str, tuple[str, ...]] = {
    "kind": get_args(Kind),
    "qualifier": get_args(Qualifier),
    "change": get_args(Direction),
}
RAISED = ("error", "warning")
ADDED_COMPONENT = "review"

Anchor = tuple[Any, ...]


def claim_anchor(claim: Claim) -> Anchor:
    """What identifies a claim across runs: its offsets and surface text."""
    return (claim.start, claim.end, claim.text)


def flag_anchor(flag: Flag) -> Anchor:
    """What identifies a flag across runs: its check and message."""
    return (flag.check, flag.message)


@dataclass
class Verdicts:
    """What the effective events say, keyed by the current claim and flag ids."""

    claims: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    corrections: dict[str, dict[str, Any]] = field(default_factory=dict)
    added: dict[str, dict[str, Any]] = field(default_factory=dict)
    flags: dict[str, tuple[FlagStatus, str | None]] = field(default_factory=dict)
    stale: list[Event] = field(default_factory=list)

    def claim_status(self, cid: str) -> ClaimStatus:
        """The review status of one claim."""
        if cid not in self.claims:
            return "open"
        if self.claims[cid][0] == "rejected":
            return "rejected"
        if cid in self.added:
            return "added"
        return "corrected" if self.corrections.get(cid) else "accepted"

    def reason(self, cid: str) -> str | None:
        """The reason given with a claim's latest verdict."""
        return self.claims[cid][1] if cid in self.claims else None


def _find(target: str | None, anchor: Any, anchors: Mapping[str, Anchor]) -> str | None:
    key = tuple(anchor) if anchor is not None else None
    if target is not None and target in anchors and key in (None, anchors[target]):
        return target
    return next((cid for cid, a in anchors.items() if a == key), None)


def fold(
    events: Iterable[Event], claims: Mapping[str, Anchor], flags: Mapping[str, Anchor]
) -> Verdicts:
    """Apply the effective events, in order, to claims and flags known by their anchors."""
    verdicts = Verdicts()
    claims = dict(claims)
    for event in effective(events):
        anchor = event.data.get("anchor")
        if event.action == "add":
            added = event.data["claim"]
            cid = f"a{event.id}"
            claims[cid] = (added["start"], added["end"], added["text"])
            verdicts.added[cid] = added
            verdicts.claims[cid] = ("accepted", event.reason)
        elif event.action in ("confirm", "dismiss"):
            fid = _find(event.target, anchor, flags)
            if fid is None:
                verdicts.stale.append(event)
            else:
                status: FlagStatus = "confirmed" if event.action == "confirm" else "dismissed"
                verdicts.flags[fid] = (status, event.reason)
        elif (found := _find(event.target, anchor, claims)) is None:
            verdicts.stale.append(event)
        else:
            if event.action == "correct":
                verdicts.corrections.setdefault(found, {}).update(event.data["fields"])
            verdict = "rejected" if event.action == "reject" else "accepted"
            verdicts.claims[found] = (verdict, event.reason)
    return verdicts


def release_status(
    has_events: bool, claims: Iterable[ClaimStatus], raised_flags: Iterable[FlagStatus]
) -> ReleaseStatus:
    """new (never touched), reviewed (every claim and raised flag decided), else in progress."""
    if not has_events:
        return "new"
    decided = all(s != "open" for s in claims) and all(s != "open" for s in raised_flags)
    return "reviewed" if decided else "in progress"


def field_value(claim: Claim, name: str) -> Any:
    """A correctable field of a claim, as the review form shows it (change: its direction)."""
    if name == "change":
        return claim.change.direction if claim.change else None
    return getattr(claim, name)


def parse_fields(form: Mapping[str, str]) -> dict[str, Any]:
    """The correctable fields present in a submitted form, typed; ValueError when malformed."""
    fields: dict[str, Any] = {}
    for name in FIELDS:
        if name not in form:
            continue
        raw = form[name].strip()
        if name == "value":
            try:
                value = float(raw)
            except ValueError as e:
                raise ValueError(f"value: not a number: {raw!r}") from e
            if not math.isfinite(value):
                raise ValueError(f"value: not a finite number: {raw!r}")
            fields[name] = value
        elif raw and name in CHOICES and raw not in CHOICES[name]:
            raise ValueError(f"{name}: {raw!r} is not one of {', '.join(CHOICES[name])}")
        else:
            fields[name] = raw or None
    if "kind" in fields and fields["kind"] is None:
        raise ValueError("kind: required")
    return fields


def _normalized(value: float, unit: str | None) -> dict[str, Any]:
    known = default_units().units.get(unit) if unit else None
    if known is None:
        return {"value": value, "unit": unit}
    return {"value": value * known.factor, "unit": known.base}


def apply_fields(claim: Claim, fields: Mapping[str, Any]) -> Claim:
    """The claim with corrected fields; the normalized value follows the unit lexicon."""
    data = claim.model_dump()
    for name, value in fields.items():
        if name == "change":
            compared_to = claim.change.compared_to if claim.change else None
            data[name] = {"direction": value, "compared_to": compared_to} if value else None
        else:
            data[name] = value
    if "value" in fields or "unit" in fields:
        data["normalized"] = _normalized(data["value"], data["unit"])
    try:
        return Claim.model_validate(data)
    except ValidationError as e:
        problems = "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
        raise ValueError(problems) from e


def new_claim(cid: str, start: int, end: int, text: str, fields: Mapping[str, Any]) -> Claim:
    """A claim the reviewer added by selecting text, with the given fields."""
    blank = Claim(
        id=cid,
        start=start,
        end=end,
        text=text,
        value=0.0,
        value_text=text,
        unit=None,
        kind="other",
        normalized={"value": 0.0, "unit": None},
        component=ADDED_COMPONENT,
    )
    return apply_fields(blank, {"value": 0.0, "unit": None, **fields})


@dataclass
class ClaimReview:
    """A claim as reviewed: its current fields, the extracted original, status and reason."""

    claim: Claim
    original: Claim | None
    status: ClaimStatus
    reason: str | None = None


@dataclass
class FlagReview:
    """A flag with the reviewer's verdict."""

    flag: Flag
    status: FlagStatus
    reason: str | None = None


@dataclass
class ReviewedRelease:
    """One release's extraction with its review applied."""

    extraction: Extraction
    events: list[Event]
    claims: list[ClaimReview]
    flags: list[FlagReview]
    stale: list[Event]

    @property
    def id(self) -> str:
        """The release id."""
        return self.extraction.release.id

    @property
    def status(self) -> ReleaseStatus:
        """new, in progress or reviewed."""
        return release_status(
            bool(effective(self.events)),
            (c.status for c in self.claims),
            (f.status for f in self.flags if f.flag.severity in RAISED),
        )

    def claim(self, cid: str) -> ClaimReview | None:
        """A claim by its current id."""
        return next((c for c in self.claims if c.claim.id == cid), None)

    def flag(self, fid: str) -> FlagReview | None:
        """A flag by its id."""
        return next((f for f in self.flags if f.flag.id == fid), None)

    def last_undoable(self) -> Event | None:
        """The latest event that still counts: what undo takes back."""
        return next(reversed(effective(self.events)), None)

    def check_fields(self, fields: Mapping[str, Any]) -> None:
        """Raise ValueError when corrected fields are invalid for this release."""
        period = fields.get("period")
        if period is not None and period not in {d.id for d in self.extraction.dates}:
            raise ValueError(f"period: no date {period!r} in this release")

    def corrected(self) -> Extraction:
        """The extraction as reviewed: rejected claims and dismissed flags left out."""
        claims = [c.claim for c in self.claims if c.status != "rejected"]
        kept = {c.id for c in claims}
        flags = [
            f.flag.model_copy(update={"claims": [c for c in f.flag.claims if c in kept]})
            for f in self.flags
            if f.status != "dismissed"
        ]
        return self.extraction.model_copy(update={"claims": claims, "flags": flags})


def derive(extraction: Extraction, events: Iterable[Event]) -> ReviewedRelease:
    """The reviewed state of one release from its extraction and its events."""
    events = list(events)
    verdicts = fold(
        events,
        {c.id: claim_anchor(c) for c in extraction.claims},
        {f.id: flag_anchor(f) for f in extraction.flags},
    )
    claims = []
    for c in extraction.claims:
        current = apply_fields(c, verdicts.corrections[c.id]) if c.id in verdicts.corrections else c
        claims.append(ClaimReview(current, c, verdicts.claim_status(c.id), verdicts.reason(c.id)))
    for cid, data in verdicts.added.items():
        fields = {**data["fields"], **verdicts.corrections.get(cid, {})}
        claim = new_claim(cid, data["start"], data["end"], data["text"], fields)
        claims.append(ClaimReview(claim, None, verdicts.claim_status(cid), verdicts.reason(cid)))
    claims.sort(key=lambda c: (c.claim.start, c.claim.end))
    flags = [FlagReview(f, *verdicts.flags.get(f.id, ("open", None))) for f in extraction.flags]
    return ReviewedRelease(extraction, events, claims, flags, verdicts.stale)
