"""Output files: deterministic JSON, written atomically (temporary file, fsync, rename)."""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from .errors import ErrorCode, PressfactsError

RELEASES_DIR = "releases"
CORPUS_FLAGS = "corpus-flags.json"
ERRORS = "errors.json"
LOCK = ".lock"


def dumps(model: BaseModel) -> str:
    """Canonical JSON of a model: field order as declared, UTF-8, one trailing newline."""
    return model.model_dump_json(indent=1) + "\n"


def dumps_list(models: Iterable[BaseModel]) -> str:
    """Canonical JSON of a list of models (as json.dumps(indent=1) of the list), built one
    model at a time."""
    items = [
        json.dumps(json.loads(m.model_dump_json()), indent=1, ensure_ascii=False).replace(
            "\n", "\n "
        )
        for m in models
    ]
    return "[\n " + ",\n ".join(items) + "\n]\n" if items else "[]\n"


def write_atomic(path: Path, text: str, *, sync_parent: bool = True) -> None:
    """Write text to path so that readers see the old file or the new one, never a part.

    With sync_parent=False the caller syncs the folder (sync_folder) once for many files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if sync_parent:
        sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make the renames in a folder durable (fsync of the folder)."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def remove_partial_writes(out: Path) -> int:
    """Delete temporary files a killed writer left behind; return how many there were."""
    leftovers = [p for p in out.rglob(".*.tmp") if p.is_file()]
    for path in leftovers:
        path.unlink()
    return len(leftovers)


@contextmanager
def exclusive(out: Path) -> Iterator[None]:
    """Hold the output folder's lock: one run at a time may write to it."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK, "w", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as e:
            raise PressfactsError(ErrorCode.E013, path=out) from e
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def release_path(out: Path, release_id: str) -> Path:
    """Where the Extraction of a release is written."""
    return out / RELEASES_DIR / f"{release_id}.json"
