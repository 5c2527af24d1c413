"""Where the data lives: one data root, resolved to an absolute path once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsfacts.lake import Location, join

DATA_ROOT_ENV = "NEWSFACTS_DATA"
LAKE_ENV = "NEWSFACTS_LAKE"  # s3://bucket/prefix (or a local folder); empty: <data root>/lake
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_ROOT / "samples"


def resolve_data_root(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The explicit path, else $NEWSFACTS_DATA, else ./data under the project."""
    value = explicit or os.environ.get(DATA_ROOT_ENV) or PROJECT_ROOT / "data"
    return Path(value).expanduser().resolve()


def resolve_lake(explicit: str | os.PathLike[str] | None = None) -> str:
    """The explicit lake location, else $NEWSFACTS_LAKE, else '' (the lake under the data root)."""
    value = str(explicit or os.environ.get(LAKE_ENV) or "")
    if value and "://" not in value:
        value = str(Path(value).expanduser().resolve())
    return value


@dataclass(frozen=True, slots=True)
class DataPaths:
    """The fixed layout under the data root.

    The lake may live elsewhere (`lake_url`): a local folder or `s3://bucket/prefix` on
    S3-compatible storage. Landing files, DuckDB files, reports and the Dagster instance
    stay under the root, on the machine that runs the DuckDB load.
    """

    root: Path
    lake_url: str = ""

    @classmethod
    def from_root(
        cls, explicit: str | os.PathLike[str] | None = None, lake: str | os.PathLike[str] | None = None
    ) -> DataPaths:
        return cls(resolve_data_root(explicit), resolve_lake(lake))

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def lake(self) -> Location:
        """The lake's root: a Path, or an 's3://bucket/prefix' string on object storage."""
        if not self.lake_url:
            return self.root / "lake"
        return self.lake_url.rstrip("/") if "://" in self.lake_url else Path(self.lake_url)

    @property
    def pipeline_db(self) -> Path:
        """The pipeline's own DuckDB file: only the warehouse asset opens it, read-write."""
        return self.root / "pipeline" / "warehouse.duckdb"

    @property
    def warehouse_db(self) -> Path:
        """The analysts' DuckDB file: a snapshot of pipeline_db published after every load."""
        return self.root / "warehouse.duckdb"

    def report_file(self, day: date) -> Path:
        return self.root / "reports" / f"events-{day.isoformat()}.html"

    @property
    def dagster_home(self) -> Path:
        return self.root / "dagster_home"

    def landing_day(self, day: date) -> Path:
        return self.landing / day.isoformat()

    def partition_file(self, layer: str, table: str, day: date) -> Location:
        return join(self.lake, layer, table, f"date={day.isoformat()}", "part-0.parquet")

    def check_results_folder(self, day: date) -> Location:
        """dq.check_results keeps every run's outcomes: one file per table, day and run."""
        return join(self.lake, "dq", "check_results", f"date={day.isoformat()}")

    def check_results_file(self, table_name: str, day: date, run_id: str) -> Location:
        return join(self.check_results_folder(day), f"{table_name}.{run_id}.parquet")
