"""Shared fixtures: a temporary data root with the bundled samples landed in it."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from newsfacts.config import DATA_ROOT_ENV, SAMPLES_DIR, DataPaths

# In CI the property-based tests replay the same examples every run (no flaky failures
# from a new draw); on a developer's machine they draw new ones and keep failures found.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def data_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataPaths:
    """An empty data root; NEWSFACTS_DATA points at it so nothing touches ./data."""
    root = tmp_path / "data"
    monkeypatch.setenv(DATA_ROOT_ENV, str(root))
    return DataPaths(root)


@pytest.fixture
def landed_samples(data_paths: DataPaths) -> list[date]:
    from newsfacts.cli import land_samples  # imports the whole pipeline; only tests that land need it

    return land_samples(data_paths)


def load_expected() -> dict[str, dict]:
    with (SAMPLES_DIR / "expected.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {row["article"]: row for row in rows}


def load_expected_rejected() -> list[dict]:
    with (SAMPLES_DIR / "expected_rejected.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
