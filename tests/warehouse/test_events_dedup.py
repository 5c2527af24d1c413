"""De-duplication of mentions into events.events, on hand-made mentions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsfacts.config import DataPaths
from newsfacts.lake import write_partition
from newsfacts.records import EventMention, ParsedArticle
from newsfacts.schemas import TABLES, records_to_table
from tests.factories import event_mention, parsed_article
from warehouse.loader import connect, load_partitions

DAY1, DAY2 = date(2025, 3, 10), date(2025, 3, 11)


def article(article_id: str, day: date, source: str, published: date | None = None) -> ParsedArticle:
    return parsed_article(article_id, day, source, published)


def mention(
    mention_id: str, article_id: str, day: date, location: str | None = "Kharkiv", **changes
) -> EventMention:
    # The incidents here happen on DAY1, whatever day their report landed.
    return event_mention(
        mention_id,
        article_id,
        day,
        location=location,
        location_raw=location,
        **{"event_date": DAY1} | changes,
    )


def write_day(
    paths: DataPaths, day: date, articles: list[ParsedArticle], mentions: list[EventMention]
) -> None:
    contents = {("parsed", "articles"): articles, ("events", "mentions"): mentions}
    for (layer, table), (schema, _) in TABLES.items():
        rows = contents.get((layer, table), [])
        write_partition(records_to_table(rows, schema), paths.partition_file(layer, table, day))


def events(paths: DataPaths) -> list[dict]:
    with connect(paths.warehouse_db, read_only=True) as con:
        relation = con.sql("select * from events.events order by location, event_date")
        return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def load(paths: DataPaths, days: list[date]) -> None:
    with connect(paths.warehouse_db) as con:
        load_partitions(con, paths, days)


def test_one_incident_told_by_three_articles_is_one_event(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    write_day(
        paths,
        DAY1,
        [article("a1", DAY1, "Wire A"), article("a2", DAY1, "Wire B"), article("a3", DAY1, "Paper C")],
        [
            mention("m1", "a1", DAY1, fatalities=2, injured=5),
            mention("m2", "a2", DAY1, fatalities=3, injured=None, event_date=None),  # dated by publication
            mention("m3", "a3", DAY1, fatalities=4, injured=7, sub_event_type=None, weapon=None),
            mention("m4", "a1", DAY1, location="Odesa", admin1="Odesa", fatalities=0),  # another place
        ],
    )
    load(paths, [DAY1])
    rows = events(paths)
    assert [r["location"] for r in rows] == ["Kharkiv", "Odesa"]
    kharkiv = rows[0]
    assert (kharkiv["n_mentions"], kharkiv["n_articles"], kharkiv["n_sources"]) == (3, 3, 3)
    assert (kharkiv["fatalities_low"], kharkiv["fatalities_best"], kharkiv["fatalities_high"]) == (2, 3, 4)
    assert kharkiv["fatalities"] == 2  # ACLED's conservative figure
    assert (kharkiv["injured_low"], kharkiv["injured_high"]) == (5, 7)
    assert kharkiv["sub_event_type"] == "Air/drone strike" and kharkiv["weapon"] == "drone"
    assert kharkiv["time_precision"] == 1
    assert kharkiv["mention_ids"] == ["m1", "m2", "m3"]
    assert kharkiv["source"] == "Paper C; Wire A; Wire B"


def test_ids_are_stable_and_a_reload_changes_nothing(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    write_day(paths, DAY1, [article("a1", DAY1, "Wire A")], [mention("m1", "a1", DAY1)])
    load(paths, [DAY1])
    first = events(paths)
    load(paths, [DAY1])
    assert events(paths) == first
    # A fresh warehouse built from the same lake gives the same ids.
    paths.warehouse_db.unlink()
    load(paths, [DAY1])
    assert [r["event_id"] for r in events(paths)] == [r["event_id"] for r in first]


def test_a_later_report_joins_the_event_of_an_earlier_day(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    write_day(paths, DAY1, [article("a1", DAY1, "Wire A")], [mention("m1", "a1", DAY1, fatalities=2)])
    load(paths, [DAY1])
    write_day(paths, DAY2, [article("b1", DAY2, "Paper B")], [mention("n1", "b1", DAY2, fatalities=5)])
    load(paths, [DAY2])
    [event] = events(paths)
    assert event["n_articles"] == 2 and event["fatalities_high"] == 5 and event["version"] == 2
    assert event["first_reported"] == DAY1 and event["last_reported"] == DAY2


def test_re_extraction_that_drops_an_event_marks_it_deleted(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    write_day(
        paths,
        DAY1,
        [article("a1", DAY1, "Wire A")],
        [mention("m1", "a1", DAY1), mention("m2", "a1", DAY1, location="Sumy", admin1="Sumy")],
    )
    load(paths, [DAY1])
    assert {r["location"]: r["is_deleted"] for r in events(paths)} == {"Kharkiv": False, "Sumy": False}
    # A newer extractor no longer finds the Sumy incident.
    write_day(
        paths, DAY1, [article("a1", DAY1, "Wire A")], [mention("m1b", "a1", DAY1, extractor_version="v2")]
    )
    load(paths, [DAY1])
    rows = {r["location"]: r for r in events(paths)}
    assert rows["Sumy"]["is_deleted"] and rows["Sumy"]["version"] == 2
    assert not rows["Kharkiv"]["is_deleted"] and rows["Kharkiv"]["extractor_version"] == "v2"
    assert rows["Kharkiv"]["mention_ids"] == ["m1b"]


def test_analysis_views_answer(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    write_day(
        paths,
        DAY1,
        [article("a1", DAY1, "Wire A")],
        [
            mention("m1", "a1", DAY1),
            mention(
                "m2",
                "a1",
                DAY1,
                location="Sumy",
                admin1="Sumy",
                weapon="missile",
                sub_event_type="Shelling/artillery/missile attack",
                fatalities=1,
            ),
        ],
    )
    load(paths, [DAY1])
    with connect(paths.warehouse_db, read_only=True) as con:
        daily = con.execute("select admin1, fatalities from analysis.daily_casualties_by_admin1").fetchall()
        assert sorted(daily) == [("Kharkiv", 2), ("Sumy", 1)]
        weekly = con.execute(
            "select week_start, sum(events) from analysis.weekly_events_by_subtype_side group by 1"
        )
        assert weekly.fetchall() == [(date(2025, 3, 8), 2)]  # ACLED weeks start on Saturday
        weapons = dict(con.execute("select weapon, events from analysis.strikes_by_weapon").fetchall())
        assert weapons == {"drone": 1, "missile": 1}
        coverage = con.execute(
            "select source, articles, mentions from analysis.coverage_by_source_day"
        ).fetchall()
        assert coverage == [("Wire A", 1, 2)]


def test_empty_lake_day_loads(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    write_day(paths, DAY1, [], [])
    load(paths, [DAY1])
    assert events(paths) == []
