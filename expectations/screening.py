"""Screen a layer's partition with its suite: parameters from the lake, results as rows.

The suite's parameters come from the data around the partition: the upstream partition's
ids (relationships), the row counts of recent days (volume), the landing day (date ranges).
"""

from __future__ import annotations

import math
import statistics
from datetime import date, datetime, timedelta
from typing import Any

import pyarrow as pa

from expectations.runner import SuiteOutcome, validate_table
from newsfacts import lake
from newsfacts.config import DataPaths
from newsfacts.layers import ID_COLUMN, MAIN_TABLE, read_table
from newsfacts.schemas import CHECK_RESULTS
from newsfacts.vocabulary import EVENT_TYPES, SUB_EVENT_TYPES, WEAPONS

SUITES = {"raw": "raw_articles", "parsed": "parsed_articles", "events": "events_mentions"}
UPSTREAM = {"parsed": ("raw", "raw_article_ids"), "events": ("parsed", "parsed_article_ids")}
VOLUME_HISTORY_DAYS = 7
MIN_HISTORY_DAYS = 3  # fewer days of history than this: no volume bounds yet
OLDEST_PUBLISHED = date(1990, 1, 1)
EVENT_LOOKBACK = timedelta(days=366)


def volume_bounds(paths: DataPaths, layer: str, day: date) -> tuple[int, int | None]:
    """Bounds on a day's row count from the median of the previous days' partitions."""
    table = MAIN_TABLE[layer]
    counts = []
    for back in range(1, VOLUME_HISTORY_DAYS + 1):
        path = paths.partition_file(layer, table, day - timedelta(days=back))
        if lake.exists(path):
            counts.append(lake.row_count(path))
    if len(counts) < MIN_HISTORY_DAYS:
        return 0, None
    median = statistics.median(counts)
    return math.floor(median * 0.25), math.ceil(median * 4) + 5


def suite_parameters(paths: DataPaths, layer: str, day: date) -> dict[str, Any]:
    low, high = volume_bounds(paths, layer, day)
    parameters: dict[str, Any] = {"volume_min": low, "volume_max": high}
    if layer in UPSTREAM:
        upstream, name = UPSTREAM[layer]
        ids = read_table(paths, upstream, MAIN_TABLE[upstream], day)["article_id"]
        parameters[name] = ids.to_pylist()
    if layer == "parsed":
        parameters |= {
            "oldest_published": OLDEST_PUBLISHED.isoformat(),
            "latest_published": (day + timedelta(days=1)).isoformat(),
        }
    if layer == "events":
        parameters |= coding_parameters(day)
    return parameters


def coding_parameters(day: date) -> dict[str, Any]:
    """The guideline's vocabulary and the plausible event dates for mentions landed on `day`."""
    return {
        "event_types": list(EVENT_TYPES),
        "event_type_pairs": [[kind, sub] for kind, subs in SUB_EVENT_TYPES.items() for sub in subs],
        "weapons": list(WEAPONS),
        "oldest_event_date": (day - EVENT_LOOKBACK).isoformat(),
        "latest_event_date": (day + timedelta(days=1)).isoformat(),
    }


def screen(paths: DataPaths, layer: str, day: date, table: pa.Table) -> SuiteOutcome:
    return validate_table(table, SUITES[layer], ID_COLUMN[layer], suite_parameters(paths, layer, day))


def row_failures(outcome: SuiteOutcome) -> dict[str, list[tuple[str, str]]]:
    """{row id: [(check name, reason)]} for the rows that broke row-level rules."""
    return {row_id: [(o.name, o.reason) for o in broken] for row_id, broken in outcome.quarantined().items()}


def check_result_rows(
    outcome: SuiteOutcome, table_name: str, day: date, run_id: str, evaluated_at: datetime
) -> pa.Table:
    rows = [
        {
            "run_id": run_id,
            "landed_date": day,
            "table_name": table_name,
            "suite": outcome.suite,
            "check_name": o.name,
            "expectation_type": o.expectation_type,
            "column_name": o.column,
            "severity": o.severity,
            "row_level": o.row_level,
            "success": o.success,
            "rows_checked": outcome.rows,
            "unexpected_count": o.unexpected_count,
            "example_ids": list(o.unexpected_ids[:20]),
            "observed": o.observed,
            "evaluated_at": evaluated_at,
        }
        for o in outcome.outcomes
    ]
    return pa.Table.from_pylist(rows, schema=CHECK_RESULTS)
