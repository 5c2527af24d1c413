"""Apply a per-article function over a day's articles in chunks, on an engine chosen by config.

Parsing and extraction are pure Python and CPU-bound, so threads don't help; processes do.
Three engines share one contract: `map_chunks(function, chunks)` returns, for each chunk
and in order, a (result, error) pair per item, so one bad article never stops the others
and the results are the same whichever engine ran them.

- `SerialEngine`: this process (tests, tiny days, debugging).
- `ProcessEngine`: a pool of worker processes on this machine, one per core by default,
  started on first use and kept for the whole run (workers load the parser and gazetteer
  once, not once per day).
- `DaskEngine`: a Dask distributed cluster, either an existing scheduler (`tcp://host:8786`)
  or a `LocalCluster` of N worker processes on 127.0.0.1. Chunks travel to the workers and
  only compact results come back; the workers need the newsfacts package installed.

The function must be importable by name (a module-level function) on every worker.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from newsfacts.limits import ArticleTimeout, can_interrupt, run_with_budget

Item = TypeVar("Item")
Pair = tuple[Any, str | None]

MIN_CHUNK = 25  # items per task at least: pickling and scheduling stay negligible
MAX_CHUNK = 500  # at most: memory per task stays small and the workers stay balanced
TASKS_PER_WORKER = 4  # chunks per worker and day, so a slow chunk does not idle the others


def describe_error(error: BaseException) -> str:
    """'ValueError: message (at parse.py:123)': the error and the line it came from."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


def apply_chunk(
    function: Callable[[Any], Any], items: Sequence[Any], seconds: float | None = None
) -> list[Pair]:
    """(function(item), None) or (None, error description) for each item, in order.

    With `seconds`, an item that runs longer is interrupted and gets an ArticleTimeout error.
    """
    results: list[Pair] = []
    for item in items:
        try:
            results.append((run_with_budget(function, item, seconds), None))
        except ArticleTimeout as error:  # no line number: where the alarm fell says nothing
            results.append((None, f"{type(error).__name__}: {error}"))
        except Exception as error:  # reported per item, never raised: the caller quarantines it
            results.append((None, describe_error(error)))
    return results


def split(items: Sequence[Item], size: int) -> list[Sequence[Item]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _spawn_pool(workers: int) -> ProcessPoolExecutor:
    # "spawn": a fresh interpreter per worker; forking a process that runs threads (as
    # Dagster's run workers do) can deadlock.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))


class Engine(Protocol):
    name: str
    workers: int

    def map_chunks(
        self, function: Callable[[Any], Any], chunks: list[Sequence[Any]], seconds: float | None = None
    ) -> list[list[Pair]]: ...

    def release(self) -> None:
        """Give back what idle workers hold; the engine starts them again when next used."""
        ...

    def close(self) -> None: ...


class SerialEngine:
    """Every chunk in this process."""

    name = "serial"
    workers = 1

    def map_chunks(
        self, function: Callable[[Any], Any], chunks: list[Sequence[Any]], seconds: float | None = None
    ) -> list[list[Pair]]:
        if seconds and not can_interrupt():
            # The budget needs a main thread; from any other thread, one worker process runs it.
            with _spawn_pool(1) as pool:
                return list(pool.map(apply_chunk, [function] * len(chunks), chunks, [seconds] * len(chunks)))
        return [apply_chunk(function, chunk, seconds) for chunk in chunks]

    def release(self) -> None:
        pass

    def close(self) -> None:
        pass


class ProcessEngine:
    """A pool of worker processes on this machine, started on first use, kept until close()."""

    name = "processes"

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None

    def map_chunks(
        self, function: Callable[[Any], Any], chunks: list[Sequence[Any]], seconds: float | None = None
    ) -> list[list[Pair]]:
        nothing_to_spread = self.workers < 2 or len(chunks) < 2
        if nothing_to_spread and (not seconds or can_interrupt()):  # skip the pool
            return SerialEngine().map_chunks(function, chunks, seconds)
        if self._pool is None:
            self._pool = _spawn_pool(self.workers)
        return list(self._pool.map(apply_chunk, [function] * len(chunks), chunks, [seconds] * len(chunks)))

    def release(self) -> None:
        # Workers keep the memory their largest chunk needed; between steps, let them go.
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class DaskEngine:
    """Chunks as tasks on a Dask distributed cluster (an existing scheduler or a local one)."""

    name = "dask"

    def __init__(self, scheduler: str = "", workers: int = 0) -> None:
        self.scheduler = scheduler
        self.workers = workers or os.cpu_count() or 1
        self._client: Any = None
        self._cluster: Any = None

    def client(self) -> Any:
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                )
                self._client = Client(self._cluster)
            self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or self.workers)
        return self._client

    def map_chunks(
        self, function: Callable[[Any], Any], chunks: list[Sequence[Any]], seconds: float | None = None
    ) -> list[list[Pair]]:
        if not chunks:
            return []
        client = self.client()
        # pure=False: the same articles mapped twice (a re-run) are computed again, not cached.
        # Dask runs tasks in worker threads, where no alarm can interrupt them; the
        # scheduler's own task timeouts are the guard there, so `seconds` does not apply.
        futures = client.map(apply_chunk, [function] * len(chunks), chunks, pure=False)
        try:
            return client.gather(futures)
        finally:
            client.cancel(futures)

    def release(self) -> None:
        pass  # a cluster is shared and stays warm; its workers manage their own memory

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def make_engine(kind: str = "processes", workers: int = 0, scheduler: str = "") -> Engine:
    """'serial', 'processes' (the default: a pool sized to the machine) or 'dask'."""
    if kind == "serial":
        return SerialEngine()
    if kind == "processes":
        return ProcessEngine(workers)
    if kind == "dask":
        return DaskEngine(scheduler, workers)
    raise ValueError(f"unknown engine {kind!r}: use serial, processes or dask")


def chunk_size_for(count: int, workers: int) -> int:
    """About TASKS_PER_WORKER chunks per worker, within MIN_CHUNK..MAX_CHUNK items."""
    return max(MIN_CHUNK, min(MAX_CHUNK, math.ceil(count / (max(workers, 1) * TASKS_PER_WORKER))))


def apply_each(
    function: Callable[[Item], Any],
    items: Sequence[Item],
    engine: Engine | None = None,
    chunk_size: int = 0,
    seconds: float | None = None,
) -> list[Pair]:
    """[(function(item), None) or (None, error description)] for each item, in order.

    The items are cut into chunks (chunk_size, or sized to the engine's workers) and the
    chunks run on `engine` (None: this process). The result does not depend on either.
    With `seconds`, an item that takes longer is interrupted and gets an ArticleTimeout error.
    """
    engine = engine or SerialEngine()
    if not items:
        return []
    chunks = split(items, chunk_size or chunk_size_for(len(items), engine.workers))
    return [pair for chunk in engine.map_chunks(function, chunks, seconds) for pair in chunk]
