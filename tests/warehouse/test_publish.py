"""The analysts' copy is brought up to date with what changed, and equals the pipeline's tables."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date

import dagster as dg
import pytest

from newsfacts.config import DataPaths
from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from warehouse import publish
from warehouse.loader import connect

TABLES = [
    "raw.articles",
    "raw.rejected",
    "parsed.articles",
    "parsed.quarantine",
    "events.mentions",
    "events.quarantine",
    "events.events",
    "dq.check_results",
]


def materialize(paths: DataPaths, day: date) -> None:
    result = dg.materialize(
        all_assets, partition_key=day.isoformat(), resources=resources_for(paths.root, engine="serial")
    )
    assert result.success


def contents(database) -> dict[str, list[str]]:
    with connect(database, read_only=True) as con:
        return {t: sorted(map(repr, con.execute(f"select * from {t}").fetchall())) for t in TABLES}


@pytest.fixture
def full_copies(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = publish._full_copy

    def counting(con, path, latest):
        calls.append(path.name)
        return original(con, path, latest)

    monkeypatch.setattr(publish, "_full_copy", counting)
    return calls


def test_publishing_copies_only_the_changes_and_matches_the_pipeline(
    data_paths: DataPaths, landed_samples: list[date], full_copies: list[str]
) -> None:
    for day in landed_samples:
        materialize(data_paths, day)
    materialize(data_paths, landed_samples[1])  # a day again: replaced, not added
    assert full_copies == ["0.duckdb"]  # the first publish only
    assert contents(data_paths.warehouse_db) == contents(data_paths.pipeline_db)
    snapshots = publish.snapshot_folder(data_paths.warehouse_db)
    assert data_paths.warehouse_db.stat().st_ino in {p.stat().st_ino for p in snapshots.glob("*.duckdb")}
    assert not list(data_paths.root.glob("*.wal"))


HOLD = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute("select count(*) from raw.articles").fetchone()[0], flush=True)
    sys.stdin.readline()
    print(con.execute("select count(*) from raw.articles").fetchone()[0], flush=True)
    """
)


def test_a_session_held_across_publishes_keeps_its_snapshot(
    data_paths: DataPaths, landed_samples: list[date]
) -> None:
    materialize(data_paths, landed_samples[0])
    analyst = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(data_paths.warehouse_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        before = int(analyst.stdout.readline())
        for day in landed_samples[1:]:  # three publishes while the session stays open
            materialize(data_paths, day)
        analyst.stdin.write("\n")
        analyst.stdin.flush()
        after = int(analyst.stdout.readline())
    finally:
        analyst.kill()
        analyst.wait()
    assert after == before
    assert contents(data_paths.warehouse_db) == contents(data_paths.pipeline_db)
