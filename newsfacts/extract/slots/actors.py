"""Who acted (guideline: "Actors", "Territory").

actor1 is the side that acted. A side word that qualifies the weapon, the force or the verb
("Russian drones", "drones ucranianos", "українські військові") names it; otherwise the
obvious side of this war: a strike on Ukrainian-held ground is Russia's, one on Russia or on
Russian-held ground is Ukraine's.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from newsfacts import geo
from newsfacts.extract.lexicon import Hit
from newsfacts.extract.segment import Unit

RUSSIA = "Russia"
UKRAINE = "Ukraine"
CIVILIANS = "Civilians"
PROTESTERS = "Protesters"
RIOTERS = "Rioters"

_SIDE_GAP = 16  # "Russian attack drones", "drones russes", "ударами российских"
_PLACES_FILE = Path(__file__).parent.parent / "lexicon" / "places.toml"


@cache
def _places_facts() -> dict:
    return tomllib.loads(_PLACES_FILE.read_text(encoding="utf-8"))


def held_by_russia(place: geo.Place | None, country: str | None) -> bool:
    facts = _places_facts()["occupied"]
    if country == "RU" or (place is not None and place.country == "RU"):
        return True
    if place is None:
        return False
    if place.admin1 in facts["admin1"]:
        return True
    return place.kind == "settlement" and place.name in facts["settlements"].get(place.admin1 or "", ())


def same_region_group(admin1: str | None) -> str | None:
    for group, members in _places_facts()["same_region"].items():
        if admin1 in members:
            return group
    return admin1


def other(side: str | None) -> str | None:
    return {RUSSIA: UKRAINE, UKRAINE: RUSSIA}.get(side or "")


def owner(place: geo.Place | None, country: str | None) -> str | None:
    """The side that holds the ground."""
    if held_by_russia(place, country):
        return RUSSIA
    if country == "UA" or (place is not None and place.country == "UA"):
        return UKRAINE
    return None


def named_side(unit: Unit, cue_start: int | None = None) -> str | None:
    """The side a side word attaches to: first the action word that coded the event ("Russian
    attacks", "ataque ruso"), then a weapon ("Ukrainian drones"), then a force ("Russian troops")."""
    sides = _sides(unit)
    if not sides:
        return None
    # every draft of a sentence asks, most with the same cue: answered once per cue
    return unit.remember(("named_side", cue_start), lambda: _named_side(unit, sides, cue_start))


def _named_side(unit: Unit, sides: list[Hit], cue_start: int | None) -> str | None:
    tiers: list[list[Hit]] = []
    if cue_start is not None:
        tiers.append([h for h in unit.hits if h.category in ("cue", "casualty") and h.start == cue_start])
    tiers.append([h for h in unit.hits if h.category in ("weapon", "means")])
    tiers.append([h for h in unit.hits if h.category in ("military", "cue")])
    for anchors in tiers:
        for a in anchors:
            for s in sides:
                if 0 <= a.start - s.end <= _SIDE_GAP or 0 <= s.start - a.end <= 3:
                    return str(s.value)
    return None


def _sides(unit: Unit) -> list[Hit]:
    """The side words that name an actor, not a source: read once per sentence."""
    return unit.remember(
        "acting_sides", lambda: [s for s in unit.of("side") if not _is_attribution(unit, s.end)]
    )


def interceptor_and_launcher(unit: Unit) -> tuple[str | None, str | None]:
    """For an interception: the side named with the air defence or the shooting down, and the side
    named with the weapon ("Russian air defences shot down 25 Ukrainian drones", "30 drones
    ukrainiens ont été interceptés"). A side word bound to a weapon binds to nothing else."""
    return unit.remember("interceptor_and_launcher", lambda: _interceptor_and_launcher(unit))


def _interceptor_and_launcher(unit: Unit) -> tuple[str | None, str | None]:
    sides = _sides(unit)
    weapons = unit.of("weapon")
    launcher = interceptor = None
    free = []
    for s in sides:
        if any(_binds(unit, s, w) for w in weapons):
            launcher = launcher or str(s.value)
        else:
            free.append(s)
    anchors = [
        h for h in unit.hits if h.category in ("cue", "military") and h.value in ("intercept", "soldier")
    ]
    for s in free:
        if any(_binds(unit, s, a) for a in anchors):
            interceptor = interceptor or str(s.value)
    if interceptor and launcher == interceptor:
        launcher = None
    return interceptor, launcher


def _binds(unit: Unit, side: Hit, anchor: Hit) -> bool:
    """A side word next to a word it qualifies, with no comma between: "Russian drones", "drones russes"."""
    if 0 <= anchor.start - side.end <= _SIDE_GAP:
        return "," not in unit.text[side.end : anchor.start]
    if 0 <= side.start - anchor.end <= 3:
        return "," not in unit.text[anchor.end : side.start]
    return False


def _is_attribution(unit: Unit, end: int) -> bool:
    # "Ukrainian officials said", "Russia's defence ministry reported": a source, not the actor
    return any(0 <= h.start - end <= 20 for h in unit.of("official")) or any(
        0 <= h.start - end <= 3 for h in unit.of("announce")
    )


def agency_side(unit: Unit) -> str | None:
    for h in unit.of("agency"):
        return str(h.value)
    return None
