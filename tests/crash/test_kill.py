"""kill -9 in the middle of a materialization, then run it again: every table ends as a
clean run leaves it, and the DuckDB files stay readable."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.launcher import WorkerStatus
from dagster._daemon.monitoring.run_monitoring import monitor_started_run

from newsfacts.cli import dagster_env, land_samples
from newsfacts.config import PROJECT_ROOT, DataPaths
from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from pipelines.run_health import MonitoredRunLauncher, recover
from warehouse.loader import connect

pytestmark = pytest.mark.cli
STOP_POINTS = ["events", "warehouse", "publish"]
# When a row was written and by which run: these differ between any two runs.
VOLATILE_COLUMNS = {
    "ingested_at",
    "rejected_at",
    "quarantined_at",
    "evaluated_at",
    "run_id",
    "updated_at",
    "created_at",
    "seq",  # a load's number in the change log: a killed run's loads count too
    "applied_seq",  # the last of those numbers the analysts' copy holds
    "source_id",  # a random id per pipeline database, naming whose change numbers a copy holds
}
# Logs that keep every run's entries: a killed run's entries stay (they were true when
# written), so the clean run's entries must all be there, among possibly more.
HISTORY_TABLES = {("dq", "check_results"), ("meta", "publish_changes")}
WAIT_FOR_STOP_SECONDS = 240


def range_tags(days: list[date]) -> dict[str, str]:
    return {
        "dagster/asset_partition_range_start": days[0].isoformat(),
        "dagster/asset_partition_range_end": days[-1].isoformat(),
    }


def materialize_range(paths: DataPaths, days: list[date]) -> dg.DagsterRun:
    with dg.DagsterInstance.from_config(dagster_env(paths)["DAGSTER_HOME"]) as instance:
        result = dg.materialize(
            all_assets, instance=instance, resources=resources_for(paths.root), tags=range_tags(days)
        )
        assert result.success
        return result.dagster_run


def start_stopping_run(paths: DataPaths, days: list[date], point: str, marker: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "tests.crash.harness", str(paths.root), days[0].isoformat()]
    command += [days[-1].isoformat(), point, str(marker)]
    # The stop points are patched into the run's own process: its per-article work stays there.
    env = dagster_env(paths) | {"NEWSFACTS_ENGINE": "serial"}
    return subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def wait_for_stop(process: subprocess.Popen, marker: Path) -> None:
    deadline = time.monotonic() + WAIT_FOR_STOP_SECONDS
    while not marker.exists():
        if process.poll() is not None:
            raise AssertionError(f"the run ended before its stop point: {process.stderr.read()[-3000:]!r}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the run never reached its stop point")
        time.sleep(0.2)


def tables(database: Path) -> dict[str, list[tuple]]:
    """Every table's rows (volatile columns left out), sorted."""
    found = {}
    with connect(database, read_only=True) as con:
        names = con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
        ).fetchall()
        for schema, table in sorted(names):
            columns = [
                row[0]
                for row in con.execute(
                    "select column_name from duckdb_columns() where database_name = current_database() "
                    "and schema_name = ? and table_name = ? order by column_index",
                    [schema, table],
                ).fetchall()
                if row[0] not in VOLATILE_COLUMNS
            ]
            if not columns:  # bookkeeping of the publisher only (ids and counters)
                continue
            select = ", ".join(f'"{c}"' for c in columns)
            distinct = "distinct " if (schema, table) in HISTORY_TABLES else ""
            found[f"{schema}.{table}"] = con.execute(
                f"select {distinct}{select} from {schema}.{table} order by all"
            ).fetchall()
    return found


def assert_same_tables(found: dict[str, list[tuple]], expected: dict[str, list[tuple]], point: str) -> None:
    history = {f"{schema}.{table}" for schema, table in HISTORY_TABLES}
    assert found.keys() == expected.keys(), point
    for name, rows in expected.items():
        if name in history:
            assert {repr(r) for r in rows} <= {repr(r) for r in found[name]}, (point, name)
        else:
            assert found[name] == rows, (point, name)


def readable(database: Path) -> int:
    with connect(database, read_only=True) as con:
        return con.execute("select count(*) from raw.articles").fetchone()[0]


def mark_the_dead_run_failed(paths: DataPaths) -> None:
    """What the daemon's run monitoring does with a run whose worker died, then the slots."""
    with dg.DagsterInstance.from_config(dagster_env(paths)["DAGSTER_HOME"]) as instance:
        assert isinstance(instance.run_launcher, MonitoredRunLauncher)
        [record] = instance.get_run_records(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))
        health = instance.run_launcher.check_run_worker_health(record.dagster_run)
        assert health.status == WorkerStatus.FAILED, health
        monitor_started_run(instance, None, record, logging.getLogger("run_monitoring"))
        assert instance.get_run_by_id(record.dagster_run.run_id).status == dg.DagsterRunStatus.FAILURE
        # Every stop point is inside a step of a concurrency pool (events: `article_workers`;
        # warehouse and publish: the DuckDB writer's): without this the re-run would wait for ever.
        recovery = recover(instance)
        assert record.dagster_run.run_id in recovery.freed
        assert not instance.event_log_storage.get_concurrency_run_ids() - {
            r.run_id for r in instance.get_runs(dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED]))
        }


def test_killed_runs_rerun_to_the_tables_of_a_clean_run(tmp_path: Path) -> None:
    clean, crashed = DataPaths(tmp_path / "clean"), DataPaths(tmp_path / "crashed")
    days = land_samples(clean)[:2]  # two days keep the test short; the range is what matters
    assert land_samples(crashed)[:2] == days
    materialize_range(clean, days)
    expected_pipeline, expected_analysts = tables(clean.pipeline_db), tables(clean.warehouse_db)
    assert expected_pipeline["events.events"]

    for point in STOP_POINTS:
        marker = tmp_path / f"{point}.stopped"
        process = start_stopping_run(crashed, days, point, marker)
        wait_for_stop(process, marker)
        if crashed.warehouse_db.exists():  # analysts read their copy while the run is stuck
            assert readable(crashed.warehouse_db) >= 0
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert process.returncode == -signal.SIGKILL
        if crashed.pipeline_db.exists():
            readable(crashed.pipeline_db)
        if crashed.warehouse_db.exists():
            readable(crashed.warehouse_db)

        mark_the_dead_run_failed(crashed)
        materialize_range(crashed, days)
        assert_same_tables(tables(crashed.pipeline_db), expected_pipeline, point)
        assert_same_tables(tables(crashed.warehouse_db), expected_analysts, point)
