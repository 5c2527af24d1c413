"""Analysts and the pipeline never wait for each other's DuckDB lock."""

from __future__ import annotations

import struct
import subprocess
import sys
import textwrap
from datetime import date

import dagster as dg

from newsfacts.config import DataPaths
from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from warehouse.loader import connect

ANALYST = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute("select count(*) from raw.articles").fetchone()[0], flush=True)
    sys.stdin.readline()  # hold the connection open until told to query again
    print(con.execute("select count(*) from raw.articles").fetchone()[0], flush=True)
    """
)


def materialize(paths: DataPaths, day: date) -> None:
    result = dg.materialize(all_assets, partition_key=day.isoformat(), resources=resources_for(paths.root))
    assert result.success


def test_an_open_analyst_session_does_not_fail_a_run(
    data_paths: DataPaths, landed_samples: list[date]
) -> None:
    materialize(data_paths, landed_samples[0])
    analyst = subprocess.Popen(
        [sys.executable, "-c", ANALYST, str(data_paths.warehouse_db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        before = int(analyst.stdout.readline())
        materialize(data_paths, landed_samples[1])  # the analyst still holds the file open
        analyst.stdin.write("\n")
        analyst.stdin.flush()
        still_reading = int(analyst.stdout.readline())
    finally:
        analyst.kill()
        analyst.wait()
    assert before > 0
    assert still_reading == before  # an open session keeps its snapshot...
    with connect(data_paths.warehouse_db, read_only=True) as con:  # ...a new one sees the new load
        assert con.execute("select count(distinct landed_date) from raw.articles").fetchone()[0] == 2


def test_a_loading_pipeline_does_not_stop_an_analyst(
    data_paths: DataPaths, landed_samples: list[date]
) -> None:
    materialize(data_paths, landed_samples[0])
    with connect(data_paths.pipeline_db) as writer:  # the pipeline holds its file read-write
        writer.execute("select 1").fetchall()
        query = (
            "import duckdb, sys; "
            "print(duckdb.connect(sys.argv[1], read_only=True).execute('select 42').fetchall()[0][0])"
        )
        completed = subprocess.run(
            [sys.executable, "-c", query, str(data_paths.warehouse_db)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "42"


def test_the_published_file_keeps_a_format_older_clients_read(
    data_paths: DataPaths, landed_samples: list[date]
) -> None:
    materialize(data_paths, landed_samples[0])
    # The main header: 8-byte checksum, b"DUCK", then the storage version number. DuckDB 1.4
    # reads versions 64 to 68; DuckDB 2.0's own default format is 999.
    header = data_paths.warehouse_db.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert 64 <= struct.unpack("<Q", header[12:20])[0] <= 68
