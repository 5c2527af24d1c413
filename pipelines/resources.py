"""Resources: where the data lives, and where the per-article work runs.

Both are set by environment variables read when the definitions load (the same values
must reach the CLI, the code server and the daemon) or per run in the launchpad config:

- NEWSFACTS_DATA: the data root (landing folder, DuckDB files, reports, Dagster instance).
- NEWSFACTS_LAKE: the Parquet lake, `s3://bucket/prefix` on S3-compatible storage or a
  folder (default: <data root>/lake); NEWSFACTS_S3_ENDPOINT for MinIO and other non-AWS
  endpoints. Credentials come from the usual AWS variables, profile or instance role.
- NEWSFACTS_ENGINE: `processes` (default: a pool on this machine), `serial` or `dask`;
  NEWSFACTS_WORKERS: pool size or local Dask workers (0: one per core);
  NEWSFACTS_DASK_SCHEDULER: an existing scheduler's address (`tcp://host:8786`); without
  it, `dask` starts a LocalCluster of NEWSFACTS_WORKERS processes on 127.0.0.1.
"""

from __future__ import annotations

import os

import dagster as dg
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from newsfacts.config import DataPaths
from newsfacts.lake import configure_storage
from newsfacts.parallel import Engine, make_engine
from warehouse.loader import CONNECTION_CONFIG

ENGINE_ENV = "NEWSFACTS_ENGINE"
WORKERS_ENV = "NEWSFACTS_WORKERS"
SCHEDULER_ENV = "NEWSFACTS_DASK_SCHEDULER"
S3_ENDPOINT_ENV = "NEWSFACTS_S3_ENDPOINT"
# The steps that run per-article work on the engine join this pool (one slot by default), so
# two runs do not each start a pool of one worker per core on the same machine.
ARTICLE_WORKERS_POOL = "article_workers"


class NewsfactsStorage(dg.ConfigurableResource):
    """The data root, and the Parquet lake (under it, another folder, or an S3 bucket)."""

    data_root: str = ""  # empty: $NEWSFACTS_DATA, else ./data in the project
    lake: str = ""  # empty: $NEWSFACTS_LAKE, else <data root>/lake; or s3://bucket/prefix
    s3_endpoint_url: str = ""  # MinIO or another S3-compatible server; empty: AWS

    @property
    def paths(self) -> DataPaths:
        if self.s3_endpoint_url:
            configure_storage("s3", {"endpoint_url": self.s3_endpoint_url})
        return DataPaths.from_root(self.data_root or None, self.lake or None)


class ParallelEngine(dg.ConfigurableResource):
    """Where parsing and extraction run: a local process pool (default), this process, or Dask.

    One engine serves the whole run: its workers start once and load the parser and the
    gazetteer once, whatever the number of days. The DuckDB load always stays in the run.
    """

    engine: str = "processes"  # processes | serial | dask
    workers: int = 0  # pool processes, or LocalCluster workers for dask; 0: one per core
    dask_scheduler: str = ""  # tcp://host:8786 of an existing Dask cluster

    _engine: Engine | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._engine = make_engine(self.engine, self.workers, self.dask_scheduler)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._engine is not None:
            self._engine.close()
            self._engine = None

    def get(self) -> Engine:
        if self._engine is None:  # used outside a run (a direct call): build it now
            self._engine = make_engine(self.engine, self.workers, self.dask_scheduler)
        return self._engine


def resources_for(
    data_root: str | os.PathLike[str] | None = None,
    lake: str | None = None,
    engine: str | None = None,
    workers: int | None = None,
    dask_scheduler: str | None = None,
    s3_endpoint_url: str | None = None,
) -> dict[str, object]:
    """The resource set for one data root; unset arguments come from the environment."""
    paths = DataPaths.from_root(data_root, lake)
    return {
        "storage": NewsfactsStorage(
            data_root=str(paths.root),
            lake=paths.lake_url,
            s3_endpoint_url=s3_endpoint_url or os.environ.get(S3_ENDPOINT_ENV, ""),
        ),
        "parallel": ParallelEngine(
            engine=engine or os.environ.get(ENGINE_ENV) or "processes",
            workers=workers if workers is not None else int(os.environ.get(WORKERS_ENV) or 0),
            dask_scheduler=dask_scheduler or os.environ.get(SCHEDULER_ENV, ""),
        ),
        # DuckDBResource retries when another process holds the file's lock.
        "duckdb": DuckDBResource(database=str(paths.pipeline_db), connection_config=CONNECTION_CONFIG),
    }
