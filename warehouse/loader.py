"""Load lake partitions into the DuckDB warehouse, one transaction per load.

Loading a day deletes that day's rows and inserts them again from Parquet, so reloading
is idempotent. Table definitions live in sql/<layer>_<table>.sql; when a definition
changes, the table is dropped, recreated and refilled from every partition in the lake.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import duckdb

from newsfacts.config import DataPaths
from newsfacts.schemas import TABLES

SQL_DIR = Path(__file__).resolve().parent / "sql"
SETUP_FILES = ("00_schemas.sql", "01_meta_table_versions.sql")
# Older DuckDB clients (1.4+) can open the file; DuckDB 2.0's default format they cannot.
CONNECTION_CONFIG = {"storage_compatibility_version": "v1.4.0"}


def connect(database: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    database.parent.mkdir(parents=True, exist_ok=True)
    config = {} if read_only else dict(CONNECTION_CONFIG)
    return duckdb.connect(str(database), read_only=read_only, config=config)


def table_sql(layer: str, table: str) -> str:
    return (SQL_DIR / f"{layer}_{table}.sql").read_text(encoding="utf-8")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ensure_tables(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """Create missing tables and rebuild changed ones; return the (layer, table) pairs (re)created."""
    for name in SETUP_FILES:
        con.execute((SQL_DIR / name).read_text(encoding="utf-8"))
    known = dict(con.execute("select table_name, ddl_sha256 from meta.table_versions").fetchall())
    existing = {
        (schema, name)
        for schema, name in con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
        ).fetchall()
    }
    created = set()
    for layer, table in TABLES:
        ddl = table_sql(layer, table)
        digest = hashlib.sha256(ddl.encode()).hexdigest()
        qualified = f"{layer}.{table}"
        if known.get(qualified) == digest and (layer, table) in existing:
            continue
        con.execute(f"drop table if exists {qualified}")
        con.execute(ddl)
        con.execute(
            "insert or replace into meta.table_versions (table_name, ddl_sha256) values (?, ?)",
            [qualified, digest],
        )
        created.add((layer, table))
    return created


def lake_days(paths: DataPaths, layer: str, table: str) -> list[date]:
    folder = paths.lake / layer / table
    return sorted(
        date.fromisoformat(part.parent.name.removeprefix("date="))
        for part in folder.glob("date=*/part-0.parquet")
    )


def load_partitions(con: duckdb.DuckDBPyConnection, paths: DataPaths, days: Sequence[date]) -> dict[str, int]:
    """Replace the rows of `days` in every warehouse table; return rows loaded per table."""
    loaded: dict[str, int] = {}
    con.begin()
    try:
        created = ensure_tables(con)
        for (layer, table), (schema, _) in TABLES.items():
            # A rebuilt table is refilled from the whole lake, not just today's partitions.
            load_days = lake_days(paths, layer, table) if (layer, table) in created else list(days)
            if not load_days:
                continue
            files = [str(paths.partition_file(layer, table, day)) for day in load_days]
            missing = [f for f in files if not Path(f).exists()]
            if missing:
                raise FileNotFoundError(f"{layer}.{table}: partition files missing: {', '.join(missing)}")
            columns = ", ".join(_quoted(name) for name in schema.names)
            con.execute(
                f"delete from {layer}.{table} where landed_date = any(?::date[])",
                [[d.isoformat() for d in load_days]],
            )
            count = con.execute(
                f"insert into {layer}.{table} ({columns}) "
                f"select {columns} from read_parquet(?, hive_partitioning = false)",
                [files],
            ).fetchone()
            loaded[f"{layer}.{table}"] = int(count[0]) if count else 0
        con.commit()
    except Exception:
        con.rollback()
        raise
    return loaded
