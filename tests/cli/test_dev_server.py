"""The real Dagster processes: `dagster dev` (webserver + daemon) on 127.0.0.1, its GraphQL
API, and a CLI backfill carried out by the daemon into DuckDB."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsfacts.cli import dagster_env, land
from newsfacts.config import PROJECT_ROOT, SAMPLES_DIR, DataPaths
from tests.cli.commands import BIN, run
from warehouse.loader import connect

pytestmark = pytest.mark.cli
STARTUP_SECONDS = 90
BACKFILL_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _default_sigint() -> None:
    # A shell without job control starts background children with SIGINT ignored; undo that
    # so Dagster's clean shutdown on SIGINT works.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class DevServer:
    def __init__(self, url: str, process: subprocess.Popen[bytes], log: Path) -> None:
        self.url, self.process, self.log = url, process, log

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(f"{self.url}/graphql", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            payload = json.load(response)
        assert "errors" not in payload, payload
        return payload["data"]


@pytest.fixture
def env(data_paths: DataPaths) -> dict[str, str]:
    return dagster_env(data_paths)


@pytest.fixture
def dev_server(env: dict[str, str], tmp_path: Path) -> Iterator[DevServer]:
    port = free_port()
    log = tmp_path / "dagster-dev.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(BIN / "dagster"), "dev", "-w", "workspace.yaml", "--host", "127.0.0.1", "--port", str(port)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_default_sigint,
        )
    server = DevServer(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{server.url}/server_info", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert process.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "dagster dev did not answer in time"
            time.sleep(1)
        yield server
    finally:
        stop_process_group(process)


def stop_process_group(process: subprocess.Popen[bytes]) -> None:
    """SIGINT to the whole group (webserver, daemon, code servers); SIGKILL what stays."""
    group = os.getpgid(process.pid)
    os.killpg(group, signal.SIGINT)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)
    process.wait(timeout=10)


ASSETS_QUERY = """
{ assetNodes { assetKey { path } groupName
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } } } }
"""
AUTOMATION_QUERY = """
query ($repo: RepositorySelector!) {
  schedulesOrError(repositorySelector: $repo) { ... on Schedules { results { name cronSchedule } } }
  sensorsOrError(repositorySelector: $repo) { ... on Sensors { results { name } } }
}
"""
RUNS_QUERY = """
query ($filter: RunsFilter) { runsOrError(filter: $filter) { ... on Runs { results { runId status
    tags { key value } } } } }
"""
REPOSITORY = {"repositoryName": "__repository__", "repositoryLocationName": "newsfacts"}
FINISHED = {"SUCCESS", "FAILURE", "CANCELED"}


def wait_for_runs(server: DevServer, tag: str, value: str, count: int) -> list[dict]:
    """Poll GraphQL until `count` runs tagged tag=value have all finished; return them."""
    run_filter = {"filter": {"tags": [{"key": tag, "value": value}]}}
    deadline = time.monotonic() + BACKFILL_SECONDS
    while True:
        runs = server.graphql(RUNS_QUERY, run_filter)["runsOrError"]["results"]
        if len(runs) >= count and all(r["status"] in FINISHED for r in runs):
            return runs
        assert time.monotonic() < deadline, f"runs tagged {tag}={value} not finished: {runs}"
        time.sleep(3)


def test_ui_shows_layers_checks_schedule_and_sensor(dev_server: DevServer) -> None:
    nodes = dev_server.graphql(ASSETS_QUERY)["assetNodes"]
    groups = {"/".join(n["assetKey"]["path"]): n["groupName"] for n in nodes}
    assert groups["raw/articles"] == "raw"
    assert groups["parsed/articles"] == "parsed"
    assert groups["events/mentions"] == "events"
    assert groups["warehouse/tables"] == "warehouse"
    assert groups["warehouse/report"] == "warehouse"
    checks = {
        "/".join(n["assetKey"]["path"]): {c["name"]: c["blocking"] for c in n["assetChecksOrError"]["checks"]}
        for n in nodes
        if n["assetChecksOrError"].get("checks")
    }
    assert checks["events/mentions"] == {"structure": True, "quality": False}
    automation = dev_server.graphql(AUTOMATION_QUERY, {"repo": REPOSITORY})
    assert [s["name"] for s in automation["schedulesOrError"]["results"]] == ["daily_pipeline_schedule"]
    assert [s["name"] for s in automation["sensorsOrError"]["results"]] == ["landing_sensor"]


def test_cli_backfill_is_run_by_the_daemon_into_duckdb(
    dev_server: DevServer, env: dict[str, str], data_paths: DataPaths, landed_samples: list[date]
) -> None:
    days = [d.isoformat() for d in landed_samples[:3]]
    completed = run(
        [
            str(BIN / "dagster"),
            "job",
            "backfill",
            "-w",
            "workspace.yaml",
            "-l",
            "newsfacts",
            "-j",
            "daily_pipeline",
            "--partitions",
            ",".join(days),
            "--noprompt",
        ],
        env,
        timeout=120,
    )
    backfill_id = re.search(r"Launched backfill job `(\w+)`", completed.stdout + completed.stderr)
    assert backfill_id, completed.stdout + completed.stderr
    runs = wait_for_runs(dev_server, "dagster/backfill", backfill_id[1], count=len(days))
    assert len(runs) == len(days)  # one run per partition
    assert {r["status"] for r in runs} == {"SUCCESS"}, dev_server.log.read_text(errors="replace")[-3000:]
    with connect(data_paths.warehouse_db, read_only=True) as con:
        loaded = {str(r[0]) for r in con.execute("select distinct landed_date from raw.articles").fetchall()}
        events = con.execute("select count(*) from events.events where not is_deleted").fetchone()[0]
    assert loaded == set(days)
    assert events > 0
    assert all(data_paths.report_file(date.fromisoformat(d)).exists() for d in days)


def test_sensor_runs_a_day_when_files_land(
    dev_server: DevServer, env: dict[str, str], data_paths: DataPaths
) -> None:
    today = datetime.now(UTC).date()
    first_sample_day = sorted((SAMPLES_DIR / "landing").iterdir())[0]
    land([first_sample_day], data_paths.landing_day(today))
    run([str(BIN / "dagster"), "sensor", "start", "landing_sensor", "-w", "workspace.yaml"], env, timeout=120)
    [sensor_run] = wait_for_runs(dev_server, "dagster/sensor_name", "landing_sensor", count=1)  # one day
    tags = {t["key"]: t["value"] for t in sensor_run["tags"]}
    assert sensor_run["status"] == "SUCCESS", dev_server.log.read_text(errors="replace")[-3000:]
    assert tags["dagster/partition"] == today.isoformat()
    with connect(data_paths.warehouse_db, read_only=True) as con:
        loaded = con.execute("select distinct landed_date from raw.articles").fetchall()
    assert loaded == [(today,)]
