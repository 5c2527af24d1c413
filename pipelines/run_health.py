"""Runs whose process died (kill -9, out of memory, a reboot) are marked failed, and the
concurrency slots they held (the DuckDB writer's among them) are given back.

Dagster's default run launcher cannot tell whether a run's process is alive, so run
monitoring alone would leave a dead run STARTED for ever, holding its pool slot, and every
later run would wait for that slot. Here:

- `MonitoredRunLauncher` is the default launcher plus a health check: the run worker's
  process id comes from the run's RUN_START event, and a run whose process is gone (or was
  replaced by a newer process with the same id) is FAILED. `dagster.yaml` names it as the
  run launcher and turns run monitoring on, so the daemon (`dagster dev`) marks such runs
  failed and frees their slots.
- `recover` does the same in one call, without the daemon:
  `python -m pipelines.run_health` (DAGSTER_HOME set) after a crash of a CLI run.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
from dagster._core.events import DagsterEventType
from dagster._core.launcher import CheckRunHealthResult, DefaultRunLauncher, WorkerStatus
from dagster._core.storage.dagster_run import FINISHED_STATUSES

RUN_START_GRACE_SECONDS = 2.0  # clock tick rounding between the process start and its event


def run_worker(instance: dg.DagsterInstance, run_id: str) -> tuple[int, float] | None:
    """(process id, start timestamp) of the process that started the run, if it has started."""
    for entry in instance.all_logs(run_id, of_type=DagsterEventType.RUN_START):
        if entry.dagster_event is not None and entry.dagster_event.pid:
            return entry.dagster_event.pid, entry.timestamp
    return None


def process_started_at(pid: int) -> float | None:
    """When process `pid` started (Unix time), from /proc; None where there is no /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            float(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime")
        )
    except (OSError, IndexError, StopIteration, ValueError):
        return None
    return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")


def process_alive(pid: int, since: float) -> bool:
    """True when `pid` is alive and is the process that was running at `since`."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process with that id: alive, not ours to judge
        pass
    started = process_started_at(pid)
    return started is None or started <= since + RUN_START_GRACE_SECONDS


def worker_health(instance: dg.DagsterInstance, run: dg.DagsterRun) -> CheckRunHealthResult:
    worker = run_worker(instance, run.run_id)
    if worker is None:  # not started yet: the start timeout of run monitoring covers it
        return CheckRunHealthResult(WorkerStatus.RUNNING, "the run worker has not reported yet")
    pid, since = worker
    if process_alive(pid, since):
        return CheckRunHealthResult(WorkerStatus.RUNNING, f"run worker process {pid} is alive")
    return CheckRunHealthResult(WorkerStatus.FAILED, f"run worker process {pid} is gone")


class MonitoredRunLauncher(DefaultRunLauncher):
    """The default run launcher, with a run worker health check for run monitoring."""

    @property
    def supports_check_run_worker_health(self) -> bool:
        return True

    def check_run_worker_health(self, run: dg.DagsterRun) -> CheckRunHealthResult:
        return worker_health(self._instance, run)


@dataclass
class Recovery:
    failed: list[str] = field(default_factory=list)  # runs marked failed
    freed: list[str] = field(default_factory=list)  # finished runs whose slots were given back


def recover(instance: dg.DagsterInstance) -> Recovery:
    """Mark STARTED runs whose process is gone as failed; free the slots of finished runs."""
    recovery = Recovery()
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=[dg.DagsterRunStatus.STARTED])):
        health = worker_health(instance, run)
        if health.status == WorkerStatus.FAILED:
            instance.report_run_failed(run, f"Run worker died: {health.msg}. Marked failed by recovery.")
            recovery.failed.append(run.run_id)
    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        holders = list(storage.get_concurrency_run_ids())
        if holders:
            finished = instance.get_runs(filters=dg.RunsFilter(run_ids=holders, statuses=FINISHED_STATUSES))
            for run in finished:
                storage.free_concurrency_slots_for_run(run.run_id)
                recovery.freed.append(run.run_id)
    return recovery


def main() -> int:
    with dg.DagsterInstance.get() as instance:
        recovery = recover(instance)
    for run_id in recovery.failed:
        print(f"run {run_id}: its process is gone; marked failed")
    for run_id in recovery.freed:
        print(f"run {run_id}: ended; the concurrency slots it held are given back")
    if not recovery.failed and not recovery.freed:
        print("no dead runs and no slots held by finished runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
