"""warehouse layer: the lake's partitions loaded into DuckDB, one transaction per run."""

from datetime import UTC, datetime

import dagster as dg
from dagster_duckdb import DuckDBResource

from assets.common import check_results, give_back_memory, partition_days, retry_transient_io
from expectations.runner import validate_table
from expectations.screening import check_result_rows
from newsfacts.lake import write_partition
from newsfacts.schemas import TABLES
from newsfacts.vocabulary import EVENT_TYPES
from pipelines.partitions import daily_landing
from pipelines.resources import NewsfactsStorage
from warehouse.loader import load_partitions, reload_check_results
from warehouse.publish import publish_snapshot
from warehouse.report import render_report_job

GROUP = "warehouse"
# DuckDB allows one read-write process per file: every writer asset joins this pool of 1.
DUCKDB_WRITER_POOL = "duckdb_writer"


WAREHOUSE_SUITE = "warehouse_events"
EVENTS_KEY = dg.AssetKey(["warehouse", "tables"])


@dg.asset(
    key=["warehouse", "tables"],
    group_name=GROUP,
    kinds={"duckdb"},
    deps=[list(key) for key in TABLES],
    partitions_def=daily_landing,
    backfill_policy=dg.BackfillPolicy.single_run(),
    pool=DUCKDB_WRITER_POOL,
    check_specs=[
        dg.AssetCheckSpec(
            "events_structure",
            asset=EVENTS_KEY,
            blocking=True,
            description=f"Great Expectations suite {WAREHOUSE_SUITE} over the re-clustered rows of "
            "events.events: keys, fatalities low <= best <= high, ACLED codes.",
        )
    ],
    description="raw, parsed and events tables in the DuckDB warehouse, reloaded per landing day, "
    "de-duplicated into events.events, and published as the analysts' copy.",
)
def warehouse_tables(context: dg.AssetExecutionContext, storage: NewsfactsStorage, duckdb: DuckDBResource):
    days = partition_days(context)
    paths = storage.paths
    paths.pipeline_db.parent.mkdir(parents=True, exist_ok=True)
    now = datetime.now(UTC)
    with retry_transient_io(context), duckdb.get_connection() as con:
        loaded = load_partitions(con, paths, days)
        touched = con.sql(
            "select * from events.events where event_id in (select event_id from touched_events)"
        )
        outcome = validate_table(
            touched.to_arrow_table(), WAREHOUSE_SUITE, "event_id", {"event_types": list(EVENT_TYPES)}
        )
        # Keep the outcome with the other checks' history, under the run's last day.
        write_partition(
            check_result_rows(outcome, "events.events", days[-1], context.run_id, now),
            paths.check_results_file("events.events", days[-1], context.run_id),
        )
        reload_check_results(con, paths, days[-1:])
        # Analysts only ever see a warehouse whose events passed the structural rules.
        blocked = bool(outcome.failed("error"))
        published = None if blocked else publish_snapshot(con, paths.warehouse_db)
    give_back_memory()
    if blocked:
        context.log.error(f"events.events broke {[o.name for o in outcome.failed('error')]}; not published")
    context.log.info(f"loaded {days[0]}..{days[-1]}: {loaded}; published: {published}")
    yield from check_results(
        {days[-1]: outcome}, EVENTS_KEY, {"events_structure": {"error", "warn"}}, WAREHOUSE_SUITE
    )
    yield dg.MaterializeResult(
        metadata={
            "analyst_database": dg.MetadataValue.path(str(paths.warehouse_db)),
            "published": published is not None,
            "pipeline_database": dg.MetadataValue.path(str(paths.pipeline_db)),
            "rows_loaded": dg.MetadataValue.json(loaded),
            "days": dg.MetadataValue.json([d.isoformat() for d in days]),
            "events_touched": outcome.rows,
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
    # One report per day, rendered here: each costs a fraction of a second (the queries are
    # bounded by date), so a worker pool would cost more memory than it saves time.
    summaries = [
        render_report_job((str(paths.warehouse_db), day, str(paths.report_file(day))))
        for day in partition_days(context)
    ]
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
