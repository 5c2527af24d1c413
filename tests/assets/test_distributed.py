"""Two sample days through every asset on a Dask cluster with the lake on S3 (both on 127.0.0.1).

The cluster is a real distributed.LocalCluster with two worker processes; the object store
is moto's S3 server. The warehouse must come out identical to an in-process run on a local
folder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import dagster as dg
import pytest

from newsfacts.config import DataPaths
from newsfacts.lake import configure_storage
from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from warehouse.loader import connect

BUCKET = "newsfacts-test"
TABLES = [
    "raw.articles",
    "raw.rejected",
    "parsed.articles",
    "parsed.quarantine",
    "events.mentions",
    "events.quarantine",
    "events.events",
]


@pytest.fixture
def s3_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    boto3 = pytest.importorskip("boto3")
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket=BUCKET)
    try:
        yield endpoint
    finally:
        configure_storage("s3", {})
        server.stop()


@pytest.fixture
def dask_scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def warehouse_rows(paths: DataPaths) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that record when something ran."""
    rows = {}
    with connect(paths.warehouse_db, read_only=True) as con:
        for table in TABLES:
            schema, name = table.split(".")
            columns = [
                c
                for c, kind in con.execute(
                    "select column_name, data_type from information_schema.columns "
                    "where table_schema = ? and table_name = ? order by ordinal_position",
                    [schema, name],
                ).fetchall()
                if not kind.startswith("TIMESTAMP")
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows[table] = sorted(map(repr, con.execute(f"select {select} from {table}").fetchall()))
    return rows


def test_dask_cluster_and_object_store_give_the_in_process_tables(
    tmp_path: Path,
    data_paths: DataPaths,
    landed_samples: list[date],
    s3_endpoint: str,
    dask_scheduler: str,
) -> None:
    from distributed import Client

    days = landed_samples[:2]
    distributed_root = DataPaths(tmp_path / "distributed")
    for day in days:  # the same landing files under a second data root
        target = distributed_root.landing_day(day)
        target.mkdir(parents=True)
        for source in data_paths.landing_day(day).iterdir():
            (target / source.name).write_bytes(source.read_bytes())

    lake = f"s3://{BUCKET}/lake"
    for day in days:
        reference = dg.materialize(
            all_assets,
            partition_key=day.isoformat(),
            resources=resources_for(data_paths.root, engine="serial"),
        )
        assert reference.success
        distributed = dg.materialize(
            all_assets,
            partition_key=day.isoformat(),
            resources=resources_for(
                distributed_root.root,
                lake=lake,
                engine="dask",
                dask_scheduler=dask_scheduler,
                s3_endpoint_url=s3_endpoint,
            ),
        )
        assert distributed.success

    assert warehouse_rows(distributed_root) == warehouse_rows(data_paths)
    assert warehouse_rows(data_paths)["events.mentions"]

    # The lake is in the bucket, not on disk; the per-article work ran on the cluster.
    configure_storage("s3", {"endpoint_url": s3_endpoint})
    lake_paths = DataPaths(distributed_root.root, lake)
    assert not (distributed_root.root / "lake").exists()
    for layer, table in [("raw", "articles"), ("parsed", "articles"), ("events", "mentions")]:
        assert lake_paths.partition_file(layer, table, days[0]) == (
            f"{lake}/{layer}/{table}/date={days[0].isoformat()}/part-0.parquet"
        )
    from newsfacts import lake as lake_files

    assert all(lake_files.exists(lake_paths.partition_file("events", "mentions", day)) for day in days)
    with Client(dask_scheduler) as client:
        keys = client.run_on_scheduler(
            lambda dask_scheduler: [str(entry[0]) for entry in dask_scheduler.transition_log]
        )
    assert any("apply_chunk" in key for key in keys)
