"""The real command-line tools, in subprocesses, as a user runs them."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from newsfacts.cli import dagster_env
from newsfacts.config import SAMPLES_DIR, DataPaths
from tests.cli.commands import BIN, run
from tests.conftest import load_expected

pytestmark = pytest.mark.cli


def test_definitions_validate(data_paths: DataPaths) -> None:
    completed = run(
        [str(BIN / "dagster"), "definitions", "validate", "-w", "workspace.yaml"], dagster_env(data_paths)
    )
    assert "passed validation" in completed.stdout + completed.stderr


def test_partition_range_backfill_as_one_run(data_paths: DataPaths, landed_samples: list[date]) -> None:
    env = dagster_env(data_paths)
    span = f"{landed_samples[0].isoformat()}...{landed_samples[-1].isoformat()}"
    command = [
        str(BIN / "dagster"),
        "asset",
        "materialize",
        "-m",
        "pipelines.definitions",
        "--select",
        "*",
        "--partition-range",
        span,
    ]
    completed = run(command, env)
    # Every suite loads in full, so no rule is dropped with a logged traceback.
    assert "Traceback" not in completed.stdout + completed.stderr
    summary = run([str(BIN / "newsfacts"), "summary"], env).stdout
    for day in landed_samples:
        assert day.isoformat() in summary
    # an article in a language without a lexicon is counted, and gives no event
    assert re.search(r"\bnl\s+1 articles,\s+0 with events\s+\(not coded\)", summary)
    first = summary
    run(command, env)  # the same range again: same rows
    assert run([str(BIN / "newsfacts"), "summary"], env).stdout == first


def test_extract_writes_gold_shaped_lines(tmp_path: Path) -> None:
    out = tmp_path / "samples.jsonl"
    run(
        [str(BIN / "newsfacts"), "extract", str(SAMPLES_DIR / "landing"), "--jsonl", str(out)],
        dict(os.environ),
    )
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {row["article"] for row in rows} == set(load_expected())
    for row in rows:
        assert set(row) == {"article", "published", "title", "language", "events"}
        for event in row["events"]:
            assert {"event_type", "country", "admin1", "location", "fatalities", "date", "evidence"} <= set(
                event
            )
