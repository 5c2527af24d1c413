"""parsed layer: headline, standfirst, clean paragraphs, language, date and source."""

import dagster as dg

from assets.common import check_specs, run_layer
from newsfacts.layers import compute_parsed
from pipelines.partitions import daily_landing
from pipelines.resources import ARTICLE_WORKERS_POOL, NewsfactsStorage, ParallelEngine

GROUP = "parsed"


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["parsed", "articles"],
            group_name=GROUP,
            kinds={"parquet"},
            deps=[["raw", "articles"]],
            description="One row per article as a reader sees it, boilerplate set aside with reasons.",
        ),
        dg.AssetSpec(
            ["parsed", "quarantine"],
            group_name=GROUP,
            kinds={"parquet"},
            deps=[["raw", "articles"]],
            description="Articles the parser could not process, with the error.",
        ),
    ],
    check_specs=check_specs("parsed"),
    partitions_def=daily_landing,
    backfill_policy=dg.BackfillPolicy.single_run(),
    # The step spreads over every core (or the Dask cluster): one such step at a time.
    pool=ARTICLE_WORKERS_POOL,
)
def parsed_articles(context: dg.AssetExecutionContext, storage: NewsfactsStorage, parallel: ParallelEngine):
    yield from run_layer(context, storage.paths, "parsed", compute_parsed, parallel.get())
