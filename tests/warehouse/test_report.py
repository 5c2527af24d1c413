"""The HTML report renders the map and the weekly chart from events.events."""

from __future__ import annotations

from pathlib import Path

from newsfacts.config import DataPaths
from tests.warehouse.test_events_dedup import DAY1, article, load, mention, write_day
from warehouse.loader import connect
from warehouse.report import render_report


def test_report_has_map_chart_and_table(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path)
    write_day(
        paths,
        DAY1,
        [article("a1", DAY1, "Wire A")],
        [
            mention("m1", "a1", DAY1, fatalities=3),
            mention(
                "m2",
                "a1",
                DAY1,
                location="Belgorod",
                admin1="Belgorod",
                country="RU",
                actor1="Ukraine",
                latitude=50.6,
                longitude=36.6,
                fatalities=0,
            ),
        ],
    )
    load(paths, [DAY1])
    with connect(paths.warehouse_db, read_only=True) as con:
        summary = render_report(con, DAY1, paths.report_file(DAY1))
    page = summary.path.read_text(encoding="utf-8")
    assert (summary.events, summary.events_on_map, summary.fatalities) == (2, 2, 3)
    assert page.count("data:image/png;base64,") == 2
    assert "Belgorod" in page and "Kharkiv" in page
