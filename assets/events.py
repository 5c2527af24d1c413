"""events layer: one row per incident an article mentions, coded by the guideline."""

import dagster as dg

from assets.common import check_specs, run_layer
from newsfacts.layers import compute_mentions
from pipelines.partitions import daily_landing
from pipelines.resources import ARTICLE_WORKERS_POOL, NewsfactsStorage, ParallelEngine

GROUP = "events"


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["events", "mentions"],
            group_name=GROUP,
            kinds={"parquet"},
            deps=[["parsed", "articles"]],
            description="One row per incident as one article tells it (ACLED event types).",
        ),
        dg.AssetSpec(
            ["events", "quarantine"],
            group_name=GROUP,
            kinds={"parquet"},
            deps=[["parsed", "articles"]],
            description="Articles the extractor could not process, with the error.",
        ),
    ],
    check_specs=check_specs("events"),
    partitions_def=daily_landing,
    backfill_policy=dg.BackfillPolicy.single_run(),
    # The step spreads over every core (or the Dask cluster): one such step at a time.
    pool=ARTICLE_WORKERS_POOL,
)
def event_mentions(context: dg.AssetExecutionContext, storage: NewsfactsStorage, parallel: ParallelEngine):
    yield from run_layer(context, storage.paths, "events", compute_mentions, parallel.get())
