"""Lake files on a local folder and on S3 (moto's server on 127.0.0.1) behave the same."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest

from newsfacts import lake
from newsfacts.config import DataPaths

SCHEMA = pa.schema([("article_id", pa.string()), ("words", pa.int64())])


@pytest.fixture
def bucket(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    boto3 = pytest.importorskip("boto3")
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket="lake-test")
    lake.configure_storage("s3", {"endpoint_url": endpoint})
    try:
        yield "s3://lake-test/prefix"
    finally:
        lake.configure_storage("s3", {})
        server.stop()


def roundtrip(base) -> None:
    first = lake.join(base, "raw", "articles", "date=2025-03-10", "part-0.parquet")
    second = lake.join(base, "raw", "articles", "date=2025-03-11", "part-0.parquet")
    assert not lake.exists(first)
    with pytest.raises(lake.MissingPartitionError):
        lake.read_partition(first, SCHEMA)
    table = pa.table({"article_id": ["a", "b"], "words": [3, 4]}, schema=SCHEMA)
    lake.write_partition(table, first)
    lake.write_partition(table.slice(0, 1), second)
    lake.write_partition(table.slice(1, 1), second)  # replaced, not appended
    assert lake.read_partition(first, SCHEMA).equals(table)
    assert lake.read_partition(second, SCHEMA).to_pylist() == [{"article_id": "b", "words": 4}]
    assert lake.row_count(first) == 2
    found = lake.glob(lake.join(base, "raw", "articles"), "date=*/part-0.parquet")
    assert [str(f) for f in found] == [str(first), str(second)]


def test_local_lake(tmp_path: Path) -> None:
    roundtrip(tmp_path / "lake")
    assert not list((tmp_path / "lake").rglob("*.tmp"))


def test_object_store_lake(bucket: str) -> None:
    roundtrip(bucket)


def test_data_paths_put_the_lake_where_configured(tmp_path: Path) -> None:
    assert DataPaths(tmp_path).lake == tmp_path / "lake"
    remote = DataPaths(tmp_path, "s3://bucket/newsfacts/")
    assert remote.lake == "s3://bucket/newsfacts"
    assert remote.partition_file("events", "mentions", date(2025, 3, 10)) == (
        "s3://bucket/newsfacts/events/mentions/date=2025-03-10/part-0.parquet"
    )
    assert remote.pipeline_db == tmp_path / "pipeline" / "warehouse.duckdb"
