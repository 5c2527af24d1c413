"""warehouse layer: the lake's partitions loaded into DuckDB, one transaction per run."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import partition_days
from newsfacts.schemas import TABLES
from pipelines.partitions import daily_landing
from pipelines.resources import NewsfactsStorage
from warehouse.loader import load_partitions
from warehouse.publish import publish_snapshot

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
