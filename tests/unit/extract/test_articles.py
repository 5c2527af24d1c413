"""Rule families of the extraction engine, on sentences written for these tests."""

from __future__ import annotations

import hashlib
from datetime import date

from newsfacts.extract import EXTRACTOR_VERSION, extract_mentions
from newsfacts.records import EventMention
from tests.unit.extract.helpers import THURSDAY, article


def by_place(mentions: list[EventMention]) -> dict[str | None, EventMention]:
    return {m.location or m.admin1: m for m in mentions}


def test_strike_fields_evidence_and_id() -> None:
    a = article(
        "Local news.",
        "A Russian drone struck a residential building in Odesa on Tuesday, killing two "
        "people and injuring nine, the governor said.",
    )
    [m] = extract_mentions(a)
    assert (m.event_type, m.sub_event_type, m.weapon) == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "drone",
    )
    assert (m.actor1, m.actor2, m.country, m.admin1, m.location) == (
        "Russia",
        "Civilians",
        "UA",
        "Odesa",
        "Odesa",
    )
    assert (m.fatalities, m.injured, m.event_date, m.time_precision) == (2, 9, date(2024, 5, 14), 1)
    assert m.evidence == a.body_text[m.evidence_start : m.evidence_end] and m.evidence.startswith("A Russian")
    assert m.geonameid and m.geo_precision == 1 and m.latitude is not None and 0 < m.confidence <= 1
    expected = hashlib.sha256(
        f"{a.article_id}|{EXTRACTOR_VERSION}|{m.evidence_start}|{m.evidence_end}|UA|Odesa|Odesa|"
        f"Explosions/Remote violence|Air/drone strike".encode()
    ).hexdigest()
    assert m.mention_id == expected


def test_one_sentence_two_places_each_with_its_own_figures() -> None:
    a = article(
        "In the Kharkiv region one man died in a drone attack, while in Poltava a night attack "
        "wounded four people."
    )
    places = by_place(extract_mentions(a))
    assert places["Kharkiv"].location is None and places["Kharkiv"].fatalities == 1
    assert places["Poltava"].injured == 4 and places["Poltava"].fatalities == 0
    assert places["Poltava"].sub_event_type is None and places["Poltava"].weapon is None


def test_missiles_shell_guided_bombs_fly_and_plain_shelling_has_no_weapon() -> None:
    a = article(
        "Russian missiles hit Dnipro on Monday.",
        "Guided bombs struck Kupiansk the same day.",
        "Russian shelling damaged houses in Nikopol.",
    )
    places = by_place(extract_mentions(a))
    assert places["Dnipro"].sub_event_type == "Shelling/artillery/missile attack"
    assert (
        places["Kupiansk"].weapon == "guided bomb" and places["Kupiansk"].sub_event_type == "Air/drone strike"
    )
    assert places["Nikopol"].weapon is None
    assert places["Nikopol"].sub_event_type == "Shelling/artillery/missile attack"


def test_implicit_side_from_the_ground() -> None:
    a = article(
        "A drone hit an oil depot in Belgorod overnight.",
        "Artillery fire hit a farm near Kherson.",
        "Explosions were reported in Sevastopol after a missile strike.",
    )
    places = by_place(extract_mentions(a))
    assert places["Belgorod"].actor1 == "Ukraine" and places["Kherson"].actor1 == "Russia"
    assert places["Sevastopol"].actor1 == "Ukraine" and places["Sevastopol"].admin1 == "Sevastopol"
    assert places["Sevastopol"].country == "UA"


def test_interception_actor_is_the_interceptor_and_named_regions_split() -> None:
    a = article(
        "Air defence shot down 25 Ukrainian drones over the Bryansk, Kursk and Oryol regions overnight, "
        "the ministry said."
    )
    mentions = extract_mentions(a)
    assert sorted(m.admin1 or "" for m in mentions) == ["Bryansk", "Kursk", "Oryol"]
    for m in mentions:
        assert (m.event_type, m.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
        assert (m.actor1, m.actor2, m.location, m.weapon) == ("Russia", "Ukraine", None, "drone")


def test_debris_that_kills_codes_the_attack() -> None:
    a = article("Debris from a downed drone killed a woman in Sochi, in Russia's Krasnodar region.")
    [m] = extract_mentions(a)
    assert (m.event_type, m.sub_event_type, m.actor1) == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Ukraine",
    )
    assert (m.location, m.admin1, m.fatalities) == ("Sochi", "Krasnodar", 1)


def test_country_level_wave_only_without_named_places() -> None:
    wave = article("Russia launched 120 drones and six missiles at Ukraine overnight, the air force said.")
    [m] = extract_mentions(wave)
    assert (m.country, m.admin1, m.location, m.weapon) == ("UA", None, None, "drone")
    named = article("Russia launched 120 drones at Ukraine overnight; drones struck Lviv and Rivne.")
    assert {m.location for m in extract_mentions(named)} == {"Lviv", "Rivne"}


def test_not_events() -> None:
    a = article(
        "Moscow threatened to strike Kyiv if the weapons are delivered.",
        "The EU adopted new sanctions after the attack on Kharkiv.",
        "Since February 2022, more than 10,000 civilians have been killed in Donetsk region.",
        "The talks in Istanbul ended without an agreement on a ceasefire.",
        "Russian forces could attack Zaporizhzhia again, officials warned.",
        "The city of Kherson was liberated in November 2022.",
    )
    assert extract_mentions(a) == []


def test_same_incident_twice_keeps_the_highest_toll() -> None:
    a = article(
        "A missile hit an apartment block in Zaporizhzhia on Wednesday, killing three people.",
        "Rescuers searched the rubble through the night.",
        "The death toll from the strike in Zaporizhzhia has risen to eight, with 20 injured.",
    )
    [m] = extract_mentions(a)
    assert (m.fatalities, m.injured, m.event_date) == (8, 20, date(2024, 5, 15))


def test_follow_up_sentence_without_place_adds_figures() -> None:
    a = article(
        "Russian forces shelled Nikopol on Thursday afternoon.", "Two women were wounded, police said."
    )
    [m] = extract_mentions(a)
    assert m.injured == 2 and "Two women" in m.evidence


def test_territory_battles_protests_arrests_agreements() -> None:
    a = article(
        "Ukrainian troops liberated Kupiansk after weeks of fighting, the general staff said.",
        "Hundreds of protesters rallied in Tbilisi against the law; police detained 20 people.",
        "The SBU detained a man in Kharkiv suspected of spotting targets for Russian strikes.",
        "After talks in Abu Dhabi, Russia and Ukraine agreed to an exchange of prisoners.",
    )
    mentions = extract_mentions(a)
    kinds = {(m.event_type, m.sub_event_type, m.actor1) for m in mentions}
    assert ("Battles", "Government regains territory", "Ukraine") in kinds
    assert ("Protests", "Protest with intervention", "Protesters") in kinds
    assert ("Strategic developments", "Arrests", "Ukraine") in kinds
    agreement = next(m for m in mentions if m.sub_event_type == "Agreement")
    assert (agreement.actor1, agreement.actor2) == ("Russia", "Ukraine")


def test_spanish_article() -> None:
    a = article(
        "Un ataque con drones rusos contra Járkov dejó dos muertos y cinco heridos el martes, "
        "informó el gobernador.",
        language="es",
    )
    [m] = extract_mentions(a)
    assert (m.location, m.weapon, m.fatalities, m.injured) == ("Kharkiv", "drone", 2, 5)
    assert m.event_date == date(2024, 5, 14)


def test_other_languages_are_not_coded_as_english() -> None:
    a = article("Een raketaanval heeft dinsdag in Odessa twee mensen gedood.", language="nl")
    assert extract_mentions(a) == []


def test_link_lists_are_not_events() -> None:
    a = article(
        "A drone struck Sumy on Tuesday, injuring one man.",
        "Also read",
        "Missile strike kills five in Kharkiv",
        "Drone attack on Odesa port injures three",
    )
    assert [m.location for m in extract_mentions(a)] == ["Sumy"]


# ---- rules added for the bundled samples (sentences written for these tests) ----
def test_capital_named_for_its_government_is_no_place() -> None:
    a = article(
        "A drone hit a warehouse in Sumy overnight, injuring one man.",
        "Moscow has not commented on the attack. Kyiv said the strikes showed Moscow was not interested.",
    )
    assert sorted(m.location for m in extract_mentions(a)) == ["Sumy"]


def test_habitual_shelling_is_no_incident() -> None:
    a = article(
        "Nikopol, across the river from the occupied plant, is shelled regularly by Russian artillery."
    )
    assert extract_mentions(a) == []


def test_reference_town_after_west_of() -> None:
    a = article(
        "A farmer was injured on Tuesday when his tractor hit a mine "
        "near the village of Bilozerka, west of Kherson."
    )
    assert [m.location for m in extract_mentions(a)] == ["Bilozerka"]


def test_crowd_gathering_is_a_protest() -> None:
    a = article(
        "A crowd of some 300 people gathered in the centre of Lviv on Wednesday "
        "to demand the release of prisoners."
    )
    (m,) = extract_mentions(a)
    assert (m.event_type, m.sub_event_type, m.actor1, m.location) == (
        "Protests",
        "Peaceful protest",
        "Protesters",
        "Lviv",
    )


def test_interception_tally_without_regions_is_country_level() -> None:
    a = article("Ukraine's air force said it had shot down 40 of the 65 drones launched overnight.")
    (m,) = extract_mentions(a)
    assert (m.event_type, m.sub_event_type, m.country, m.admin1, m.actor1, m.actor2) == (
        "Strategic developments",
        "Disrupted weapons use",
        "UA",
        None,
        "Ukraine",
        "Russia",
    )


def test_interception_with_no_damage_stays_disrupted() -> None:
    a = article(
        "Air defences destroyed all drones flying towards the Poltava region overnight; "
        "no damage was reported."
    )
    (m,) = extract_mentions(a)
    assert (m.sub_event_type, m.admin1, m.fatalities, m.injured) == ("Disrupted weapons use", "Poltava", 0, 0)


def test_day_holds_for_every_clause_of_a_sentence() -> None:
    a = article("Overnight, a drone hit a house in Sumy, while in Kherson Russian shelling killed a woman.")
    got = by_place(extract_mentions(a))
    assert got["Kherson"].event_date == THURSDAY and got["Kherson"].fatalities == 1


def test_dateline_is_neither_place_nor_day() -> None:
    a = article(
        "KHARKIV, May 16 (Wire) - Russian forces captured the village of Ivanivka "
        "in the Kharkiv region on Tuesday."
    )
    (m,) = extract_mentions(a)
    assert (m.location, m.event_date) == ("Ivanivka", date(2024, 5, 14))


def test_russian_article() -> None:
    a = article(
        "Ночью силы ПВО уничтожили 12 украинских беспилотников над территорией Курской области.",
        "В среду утром украинский дрон атаковал автобус в Белгороде, ранены три человека.",
        language="ru",
    )
    got = by_place(extract_mentions(a))
    assert (got["Kursk"].sub_event_type, got["Kursk"].actor1, got["Kursk"].actor2) == (
        "Disrupted weapons use",
        "Russia",
        "Ukraine",
    )
    b = got["Belgorod"]
    assert (b.sub_event_type, b.actor1, b.weapon, b.injured, b.event_date) == (
        "Air/drone strike",
        "Ukraine",
        "drone",
        3,
        date(2024, 5, 15),
    )


# --- guideline rules, one sentence set each (written for these tests) ---------------------------


def coded(*paragraphs: str, language: str = "en") -> list[tuple[str, str | None, str | None, str | None]]:
    return sorted(
        (m.event_type, m.sub_event_type, m.admin1, m.location)
        for m in extract_mentions(article(*paragraphs, language=language))
    )


def test_debris_that_injures_codes_the_strike() -> None:
    [m] = extract_mentions(
        article("Debris from a drone shot down over the town of Klintsy injured two men, the governor said.")
    )
    assert (m.event_type, m.sub_event_type, m.location, m.injured) == (
        "Explosions/Remote violence",
        "Air/drone strike",
        "Klintsy",
        2,
    )


def test_debris_that_only_damages_leaves_the_interception() -> None:
    [m] = extract_mentions(
        article("Air defences shot down a drone over Kursk; falling debris damaged the roof of a house.")
    )
    assert m.sub_event_type == "Disrupted weapons use"


def test_damage_reported_after_an_interception_is_a_strike_there() -> None:
    got = coded(
        "Twelve drones were shot down over the Belgorod region, but a warehouse in Shebekino was damaged."
    )
    assert ("Explosions/Remote violence", "Air/drone strike", "Belgorod", "Shebekino") in got


def test_no_damage_is_no_strike() -> None:
    got = coded("Air defences shot down all the drones over the Mykolaiv region, and no damage was reported.")
    assert [g[1] for g in got] == ["Disrupted weapons use"]


def test_regions_listed_after_a_region_word_are_regions() -> None:
    got = coded("Russian missiles hit energy facilities in the regions of Odesa, Poltava and Sumy overnight.")
    assert {(g[2], g[3]) for g in got} == {("Odesa", None), ("Poltava", None), ("Sumy", None)}


def test_a_tally_codes_one_interception_per_region() -> None:
    got = coded(
        "The ministry said 30 drones were destroyed over the Bryansk region, 12 over the Kursk region "
        "and four over the Oryol region."
    )
    assert {g[2] for g in got} == {"Bryansk", "Kursk", "Oryol"}
    assert {g[1] for g in got} == {"Disrupted weapons use"}


def test_a_part_of_a_toll_is_not_the_toll() -> None:
    [m] = extract_mentions(article("A missile hit Dnipro, injuring 30 people, including five children."))
    assert m.injured == 30


def test_ends_of_a_route_are_no_places_of_the_attack() -> None:
    got = coded(
        "Partisans blew up a train in Melitopol that carried fuel from Crimea to Tokmak and Berdiansk."
    )
    assert [g[3] for g in got] == ["Melitopol"]


def test_an_unnamed_village_by_a_town_codes_the_region() -> None:
    got = coded("A missile hit a village on the fringes of Kramatorsk, injuring five.")
    assert [(g[2], g[3]) for g in got] == [("Donetsk", None)]


def test_a_plant_codes_the_town_it_stands_in() -> None:
    got = coded("Shelling hit the area of the Zaporizhzhia nuclear power plant on Wednesday.")
    assert [g[3] for g in got] == ["Enerhodar"]


def test_a_deal_at_talks_is_an_agreement_at_the_talks() -> None:
    got = coded(
        "Delegations met for peace talks in Istanbul on Monday.",
        "Both sides agreed to a new prisoner exchange of 500 soldiers each.",
    )
    assert ("Strategic developments", "Agreement", "Istanbul", "Istanbul") in [
        (g[0], g[1], g[2], g[3]) for g in got
    ]


def test_nationwide_protest_is_coded_to_the_country() -> None:
    [m] = extract_mentions(article("Police detained 300 people at protests in Russia on Wednesday."))
    assert (m.event_type, m.country, m.admin1) == ("Protests", "RU", None)


def test_a_wave_gives_its_weapon_and_day_to_the_places_it_names() -> None:
    a = article(
        "Russia attacked Ukraine overnight with 40 missiles and 300 drones.",
        "Energy facilities were damaged in the Vinnytsia and Zhytomyr regions.",
    )
    got = {m.admin1: m for m in extract_mentions(a)}
    assert set(got) == {"Vinnytsia", "Zhytomyr"}
    assert {(m.weapon, m.event_date) for m in got.values()} == {("missile", THURSDAY)}


def test_french_elided_article() -> None:
    [m] = extract_mentions(article("L'attaque de drones a tué deux personnes à Odessa mardi.", language="fr"))
    assert (m.location, m.fatalities, m.weapon) == ("Odesa", 2, "drone")


def test_one_event_per_day_a_sentence_names() -> None:
    a = article(
        "Russia launched missile strikes on Ukraine overnight on Monday, then drone attacks on Tuesday "
        "and Wednesday, the air force said."
    )
    got = sorted((m.event_date, m.weapon) for m in extract_mentions(a))
    assert got == [(date(2024, 5, 13), "missile"), (date(2024, 5, 14), "drone"), (date(2024, 5, 15), "drone")]


def test_a_wave_on_the_enemy_s_infrastructure_is_coded_to_its_country() -> None:
    [m] = extract_mentions(
        article("Russian strikes on Ukrainian energy infrastructure went on overnight with 300 drones.")
    )
    assert (m.country, m.admin1, m.weapon) == ("UA", None, "drone")


def test_notes_in_the_style_of_event_coders() -> None:
    a = article(
        "On 7 May 2024, Russian forces used a guided aerial bomb to strike Kharkiv city (Kharkiv, Kharkiv). "
        "1 civilian was killed and 4 were wounded.",
        "On 13 May 2024, Ukrainian forces regained control of Kamianske (Vasylivka, Zaporizhzhia).",
        "On 5 May 2024, Russian forces shelled Nikopol city (Nikopol raion, Dnipropetrovsk). "
        "2 civilians were injured.",
        published=None,
    )
    got = {(m.admin1, m.location): m for m in extract_mentions(a)}
    assert set(got) == {("Kharkiv", "Kharkiv"), ("Zaporizhzhia", "Kamianske"), ("Dnipropetrovsk", "Nikopol")}
    kharkiv = got[("Kharkiv", "Kharkiv")]
    assert (kharkiv.weapon, kharkiv.fatalities, kharkiv.injured, kharkiv.event_date) == (
        "guided bomb",
        1,
        4,
        date(2024, 5, 7),
    )
    assert got[("Zaporizhzhia", "Kamianske")].sub_event_type == "Government regains territory"
