"""Explicit pyarrow schemas, one per table, mirroring `newsfacts.records` field for field.

Parquet types are never inferred: an empty partition has the same columns and types as a
full one, and DuckDB loads every partition into the same table definition.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from newsfacts.records import (
    EventMention,
    ParsedArticle,
    QuarantinedRecord,
    RawArticle,
    RejectedInput,
    RemovedBlock,
)

_TS = pa.timestamp("us", tz="UTC")

RAW_ARTICLES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("landed_date", pa.date32(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("record_index", pa.int32(), nullable=False),
        pa.field("content_type", pa.string(), nullable=False),
        pa.field("size_bytes", pa.int64(), nullable=False),
        pa.field("content", pa.binary(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("encoding", pa.string(), nullable=False),
        pa.field("source_url", pa.string()),
        pa.field("ingested_at", _TS, nullable=False),
    ]
)

RAW_REJECTED = pa.schema(
    [
        pa.field("rejected_id", pa.string(), nullable=False),
        pa.field("landed_date", pa.date32(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("record_index", pa.int32()),
        pa.field("size_bytes", pa.int64(), nullable=False),
        pa.field("content", pa.binary(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("detail", pa.string(), nullable=False),
        pa.field("rejected_at", _TS, nullable=False),
    ]
)

REMOVED_BLOCK = pa.struct([pa.field("text", pa.string()), pa.field("reason", pa.string())])

PARSED_ARTICLES = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("landed_date", pa.date32(), nullable=False),
        pa.field("source_file", pa.string(), nullable=False),
        pa.field("title", pa.string()),
        pa.field("standfirst", pa.string()),
        pa.field("headings", pa.list_(pa.string()), nullable=False),
        pa.field("paragraphs", pa.list_(pa.string()), nullable=False),
        pa.field("paragraph_languages", pa.list_(pa.string()), nullable=False),
        pa.field("removed_blocks", pa.list_(REMOVED_BLOCK), nullable=False),
        pa.field("language", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("published_basis", pa.string()),
        pa.field("source", pa.string()),
        pa.field("url", pa.string()),
        pa.field("word_count", pa.int32(), nullable=False),
        pa.field("parser_version", pa.string(), nullable=False),
    ]
)

EVENT_MENTIONS = pa.schema(
    [
        pa.field("mention_id", pa.string(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("landed_date", pa.date32(), nullable=False),
        pa.field("event_type", pa.string(), nullable=False),
        pa.field("sub_event_type", pa.string()),
        pa.field("actor1", pa.string()),
        pa.field("actor2", pa.string()),
        pa.field("country", pa.string()),
        pa.field("admin1", pa.string()),
        pa.field("location", pa.string()),
        pa.field("location_raw", pa.string()),
        pa.field("latitude", pa.float64()),
        pa.field("longitude", pa.float64()),
        pa.field("geonameid", pa.int64()),
        pa.field("geo_precision", pa.int8()),
        pa.field("weapon", pa.string()),
        pa.field("fatalities", pa.int32()),
        pa.field("injured", pa.int32()),
        pa.field("event_date", pa.date32()),
        pa.field("time_precision", pa.int8()),
        pa.field("evidence", pa.string(), nullable=False),
        pa.field("evidence_start", pa.int32(), nullable=False),
        pa.field("evidence_end", pa.int32(), nullable=False),
        pa.field("confidence", pa.float32(), nullable=False),
        pa.field("extractor_version", pa.string(), nullable=False),
    ]
)

QUARANTINE = pa.schema(
    [
        pa.field("record_id", pa.string(), nullable=False),
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("landed_date", pa.date32(), nullable=False),
        pa.field("layer", pa.string(), nullable=False),
        pa.field("check", pa.string(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("quarantined_at", _TS, nullable=False),
    ]
)

# Grain: one row per expectation evaluated on a table's partition in a run (dq.check_results).
CHECK_RESULTS = pa.schema(
    [
        pa.field("run_id", pa.string(), nullable=False),
        pa.field("landed_date", pa.date32(), nullable=False),
        pa.field("table_name", pa.string(), nullable=False),
        pa.field("suite", pa.string(), nullable=False),
        pa.field("check_name", pa.string(), nullable=False),
        pa.field("expectation_type", pa.string(), nullable=False),
        pa.field("column_name", pa.string()),
        pa.field("severity", pa.string(), nullable=False),
        pa.field("row_level", pa.bool_(), nullable=False),
        pa.field("success", pa.bool_(), nullable=False),
        pa.field("rows_checked", pa.int64(), nullable=False),
        pa.field("unexpected_count", pa.int64(), nullable=False),
        pa.field("example_ids", pa.list_(pa.string()), nullable=False),
        pa.field("observed", pa.string()),
        pa.field("evaluated_at", _TS, nullable=False),
    ]
)

# Each lake table: (layer, table) -> (schema, record class). The layer is the DuckDB schema.
TABLES: dict[tuple[str, str], tuple[pa.Schema, type]] = {
    ("raw", "articles"): (RAW_ARTICLES, RawArticle),
    ("raw", "rejected"): (RAW_REJECTED, RejectedInput),
    ("parsed", "articles"): (PARSED_ARTICLES, ParsedArticle),
    ("parsed", "quarantine"): (QUARANTINE, QuarantinedRecord),
    ("events", "mentions"): (EVENT_MENTIONS, EventMention),
    ("events", "quarantine"): (QUARANTINE, QuarantinedRecord),
}


def _plain(value: Any) -> Any:
    """Dataclass values to what pyarrow takes: tuples to lists, nested records to dicts."""
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, RemovedBlock):
        return {"text": value.text, "reason": value.reason}
    return value


def records_to_table(records: Iterable[Any], schema: pa.Schema) -> pa.Table:
    """Build a table with exactly `schema` from frozen dataclass records."""
    names = schema.names
    columns: dict[str, list[Any]] = {name: [] for name in names}
    for record in records:
        for name in names:
            columns[name].append(_plain(getattr(record, name)))
    return pa.Table.from_pydict(columns, schema=schema)


def table_to_records(table: pa.Table, record_type: type) -> list[Any]:
    """Rebuild frozen dataclass records from a table written by `records_to_table`."""
    field_names = [f.name for f in dataclasses.fields(record_type)]
    records = []
    for row in table.select(field_names).to_pylist():
        records.append(record_type(**{name: _from_plain(name, row[name]) for name in field_names}))
    return records


def _from_plain(name: str, value: Any) -> Any:
    if name == "removed_blocks":
        return tuple(RemovedBlock(**block) for block in value)
    if isinstance(value, list):
        return tuple(value)
    return value
