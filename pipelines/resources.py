"""Resources: where the data lives. One setting (the data root) decides every path."""

from __future__ import annotations

import os

import dagster as dg
from dagster_duckdb import DuckDBResource

from newsfacts.config import DataPaths
from warehouse.loader import CONNECTION_CONFIG


class NewsfactsStorage(dg.ConfigurableResource):
    """The data root: landing folder, Parquet lake and DuckDB file live under it."""

    data_root: str = ""  # empty: $NEWSFACTS_DATA, else ./data in the project

    @property
    def paths(self) -> DataPaths:
        return DataPaths.from_root(self.data_root or None)


def resources_for(data_root: str | os.PathLike[str] | None = None) -> dict[str, object]:
    """The resource set for one data root (None: the environment's or the default)."""
    paths = DataPaths.from_root(data_root)
    return {
        "storage": NewsfactsStorage(data_root=str(paths.root)),
        # DuckDBResource retries when another process holds the file's lock.
        "duckdb": DuckDBResource(database=str(paths.pipeline_db), connection_config=CONNECTION_CONFIG),
    }
