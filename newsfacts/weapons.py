"""Weapons from the guideline's vocabulary and the ACLED sub-event type that follows from them.

Guided bombs, drones, aircraft and aerial bombs -> Air/drone strike; missiles not said to be
air-launched, artillery, rockets, mortars and plain "shelling" -> Shelling/artillery/missile attack;
mines and explosives -> Remote explosive/landmine/IED; grenades -> Grenade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

AIR = "Air/drone strike"
SHELLING = "Shelling/artillery/missile attack"
REMOTE = "Remote explosive/landmine/IED"
GRENADE = "Grenade"

# (weapon, pattern) in priority order for overlapping spans; the first named in the text wins.
_WEAPONS: list[tuple[str, str]] = [
    (
        "guided bomb",
        r"(?:FAB-\d+ )?guided (?:aerial |air )?bombs?|glide bombs?|gliding bombs?|KABs?|UMPK|"
        r"corrected (?:aerial |air )?bombs?|bombas? guiadas?|bombas? planeadoras?|КАБ\w*|УАБ\w*|"
        r"(?:управляем|корректируем)\w+ авиа(?:ционн\w+ )?бомб\w*",
    ),
    (
        "aerial bomb",
        r"aerial bombs?|air bombs?|FAB-\d+|bombs? (?:was |were )?dropped|dropped (?:\w+ )?bombs?|"
        r"bombas? aéreas?|авиабомб\w*",
    ),
    (
        "drone",
        r"drones?|UAVs?|unmanned aerial vehicles?|unmanned aircraft|Shaheds?|Shahed-\d+|Geran-?\d*|"
        r"Lancets?|quadcopters?|FPV|kamikaze|dron(?:es)?|беспилотн\w*|дрон\w*|БПЛА|Шахед\w*|Герань\w*",
    ),
    (
        "missile",
        r"missiles?|Kalibrs?|Iskanders?|Iskander-[MK]|Kh-\d+\w*|Kinzhals?|S-300s?|S-400s?|"
        r"cruise|ballistic|Tochka-U|ATACMS|Storm Shadows?|SCALP|Neptunes?|misil(?:es)?|"
        r"ракет(?:а|ы|у|ой|ами|ах|ам)?|Искандер\w*|Калибр\w*|Кинжал\w*",
    ),
    (
        "rocket",
        r"rockets?|MLRS|Grads?|HIMARS|Himars|Uragan|Smerch|Tornado-S|multiple rocket|Vampire|cohetes?|"
        r"РСЗО|реактивн\w+ систем\w* залпового огня|Град\w*|ХАЙМАРС|Ураган\w*",
    ),
    ("artillery", r"artillery|howitzers?|tanks?|tank fire|artillería|obuses|артиллер\w*|гаубиц\w*"),
    ("mortar", r"mortars?|morteros?|минометн\w*|миномет\w*|минамет\w*"),
    ("mine", r"landmines?|land mines?|anti-tank mines?|anti-personnel mines?|mines?|minas? antipersona"),
    (
        "explosive",
        r"explosives?|IEDs?|improvised explosive|car bombs?|booby[- ]trap(?:ped|s)?|blew up|blown up|"
        r"explosive devices?|artefactos? explosivos?|explosivos?",
    ),
    ("grenade", r"grenades?|granadas?"),
    ("small arms", r"small arms|gunfire|shot dead|rifles?|machine[- ]guns?|gunmen|opened fire|disparos"),
]
# matched against lower-cased text with lower-cased patterns: IGNORECASE on a long alternation (with
# Cyrillic) costs several times more
_WEAPON_RE = re.compile("|".join(rf"(?P<w{i}>\b(?:{pat.lower()})\b)" for i, (_, pat) in enumerate(_WEAPONS)))
_AIR_LAUNCHED_RE = re.compile(
    r"\b(?:air-launched|air launched|launched from (?:aircraft|planes|jets|bombers)|Kh-\d+|Kinzhals?|"
    r"aviation|warplanes?|fighter jets?|bombers?|Su-\d+|Tu-\d+|aircraft|air force|aéreo guiado)\b",
    re.IGNORECASE,
)
# Means named without a weapon of the list: they still tell the sub-type.
_AIR_MEANS_RE = re.compile(
    r"\b(?:air ?strikes?|air-strikes?|air raids?|airstrikes?|aerial (?:bombardment|attack|strike)s?|"
    r"bombing|bombed|bombard(?:ed|ment)|aviation|warplanes?|bombardeo aéreo|ataque aéreo|авиаудар\w*)\b",
    re.IGNORECASE,
)
_SHELLING_MEANS_RE = re.compile(
    r"\b(?:shell(?:ed|ing|s)?|artillery fire|cross-border fire|fired on|fired at|fire from|"
    r"bombardeos? de artillería|obuses|обстрел\w*)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class WeaponRead:
    weapon: str | None
    sub_event_type: str | None


@lru_cache(maxsize=4096)
def find_weapon(text: str) -> WeaponRead:
    """The first weapon the text names, and the Explosions/Remote violence sub-type it implies."""
    m = _WEAPON_RE.search(text.lower())
    weapon = None
    if m and m.lastgroup:
        weapon = _WEAPONS[int(m.lastgroup[1:])][0]
        # "tank" in "fuel tank", "oil tank" is not artillery
        if weapon == "artillery" and re.search(r"\b(?:fuel|oil|gas|storage|water)\s+$", text[: m.start()]):
            weapon = None
    return WeaponRead(weapon, sub_event_type(weapon, text))


def sub_event_type(weapon: str | None, text: str) -> str | None:
    if weapon in ("drone", "guided bomb", "aerial bomb"):
        return AIR
    if weapon == "missile":
        return AIR if _AIR_LAUNCHED_RE.search(text) else SHELLING
    if weapon in ("rocket", "artillery", "mortar"):
        return SHELLING
    if weapon in ("mine", "explosive"):
        return REMOTE
    if weapon == "grenade":
        return GRENADE
    if _AIR_MEANS_RE.search(text):
        return AIR
    if _SHELLING_MEANS_RE.search(text):
        return SHELLING
    return None


# How specific a weapon is: when two mentions of one incident differ, the more specific wins.
SPECIFICITY = {
    "guided bomb": 3,
    "aerial bomb": 2,
    "drone": 2,
    "missile": 2,
    "rocket": 2,
    "mortar": 2,
    "artillery": 1,
    "mine": 2,
    "explosive": 1,
    "grenade": 2,
    "small arms": 1,
}
