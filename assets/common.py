"""What every layer asset shares: the per-day loop and the metadata it reports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import dagster as dg
import pyarrow as pa

from newsfacts.config import DataPaths
from newsfacts.layers import PartitionWrite, read_table

LayerFunction = Callable[[DataPaths, date, datetime], PartitionWrite]

PREVIEW_ROWS = 5
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
    context: dg.AssetExecutionContext, paths: DataPaths, layer: LayerFunction
) -> Iterator[dg.MaterializeResult]:
    """Run one layer for every day of the run and report one result per output table."""
    now = datetime.now(UTC)
    writes = []
    for day in partition_days(context):
        write = layer(paths, day, now)
        context.log.info(f"{day}: {write.row_counts}")
        writes.append(write)
    for qualified in writes[0].row_counts:
        counts = {w.day.isoformat(): w.row_counts[qualified] for w in writes}
        last = writes[-1]
        layer_name, table_name = qualified.split(".")
        preview = markdown_preview(
            read_table(paths, layer_name, table_name, last.day), PREVIEW_COLUMNS[qualified]
        )
        yield dg.MaterializeResult(
            asset_key=asset_key(qualified),
            metadata={
                "dagster/row_count": sum(counts.values()),
                "rows_per_day": dg.MetadataValue.json(counts),
                "path": dg.MetadataValue.path(last.files[qualified]),
                f"preview ({last.day})": dg.MetadataValue.md(preview),
            },
        )
