"""The DuckDB table definitions agree with the pyarrow schemas, column for column."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from newsfacts.config import DataPaths
from newsfacts.ingest import ingest_landing_day
from newsfacts.lake import write_partition
from newsfacts.schemas import CHECK_RESULTS, RAW_ARTICLES, RAW_REJECTED, TABLES, records_to_table
from warehouse.loader import connect, ensure_tables, load_partitions

ARROW_SCHEMAS = {key: schema for key, (schema, _) in TABLES.items()} | {
    ("dq", "check_results"): CHECK_RESULTS
}


@pytest.mark.parametrize(("layer", "table"), list(ARROW_SCHEMAS))
def test_ddl_columns_match_the_arrow_schema(layer: str, table: str) -> None:
    con = duckdb.connect()
    ensure_tables(con)
    columns = [row[0] for row in con.execute(f"describe {layer}.{table}").fetchall()]
    assert columns == ARROW_SCHEMAS[(layer, table)].names


def _land_and_write(paths: DataPaths, day: date, texts: dict[str, str]) -> None:
    folder = paths.landing_day(day)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    now = datetime.now(UTC)
    result = ingest_landing_day(paths.landing, day, now)
    write_partition(
        records_to_table(result.articles, RAW_ARTICLES), paths.partition_file("raw", "articles", day)
    )
    write_partition(
        records_to_table(result.rejected, RAW_REJECTED), paths.partition_file("raw", "rejected", day)
    )
    for layer, table in TABLES:
        if layer != "raw":
            schema, _ = TABLES[(layer, table)]
            write_partition(schema.empty_table(), paths.partition_file(layer, table, day))


def test_loading_a_day_twice_replaces_its_rows(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    day1, day2 = date(2025, 3, 10), date(2025, 3, 11)
    _land_and_write(paths, day1, {"a.txt": "Strike on Sumy.", "b.txt": "Strike on Kherson.", "e.txt": ""})
    _land_and_write(paths, day2, {"c.txt": "Drone over Kursk."})
    with connect(paths.warehouse_db) as con:
        assert load_partitions(con, paths, [day1, day2])["raw.articles"] == 3
        load_partitions(con, paths, [day1])
        load_partitions(con, paths, [day1])
        counts = dict(
            con.execute("select landed_date::varchar, count(*) from raw.articles group by 1").fetchall()
        )
        assert counts == {"2025-03-10": 2, "2025-03-11": 1}
        assert con.execute("select reason from raw.rejected").fetchall() == [("empty",)]


def test_a_changed_table_definition_is_rebuilt_from_the_whole_lake(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    day1, day2 = date(2025, 3, 10), date(2025, 3, 11)
    _land_and_write(paths, day1, {"a.txt": "Strike on Sumy."})
    _land_and_write(paths, day2, {"c.txt": "Drone over Kursk."})
    with connect(paths.warehouse_db) as con:
        load_partitions(con, paths, [day1, day2])
        # Simulate a warehouse built by an older release whose raw.articles differed.
        con.execute("update meta.table_versions set ddl_sha256 = 'old' where table_name = 'raw.articles'")
        loaded = load_partitions(con, paths, [day2])
        assert loaded["raw.articles"] == 2  # refilled from both days, not only the one asked for
        assert loaded["raw.rejected"] == 0
