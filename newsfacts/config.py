"""Where the data lives: one data root, resolved to an absolute path once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DATA_ROOT_ENV = "NEWSFACTS_DATA"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_ROOT / "samples"


def resolve_data_root(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The explicit path, else $NEWSFACTS_DATA, else ./data under the project."""
    value = explicit or os.environ.get(DATA_ROOT_ENV) or PROJECT_ROOT / "data"
    return Path(value).expanduser().resolve()


@dataclass(frozen=True, slots=True)
class DataPaths:
    """The fixed layout under the data root."""

    root: Path

    @classmethod
    def from_root(cls, explicit: str | os.PathLike[str] | None = None) -> DataPaths:
        return cls(resolve_data_root(explicit))

    @property
    def landing(self) -> Path:
        return self.root / "landing"

    @property
    def lake(self) -> Path:
        return self.root / "lake"

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

    def partition_file(self, layer: str, table: str, day: date) -> Path:
        return self.lake / layer / table / f"date={day.isoformat()}" / "part-0.parquet"

    def check_results_folder(self, day: date) -> Path:
        """dq.check_results keeps every run's outcomes: one file per table, day and run."""
        return self.lake / "dq" / "check_results" / f"date={day.isoformat()}"

    def check_results_file(self, table_name: str, day: date, run_id: str) -> Path:
        return self.check_results_folder(day) / f"{table_name}.{run_id}.parquet"
