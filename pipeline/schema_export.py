"""JSON Schema documents generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from .schema import CorpusFlag, Extraction

SCHEMA_ID = "https://pressfacts.invalid/schemas/extraction.schema.json"


def extraction_schema() -> dict[str, Any]:
    """The JSON Schema of one Extraction, plus the corpus-flags list under $defs."""
    schema = Extraction.model_json_schema()
    corpus = TypeAdapter(list[CorpusFlag]).json_schema(ref_template="#/$defs/{model}")
    schema.setdefault("$defs", {}).update(corpus.pop("$defs", {}))
    schema["$defs"]["CorpusFlags"] = corpus
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
