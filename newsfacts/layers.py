"""One function per layer and day: read the upstream partition, transform, write the partition.

The Dagster assets are thin wrappers over these; the CLI uses `process_article`, the same
per-article path, so what `newsfacts extract` prints is what the pipeline stores.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

import pyarrow as pa

from newsfacts.config import DataPaths
from newsfacts.extract import extract_mentions
from newsfacts.ingest import ingest_landing_day
from newsfacts.lake import read_partition, write_partition
from newsfacts.parse import parse_article
from newsfacts.records import EventMention, ParsedArticle, QuarantinedRecord, RawArticle
from newsfacts.schemas import TABLES, records_to_table, table_to_records


@dataclass(frozen=True, slots=True)
class PartitionWrite:
    """What one layer wrote for one day: row counts per table and the files."""

    day: date
    row_counts: dict[str, int]
    files: dict[str, str]


def _write(paths: DataPaths, layer: str, table: str, day: date, records: Iterable[object]) -> tuple[int, str]:
    schema, _ = TABLES[(layer, table)]
    arrow = records_to_table(records, schema)
    path = write_partition(arrow, paths.partition_file(layer, table, day))
    return arrow.num_rows, str(path)


def _read(paths: DataPaths, layer: str, table: str, day: date) -> list:
    schema, record_type = TABLES[(layer, table)]
    return table_to_records(read_partition(paths.partition_file(layer, table, day), schema), record_type)


def read_table(paths: DataPaths, layer: str, table: str, day: date) -> pa.Table:
    schema, _ = TABLES[(layer, table)]
    return read_partition(paths.partition_file(layer, table, day), schema)


def _finish(paths: DataPaths, layer: str, day: date, tables: dict[str, Iterable[object]]) -> PartitionWrite:
    counts, files = {}, {}
    for table, records in tables.items():
        counts[f"{layer}.{table}"], files[f"{layer}.{table}"] = _write(paths, layer, table, day, records)
    return PartitionWrite(day, counts, files)


def materialize_raw(paths: DataPaths, day: date, now: datetime) -> PartitionWrite:
    result = ingest_landing_day(paths.landing, day, now)
    return _finish(paths, "raw", day, {"articles": result.articles, "rejected": result.rejected})


def materialize_parsed(paths: DataPaths, day: date, now: datetime) -> PartitionWrite:
    parsed: list[ParsedArticle] = []
    quarantined: list[QuarantinedRecord] = []
    raw: RawArticle
    for raw in _read(paths, "raw", "articles", day):
        try:
            parsed.append(parse_article(raw))
        except Exception as error:  # one bad article must not stop the day: quarantine it
            quarantined.append(_quarantine(raw.article_id, raw.article_id, day, "parsed", error, now))
    return _finish(paths, "parsed", day, {"articles": parsed, "quarantine": quarantined})


def materialize_mentions(paths: DataPaths, day: date, now: datetime) -> PartitionWrite:
    mentions: list[EventMention] = []
    quarantined: list[QuarantinedRecord] = []
    article: ParsedArticle
    for article in _read(paths, "parsed", "articles", day):
        try:
            mentions.extend(extract_mentions(article))
        except Exception as error:
            quarantined.append(_quarantine(article.article_id, article.article_id, day, "events", error, now))
    return _finish(paths, "events", day, {"mentions": mentions, "quarantine": quarantined})


def _quarantine(
    record_id: str, article_id: str, day: date, layer: str, error: Exception, now: datetime
) -> QuarantinedRecord:
    where = traceback.extract_tb(error.__traceback__)[-1]
    return QuarantinedRecord(
        record_id=record_id,
        article_id=article_id,
        landed_date=day,
        layer=layer,
        check="exception",
        reason=f"{type(error).__name__}: {error} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})",
        quarantined_at=now,
    )


def process_article(raw: RawArticle) -> tuple[ParsedArticle, list[EventMention]]:
    """Parse and extract one article: the per-article path the pipeline takes."""
    parsed = parse_article(raw)
    return parsed, extract_mentions(parsed)
