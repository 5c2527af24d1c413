"""The newsfacts code location."""

import dagster as dg

from assets.events import event_mentions
from assets.parsed import parsed_articles
from assets.raw import raw_articles
from assets.warehouse import events_report, warehouse_tables
from expectations.runner import check_suites
from pipelines.automation import daily_pipeline_schedule, landing_sensor
from pipelines.jobs import daily_pipeline
from pipelines.resources import resources_for

# Every rule of every Great Expectations suite must load, or the code location does not:
# a rule dropped at load would let its check pass without it.
check_suites()

all_assets = [raw_articles, parsed_articles, event_mentions, warehouse_tables, events_report]


defs = dg.Definitions(
    assets=all_assets,
    jobs=[daily_pipeline],
    schedules=[daily_pipeline_schedule],
    sensors=[landing_sensor],
    resources=resources_for(),
    # In-process: one process per run instead of one per step (GX and the gazetteer load once).
    executor=dg.in_process_executor,
)
