"""Jobs: the whole chain, landing folder to warehouse, for one landing day or a range."""

import dagster as dg

daily_pipeline = dg.define_asset_job(
    "daily_pipeline",
    selection=dg.AssetSelection.all(),
    description="Landing folder to DuckDB for one landing day (or a range, as one run).",
)
