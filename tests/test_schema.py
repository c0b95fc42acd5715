"""The committed JSON Schema matches the models, and real output validates against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from pipeline.schema_export import extraction_schema
from tests.paths import CORPUS, ROOT, SHARED_EVAL

SCHEMA_FILE = ROOT / "schemas" / "extraction.schema.json"


def release_files() -> list[Path]:
    """The dev releases when ../shared is present, plus the bundled corpus."""
    files = sorted((SHARED_EVAL / "dev").glob("*.txt")) if SHARED_EVAL.is_dir() else []
    return files + sorted(p for p in CORPUS.glob("*") if p.suffix in {".txt", ".md", ".html"})


def test_committed_schema_is_current() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == extraction_schema(), "run `make schema` and commit the result"


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(extraction_schema())


@pytest.mark.parametrize("path", release_files(), ids=lambda p: p.name)
def test_extraction_validates_against_committed_schema(path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from pipeline.extract import extract_docs
    from pipeline.ingest import read_source
    from pipeline.store import dumps

    (extraction,) = extract_docs(nlp, [(path.stem, read_source(path))])
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(dumps(extraction)))
