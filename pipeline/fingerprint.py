"""The pipeline fingerprint: what must stay equal for a stored extraction to be reused.

It covers the pressfacts source and data files, the versions of the packages that shape the
output, and the chosen spaCy model, and is computed without loading the model.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

from . import __version__
from .nlp import DEFAULT_MODELS

PACKAGES = ("spacy", "quantulum3", "dateparser", "pydantic", "trafilatura", "pypdf")
PACKAGE_DIR = Path(__file__).resolve().parent


def resolve_model_name(model: str | None) -> str:
    """The model a run will load: the one asked for, else the first default that is installed."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return DEFAULT_MODELS[0]


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def pipeline_fingerprint(model: str | None) -> str:
    """A short hash that changes whenever code, data, dependencies or model could change output."""
    h = hashlib.sha256()
    name = resolve_model_name(model)
    h.update(
        f"pressfacts {__version__}\nmodel {name} {_version(name.replace('_', '-'))}\n".encode()
    )
    for package in PACKAGES:
        h.update(f"{package} {_version(package)}\n".encode())
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in {".py", ".json", ".tsv", ".yaml"} and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:16]
