"""Every asset materialized in-process into a temporary data root, over the sample days."""

from __future__ import annotations

from datetime import date

import dagster as dg

from newsfacts.config import DataPaths
from pipelines.definitions import all_assets, defs
from pipelines.resources import resources_for
from tests.conftest import load_expected, load_expected_rejected
from warehouse.loader import connect

TABLE_COUNTS = """
select 'raw.articles', count(*) from raw.articles union all
select 'raw.rejected', count(*) from raw.rejected union all
select 'parsed.articles', count(*) from parsed.articles union all
select 'events.mentions', count(*) from events.mentions
"""


def materialize_days(paths: DataPaths, days: list[date]) -> None:
    for day in days:
        result = dg.materialize(
            all_assets, partition_key=day.isoformat(), resources=resources_for(paths.root)
        )
        assert result.success


def table_counts(paths: DataPaths) -> dict[str, int]:
    with connect(paths.warehouse_db, read_only=True) as con:
        return dict(con.execute(TABLE_COUNTS).fetchall())


def test_definitions_load() -> None:
    dg.Definitions.validate_loadable(defs)
    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"raw/articles", "raw/rejected", "parsed/articles", "events/mentions", "warehouse/tables"} <= keys


def test_samples_flow_into_duckdb_and_rerunning_changes_nothing(
    data_paths: DataPaths, landed_samples: list[date]
) -> None:
    materialize_days(data_paths, landed_samples)
    expected = load_expected()
    rejected = load_expected_rejected()
    counts = table_counts(data_paths)
    assert counts["raw.articles"] == len(expected)
    assert counts["parsed.articles"] == len(expected)
    assert counts["raw.rejected"] == len(rejected)
    assert counts["events.mentions"] > 0

    with connect(data_paths.warehouse_db, read_only=True) as con:
        days = {row[0] for row in con.execute("select distinct landed_date from raw.articles").fetchall()}
        assert days == set(landed_samples)
        reasons = set(con.execute("select source_file, reason from raw.rejected").fetchall())
        assert reasons == {(r["source_file"], r["reason"]) for r in rejected}
        # Evidence offsets point into the parsed body the extractor read.
        mismatches = con.execute(
            """
            select count(*) from events.mentions m join parsed.articles p using (article_id, landed_date)
            where substr(array_to_string(p.paragraphs, chr(10) || chr(10)),
                         m.evidence_start + 1, m.evidence_end - m.evidence_start) <> m.evidence
            """
        ).fetchone()[0]
        assert mismatches == 0

    # Re-materializing replaces partitions; nothing is duplicated.
    materialize_days(data_paths, landed_samples[:2])
    assert table_counts(data_paths) == counts


def test_a_single_day_run_touches_only_that_day(data_paths: DataPaths, landed_samples: list[date]) -> None:
    first = landed_samples[0]
    materialize_days(data_paths, [first])
    with connect(data_paths.warehouse_db, read_only=True) as con:
        days = {row[0] for row in con.execute("select distinct landed_date from raw.articles").fetchall()}
    assert days == {first}
    assert data_paths.partition_file("events", "mentions", first).exists()
    assert not data_paths.partition_file("events", "mentions", landed_samples[1]).exists()
