"""Weapon and ACLED sub-event type of a strike (guideline: "Fields" weapon, "Sub-types")."""

from __future__ import annotations

from newsfacts.extract.segment import Unit

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
REMOTE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"

# Missiles not said to be air-launched are shelling; drones, aircraft and aerial bombs are air strikes.
_SUB_TYPE_OF_WEAPON = {
    "drone": AIR,
    "guided bomb": AIR,
    "aerial bomb": AIR,
    "missile": SHELLING,
    "artillery": SHELLING,
    "rocket": SHELLING,
    "mortar": SHELLING,
    "mine": REMOTE,
    "explosive": REMOTE,
    "grenade": GRENADE,
}
_SUB_TYPE_OF_MEANS = {"air": AIR, "shelling": SHELLING}


def first_weapon(unit: Unit, start: int = 0, end: int | None = None) -> str | None:
    """The first weapon named in unit.text[start:end] (the guideline's "first one named")."""
    stop = len(unit.text) if end is None else end
    for h in unit.of("weapon"):
        if start <= h.start < stop and h.value != "small arms":
            return str(h.value)
    return None


def first_means(unit: Unit, start: int = 0, end: int | None = None) -> str | None:
    stop = len(unit.text) if end is None else end
    for h in unit.of("means"):
        if start <= h.start < stop:
            return str(h.value)
    return None


def strike_sub_type(weapon: str | None, means: str | None) -> str | None:
    """Sub-type from the weapon, else from the means ("an air attack", "shelling"), else unknown."""
    if weapon in _SUB_TYPE_OF_WEAPON:
        return _SUB_TYPE_OF_WEAPON[weapon]
    if means in _SUB_TYPE_OF_MEANS:
        return _SUB_TYPE_OF_MEANS[means]
    return None
