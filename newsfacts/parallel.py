"""Apply a per-article function over a day's articles, on every core when the day is big.

Parsing and extraction are pure Python and CPU-bound, so threads don't help; worker
processes do (about 2x on two cores). Starting workers costs a second or two (each imports
the parser and loads the gazetteer), so small days run in this process. Either way each
item gets its own (result, error) and one bad article never stops the others.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from newsfacts.limits import ArticleTimeout, can_interrupt, run_with_budget

Item = TypeVar("Item")
POOL_MIN_ITEMS = 5000  # below this, worker start-up costs more than the pool saves
CHUNK_SIZE = 500  # items per task: big enough that pickling and scheduling stay negligible


def describe_error(error: BaseException) -> str:
    """'ValueError: message (at parse.py:123)': the error and the line it came from."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f" (at {frames[-1].filename.rsplit('/', 1)[-1]}:{frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


def _apply_chunk(
    function: Callable[[Any], Any], items: Sequence[Any], seconds: float | None = None
) -> list[tuple[Any, str | None]]:
    results: list[tuple[Any, str | None]] = []
    for item in items:
        try:
            results.append((run_with_budget(function, item, seconds), None))
        except ArticleTimeout as error:  # no line number: where the alarm fell says nothing
            results.append((None, f"{type(error).__name__}: {error}"))
        except Exception as error:  # reported per item, never raised: the caller quarantines it
            results.append((None, describe_error(error)))
    return results


def apply_each(
    function: Callable[[Item], Any],
    items: Sequence[Item],
    workers: int | None = None,
    min_items_for_pool: int = POOL_MIN_ITEMS,
    seconds: float | None = None,
) -> list[tuple[Any, str | None]]:
    """[(function(item), None) or (None, error description)] for each item, in order.

    `function` must be importable by name (a module-level function) for the pool to use it.
    With `seconds`, an item that takes longer is interrupted and gets an ArticleTimeout
    error; the budget needs a main thread, so from any other thread the work goes to the pool.
    """
    if not items:
        return []
    workers = workers or os.cpu_count() or 1
    in_process = workers < 2 or len(items) < min_items_for_pool
    if in_process and (seconds is None or can_interrupt()):
        return _apply_chunk(function, items, seconds)
    workers = max(1, min(workers, len(items)))
    chunks = [items[start : start + CHUNK_SIZE] for start in range(0, len(items), CHUNK_SIZE)]
    # "spawn": a fresh interpreter per worker; forking a process that runs threads (as
    # Dagster's run workers do) can deadlock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return [
            pair
            for chunk in pool.map(_apply_chunk, [function] * len(chunks), chunks, [seconds] * len(chunks))
            for pair in chunk
        ]
