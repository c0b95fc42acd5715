"""Where shards of work run: in this process, in local worker processes, or on a Dask cluster."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Literal

from .worker import Outcome, Task, get_nlp, process_shard

Engine = Literal["local", "dask"]


@dataclass(frozen=True)
class EngineOptions:
    """How to run shards: engine, number of workers, Dask scheduler address, limits."""

    engine: Engine = "local"
    workers: int = 1
    scheduler: str | None = None
    model: str | None = None
    timeout: float = 60.0
    batch_size: int = 16


def shard(tasks: Sequence[Task], size: int) -> list[list[Task]]:
    """Split tasks into consecutive shards of at most `size`."""
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]


def run_shards(shards: Sequence[Sequence[Task]], options: EngineOptions) -> Iterator[list[Outcome]]:
    """Yield the outcomes of each shard as it finishes (order not guaranteed when parallel)."""
    if not shards:
        return
    if options.engine == "dask":
        yield from _run_dask(shards, options)
    elif options.workers <= 1:
        for tasks in shards:
            yield process_shard(tasks, options.model, options.timeout, options.batch_size)
    else:
        yield from _run_processes(shards, options)


def _run_processes(
    shards: Sequence[Sequence[Task]], options: EngineOptions
) -> Iterator[list[Outcome]]:
    # Load the model before forking so every worker shares it instead of loading its own.
    get_nlp(options.model)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=options.workers, mp_context=context) as pool:
        futures = [
            pool.submit(process_shard, tasks, options.model, options.timeout, options.batch_size)
            for tasks in shards
        ]
        for future in as_completed(futures):
            yield future.result()


def _run_dask(shards: Sequence[Sequence[Task]], options: EngineOptions) -> Iterator[list[Outcome]]:
    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(1, options.workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        futures = [
            client.submit(
                process_shard,
                list(tasks),
                options.model,
                options.timeout,
                options.batch_size,
                pure=False,
            )
            for tasks in shards
        ]
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
