"""An HTML report of the warehouse as of one day: a map of recent events and weekly charts.

Charts are rendered with matplotlib (Agg, no display) to PNG and embedded in one
self-contained HTML file, so the report can be opened from the Dagster UI or mailed.
"""

from __future__ import annotations

import base64
import html
import io
import math
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

MAP_DAYS = 7
MAP_RADIUS_DEGREES = 12  # the frame around the median place: the main theatre
MAP_LABELS = 15
CHART_WEEKS = 12
SIDE_COLOURS = {"Russia": "#c0392b", "Ukraine": "#2471a3"}
OTHER_COLOUR = "#7f8c8d"


@dataclass(frozen=True, slots=True)
class ReportSummary:
    path: Path
    events: int
    events_on_map: int
    fatalities: int


def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _colour(side: str | None) -> str:
    return SIDE_COLOURS.get(side or "", OTHER_COLOUR)


def _map_png(plt, points: list[tuple], title: str) -> tuple[str, str]:
    """Events per place at their coordinates, sized by count, coloured by the side that acted.

    The frame is the main theatre (places within MAP_RADIUS_DEGREES of the median place);
    places far outside it are named in the caption instead of squeezing the map.
    """
    places: dict[str, dict] = {}
    for longitude, latitude, side, place, _, killed in points:
        entry = places.setdefault(
            place, {"lon": longitude, "lat": latitude, "events": 0, "killed": 0, "sides": {}}
        )
        entry["events"] += 1
        entry["killed"] += killed
        entry["sides"][side] = entry["sides"].get(side, 0) + 1
    figure, axis = plt.subplots(figsize=(8, 6))
    left_out = ""
    if places:
        lons = sorted(p["lon"] for p in places.values())
        lats = sorted(p["lat"] for p in places.values())
        centre = (lons[len(lons) // 2], lats[len(lats) // 2])
        shown = {
            name: p
            for name, p in places.items()
            if abs(p["lon"] - centre[0]) <= MAP_RADIUS_DEGREES
            and abs(p["lat"] - centre[1]) <= MAP_RADIUS_DEGREES
        }
        outside = sorted(set(places) - set(shown))
        if outside:
            left_out = f" ({', '.join(outside)} outside the map)"
        labelled = sorted(shown, key=lambda n: (-shown[n]["events"], -shown[n]["killed"], n))[:MAP_LABELS]
        # One scatter for all places (one artist per place costs a draw call each).
        if shown:
            axis.scatter(
                [p["lon"] for p in shown.values()],
                [p["lat"] for p in shown.values()],
                s=[40 + 25 * p["events"] for p in shown.values()],
                color=[_colour(max(p["sides"], key=p["sides"].get)) for p in shown.values()],
                alpha=0.65,
                edgecolors="black",
                linewidths=0.4,
            )
        for name, p in shown.items():
            if name in labelled:
                axis.annotate(
                    f"{name} ({p['events']})",
                    (p["lon"], p["lat"]),
                    fontsize=7,
                    xytext=(4, 3),
                    textcoords="offset points",
                )
        # Degrees of longitude shrink with latitude: keep distances true to the eye.
        axis.set_aspect(1 / max(math.cos(math.radians(centre[1])), 0.2))
        for side, colour in SIDE_COLOURS.items():
            axis.scatter([], [], color=colour, label=f"acted: {side}")
        axis.scatter([], [], color=OTHER_COLOUR, label="acted: other")
        axis.legend(fontsize=7, loc="best")
    axis.set_xlabel("longitude")
    axis.set_ylabel("latitude")
    axis.set_title(f"{title} (circle size: events; labels: the {MAP_LABELS} busiest places)", fontsize=9)
    axis.grid(alpha=0.3)
    png = _png(figure)
    plt.close(figure)
    return png, left_out


def _weekly_png(plt, weekly: list[tuple]) -> str:
    """Grouped bars per ACLED week: events (top) and killed (bottom), one bar per side."""
    present = sorted({row[0] for row in weekly})
    # Every week from the first to the last, empty ones included, so gaps show as gaps.
    weeks = (
        [present[0] + timedelta(weeks=i) for i in range((present[-1] - present[0]).days // 7 + 1)]
        if present
        else []
    )
    sides = sorted({row[1] for row in weekly})
    figure, (top_axis, bottom_axis) = plt.subplots(2, 1, figsize=(8, 6), sharex=True)
    width = 0.8 / max(len(sides), 1)
    for i, side in enumerate(sides):
        by_week = {row[0]: row for row in weekly if row[1] == side}
        positions = [index + (i - (len(sides) - 1) / 2) * width for index in range(len(weeks))]
        events = [by_week[w][2] if w in by_week else 0 for w in weeks]
        killed = [by_week[w][3] if w in by_week else 0 for w in weeks]
        top_axis.bar(positions, events, width=width, label=side, color=_colour(side))
        bottom_axis.bar(positions, killed, width=width, label=side, color=_colour(side))
    top_axis.set_ylabel("events")
    bottom_axis.set_ylabel("killed")
    top_axis.set_title(
        "Events and fatalities per ACLED week (Saturday start), by the side that acted", fontsize=9
    )
    bottom_axis.set_xticks(
        range(len(weeks)), [f"week of {w:%d %b %Y}" for w in weeks], rotation=30, ha="right"
    )
    if sides:
        top_axis.legend(fontsize=8)
    png = _png(figure)
    plt.close(figure)
    return png


def render_report(con: duckdb.DuckDBPyConnection, day: date, target: Path) -> ReportSummary:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    since = day - timedelta(days=MAP_DAYS - 1)
    points = con.execute(
        """
        select longitude, latitude, actor1, coalesce(location, admin1, country) as place,
               event_type, coalesce(fatalities, 0) as killed
        from events.events
        where not is_deleted and latitude is not null and event_date between ? and ?
        """,
        [since, day],
    ).fetchall()
    first_week = day - timedelta(weeks=CHART_WEEKS)
    weekly = con.execute(
        """
        select (date_trunc('week', event_date + interval 2 day) - interval 2 day)::date as week_start,
               coalesce(actor1, 'unknown') as side, count(*) as events,
               coalesce(sum(fatalities), 0) as killed, coalesce(sum(injured_low), 0) as injured
        from events.events
        where not is_deleted and event_date between ? and ?
        group by all order by 1, 2
        """,
        [first_week, day],
    ).fetchall()
    totals = con.execute(
        "select count(*), coalesce(sum(fatalities), 0) from events.events"
        " where not is_deleted and event_date <= ?",
        [day],
    ).fetchone()
    top = con.execute(
        """
        select event_date, event_type, coalesce(sub_event_type, ''), coalesce(actor1, ''),
               coalesce(location, admin1, country, ''), country, fatalities, injured_low, n_articles
        from events.events where not is_deleted and event_date between ? and ?
        order by coalesce(fatalities, 0) desc, n_articles desc, event_date desc limit 15
        """,
        [since, day],
    ).fetchall()

    map_png, left_out = _map_png(plt, points, f"Events {since} to {day}")
    weekly_png = _weekly_png(plt, weekly)

    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in top
    )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>newsfacts report {day}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:60em}}table{{border-collapse:collapse;font-size:.85em}}
td,th{{border:1px solid #ccc;padding:.2em .5em}}</style></head><body>
<h1>newsfacts: events as of {day}</h1>
<p>{totals[0]} events to date, {totals[1]} killed (ACLED's conservative figure).
{len(points)} events with coordinates in the last {MAP_DAYS} days{left_out}.</p>
<h2>Map of the last {MAP_DAYS} days</h2><img alt="map of events" src="data:image/png;base64,{map_png}">
<h2>Weekly events and fatalities by side</h2><img alt="weekly chart" src="data:image/png;base64,{weekly_png}">
<h2>Deadliest events of the last {MAP_DAYS} days</h2>
<table><tr><th>date</th><th>event type</th><th>sub-event type</th><th>actor1</th><th>place</th>
<th>country</th><th>fatalities</th><th>injured</th><th>articles</th></tr>{rows}</table>
</body></html>
"""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    return ReportSummary(target, int(totals[0]), len(points), int(totals[1]))


def render_report_job(job: tuple[str, date, str]) -> ReportSummary:
    """render_report for (analysts' database, day, target file), in any process."""
    database, day, target = job
    with duckdb.connect(database, read_only=True) as con:
        return render_report(con, day, Path(target))
