"""Shared by the component tests: find the claim at a surface of the release text."""

from pipeline.schema import Claim, Extraction


def claim_at(extraction: Extraction, surface: str) -> Claim:
    """The claim covering the first occurrence of `surface`; fails the test when none does."""
    text = extraction.release.text
    start = text.index(surface)
    found = [c for c in extraction.claims if c.start <= start < c.end]
    assert found, f"no claim at {surface!r}: {[c.text for c in extraction.claims]}"
    return found[0]
