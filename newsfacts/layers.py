"""One function per layer and day: read the upstream partition and compute this layer's rows.

The Dagster assets are thin wrappers: compute, screen with the layer's expectations, write.
The CLI uses `process_article`, the same per-article path, so what `newsfacts extract`
prints is what the pipeline stores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.config import DataPaths
from newsfacts.extract import extract_mentions
from newsfacts.ingest import ingest_landing_day
from newsfacts.lake import read_partition, write_partition
from newsfacts.limits import (
    TIMEOUT_REASON,
    TOO_LARGE_REASON,
    Limits,
    cap_articles,
    is_timeout,
    run_with_budget,
)
from newsfacts.parallel import Engine, apply_each
from newsfacts.parse import parse_article
from newsfacts.records import EventMention, ParsedArticle, QuarantinedRecord, RawArticle
from newsfacts.schemas import TABLES, records_to_table, table_to_records

# Per layer: the table downstream layers read, its key, and the table bad rows go to.
MAIN_TABLE = {"raw": "articles", "parsed": "articles", "events": "mentions"}
ID_COLUMN = {"raw": "article_id", "parsed": "article_id", "events": "mention_id"}
QUARANTINE_TABLE = {"parsed": "quarantine", "events": "quarantine"}


@dataclass(frozen=True, slots=True)
class PartitionWrite:
    """What one layer wrote for one day: row counts per table and the files."""

    day: date
    row_counts: dict[str, int]
    files: dict[str, str]


# compute(paths, day, now, engine): the per-article work of the day runs on `engine`.
LayerCompute = Callable[[DataPaths, date, datetime, Engine | None], dict[str, pa.Table]]


def read_table(paths: DataPaths, layer: str, table: str, day: date) -> pa.Table:
    schema, _ = TABLES[(layer, table)]
    return read_partition(paths.partition_file(layer, table, day), schema)


def _read_records(paths: DataPaths, layer: str, table: str, day: date) -> list:
    _, record_type = TABLES[(layer, table)]
    return table_to_records(read_table(paths, layer, table, day), record_type)


def _tables(layer: str, records: Mapping[str, Iterable[object]]) -> dict[str, pa.Table]:
    return {table: records_to_table(rows, TABLES[(layer, table)][0]) for table, rows in records.items()}


def write_tables(paths: DataPaths, layer: str, day: date, tables: Mapping[str, pa.Table]) -> PartitionWrite:
    counts, files = {}, {}
    for table, arrow in tables.items():
        path = write_partition(arrow, paths.partition_file(layer, table, day))
        counts[f"{layer}.{table}"], files[f"{layer}.{table}"] = arrow.num_rows, str(path)
    return PartitionWrite(day, counts, files)


def compute_raw(
    paths: DataPaths, day: date, now: datetime, engine: Engine | None = None
) -> dict[str, pa.Table]:
    limits = Limits.from_env()
    result = ingest_landing_day(paths.landing, day, now, limits)
    articles, too_large = cap_articles(result.articles, limits, now)
    return _tables("raw", {"articles": articles, "rejected": [*result.rejected, *too_large]})


def compute_parsed(
    paths: DataPaths, day: date, now: datetime, engine: Engine | None = None
) -> dict[str, pa.Table]:
    raws: list[RawArticle] = _read_records(paths, "raw", "articles", day)
    parsed: list[ParsedArticle] = []
    quarantined: list[QuarantinedRecord] = []
    seconds = Limits.from_env().article_seconds
    for raw, (article, error) in zip(
        raws, apply_each(parse_article, raws, engine, seconds=seconds), strict=True
    ):
        if error is None:
            parsed.append(article)
        else:  # one bad article must not stop the day: quarantine it with the error
            quarantined.append(_exception_record(raw.article_id, day, "parsed", error, now))
    return _tables("parsed", {"articles": parsed, "quarantine": quarantined})


def compute_mentions(
    paths: DataPaths, day: date, now: datetime, engine: Engine | None = None
) -> dict[str, pa.Table]:
    articles: list[ParsedArticle] = _read_records(paths, "parsed", "articles", day)
    mentions: list[EventMention] = []
    quarantined: list[QuarantinedRecord] = []
    seconds = Limits.from_env().article_seconds
    for article, (found, error) in zip(
        articles, apply_each(extract_mentions, articles, engine, seconds=seconds), strict=True
    ):
        if error is None:
            mentions.extend(found)
        else:
            quarantined.append(_exception_record(article.article_id, day, "events", error, now))
    return _tables("events", {"mentions": mentions, "quarantine": quarantined})


def quarantine_rows(
    tables: Mapping[str, pa.Table],
    layer: str,
    day: date,
    failures: Mapping[str, Sequence[tuple[str, str]]],
    now: datetime,
) -> dict[str, pa.Table]:
    """Move rows whose id is in `failures` ({id: [(check, reason)]}) to the layer's quarantine."""
    if not failures:
        return dict(tables)
    main, id_column = MAIN_TABLE[layer], ID_COLUMN[layer]
    table = tables[main]
    bad = pc.is_in(table[id_column], value_set=pa.array(list(failures), pa.string()))
    records = []
    for row in table.filter(bad).select([id_column, "article_id"]).to_pylist():
        for check, reason in failures[row[id_column]]:
            records.append(
                QuarantinedRecord(row[id_column], row["article_id"], day, layer, check, reason, now)
            )
    quarantine_name = QUARANTINE_TABLE[layer]
    schema = TABLES[(layer, quarantine_name)][0]
    return dict(tables) | {
        main: table.filter(pc.invert(bad)),
        quarantine_name: pa.concat_tables([tables[quarantine_name], records_to_table(records, schema)]),
    }


def _exception_record(article_id: str, day: date, layer: str, error: str, now: datetime) -> QuarantinedRecord:
    return QuarantinedRecord(
        record_id=article_id,
        article_id=article_id,
        landed_date=day,
        layer=layer,
        check=TIMEOUT_REASON if is_timeout(error) else "exception",
        reason=error,
        quarantined_at=now,
    )


def process_article(
    raw: RawArticle, limits: Limits | None = None
) -> tuple[ParsedArticle, list[EventMention]]:
    """Parse and extract one article: the per-article path the pipeline takes.

    Raises ArticleTimeout when a step takes longer than the time budget, and ValueError
    for an article over the size cap (the pipeline rejects those in the raw step).
    """
    limits = limits or Limits.from_env()
    if raw.size_bytes > limits.max_article_bytes:
        raise ValueError(f"{TOO_LARGE_REASON}: {raw.size_bytes:,} bytes, over {limits.max_article_bytes:,}")
    parsed = run_with_budget(parse_article, raw, limits.article_seconds)
    return parsed, run_with_budget(extract_mentions, parsed, limits.article_seconds)
