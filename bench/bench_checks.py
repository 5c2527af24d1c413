"""Great Expectations overhead per partition: the cost of screening each layer's day.

Builds a day's tables from the bundled samples, repeated to a realistic size with fresh
ids, and times `expectations.screening.screen` per layer (median of several runs), plus
the one-off cost of importing Great Expectations and building its context.

usage: python bench/bench_checks.py [--articles N] [--runs R]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa

from newsfacts.config import SAMPLES_DIR, DataPaths
from newsfacts.ingest import ingest_landing_day
from newsfacts.lake import write_partition
from newsfacts.layers import process_article
from newsfacts.schemas import EVENT_MENTIONS, PARSED_ARTICLES, RAW_ARTICLES, records_to_table

DAY = date(2025, 3, 14)  # after every sample day, so no date is "after landing"


def sample_tables() -> dict[str, pa.Table]:
    raws, parsed, mentions = [], [], []
    now = datetime.now(UTC)
    for folder in sorted(p for p in (SAMPLES_DIR / "landing").iterdir() if p.is_dir()):
        for raw in ingest_landing_day(SAMPLES_DIR / "landing", date.fromisoformat(folder.name), now).articles:
            article, found = process_article(raw)
            raws.append(raw)
            parsed.append(article)
            mentions.extend(found)
    return {
        "raw": records_to_table(raws, RAW_ARTICLES),
        "parsed": records_to_table(parsed, PARSED_ARTICLES),
        "events": records_to_table(mentions, EVENT_MENTIONS),
    }


def scaled(table: pa.Table, copies: int, id_columns: list[str]) -> pa.Table:
    """`copies` copies of `table` with ids made unique per copy, all landed on DAY."""
    parts = []
    for copy in range(copies):
        part = table
        for column in id_columns:
            index = part.schema.get_field_index(column)
            fresh = [
                hashlib.sha256(f"{value}:{copy}".encode()).hexdigest() for value in part[column].to_pylist()
            ]
            part = part.set_column(index, column, pa.array(fresh, pa.string()))
        part = part.set_column(
            part.schema.get_field_index("landed_date"),
            "landed_date",
            pa.array([DAY] * part.num_rows, pa.date32()),
        )
        parts.append(part)
    return pa.concat_tables(parts)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000, help="articles per partition (default 1000)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from expectations.runner import _batch_definition

    _batch_definition()
    first_use = time.perf_counter() - started
    from expectations.screening import screen

    base = sample_tables()
    copies = max(1, round(args.articles / base["raw"].num_rows))
    tables = {
        "raw": scaled(base["raw"], copies, ["article_id"]),
        "parsed": scaled(base["parsed"], copies, ["article_id"]),
        "events": scaled(base["events"], copies, ["mention_id", "article_id"]),
    }
    print(f"Great Expectations import + ephemeral context (once per process): {first_use:.2f} s")
    print(
        f"partition: {tables['raw'].num_rows} articles, {tables['events'].num_rows} mentions; "
        f"median of {args.runs} runs\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder))
        write_partition(tables["raw"], paths.partition_file("raw", "articles", DAY))
        write_partition(tables["parsed"], paths.partition_file("parsed", "articles", DAY))
        total = 0.0
        for layer in ("raw", "parsed", "events"):
            timings = []
            for _ in range(args.runs):
                start = time.perf_counter()
                outcome = screen(paths, layer, DAY, tables[layer])
                timings.append(time.perf_counter() - start)
            median = statistics.median(timings)
            total += median
            print(
                f"{layer:<7} {len(outcome.outcomes):>3} expectations over {outcome.rows:>6} rows: "
                f"{median * 1000:7.1f} ms  (failed: {[o.name for o in outcome.failed()] or 'none'})"
            )
        print(f"{'total':<7} per partition: {total * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
