"""raw layer: every landed file, byte for byte, as articles or rejected inputs."""

import dagster as dg

from assets.common import check_specs, run_layer
from newsfacts.layers import compute_raw
from pipelines.partitions import daily_landing
from pipelines.resources import NewsfactsStorage

GROUP = "raw"


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", "articles"],
            group_name=GROUP,
            kinds={"parquet"},
            description="One row per article landed on a day: the exact bytes, decoded text, encoding.",
        ),
        dg.AssetSpec(
            ["raw", "rejected"],
            group_name=GROUP,
            kinds={"parquet"},
            description="Landed files or records that are not readable articles, with the reason.",
        ),
    ],
    check_specs=check_specs("raw"),
    partitions_def=daily_landing,
    backfill_policy=dg.BackfillPolicy.single_run(),
)
def raw_articles(context: dg.AssetExecutionContext, storage: NewsfactsStorage):
    # Reading the landing folder has no per-article work for the engine: it runs in this
    # process's main thread, where each file's reading time budget applies.
    yield from run_layer(context, storage.paths, "raw", compute_raw)
