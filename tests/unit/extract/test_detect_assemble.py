"""Detection (what is not an event) and the guideline's assembly rules, one test per rule."""

from __future__ import annotations

from datetime import date

from newsfacts.extract import assemble as a
from newsfacts.extract import detect as d
from newsfacts.extract.draft import EXPLOSIONS, STRATEGIC, Draft, Where
from newsfacts.extract.slots import dates, places
from tests.unit.extract.helpers import THURSDAY, unit


def families(text: str) -> set[str]:
    return {c.family for c in d.detect(unit(text))}


def test_cues_of_incidents() -> None:
    assert d.STRIKE in families("A drone struck a house in Sumy.")
    assert d.INTERCEPT in families("Air defences shot down 12 drones.")
    assert d.CAPTURE in families("Russian troops captured the village.")


def test_threats_plans_habits_and_history_are_no_events() -> None:
    assert families("Moscow threatened to strike Kyiv.") == set()
    assert families("Ukraine wants permission to strike deep inside Russia.") == set()
    assert families("The town is shelled regularly.") == set()
    assert families("The EU adopted sanctions after the attack.") == set()
    assert d.STRIKE not in families("Since 2022, attacks have killed thousands.")


def test_what_follows_history_is_not_coded() -> None:
    u = unit("A missile hit Kremenchuk, a year after an attack on a mall there killed 20.")
    assert [c.family for c in d.detect(u)] == [d.STRIKE]


def place(name: str) -> Where:
    p = places.regional(name) if name in ("Sumy", "Kursk", "Crimea", "Sevastopol") else None
    from newsfacts import geo

    p = p or geo.lookup(name)
    assert p is not None
    if p.kind == "admin1":
        return Where(p.country, p.admin1, None, p, name)
    return Where(p.country, p.admin1, p.name, p, name)


def draft(
    family: str,
    where: Where,
    when: date | None = None,
    killed: int | None = 0,
    country_level: bool = False,
    sub: str | None = "Air/drone strike",
) -> Draft:
    event_type = STRATEGIC if family == d.INTERCEPT else EXPLOSIONS
    sub = "Disrupted weapons use" if family == d.INTERCEPT else sub
    ref = dates.DateRef(when, "weekday", 1) if when else dates.NO_DATE
    return Draft(
        family,
        event_type,
        sub,
        "Russia",
        None,
        where,
        None,
        killed,
        0,
        ref,
        [unit("x")],
        country_level=country_level,
    )


def test_same_incident_twice_is_one_event_with_the_latest_toll() -> None:
    first = draft(d.STRIKE, place("Kharkiv"), THURSDAY, killed=3)
    again = draft(d.STRIKE, place("Kharkiv"), None, killed=8)
    [merged] = a.merge_same_incident([first, again])
    assert merged.killed == 8 and merged.when.value == THURSDAY


def test_same_place_other_day_stays_apart() -> None:
    one = draft(d.STRIKE, place("Kharkiv"), date(2024, 5, 14))
    two = draft(d.STRIKE, place("Kharkiv"), date(2024, 5, 15))
    assert len(a.merge_same_incident([one, two])) == 2


def test_country_level_wave_gives_way_to_named_places() -> None:
    ua = Where("UA", None, None, None, None)
    wave = draft(d.STRIKE, ua, THURSDAY, country_level=True)
    town = draft(d.STRIKE, place("Odesa"), THURSDAY)
    assert a.drop_country_level_when_places_named([wave, town]) == [town]
    assert a.drop_country_level_when_places_named([wave]) == [wave]


def test_region_report_gives_way_to_its_towns_and_dates_them() -> None:
    region = draft(d.STRIKE, place("Sumy"), THURSDAY)
    town = draft(d.STRIKE, place("Konotop"), None)
    assert a.drop_region_level_when_towns_named([region, town]) == [town]
    assert town.when.value == THURSDAY


def test_no_interception_where_a_strike_hit() -> None:
    hit = draft(d.STRIKE, place("Sevastopol"), THURSDAY)
    shot = draft(d.INTERCEPT, place("Crimea"), THURSDAY)
    elsewhere = draft(d.INTERCEPT, place("Kursk"), THURSDAY)
    assert a.drop_interception_where_strike_hit([hit, shot, elsewhere]) == [hit, elsewhere]


def test_passing_mentions_only_within_a_week() -> None:
    recent = draft(d.STRIKE, place("Kharkiv"), date(2024, 5, 10))
    old = draft(d.STRIKE, place("Kharkiv"), date(2024, 4, 20))
    assert a.drop_old_passing_mentions([recent, old], THURSDAY) == [recent]


def test_story_date_fills_undated_incidents() -> None:
    undated = draft(d.STRIKE, place("Kharkiv"), None)
    a.date_from_story([undated], dates.DateRef(THURSDAY, "overnight", 1))
    assert undated.when.value == THURSDAY
