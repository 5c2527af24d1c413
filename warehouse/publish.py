"""Publish the analysts' copy of the warehouse: copy only what changed, swap atomically.

DuckDB lets one process hold a database file read-write and then refuses every other
opener, even read-only ones. So the pipeline writes its own file, and analysts open
`warehouse.duckdb`, a hard link to one of a few snapshot files (pipeline/snapshots/N.duckdb):

1. Every load records what it changed in the pipeline's `meta.publish_changes`: the
   landing days it reloaded and the event dates it re-clustered ('full' when a table was
   rebuilt).
2. Publishing picks a snapshot file that analysts are not reading (neither the one
   `warehouse.duckdb` names, nor one an open session still holds: its lock says so),
   replays the changes it has not seen (delete and insert those days' rows), checkpoints
   it, and renames a fresh hard link to it over `warehouse.duckdb`.
3. The next publish picks the most recently written free snapshot, so it is one or two
   loads behind.

A publish therefore copies the new days' rows, not the history. An analyst's open
connection keeps reading the snapshot it opened; the next connection sees the new one; a
half-loaded day is never visible, and neither side ever waits for the other's lock. When no
snapshot can be brought up to date (first publish, a rebuilt table), the whole database is
copied, as before.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import duckdb

from newsfacts.schemas import TABLES

SNAPSHOT_ALIAS = "analyst_snapshot"
STORAGE_VERSION = "v1.4.0"  # readable by DuckDB 1.4+ clients
SNAPSHOT_SLOTS = 3  # the published one, one an analyst may still hold, one to write
CHANGES_TABLE = "meta.publish_changes"
STATE_TABLE = "meta.publish_state"
SOURCE_TABLE = "meta.publish_source"
# Tables copied by landing day; events.events is copied by event date.
BY_LANDED_DATE = [f"{layer}.{table}" for layer, table in TABLES] + ["dq.check_results"]
EVENTS = "events.events"


def ensure_changes_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create table if not exists {CHANGES_TABLE} (seq bigint, kind varchar, day date)")
    # Which pipeline database the sequence numbers belong to (a new file starts again at 1).
    con.execute(f"create table if not exists {SOURCE_TABLE} as select uuid()::varchar as source_id")


def record_changes(
    con: duckdb.DuckDBPyConnection, landed_days: Sequence[date], event_dates_table: str, full: bool
) -> None:
    """Note one load's changes (inside its transaction): landed days, event dates, or 'full'."""
    ensure_changes_table(con)
    seq = con.execute(f"select coalesce(max(seq), 0) + 1 from {CHANGES_TABLE}").fetchone()[0]
    if full:
        con.execute(f"insert into {CHANGES_TABLE} values (?, 'full', null)", [seq])
    con.execute(
        f"insert into {CHANGES_TABLE} select ?, 'landed', unnest(?::date[])",
        [seq, [d.isoformat() for d in landed_days]],
    )
    con.execute(
        f"insert into {CHANGES_TABLE} select distinct ?, 'event', cluster_date from {event_dates_table} "
        "where cluster_date is not null",
        [seq],
    )


def snapshot_folder(target: Path) -> Path:
    return target.parent / "pipeline" / "snapshots"


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino)


def _attach(con: duckdb.DuckDBPyConnection, path: Path, create: bool = False) -> bool:
    """Attach `path` read-write; False when another process (an analyst) holds it."""
    option = f" (storage_version '{STORAGE_VERSION}')" if create else ""
    try:
        con.execute(f"attach '{path}' as {SNAPSHOT_ALIAS}{option}")
    except duckdb.IOException:
        return False
    return True


def _detach(con: duckdb.DuckDBPyConnection) -> None:
    # Checkpoint first: readers open the file under another name and never see its WAL.
    con.execute(f"checkpoint {SNAPSHOT_ALIAS}")
    con.execute(f"detach {SNAPSHOT_ALIAS}")


def _source_id(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute(f"select source_id from {SOURCE_TABLE}").fetchone()[0]


def _applied(con: duckdb.DuckDBPyConnection) -> int | None:
    """The last change the attached snapshot took over (None: not from this pipeline file)."""
    try:
        row = con.execute(f"select source_id, applied_seq from {SNAPSHOT_ALIAS}.{STATE_TABLE}").fetchone()
    except duckdb.CatalogException:
        return None
    return row[1] if row and row[0] == _source_id(con) else None


def _latest(con: duckdb.DuckDBPyConnection) -> int:
    ensure_changes_table(con)
    return con.execute(f"select coalesce(max(seq), 0) from {CHANGES_TABLE}").fetchone()[0]


def _set_applied(con: duckdb.DuckDBPyConnection, seq: int) -> None:
    con.execute(
        f"create or replace table {SNAPSHOT_ALIAS}.{STATE_TABLE} (source_id varchar, applied_seq bigint)"
    )
    con.execute(f"insert into {SNAPSHOT_ALIAS}.{STATE_TABLE} values (?, ?)", [_source_id(con), seq])


def _catch_up(con: duckdb.DuckDBPyConnection, applied: int, latest: int) -> bool:
    """Replay changes (applied, latest] into the attached snapshot; False if it needs a full copy."""
    if applied == latest:
        return True
    kinds = dict(
        con.execute(
            f"select kind, list(distinct day) filter (where day is not null) from {CHANGES_TABLE} "
            "where seq > ? and seq <= ? group by kind",
            [applied, latest],
        ).fetchall()
    )
    if "full" in kinds:
        return False
    source = con.execute("select current_database()").fetchone()[0]
    versions = "select table_name, ddl_sha256 from {}.meta.table_versions order by 1"
    if (
        con.execute(versions.format(source)).fetchall()
        != con.execute(versions.format(SNAPSHOT_ALIAS)).fetchall()
    ):
        return False
    landed = [d.isoformat() for d in kinds.get("landed") or []]
    event_dates = [d.isoformat() for d in kinds.get("event") or []]
    con.begin()
    try:
        for table in BY_LANDED_DATE:
            if landed:
                condition = "landed_date = any(?::date[])"
                con.execute(f"delete from {SNAPSHOT_ALIAS}.{table} where {condition}", [landed])
                con.execute(
                    f"insert into {SNAPSHOT_ALIAS}.{table} select * from {source}.{table} where {condition}",
                    [landed],
                )
        if event_dates:
            # An event's id includes its date, so an event never moves to another date.
            condition = "event_date = any(?::date[])"
            con.execute(f"delete from {SNAPSHOT_ALIAS}.{EVENTS} where {condition}", [event_dates])
            con.execute(
                f"insert into {SNAPSHOT_ALIAS}.{EVENTS} select * from {source}.{EVENTS} where {condition}",
                [event_dates],
            )
        _copy_views(con, source)
        _set_applied(con, latest)
        con.commit()
    except Exception:
        con.rollback()
        raise
    return True


def _copy_views(con: duckdb.DuckDBPyConnection, source: str) -> None:
    """Give the attached snapshot the pipeline's views (they are recreated at every load)."""
    query = (
        "select schema_name, view_name, sql from duckdb_views() "
        "where database_name = ? and not internal order by 1, 2"
    )
    views = con.execute(query, [source]).fetchall()
    wanted = {(schema, name) for schema, name, _ in views}
    con.execute(f"use {SNAPSHOT_ALIAS}")
    try:
        for schema, name, _ in con.execute(query, [SNAPSHOT_ALIAS]).fetchall():
            if (schema, name) not in wanted:
                con.execute(f'drop view "{schema}"."{name}"')
        for _, _, sql in views:
            con.execute(re.sub(r"^\s*create\s+view\b", "create or replace view", sql, flags=re.IGNORECASE))
    finally:
        con.execute(f"use {source}")


def _full_copy(con: duckdb.DuckDBPyConnection, path: Path, latest: int) -> None:
    """Copy the whole database into a new file at `path` (a reader of the old file keeps it)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    source = con.execute("select current_database()").fetchone()[0]
    _attach(con, temporary, create=True)
    try:
        con.execute(f"copy from database {source} to {SNAPSHOT_ALIAS}")
        con.execute(f"drop table if exists {SNAPSHOT_ALIAS}.{CHANGES_TABLE}")
        con.execute(f"drop table if exists {SNAPSHOT_ALIAS}.{SOURCE_TABLE}")
        _set_applied(con, latest)
    finally:
        _detach(con)
    os.replace(temporary, path)


def _refresh(con: duckdb.DuckDBPyConnection, path: Path, latest: int) -> bool:
    """Bring the snapshot at `path` up to date in place; False when it is held or unusable."""
    if not path.exists() or not _attach(con, path):
        return False
    try:
        applied = _applied(con)
        return applied is not None and applied <= latest and _catch_up(con, applied, latest)
    finally:
        _detach(con)


def _link(source: Path, target: Path) -> None:
    """Make `target` name the file `source` names, atomically (a copy where links fail)."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.link")
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    os.replace(temporary, target)


def publish_snapshot(con: duckdb.DuckDBPyConnection, target: Path) -> Path:
    """Make `target` a complete, consistent copy of the connection's database."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = snapshot_folder(target)
    folder.mkdir(parents=True, exist_ok=True)
    latest = _latest(con)
    published = _inode(target)
    slots = [folder / f"{n}.duckdb" for n in range(SNAPSHOT_SLOTS)]
    candidates = [slot for slot in slots if published is None or _inode(slot) != published]
    # The most recently written snapshot first: it has the fewest changes to replay.
    candidates.sort(key=lambda slot: slot.stat().st_mtime if slot.exists() else 0.0, reverse=True)
    chosen = next((slot for slot in candidates if _refresh(con, slot, latest)), None)
    if chosen is None:
        # No snapshot could be updated in place: copy everything into a free slot (a held
        # file is replaced by a new one under its name; its reader keeps the old one).
        chosen = next((slot for slot in candidates if not slot.exists()), candidates[-1])
        _full_copy(con, chosen, latest)
    _link(chosen, target)
    # Missing snapshots start as byte copies of this one (once: after that, each is brought
    # up to date by replaying changes when its turn comes).
    for slot in slots:
        if not slot.exists():
            temporary = slot.with_name(f".{slot.name}.{os.getpid()}.tmp")
            shutil.copyfile(chosen, temporary)
            os.replace(temporary, slot)
    return target
