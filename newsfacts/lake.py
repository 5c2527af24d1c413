"""Parquet partitions: one file per (layer, table, day), replaced atomically.

The lake is a local folder or S3-compatible object storage (`s3://bucket/prefix`, through
fsspec and s3fs). A location is a `Path` for a local lake and an `s3://...` string for an
object store; every function here takes either.

- Local: written under a temporary name, then renamed into place.
- Object storage: one PUT per file; S3 makes a new object visible whole or not at all, so
  a reader again sees the old partition or the new one, never half a file.

DuckDB reads the same files: `register_lake(con, paths)` hands it the lake's fsspec
filesystem (no httpfs extension needed).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

Location = Path | str


class MissingPartitionError(FileNotFoundError):
    """An upstream partition has not been materialized yet."""


def is_remote(location: Location) -> bool:
    return isinstance(location, str) and "://" in location


_STORAGE_OPTIONS: dict[str, dict[str, Any]] = {}


def configure_storage(protocol: str, options: Mapping[str, Any]) -> None:
    """Options for the filesystem of `protocol` ('s3'): endpoint_url, key, secret, ..."""
    clean = {key: value for key, value in options.items() if value not in (None, "")}
    if _STORAGE_OPTIONS.get(protocol) != clean:
        _STORAGE_OPTIONS[protocol] = clean
        filesystem.cache_clear()


@functools.cache
def filesystem(protocol: str) -> Any:
    """The fsspec filesystem for a protocol, with the options configured for it."""
    import fsspec

    return fsspec.filesystem(protocol, **_STORAGE_OPTIONS.get(protocol, {}))


def _split(location: str) -> tuple[Any, str]:
    protocol, rest = location.split("://", 1)
    return filesystem(protocol), rest


def join(base: Location, *parts: str) -> Location:
    if is_remote(base):
        return "/".join([str(base).rstrip("/"), *parts])
    return Path(base).joinpath(*parts)


def exists(location: Location) -> bool:
    if is_remote(location):
        fs, path = _split(str(location))
        return bool(fs.exists(path))
    return Path(location).exists()


def glob(base: Location, pattern: str) -> list[Location]:
    """Files under `base` matching `pattern` (relative, '*' wildcards), sorted."""
    if is_remote(base):
        protocol = str(base).split("://", 1)[0]
        fs, path = _split(str(base))
        fs.invalidate_cache()
        return sorted(f"{protocol}://{found}" for found in fs.glob(f"{path.rstrip('/')}/{pattern}"))
    return sorted(Path(base).glob(pattern))


def write_partition(table: pa.Table, location: Location) -> Location:
    """Write `table` to `location` so that readers see the old file or the new one, whole.

    Re-materializing a partition therefore replaces it rather than adding to it.
    """
    if is_remote(location):
        fs, path = _split(str(location))
        pq.write_table(table, path, compression="zstd", filesystem=fs)
        fs.invalidate_cache()
        return location
    path = Path(location)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, path)
    return path


def read_partition(location: Location, schema: pa.Schema) -> pa.Table:
    if not exists(location):
        raise MissingPartitionError(
            f"partition file not found: {location} (materialize the upstream asset first)"
        )
    if is_remote(location):
        fs, path = _split(str(location))
        return pq.read_table(path, schema=schema, filesystem=fs)
    return pq.read_table(location, schema=schema)


def row_count(location: Location) -> int:
    """Rows in a Parquet file, from its footer."""
    if is_remote(location):
        fs, path = _split(str(location))
        with fs.open(path, "rb") as handle:
            return pq.ParquetFile(handle).metadata.num_rows
    return pq.ParquetFile(location).metadata.num_rows


def register_for_duckdb(con: Any, location: Location) -> None:
    """Let a DuckDB connection read `location`'s files (remote: through fsspec)."""
    if is_remote(location):
        fs = filesystem(str(location).split("://", 1)[0])
        name = fs.protocol if isinstance(fs.protocol, str) else fs.protocol[0]
        if not con.filesystem_is_registered(name):
            con.register_filesystem(fs)
