"""warehouse layer: the lake's partitions loaded into DuckDB, one transaction per run."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import partition_days
from newsfacts.schemas import TABLES
from pipelines.partitions import daily_landing
from pipelines.resources import NewsfactsStorage
from warehouse.loader import connect, load_partitions
from warehouse.publish import publish_snapshot
from warehouse.report import render_report

GROUP = "warehouse"
# DuckDB allows one read-write process per file: every writer asset joins this pool of 1.
DUCKDB_WRITER_POOL = "duckdb_writer"


@dg.asset(
    key=["warehouse", "tables"],
    group_name=GROUP,
    kinds={"duckdb"},
    deps=[list(key) for key in TABLES],
    partitions_def=daily_landing,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool=DUCKDB_WRITER_POOL,
    description="raw, parsed and events tables in the DuckDB warehouse, reloaded per landing day.",
)
def warehouse_tables(
    context: dg.AssetExecutionContext, storage: NewsfactsStorage, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    days = partition_days(context)
    paths = storage.paths
    paths.pipeline_db.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.get_connection() as con:
        loaded = load_partitions(con, paths, days)
        published = publish_snapshot(con, paths.warehouse_db)
    context.log.info(f"loaded {days[0]}..{days[-1]}: {loaded}; published {published}")
    return dg.MaterializeResult(
        metadata={
            "analyst_database": dg.MetadataValue.path(str(published)),
            "pipeline_database": dg.MetadataValue.path(str(paths.pipeline_db)),
            "rows_loaded": dg.MetadataValue.json(loaded),
            "days": dg.MetadataValue.json([d.isoformat() for d in days]),
        }
    )


@dg.asset(
    key=["warehouse", "report"],
    group_name=GROUP,
    kinds={"html"},
    deps=[warehouse_tables],
    partitions_def=daily_landing,
    backfill_policy=dg.BackfillPolicy.single_run(),
    description="HTML report as of the landing day: map of the last week's events, weekly events and "
    "fatalities by side, the deadliest events.",
)
def events_report(context: dg.AssetExecutionContext, storage: NewsfactsStorage) -> dg.MaterializeResult:
    paths = storage.paths
    summaries = []
    with connect(paths.warehouse_db, read_only=True) as con:
        for day in partition_days(context):
            summaries.append(render_report(con, day, paths.report_file(day)))
    last = summaries[-1]
    return dg.MaterializeResult(
        metadata={
            "report": dg.MetadataValue.url(last.path.as_uri()),
            "report_path": dg.MetadataValue.path(str(last.path)),
            "events_to_date": last.events,
            "events_on_map": last.events_on_map,
            "fatalities_to_date": last.fatalities,
        }
    )
