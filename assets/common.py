"""What every layer asset shares: compute each day, screen it with the layer's Great
Expectations suite, quarantine rows that break row-level rules, write, and report."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, date, datetime

import dagster as dg
import duckdb
import pyarrow as pa

from expectations.runner import ExpectationOutcome, SuiteOutcome
from expectations.screening import SUITES, check_result_rows, row_failures, screen
from newsfacts.config import DataPaths
from newsfacts.lake import MissingPartitionError, write_partition
from newsfacts.layers import MAIN_TABLE, LayerCompute, PartitionWrite, quarantine_rows, write_tables
from newsfacts.parallel import Engine

PREVIEW_ROWS = 5
EXAMPLE_IDS = 10
PREVIEW_COLUMNS: dict[str, list[str]] = {
    "raw.articles": ["landed_date", "source_file", "record_index", "content_type", "encoding", "size_bytes"],
    "raw.rejected": ["landed_date", "source_file", "record_index", "reason", "detail"],
    "parsed.articles": ["landed_date", "title", "language", "published", "published_basis", "word_count"],
    "parsed.quarantine": ["landed_date", "article_id", "check", "reason"],
    "events.mentions": [
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "country",
        "admin1",
        "location",
        "weapon",
        "fatalities",
        "injured",
    ],
    "events.quarantine": ["landed_date", "article_id", "check", "reason"],
}
STRUCTURE_CHECK = "structure"  # keys, relationships, enumerations: blocks downstream
QUALITY_CHECK = "quality"  # row-level rules (rows quarantined), volume, completeness: warns


def check_specs(layer: str) -> list[dg.AssetCheckSpec]:
    key = dg.AssetKey([layer, MAIN_TABLE[layer]])
    suite = SUITES[layer]
    return [
        dg.AssetCheckSpec(
            STRUCTURE_CHECK,
            asset=key,
            blocking=True,
            description=f"Great Expectations suite {suite}, structural rules (severity error): "
            "a failure stops the downstream assets.",
        ),
        dg.AssetCheckSpec(
            QUALITY_CHECK,
            asset=key,
            description=f"Great Expectations suite {suite}, row-level, volume and completeness rules "
            "(severity warn); rows breaking row-level rules are quarantined.",
        ),
    ]


TRANSIENT_RETRIES = 3
TRANSIENT_WAIT_SECONDS = 2


@contextlib.contextmanager
def retry_transient_io(context: dg.AssetExecutionContext) -> Iterator[None]:
    """Retry the step after an I/O error that may pass (a busy disk, a locked file, NFS).

    A missing upstream partition is not transient: it fails at once with the path in the message.
    """
    try:
        yield
    except MissingPartitionError:
        raise
    except (OSError, duckdb.IOException) as error:
        context.log.warning(f"transient I/O error, retrying the step: {error}")
        raise dg.RetryRequested(
            max_retries=TRANSIENT_RETRIES, seconds_to_wait=TRANSIENT_WAIT_SECONDS
        ) from error


def give_back_memory() -> None:
    """Return freed memory to the system between days, so a long range's peak stays one day's.

    Arrow's allocator and glibc's malloc both keep freed pages for reuse otherwise.
    """
    gc.collect()
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def asset_key(qualified: str) -> dg.AssetKey:
    return dg.AssetKey(qualified.split("."))


def partition_days(context: dg.AssetExecutionContext) -> list[date]:
    return [date.fromisoformat(key) for key in context.partition_keys]


def markdown_preview(table: pa.Table, columns: list[str]) -> str:
    rows = table.select(columns).slice(0, PREVIEW_ROWS).to_pylist()
    if not rows:
        return "_no rows_"
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        cells = [str(row[c]).replace("|", "\\|").replace("\n", " ")[:80] for c in columns]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def run_layer(
    context: dg.AssetExecutionContext,
    paths: DataPaths,
    layer: str,
    compute: LayerCompute,
    engine: Engine | None = None,
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Run one layer for every day of the run; one result per output table and per check.

    Days are processed and written one at a time (their per-article work spread over
    `engine`), so a run's memory does not grow with the number of days.
    """
    now = datetime.now(UTC)
    if engine is not None:
        context.log.info(f"per-article work on engine {engine.name} ({engine.workers} workers)")
    days = partition_days(context)
    try:
        if engine is None or engine.workers < 2:
            # Computed here, in the main thread, where the per-article time budget's alarm
            # can interrupt the work (raw's reading; parsing and extraction done in process).
            yield from _run_days(context, paths, layer, compute, engine, days, now, None)
        else:
            # The next day is computed on the engine's workers (each enforcing the budget)
            # while this one is checked and written: at most two days in memory.
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="next-day") as ahead:
                yield from _run_days(context, paths, layer, compute, engine, days, now, ahead)
    finally:
        if engine is not None:
            engine.release()


def _run_days(
    context: dg.AssetExecutionContext,
    paths: DataPaths,
    layer: str,
    compute: LayerCompute,
    engine: Engine | None,
    days: list[date],
    now: datetime,
    ahead: ThreadPoolExecutor | None,
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    writes: list[PartitionWrite] = []
    outcomes: dict[date, SuiteOutcome] = {}
    previews: dict[str, str] = {}  # the last day's, rendered at once: no day's rows are kept

    def submit(day: date) -> Future | None:
        return ahead.submit(compute, paths, day, now, engine) if ahead is not None else None

    pending = submit(days[0]) if days else None
    for index, day in enumerate(days):
        started = time.perf_counter()
        with retry_transient_io(context):
            tables = pending.result() if pending is not None else compute(paths, day, now, engine)
        pending = submit(days[index + 1]) if index + 1 < len(days) else None
        computed = time.perf_counter()
        outcome = screen(paths, layer, day, tables[MAIN_TABLE[layer]])
        screened = time.perf_counter()
        failures = row_failures(outcome)
        if failures:
            tables = quarantine_rows(tables, layer, day, failures, now)
        table_name = f"{layer}.{MAIN_TABLE[layer]}"
        with retry_transient_io(context):
            write_partition(
                check_result_rows(outcome, table_name, day, context.run_id, now),
                paths.check_results_file(table_name, day, context.run_id),
            )
            writes.append(write_tables(paths, layer, day, tables))
        outcomes[day] = outcome
        previews = {
            f"{layer}.{name}": markdown_preview(table, PREVIEW_COLUMNS[f"{layer}.{name}"])
            for name, table in tables.items()
        }
        del tables
        give_back_memory()
        context.log.info(
            f"{day}: {writes[-1].row_counts}; {len(outcome.failed())} expectations failed; "
            f"waited for compute {computed - started:.2f} s, checks {screened - computed:.2f} s, "
            f"write {time.perf_counter() - screened:.2f} s"
        )
    for qualified in writes[0].row_counts:
        counts = {w.day.isoformat(): w.row_counts[qualified] for w in writes}
        last = writes[-1]
        yield dg.MaterializeResult(
            asset_key=asset_key(qualified),
            metadata={
                "dagster/row_count": sum(counts.values()),
                "rows_per_day": dg.MetadataValue.json(counts),
                "path": dg.MetadataValue.path(last.files[qualified]),
                f"preview ({last.day})": dg.MetadataValue.md(previews[qualified]),
            },
        )
    yield from check_results(
        outcomes,
        dg.AssetKey([layer, MAIN_TABLE[layer]]),
        {STRUCTURE_CHECK: {"error"}, QUALITY_CHECK: {"warn"}},
        SUITES[layer],
    )


def _failure_summary(failed: list[tuple[date, ExpectationOutcome]]) -> str:
    lines = ["| day | rule | column | unexpected | example ids | observed |", "|---|---|---|---|---|---|"]
    for day, o in failed:
        ids = ", ".join(i[:12] for i in o.unexpected_ids[:EXAMPLE_IDS])
        lines.append(
            f"| {day} | {o.name} | {o.column or ''} | {o.unexpected_count} | {ids} | {o.observed or ''} |"
        )
    return "\n".join(lines)


def check_results(
    outcomes: dict[date, SuiteOutcome], key: dg.AssetKey, checks: dict[str, set[str]], suite: str
) -> Iterator[dg.AssetCheckResult]:
    """One AssetCheckResult per check; each check covers the suite's rules of some severities.

    The result's severity is ERROR when a failed rule is an error (which blocks downstream
    assets for a blocking check), else WARN.
    """
    for check_name, severities in checks.items():
        evaluated = [
            (d, o) for d, outcome in outcomes.items() for o in outcome.outcomes if o.severity in severities
        ]
        failed = [(d, o) for d, o in evaluated if not o.success]
        errors = any(o.severity == "error" for _, o in failed)
        metadata = {
            "suite": suite,
            "expectations_run": len(evaluated),
            "expectations_failed": len(failed),
            "success_percent": round(100.0 * (len(evaluated) - len(failed)) / len(evaluated), 1)
            if evaluated
            else 100.0,
            "rows_checked": sum(outcome.rows for outcome in outcomes.values()),
            "rows_quarantined": sum(o.unexpected_count for _, o in failed if o.row_level),
            "failed_rules": dg.MetadataValue.json(sorted({o.name for _, o in failed})),
            "failures": dg.MetadataValue.md(_failure_summary(failed) if failed else "_none_"),
            "offending_ids": dg.MetadataValue.json(
                {o.name: list(o.unexpected_ids[:EXAMPLE_IDS]) for _, o in failed}
            ),
        }
        yield dg.AssetCheckResult(
            asset_key=key,
            check_name=check_name,
            passed=not failed,
            severity=dg.AssetCheckSeverity.ERROR if errors else dg.AssetCheckSeverity.WARN,
            metadata=metadata,
        )
