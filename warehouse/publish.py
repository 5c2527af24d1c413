"""Publish the analysts' copy of the warehouse, atomically.

DuckDB lets one process hold a database file read-write and then refuses every other
opener, even read-only ones. So the pipeline writes its own file and, after each load,
copies the whole database into a new file and renames it over the analysts' file. An
analyst's open connection keeps reading the snapshot it opened; the next connection
sees the new one. Neither side ever waits for the other's lock.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

SNAPSHOT_ALIAS = "analyst_snapshot"
STORAGE_VERSION = "v1.4.0"  # readable by DuckDB 1.4+ clients


def publish_snapshot(con: duckdb.DuckDBPyConnection, target: Path) -> Path:
    """Copy the connection's database to `target` (schemas, tables, views) via a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    source = con.execute("select current_database()").fetchone()[0]
    con.execute(f"attach '{temporary}' as {SNAPSHOT_ALIAS} (storage_version '{STORAGE_VERSION}')")
    try:
        con.execute(f"copy from database {source} to {SNAPSHOT_ALIAS}")
    finally:
        con.execute(f"detach {SNAPSHOT_ALIAS}")
    os.replace(temporary, target)
    return target
