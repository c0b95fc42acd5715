"""The release text cut into plain and highlighted segments, for the release page.

Claims take precedence over dates, dates over entity mentions: where spans overlap, the first
placed wins and the others stay listed beside the text. Segments joined give the text back.
"""

from __future__ import annotations

from dataclasses import dataclass

from .state import ReviewedRelease


@dataclass(frozen=True)
class Segment:
    """A stretch of the text; kind and ref are None for plain text."""

    text: str
    kind: str | None = None
    ref: str | None = None
    status: str | None = None


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    ref: str
    status: str | None = None


def segments(reviewed: ReviewedRelease) -> list[Segment]:
    """The text of a reviewed release as segments: claims, then dates, then entities."""
    ex = reviewed.extraction
    text = ex.release.text
    spans = [
        _Span(c.claim.start, c.claim.end, "claim", c.claim.id, c.status) for c in reviewed.claims
    ]
    spans += [_Span(d.start, d.end, "date", d.id) for d in ex.dates]
    spans += [_Span(m.start, m.end, e.label, e.id) for e in ex.entities for m in e.mentions]
    taken = bytearray(len(text))
    placed = []
    for span in spans:
        if 0 <= span.start < span.end <= len(text) and not any(taken[span.start : span.end]):
            taken[span.start : span.end] = b"\x01" * (span.end - span.start)
            placed.append(span)
    placed.sort(key=lambda s: s.start)
    out: list[Segment] = []
    pos = 0
    for span in placed:
        if span.start > pos:
            out.append(Segment(text[pos : span.start]))
        out.append(Segment(text[span.start : span.end], span.kind, span.ref, span.status))
        pos = span.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out
