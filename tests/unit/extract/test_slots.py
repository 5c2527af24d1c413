"""Slots, each on its own: numbers, dates, weapons, actors, places."""

from __future__ import annotations

from datetime import date

from newsfacts.extract.slots import actors, dates, numbers, places, weapons
from tests.unit.extract.helpers import THURSDAY, unit


def toll(text: str, language: str = "en") -> tuple[int | None, int | None]:
    c = numbers.casualties(unit(text, language), language=language)
    return c.killed, c.injured


def test_digits_words_and_at_least() -> None:
    assert toll("A missile strike killed at least 12 people and injured 40 others.") == (12, 40)
    assert toll("Two people were killed and seven wounded.") == (2, 7)
    assert toll("The attack killed 1,204 soldiers.") == (1204, 0)


def test_each_number_goes_to_its_nearest_word() -> None:
    assert toll("The dead included a child while 42 people were injured at the market.")[1] == 42
    assert toll("Three were killed and two were injured.") == (3, 2)


def test_vague_quantities() -> None:
    assert toll("Dozens of people were injured.") == (0, 12)
    assert toll("Several civilians were killed.") == (3, 0)


def test_people_named_one_by_one() -> None:
    assert toll("A 52-year-old man and a 47-year-old woman were injured.") == (0, 2)
    assert toll("A woman was killed.") == (1, 0)


def test_no_casualties_and_no_number() -> None:
    assert toll("No one was injured in the attack.") == (0, 0)
    assert toll("The drone hit a warehouse.") == (0, 0)
    assert toll("Casualties are being confirmed.") == (0, None)


def test_ages_times_and_weapon_counts_are_no_tolls() -> None:
    assert toll("Russia launched 45 drones; a 61-year-old man was injured at 14:30.") == (0, 1)


def test_updated_toll_across_the_sentence() -> None:
    assert toll("The death toll from Tuesday's strike on the port in Izmail has risen to nine.") == (9, 0)


def test_compound_number_words() -> None:
    assert toll("Twenty-three people were injured.") == (0, 23)
    assert toll("Vingt-trois personnes ont été blessées.", "fr") == (0, 23)


def test_toll_in_other_languages() -> None:
    assert toll("Внаслідок удару загинули троє людей, ще п'ятеро поранені.", "uk") == (3, 5)
    assert toll("Погибли два человека, 14 ранены.", "ru") == (2, 14)
    assert toll("Al menos cuatro personas murieron y otras diez resultaron heridas.", "es") == (4, 10)


def when(text: str, published: date | None = THURSDAY, language: str = "en") -> date | None:
    return dates.resolve(unit(text, language), published).value


def test_weekdays_resolve_to_the_latest_one() -> None:
    assert when("A drone hit a shop in Sumy on Tuesday.") == date(2024, 5, 14)
    assert when("A drone hit a shop in Sumy on Thursday.") == THURSDAY
    assert when("A drone hit a shop in Sumy last Thursday.") == date(2024, 5, 9)


def test_announcement_days_do_not_date_the_incident() -> None:
    assert when("Officials said on Wednesday that two men were killed in Kherson.") is None
    assert when("The ministry reported on May 15 that a village was captured.") is None


def test_overnight_and_the_night_of() -> None:
    assert when("Drones attacked Odesa overnight.") == THURSDAY
    assert when("On the night of May 11 to 12, missiles hit Dnipro.") == date(2024, 5, 12)
    assert when("У ніч проти 12 травня дрони атакували Одесу.", language="uk") == date(2024, 5, 12)


def test_calendar_dates_and_their_year() -> None:
    assert when("On 3 May a missile hit Kharkiv.") == date(2024, 5, 3)
    assert when("On December 28 a missile hit Kharkiv.", published=date(2025, 1, 4)) == date(2024, 12, 28)
    assert when("Between May 4 and 9, troops cleared two villages.") is None


def test_tolls_over_the_past_day_have_no_date() -> None:
    assert when("Over the past day, shelling killed two people in the Kherson region.") is None


def test_dateline_date_is_not_the_incident_date() -> None:
    assert when("KYIV, May 16 (Wire) - A missile hit Kyiv on Tuesday.") == date(2024, 5, 14)


def test_weapon_first_named_and_sub_types() -> None:
    u = unit("A Russian missile and drone attack hit Kyiv.")
    assert weapons.first_weapon(u) == "missile"
    assert weapons.strike_sub_type("missile", None) == "Shelling/artillery/missile attack"
    assert weapons.strike_sub_type("guided bomb", None) == "Air/drone strike"
    assert weapons.strike_sub_type(None, "air") == "Air/drone strike"
    assert weapons.strike_sub_type(None, None) is None


def test_named_side_attaches_to_the_action() -> None:
    u = unit("Ukrainian defenders repelled Russian attacks near Synkivka.")
    cue = next(h for h in u.hits if h.category == "cue" and u.text[h.start : h.end] == "attacks")
    assert actors.named_side(u, cue.start) == "Russia"


def test_interceptor_and_launcher() -> None:
    u = unit("Russian air defences shot down 25 Ukrainian drones over the Kursk region.")
    assert actors.interceptor_and_launcher(u) == ("Russia", "Ukraine")


def test_ground_held_by_russia() -> None:
    crimea = places.regional("Crimea")
    assert actors.owner(crimea, "UA") == "Russia"
    assert actors.owner(places.regional("Sumy"), "UA") == "Ukraine"
    assert actors.same_region_group("Sevastopol") == actors.same_region_group("Crimea")


def roles(text: str, language: str = "en") -> dict[str, str]:
    from newsfacts.extract.lexicon import load

    u = unit(text, language)
    lexicon = load(language)
    assert lexicon is not None
    return {r.place.name: r.role for r in places.find(u, lexicon, places.read_body([u]))}


def test_place_roles() -> None:
    assert roles("The Kharkiv governor said a drone hit Sumy.") == {
        "Kharkiv": places.OFFICIAL,
        "Sumy": places.SITE,
    }
    assert roles("Kyiv's General Staff said a drone hit Sumy.")["Kyiv"] == places.OWNER
    assert roles("Troops captured Udachne, west of Pokrovsk.")["Pokrovsk"] == places.REFERENCE


def test_inflected_places() -> None:
    found = roles("Дрони атакували Харківщину та Михайлівку.", "uk")
    assert "Kharkiv" in found
    assert "Mykhailivka" in found or any(name.startswith("Mykhai") for name in found)


def test_namesake_in_the_region_named() -> None:
    from newsfacts.extract.lexicon import load

    text = "Russian troops captured Ivanivka in the Kharkiv region."
    u = unit(text)
    lexicon = load("en")
    assert lexicon is not None
    refs = places.find(u, lexicon, places.read_body([u]))
    village = next(r for r in refs if r.raw == "Ivanivka")
    assert village.place.admin1 == "Kharkiv"


def test_unknown_village_spelt_the_ukrainian_way() -> None:
    assert places.local_spelling("Zolotyi Kolodyaz", "UA") == "Zolotyi Kolodiaz"
    assert places.local_spelling("Zolotyi Kolodyaz", "RU") == "Zolotyi Kolodyaz"
