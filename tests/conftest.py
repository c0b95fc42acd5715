"""Shared fixtures: the full pipeline is loaded once per session, never at import time."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from pipeline.extract import extract_docs
from pipeline.ingest import SourceDocument
from pipeline.schema import Extraction


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pressfacts pipeline on the installed English model."""
    from pipeline.nlp import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def extract_text(nlp: Language) -> Callable[..., Extraction]:
    """Extract one release from a string: extract_text(text, published=None, fmt='txt')."""

    def run(text: str, published=None, fmt: str = "txt") -> Extraction:  # type: ignore[no-untyped-def]
        source = SourceDocument(
            source="test.txt",
            format=fmt,
            text=text,
            published=published,
            published_basis="option" if published else None,
        )
        (extraction,) = extract_docs(nlp, [("test", source)])
        return extraction

    return run
