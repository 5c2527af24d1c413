"""Load lake partitions into the DuckDB warehouse, one transaction per load.

Loading a day deletes that day's rows and inserts them again from Parquet, so reloading
is idempotent. Table definitions live in sql/<schema>_<table>.sql; when a definition
changes, the table is dropped, recreated and refilled from every partition in the lake.
After the mentions are loaded, the event dates they touch are re-clustered into
events.events (sql/refresh_events.sql): never the whole history.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import duckdb

from newsfacts import lake
from newsfacts.config import DataPaths
from newsfacts.schemas import CHECK_RESULTS, TABLES
from warehouse.publish import record_changes

SQL_DIR = Path(__file__).resolve().parent / "sql"
VIEWS_DIR = SQL_DIR / "views"
SETUP_FILES = ("00_schemas.sql", "01_meta_table_versions.sql")
CHECK_RESULTS_TABLE = ("dq", "check_results")
EVENTS_TABLE = ("events", "events")
# Tables built here rather than copied from the lake.
WAREHOUSE_TABLES = (CHECK_RESULTS_TABLE, EVENTS_TABLE)
# Older DuckDB clients (1.4+) can open the file; DuckDB 2.0's default format they cannot.
# memory_limit: the load spills to disk rather than grow with the size of a backfill.
CONNECTION_CONFIG = {"storage_compatibility_version": "v1.4.0", "memory_limit": "256MB"}


def connect(database: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    database.parent.mkdir(parents=True, exist_ok=True)
    config = {} if read_only else dict(CONNECTION_CONFIG)
    return duckdb.connect(str(database), read_only=read_only, config=config)


def table_sql(schema: str, table: str) -> str:
    return (SQL_DIR / f"{schema}_{table}.sql").read_text(encoding="utf-8")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _dates(days: Sequence[date]) -> list[str]:
    return [d.isoformat() for d in days]


def ensure_tables(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """Create missing tables, rebuild changed ones, (re)create the views.

    Returns the (schema, table) pairs that were (re)created and so need filling.
    """
    for name in SETUP_FILES:
        con.execute((SQL_DIR / name).read_text(encoding="utf-8"))
    known = dict(con.execute("select table_name, ddl_sha256 from meta.table_versions").fetchall())
    existing = set(
        con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
        ).fetchall()
    )
    created = set()
    for schema, table in [*TABLES, *WAREHOUSE_TABLES]:
        ddl = table_sql(schema, table)
        digest = hashlib.sha256(ddl.encode()).hexdigest()
        qualified = f"{schema}.{table}"
        if known.get(qualified) == digest and (schema, table) in existing:
            continue
        con.execute(f"drop table if exists {qualified} cascade")
        con.execute(ddl)
        con.execute(
            "insert or replace into meta.table_versions (table_name, ddl_sha256) values (?, ?)",
            [qualified, digest],
        )
        created.add((schema, table))
    for view in sorted(VIEWS_DIR.glob("*.sql")):
        con.execute(view.read_text(encoding="utf-8"))
    return created


def lake_days(paths: DataPaths, layer: str, table: str) -> list[date]:
    folder = lake.join(paths.lake, layer, table)
    return sorted(
        date.fromisoformat(str(part).rsplit("/", 2)[-2].removeprefix("date="))
        for part in lake.glob(folder, "date=*/part-0.parquet")
    )


def load_partitions(
    con: duckdb.DuckDBPyConnection, paths: DataPaths, days: Sequence[date], days_per_transaction: int = 1
) -> dict[str, int]:
    """Replace the rows of `days` in every warehouse table; return rows loaded per table.

    Days are loaded a few at a time, one transaction each, so a long backfill's load needs
    the memory of one day, not of the range. The events they touch are collected in the
    temp table `touched_events` (event_id) for the checks.
    """
    lake.register_for_duckdb(con, paths.lake)
    con.execute("create or replace temp table touched_events (event_id varchar)")
    totals: dict[str, int] = {}
    rebuilt: set[tuple[str, str]] = set()  # refilled from the whole lake: no day left to load
    for start in range(0, len(days), days_per_transaction):
        batch = list(days[start : start + days_per_transaction])
        for name, count in _load_days(con, paths, batch, rebuilt).items():
            totals[name] = totals.get(name, 0) + count
        con.execute("insert into touched_events select event_id from fresh_events")
    return totals


def _load_days(
    con: duckdb.DuckDBPyConnection, paths: DataPaths, days: Sequence[date], rebuilt: set[tuple[str, str]]
) -> dict[str, int]:
    loaded: dict[str, int] = {}
    con.begin()
    try:
        created = ensure_tables(con)
        skip = set(rebuilt)
        rebuilt |= created
        recluster_all = bool(created & {EVENTS_TABLE, ("events", "mentions"), ("parsed", "articles")})
        # The event dates the old mentions of these days sat on: they may lose events.
        con.execute(
            "create or replace temp table affected_dates as "
            "select distinct cluster_date from events.mention_clusters where landed_date = any(?::date[])",
            [_dates(days)],
        )
        for (layer, table), (schema, _) in TABLES.items():
            # A rebuilt table is refilled from the whole lake, not just the days asked for.
            load_days = lake_days(paths, layer, table) if (layer, table) in created else list(days)
            if load_days and (layer, table) not in skip:
                loaded[f"{layer}.{table}"] = _load_table(con, paths, layer, table, schema.names, load_days)
        if CHECK_RESULTS_TABLE not in skip:
            loaded["dq.check_results"] = _load_check_results(
                con, paths, None if CHECK_RESULTS_TABLE in created else days
            )
        # ...and the dates the new mentions sit on.
        con.execute(
            "insert into affected_dates select distinct cluster_date from events.mention_clusters "
            + ("" if recluster_all else "where landed_date = any(?::date[])"),
            [] if recluster_all else [_dates(days)],
        )
        before = con.execute("select count(*) from events.events").fetchone()[0]
        con.execute((SQL_DIR / "refresh_events.sql").read_text(encoding="utf-8"))
        loaded["events.events (re-clustered)"] = con.execute("select count(*) from fresh_events").fetchone()[
            0
        ]
        loaded["events.events (new)"] = (
            con.execute("select count(*) from events.events").fetchone()[0] - before
        )
        # What the analysts' copy must take over at the next publish.
        record_changes(con, days, "affected_dates", full=bool(created))
        con.commit()
    except Exception:
        con.rollback()
        raise
    return loaded


def _load_table(
    con: duckdb.DuckDBPyConnection,
    paths: DataPaths,
    layer: str,
    table: str,
    names: list[str],
    days: list[date],
) -> int:
    files = [str(paths.partition_file(layer, table, day)) for day in days]
    missing = [f for f in files if not lake.exists(f)]
    if missing:
        raise FileNotFoundError(f"{layer}.{table}: partition files missing: {', '.join(missing)}")
    con.execute(f"delete from {layer}.{table} where landed_date = any(?::date[])", [_dates(days)])
    return _insert_parquet(con, f"{layer}.{table}", names, files)


def _insert_parquet(
    con: duckdb.DuckDBPyConnection, table: str, names: Sequence[str], files: list[str]
) -> int:
    """Insert the named columns of Parquet files (explicit columns: a lake file may hold more)."""
    columns = ", ".join(_quoted(name) for name in names)
    count = con.execute(
        f"insert into {table} ({columns}) select {columns} from read_parquet(?, hive_partitioning = false)",
        [files],
    ).fetchone()
    return int(count[0]) if count else 0


def reload_check_results(con: duckdb.DuckDBPyConnection, paths: DataPaths, days: Sequence[date]) -> int:
    """Bring dq.check_results up to date with the result files of `days` (after a late check)."""
    return _load_check_results(con, paths, days)


def _load_check_results(con: duckdb.DuckDBPyConnection, paths: DataPaths, days: Sequence[date] | None) -> int:
    """Replace the check history of `days` (None: every day) with all runs' result files."""
    lake.register_for_duckdb(con, paths.lake)
    if days is None:
        found = lake.glob(lake.join(paths.lake, "dq", "check_results"), "date=*/*.parquet")
    else:
        found = [f for day in days for f in lake.glob(paths.check_results_folder(day), "*.parquet")]
    files = [str(f) for f in found]
    if days is not None:
        con.execute("delete from dq.check_results where landed_date = any(?::date[])", [_dates(days)])
    return _insert_parquet(con, "dq.check_results", CHECK_RESULTS.names, files) if files else 0
