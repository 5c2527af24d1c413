"""Parquet partitions: one file per (layer, table, day), replaced atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


class MissingPartitionError(FileNotFoundError):
    """An upstream partition has not been materialized yet."""


def write_partition(table: pa.Table, path: Path) -> Path:
    """Write `table` to `path` under a temporary name, then rename it into place.

    The rename is atomic, so a reader sees the old partition or the new one, never half a
    file, and re-materializing a partition replaces it rather than adding to it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, path)
    return path


def read_partition(path: Path, schema: pa.Schema) -> pa.Table:
    if not path.exists():
        raise MissingPartitionError(
            f"partition file not found: {path} (materialize the upstream asset first)"
        )
    return pq.read_table(path, schema=schema)
