"""The unit of work of a batch run: one shard of files in, one outcome per file out.

The same function runs in the main process, in local worker processes and on Dask workers;
each process loads the spaCy pipeline once and keeps it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from .errors import ErrorCode, PressfactsError
from .extract import extract_docs
from .ingest import SourceDocument, read_source
from .schema import ErrorRecord, Extraction

_PIPELINES: dict[str | None, Language] = {}
_DOCS_READ: dict[int, int] = {}
"""Documents each pipeline (by id) has read in this process."""
WARM_UP_DOCS = 64
"""Documents read outside a memory zone first (see _memory_zone)."""


@dataclass(frozen=True)
class Task:
    """One file to process, with the id its release will get."""

    release_id: str
    source: str


@dataclass(frozen=True)
class Outcome:
    """The result for one file: its Extraction, or an error record."""

    task: Task
    extraction: Extraction | None = None
    error: ErrorRecord | None = None


class DocumentTimeout(Exception):
    """Raised inside a document's processing when its time limit has passed."""


def get_nlp(model: str | None) -> Language:
    """The pipeline for this process, loaded on first use."""
    if model not in _PIPELINES:
        from .nlp import build_nlp

        _PIPELINES[model] = build_nlp(model)
    return _PIPELINES[model]


def adopt_nlp(model: str | None, nlp: Language) -> None:
    """Use an already built pipeline for `model` in this process (and in forked children)."""
    _PIPELINES[model] = nlp


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise DocumentTimeout after `seconds` (main thread only; elsewhere no limit applies)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_shard(
    tasks: Sequence[Task], model: str | None, timeout: float, batch_size: int = 16
) -> list[Outcome]:
    """Read and extract every file of the shard; failures become error outcomes."""
    nlp = get_nlp(model)
    outcomes: list[Outcome] = []
    readable: list[tuple[Task, SourceDocument]] = []
    for task in tasks:
        try:
            readable.append((task, read_source(Path(task.source))))
        except PressfactsError as e:
            outcomes.append(_failed(task, e))
    for start in range(0, len(readable), batch_size):
        outcomes.extend(_extract_batch(nlp, readable[start : start + batch_size], timeout))
    order = {task: i for i, task in enumerate(tasks)}
    return sorted(outcomes, key=lambda o: order[o.task])


def _extract_batch(
    nlp: Language, batch: list[tuple[Task, SourceDocument]], timeout: float
) -> list[Outcome]:
    """The whole batch through nlp.pipe; if that fails, each document alone to isolate the cause."""
    try:
        with time_limit(timeout * len(batch)):
            return _extract(nlp, batch)
    except Exception:  # noqa: BLE001  (redone one by one below, where each failure is recorded)
        pass
    outcomes = []
    for task, source in batch:
        try:
            with time_limit(timeout):
                outcomes.extend(_extract(nlp, [(task, source)]))
        except DocumentTimeout:
            error = PressfactsError(ErrorCode.E010, path=task.source, seconds=timeout)
            outcomes.append(_failed(task, error))
        except Exception as e:  # noqa: BLE001  (one bad document must not stop the batch)
            outcomes.append(
                _failed(task, PressfactsError(ErrorCode.E009, path=task.source, detail=repr(e)))
            )
    return outcomes


def _extract(nlp: Language, batch: list[tuple[Task, SourceDocument]]) -> list[Outcome]:
    pairs = [(task.release_id, source) for task, source in batch]
    with _memory_zone(nlp, len(pairs)):
        extractions = list(extract_docs(nlp, pairs))
    return [
        Outcome(task=task, extraction=ex) for (task, _), ex in zip(batch, extractions, strict=True)
    ]


def _memory_zone(nlp: Language, docs: int) -> AbstractContextManager[object]:
    """spaCy's memory zone, in which the strings and lexemes new docs add to the vocab are
    freed after them, once this process has read WARM_UP_DOCS docs outside one: spaCy fills
    its tokenizer cache only outside a zone."""
    seen = _DOCS_READ.get(id(nlp), 0)
    _DOCS_READ[id(nlp)] = seen + docs
    return nlp.memory_zone() if seen >= WARM_UP_DOCS else nullcontext()


def _failed(task: Task, error: PressfactsError) -> Outcome:
    return Outcome(
        task=task,
        error=ErrorRecord(source=task.source, code=error.code.name, message=error.message),
    )
