"""Every example query in warehouse/README.md runs against a warehouse built from the samples."""

from __future__ import annotations

import re
from datetime import date

import dagster as dg
import pytest

from newsfacts.config import PROJECT_ROOT, DataPaths
from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from warehouse.loader import connect

README = PROJECT_ROOT / "warehouse" / "README.md"
QUERIES = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_readme_has_example_queries() -> None:
    assert len(QUERIES) >= 5


@pytest.fixture
def built(data_paths: DataPaths, landed_samples: list[date]) -> DataPaths:
    for day in landed_samples:
        assert dg.materialize(
            all_assets, partition_key=day.isoformat(), resources=resources_for(data_paths.root)
        )
    return data_paths


def test_example_queries_run(built: DataPaths) -> None:
    with connect(built.warehouse_db, read_only=True) as con:
        for query in QUERIES:
            con.execute(query).fetchall()
        assert con.execute(QUERIES[0]).fetchall()  # the samples have events in their last week
