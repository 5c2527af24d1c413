"""Stage 4, assemble: the guideline's merging and dropping rules, one function each.

Drafts come in text order; each rule takes the list and returns a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from newsfacts.extract import detect as d
from newsfacts.extract.draft import BATTLES, EXPLOSIONS, STRATEGIC, Draft
from newsfacts.extract.slots import actors, dates, weapons

PASSING_MENTION_DAYS = 7


@dataclass(frozen=True, slots=True)
class StoryWeapon:
    weapon: str
    regions: frozenset[str]  # admin-1 regions the headline names
    towns: frozenset[str]  # settlements the headline names


def assemble(
    drafts: list[Draft],
    published: date | None,
    story: dates.DateRef = dates.NO_DATE,
    story_weapon: StoryWeapon | None = None,
) -> list[Draft]:
    drafts = date_from_story(drafts, story)
    drafts = drop_old_passing_mentions(drafts, published)
    drafts = merge_same_incident(drafts)
    drafts = drop_country_level_when_places_named(drafts)
    drafts = drop_region_level_when_towns_named(drafts)
    drafts = drop_territory_without_a_place(drafts)
    drafts = drop_interception_where_strike_hit(drafts)
    drafts = drop_city_beside_its_region(drafts)
    drafts = weapon_from_story(drafts, story_weapon)
    drafts = weapon_from_the_attack_just_told(drafts)
    return drafts


_STORY_FAMILIES = frozenset({d.STRIKE, d.DAMAGE, d.CASUALTY, d.INTERCEPT, d.PROTEST, d.RIOT})


def date_from_story(drafts: list[Draft], story: dates.DateRef) -> list[Draft]:
    """A same-day report dates the incidents it tells without a day of their own (guideline,
    "Dates": a same-day report published that day takes that day; incidents under a dated
    overnight tally take the tally's date)."""
    if story.value is None:
        return drafts
    for x in drafts:
        if x.when.value is None and x.family in _STORY_FAMILIES and not x.unit.has("night", "past_day"):
            x.when = dates.DateRef(story.value, "story", 1)
    return drafts


STORY_WEAPON_FAMILIES = frozenset({d.STRIKE, d.DAMAGE, d.CASUALTY})


def weapon_from_story(drafts: list[Draft], story: StoryWeapon | None) -> list[Draft]:
    """A report about one kind of attack on a region ("Russian drone strikes hit Sumy region") tells
    the incidents there without naming the weapon each time: they take the headline's weapon."""
    if story is None:
        return drafts
    for x in drafts:
        inside = x.where.location in story.towns or x.where.admin1 in story.regions
        if inside and x.family in STORY_WEAPON_FAMILIES and x.weapon is None and x.sub_event_type is None:
            x.weapon = story.weapon
            x.sub_event_type = weapons.strike_sub_type(story.weapon, None)
    return drafts


_FOLLOW_UP_UNITS = 3


def weapon_from_the_attack_just_told(drafts: list[Draft]) -> list[Draft]:
    """Sentences that go on about one attack ("Damage was reported in the Poltava and Sumy
    regions") do not name its weapon again: a strike with no weapon of its own, told right after a
    strike of the same side on the same day, takes that strike's weapon."""
    previous: Draft | None = None
    for x in drafts:
        strike = x.family in (d.STRIKE, d.DAMAGE, d.CASUALTY)
        if strike and x.weapon is not None:
            if any(u.has("weapon") for u in x.units):
                previous = x  # only a weapon its own sentences name is passed on
            continue
        if strike and x.sub_event_type is None and previous is not None:
            last = max((u for u in previous.units if u.has("weapon")), key=lambda u: u.index)
            close = 0 < x.unit.index - last.index <= _FOLLOW_UP_UNITS  # a later sentence, not another clause
            close = close and x.unit.paragraph - last.paragraph <= 1
            same = previous.actor1 == x.actor1 and (
                x.when.value is None or previous.when.value is None or x.when.value == previous.when.value
            )
            if close and same:
                x.weapon = previous.weapon
                x.sub_event_type = previous.sub_event_type
    return drafts


def drop_old_passing_mentions(drafts: list[Draft], published: date | None) -> list[Draft]:
    """ "A passing mention is an event only if it happened within about 7 days of publication."""
    kept = []
    for x in drafts:
        age = dates.days_before(x.when.value, published)
        if age is not None and (age > PASSING_MENTION_DAYS or age < -1):
            continue
        kept.append(x)
    return kept


def _compatible(a: Draft, b: Draft) -> bool:
    if a.event_type != b.event_type or (a.where.country, a.where.admin1, a.where.location) != (
        b.where.country,
        b.where.admin1,
        b.where.location,
    ):
        return False
    if a.when.value is not None and b.when.value is not None and a.when.value != b.when.value:
        return False
    if a.event_type == STRATEGIC and a.sub_event_type != b.sub_event_type:
        return False
    return not (
        a.event_type == EXPLOSIONS
        and a.sub_event_type
        and b.sub_event_type
        and a.sub_event_type != b.sub_event_type
        and a.when.value is None
        and b.when.value is None
        and a.unit.paragraph != b.unit.paragraph
    )


def merge_same_incident(drafts: list[Draft]) -> list[Draft]:
    """ "The same strike mentioned twice in one article = one event (the most precise figures)";
    "two attacks on the same place on the same day with the same sub-type are one event"."""
    out: list[Draft] = []
    for x in drafts:
        for y in out:
            if _compatible(y, x):
                _combine(y, x)
                break
        else:
            out.append(x)
    return out


def _combine(into: Draft, other: Draft) -> None:
    # a toll the article updates codes the latest (largest) figure
    into.killed = _larger(into.killed, other.killed)
    into.injured = _larger(into.injured, other.injured)
    into.weapon = _more_precise(into.weapon, other.weapon)
    into.sub_event_type = into.sub_event_type or other.sub_event_type
    if into.when.value is None and other.when.value is not None:
        into.when = other.when
    if into.actor2 is None:
        into.actor2 = other.actor2
    into.units.extend(u for u in other.units if u not in into.units)


def _more_precise(a: str | None, b: str | None) -> str | None:
    """The weapon the article names most precisely: a guided bomb is also an aerial bomb."""
    if a == "aerial bomb" and b == "guided bomb":
        return b
    return a or b


def _larger(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def drop_country_level_when_places_named(drafts: list[Draft]) -> list[Draft]:
    """ "A wave that names some places codes only those places; no extra country-level event."
    The places take what the wave's sentence says of them: its weapon and its day."""
    kept = []
    for x in drafts:
        if not x.country_level:
            kept.append(x)  # only a country-level draft looks for the places named with it
            continue
        placed = [
            y
            for y in drafts
            if not y.country_level
            and y.event_type == x.event_type
            and (
                y.sub_event_type == x.sub_event_type or x.event_type == EXPLOSIONS or y.sub_event_type is None
            )
            and y.where.country == x.where.country
            and (x.when.value is None or y.when.value is None or x.when.value == y.when.value)
        ]
        if placed:
            for y in placed:
                if x.event_type == EXPLOSIONS and y.weapon is None and y.sub_event_type is None:
                    y.weapon, y.sub_event_type = x.weapon, x.sub_event_type
                if y.when.value is None and x.when.value is not None:
                    y.when = x.when
            continue
        kept.append(x)
    return kept


def drop_region_level_when_towns_named(drafts: list[Draft]) -> list[Draft]:
    """The same rule one level down: a region-level report ("the Sumy region came under attack
    overnight") whose towns are named codes only the towns, and they take its date (guideline,
    "Dates": incidents reported under a dated overnight tally take that tally's date)."""
    kept = []
    for x in drafts:
        area = x.where.location is None or (x.where.place is not None and x.where.place.kind == "district")
        if (
            x.where.unnamed
            and x.where.admin1
            and any(
                y.where.location
                and y.where.admin1 == x.where.admin1
                and y.event_type == x.event_type
                and 0 < y.unit.index - x.unit.index <= 2
                for y in drafts
            )
        ):
            continue  # "a village in the Belgorod region was hit", then the village is named
        if area and x.where.admin1 and x.family != d.INTERCEPT and not x.where.unnamed:
            # a region's own toll stands beside its namesake city's ("Kyiv region" and "Kyiv")
            own_toll = bool(x.killed) or bool(x.injured)
            towns = [
                y
                for y in drafts
                if y.where.location
                and y.where.admin1 == x.where.admin1
                and y.event_type == x.event_type
                and (y.where.place is None or y.where.place.kind == "settlement")
                and not (own_toll and y.where.location.startswith(x.where.admin1[:5]))
                and (x.when.value is None or y.when.value is None or x.when.value == y.when.value)
            ]
            if towns:
                for y in towns:
                    if y.when.value is None and x.when.value is not None:
                        y.when = x.when
                if x.where.location is None and not x.unit.has("night", "past_day"):
                    # "Russian missile strikes on the Kharkiv region killed 11": its towns were hit so
                    for y in drafts:
                        inside = y.where.admin1 == x.where.admin1 and y.where.location is not None
                        if (
                            inside
                            and y.event_type == EXPLOSIONS
                            and y.weapon is None
                            and y.sub_event_type is None
                        ):
                            y.weapon, y.sub_event_type = x.weapon, x.sub_event_type
                continue
        kept.append(x)
    return kept


def drop_territory_without_a_place(drafts: list[Draft]) -> list[Draft]:
    """Ground is taken village by village: "captured four villages in the Kharkiv region" codes the
    villages it names (which took its date above), never the region."""
    return [
        x
        for x in drafts
        if not (x.event_type == BATTLES and x.family in (d.CAPTURE, d.LIBERATE) and x.where.location is None)
    ]


def drop_city_beside_its_region(drafts: list[Draft]) -> list[Draft]:
    """ "Three over the Moscow region, one of them flying at Moscow": an interception tally codes
    the region, not its capital named with it."""
    regions = {
        (x.where.admin1, x.unit.index)
        for x in drafts
        if x.sub_event_type == "Disrupted weapons use" and x.where.location is None and x.where.admin1
    }
    return [
        x
        for x in drafts
        if not (
            x.sub_event_type == "Disrupted weapons use"
            and x.where.location
            and (x.where.admin1, x.unit.index) in regions
        )
    ]


def drop_interception_where_strike_hit(drafts: list[Draft]) -> list[Draft]:
    """ "Drones or missiles that hit their target are a strike there ...; that region then gets no
    interception event" (Sevastopol and Crimea count as one region)."""
    struck = {
        (x.where.country, actors.same_region_group(x.where.admin1), x.when.value)
        for x in drafts
        if x.family in (d.STRIKE, d.DAMAGE, d.CASUALTY) and x.where.admin1
    }
    kept = []
    for x in drafts:
        if x.sub_event_type == "Disrupted weapons use" and x.where.admin1:
            key = (x.where.country, actors.same_region_group(x.where.admin1))
            if any(
                k[:2] == key and (k[2] is None or x.when.value is None or k[2] == x.when.value)
                for k in struck
            ):
                continue
        kept.append(x)
    return kept
