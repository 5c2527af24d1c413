"""Great Expectations checks: the right rule fails, blocking failures stop downstream assets,
row-level failures are quarantined with their reason, and the history lands in dq.check_results."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import dagster as dg
import pyarrow as pa
import pytest

import newsfacts.layers
from expectations.runner import validate_table
from expectations.screening import coding_parameters, suite_parameters
from newsfacts.config import DataPaths
from newsfacts.lake import write_partition
from newsfacts.records import EventMention
from newsfacts.schemas import EVENT_MENTIONS, RAW_ARTICLES
from pipelines.definitions import all_assets
from pipelines.resources import resources_for
from tests.factories import event_mention
from warehouse.loader import connect

DAY = date(2025, 3, 10)
RAW_DEFAULTS = {
    "source_file": "x.txt",
    "record_index": 0,
    "content_type": "text/plain",
    "size_bytes": 1,
    "content": b"x",
    "text": "x",
    "encoding": "utf-8",
    "source_url": None,
    "ingested_at": datetime(2025, 3, 10, tzinfo=UTC),
}


def good_mention(mention_id: str) -> EventMention:
    return event_mention(mention_id, "a1", DAY)


EVENT_PARAMETERS = {
    "parsed_article_ids": ["a1"],
    "volume_min": 0,
    "volume_max": None,
}


def failed_rules(rows: list[EventMention]) -> dict[str, tuple[str, ...]]:
    table = pa.Table.from_pylist([dataclasses.asdict(r) for r in rows], schema=EVENT_MENTIONS)
    parameters = coding_parameters(DAY) | EVENT_PARAMETERS
    outcome = validate_table(table, "events_mentions", "mention_id", parameters)
    return {o.name: o.unexpected_ids for o in outcome.failed()}


def test_good_mentions_pass() -> None:
    assert failed_rules([good_mention("m1"), good_mention("m2")]) == {}


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"mention_id": "m1"}, "mention_id_unique"),
        ({"article_id": "not-parsed"}, "mentions_reference_parsed"),
        ({"event_type": "Skirmish", "sub_event_type": None}, "event_type_known"),
        ({"sub_event_type": "Armed clash"}, "sub_event_type_fits_event_type"),
        ({"weapon": "catapult"}, "weapon_in_vocabulary"),
        ({"fatalities": -1}, "fatalities_in_range"),
        ({"injured": 250_000}, "injured_in_range"),
        ({"latitude": 123.0}, "latitude_in_range"),
        ({"longitude": -200.0}, "longitude_in_range"),
        ({"geo_precision": 7}, "geo_precision_known"),
        ({"country": "Ukraine"}, "country_is_iso2"),
        ({"event_date": DAY + timedelta(days=30)}, "event_date_not_after_landing"),
        ({"event_date": date(1999, 1, 1)}, "event_date_not_after_landing"),
        ({"evidence": "x"}, "evidence_quoted"),
        ({"confidence": 1.5}, "confidence_is_probability"),
    ],
)
def test_each_bad_row_breaks_its_rule(changes: dict, rule: str) -> None:
    bad = dataclasses.replace(good_mention("m2"), **changes)
    failures = failed_rules([good_mention("m1"), bad])
    assert rule in failures
    assert set(failures) == {rule}


def test_volume_against_recent_days(data_paths: DataPaths) -> None:
    for back in range(1, 6):
        day = DAY - timedelta(days=back)
        rows = [{"article_id": f"{back:02d}{i:062d}", "landed_date": day} | RAW_DEFAULTS for i in range(40)]
        write_partition(
            pa.Table.from_pylist(rows, schema=RAW_ARTICLES), data_paths.partition_file("raw", "articles", day)
        )
    parameters = suite_parameters(data_paths, "raw", DAY)
    assert (parameters["volume_min"], parameters["volume_max"]) == (10, 165)
    empty_day = RAW_ARTICLES.empty_table()
    outcome = validate_table(empty_day, "raw_articles", "article_id", parameters)
    assert [o.name for o in outcome.failed()] == ["volume_against_recent_days"]
    assert outcome.failed()[0].severity == "warn"


def materialize(data_paths: DataPaths, day: date) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        all_assets,
        partition_key=day.isoformat(),
        resources=resources_for(data_paths.root),
        raise_on_error=False,
    )


def check_evaluations(result: dg.ExecuteInProcessResult) -> dict[str, object]:
    return {f"{e.asset_key.to_user_string()}:{e.check_name}": e for e in result.get_asset_check_evaluations()}


def test_row_level_failures_are_quarantined_with_their_reason(
    data_paths: DataPaths, landed_samples: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_extract = newsfacts.layers.extract_mentions

    def extract_with_a_bad_toll(article):
        mentions = real_extract(article)
        if mentions:
            mentions[0] = dataclasses.replace(mentions[0], fatalities=-4)
        return mentions

    monkeypatch.setattr(newsfacts.layers, "extract_mentions", extract_with_a_bad_toll)
    monkeypatch.setenv("NEWSFACTS_ENGINE", "serial")  # the patch exists in this process only
    day = landed_samples[0]
    result = materialize(data_paths, day)
    assert result.success  # row-level failures warn; the good rows go on
    evaluations = check_evaluations(result)
    quality = evaluations["events/mentions:quality"]
    assert not quality.passed
    assert quality.severity == dg.AssetCheckSeverity.WARN
    assert evaluations["events/mentions:structure"].passed
    with connect(data_paths.warehouse_db, read_only=True) as con:
        quarantined = con.execute('select record_id, "check", reason from events.quarantine').fetchall()
        assert quarantined and {row[1] for row in quarantined} == {"fatalities_in_range"}
        assert all("between 0 and 5,000" in row[2] for row in quarantined)
        ids = [row[0] for row in quarantined]
        assert (
            con.execute("select count(*) from events.mentions where mention_id in ?", [ids]).fetchone()[0]
            == 0
        )
        assert con.execute("select min(fatalities) from events.mentions").fetchone()[0] >= 0
        history = con.execute(
            "select success from dq.check_results where check_name = 'fatalities_in_range'"
        ).fetchall()
        assert history == [(False,)]


def test_a_blocking_failure_stops_the_downstream_assets(
    data_paths: DataPaths, landed_samples: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_extract = newsfacts.layers.extract_mentions

    def extract_with_repeated_ids(article):
        return [dataclasses.replace(m, mention_id="same-id") for m in real_extract(article)]

    monkeypatch.setattr(newsfacts.layers, "extract_mentions", extract_with_repeated_ids)
    monkeypatch.setenv("NEWSFACTS_ENGINE", "serial")  # the patch exists in this process only
    result = materialize(data_paths, landed_samples[0])
    assert not result.success
    structure = check_evaluations(result)["events/mentions:structure"]
    assert not structure.passed and structure.severity == dg.AssetCheckSeverity.ERROR
    assert "mention_id_unique" in str(structure.metadata["failed_rules"].value)
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "events/mentions" in materialized
    assert "warehouse/tables" not in materialized
    assert not data_paths.warehouse_db.exists()
