"""A materialization that can be made to stop at a chosen point, to be killed there.

    python -m tests.crash.harness DATA_ROOT FIRST_DAY LAST_DAY {events|warehouse|publish|none} MARKER

Runs every asset over FIRST_DAY..LAST_DAY as one run in the instance under
DATA_ROOT/dagster_home. With a stop point, the run writes MARKER when it gets there and
then waits, so a test can kill it (SIGKILL) at that exact moment:
- events: while the events step is extracting (after some articles of the range);
- warehouse: inside the warehouse load's transaction, after some tables are reloaded;
- publish: while the analysts' copy is being written, before it is renamed into place.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

WAIT_SECONDS = 600
EVENTS_AFTER_ARTICLES = 5
WAREHOUSE_AFTER_TABLES = 3


def stop_here(marker: Path) -> None:
    marker.write_text("stopped", encoding="utf-8")
    time.sleep(WAIT_SECONDS)


def install_stop(point: str, marker: Path) -> None:
    import newsfacts.layers
    import warehouse.loader
    import warehouse.publish

    if point == "events":
        real_extract = newsfacts.layers.extract_mentions
        calls = [0]

        def extract_then_stop(article):
            calls[0] += 1
            if calls[0] > EVENTS_AFTER_ARTICLES:
                stop_here(marker)
            return real_extract(article)

        newsfacts.layers.extract_mentions = extract_then_stop
    elif point == "warehouse":
        real_insert = warehouse.loader._insert_parquet
        inserts = [0]

        def insert_then_stop(con, table, names, files):
            count = real_insert(con, table, names, files)
            inserts[0] += 1
            if inserts[0] == WAREHOUSE_AFTER_TABLES:
                stop_here(marker)
            return count

        warehouse.loader._insert_parquet = insert_then_stop
    elif point == "publish":
        real_replace = warehouse.publish.os.replace

        class OsWithStop:
            def __getattr__(self, name):
                return getattr(warehouse.publish.os_module, name)

            @staticmethod
            def replace(source, target):
                stop_here(marker)
                real_replace(source, target)

        warehouse.publish.os_module = warehouse.publish.os
        warehouse.publish.os = OsWithStop()
    elif point != "none":
        raise SystemExit(f"unknown stop point {point!r}")


def main(argv: list[str]) -> int:
    data_root, first, last, point, marker = argv
    install_stop(point, Path(marker))

    import dagster as dg

    from newsfacts.cli import dagster_env
    from newsfacts.config import DataPaths
    from pipelines.definitions import all_assets
    from pipelines.resources import resources_for

    paths = DataPaths(Path(data_root))
    env = dagster_env(paths)
    with dg.DagsterInstance.from_config(env["DAGSTER_HOME"]) as instance:
        result = dg.materialize(
            all_assets,
            instance=instance,
            resources=resources_for(paths.root),
            tags={"dagster/asset_partition_range_start": first, "dagster/asset_partition_range_end": last},
        )
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
