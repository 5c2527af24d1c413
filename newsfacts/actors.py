"""Sides of the war named in a clause, and the obvious side where the article leaves it implicit.

Guideline: a strike on Ukrainian-held ground is Russia's; on Russia or Russian-held ground
(Crimea, Sevastopol, towns the text calls occupied) it is Ukraine's. Disrupted weapons use:
actor1 the interceptor, actor2 the launcher.
"""

from __future__ import annotations

import re

RUSSIA = "Russia"
UKRAINE = "Ukraine"
CIVILIANS = "Civilians"
PROTESTERS = "Protesters"
WAGNER = "Wagner Group"

_RU_NOUNS = (
    r"forces|troops|army|military|missiles?|drones?|strikes?|shelling|attacks?|artillery|aviation|"
    r"air ?force|bombs?|guided bombs?|occupiers|invaders|soldiers|units|warplanes?|jets?|aircraft|"
    r"shells|rockets?|fire|bombardment|offensive|assault|servicemen|paratroopers|marines|navy|warship"
)
_VERBS = (
    r"launched|attacked|struck|strikes|shelled|fired|hit|hits|targeted|bombed|dropped|used|carried out|"
    r"pounded|shot|killed|abducted|kidnapped|captured|seized|took|liberated|recaptured|retook|advanced|"
    r"destroyed|blew up|detained|arrested"
)
# Attacker mentions: "Russian forces", "Russia launched", "by Ukraine", "accused Kyiv of".
_SIDE_RE = re.compile(
    rf"\b(?:(?P<ru>Russian (?:{_RU_NOUNS})|Russians|by the (?:occupiers|invaders)|"
    rf"the (?:occupiers|invaders) (?:have |had )?(?:{_VERBS}|fired on|shelled)|"
    rf"occupying forces|occupation forces|"
    rf"(?:Russia|Moscow)(?:'s|’s)? (?:forces|troops|army|military(?! administration)|{_VERBS})|by Russia|"
    rf"accused (?:Russia|Moscow) of|"
    rf"Russian-launched|Kremlin forces|invasores rusos|fuerzas (?:de ocupación )?rusas|tropas rusas|"
    rf"ej[eé]rcito ruso|(?:Rusia|los rusos) (?:lanzó|atacó|lanzaron|atacaron|bombardeó))"
    rf"|(?P<ua>Ukrainian (?:{_RU_NOUNS}|special forces|saboteurs|partisans|defenders|defence forces|"
    rf"defense forces|special services|sabotage)|Armed Forces of Ukraine|(?:Ukraine|Kyiv|Kiev)(?:'s|’s)? "
    rf"(?:forces|troops|army|military(?! administration)|{_VERBS})|by (?:Ukraine|Kyiv|Kiev)|"
    rf"accused (?:Ukraine|Kyiv|Kiev) of|"
    rf"Kyiv regime|Kiev regime|partisans|the Ukrainians|fuerzas ucranianas|tropas ucranianas|"
    rf"ej[eé]rcito ucraniano|(?:Ucrania|los ucranianos) (?:lanzó|atacó|lanzaron|atacaron|bombardeó))"
    rf"|(?P<wagner>Wagner|Prigozhin))\b"
    # Russian: "украинский дрон атаковал", "ВСУ обстреляли", "российские войска"
    r"|(?P<ua2>\b(?:украинск\w+ (?:дрон|беспилотник|БПЛА|военн|войск|ракет|артиллер|диверс)\w*|ВСУ)\b)"
    r"|(?P<ru2>\b(?:российск\w+ (?:войск|военн|армия|армии|ракет|дрон|беспилотник|авиаци)\w*)\b)",
)
_INTERCEPTOR_RE = re.compile(
    r"\b(?:(?P<ru>Russian air defen[cs]es?|Russia(?:'s|’s) air defen[cs]es?|Russian (?:Defen[cs]e )?Ministry|"
    r"Russia(?:'s|’s) (?:Defen[cs]e|defen[cs]e) Ministry|Ministry of Defen[cs]e of (?:Russia|the Russian)|"
    r"Russian military)"
    r"|(?P<ua>Ukrainian air defen[cs]es?|Ukraine(?:'s|’s) air (?:defen[cs]es?|force)|Ukrainian Air Force|"
    r"defensa ucraniana|Fuerza Aérea ucraniana|defensa aérea ucraniana))\b",
    re.IGNORECASE,
)
_LAUNCHER_RE = re.compile(
    r"\b(?:(?P<ru>Russian(?:-launched)? (?:drones?|missiles?|UAVs?|Shaheds?)|Iranian-made|Shaheds?|Iskander|"
    r"Kalibr|Kinzhal|drones? rusos|misiles? rusos)"
    r"|(?P<ua>Ukrainian (?:drones?|missiles?|UAVs?)|drones? ucranianos|misiles? ucranianos|ATACMS|"
    r"Storm Shadow|Neptune))\b",
)
# The place is Russian-held: "temporarily occupied", "Russian-controlled", "so-called governor".
_OCCUPIED_RE = re.compile(
    r"\b(?:occupied|Russian-(?:held|controlled|occupied|installed)|so-called|occupation authorities|"
    r"under Russian (?:control|occupation)|annexed|ocupad[oa]s?)\b",
    re.IGNORECASE,
)
_ARRESTER_RE = re.compile(
    r"\b(?:(?P<ru>FSB|Russian (?:police|authorities|security|investigators|court|Investigative Committee)|"
    r"Rosgvardia|OMON|riot police)|(?P<ua>SBU|Ukrainian (?:police|authorities|security|investigators)|"
    r"Security Service of Ukraine|National Police of Ukraine))\b",
)
_MILITARY_TARGET_RE = re.compile(
    r"\b(?:airfield|air base|airbase|base|headquarters|military|troops|soldiers|servicem[ae]n|ammunition|"
    r"depot|warship|fleet|command post|positions?|occupiers|train|radar|air defen[cs]e system|"
    r"regiment|brigade|battalion|barracks|militares|soldados)\b",
    re.IGNORECASE,
)
_CIVILIAN_TARGET_RE = re.compile(
    r"\b(?:civilians?|residents?|homes?|houses?|residential|apartments?|high-rise|private house|"
    r"market|restaurant|school|hospital|kindergarten|shopping|church|people|children|child|woman|man|"
    r"farmers?|locals|villagers|pensioners?|ice rink|civil|civiles|viviendas?|casas?|residencial(?:es)?|"
    r"edificios? residencial(?:es)?|personas?)\b",
    re.IGNORECASE,
)


def _low(text: str) -> str:
    return text.lower()


# matched against lower-cased text (IGNORECASE on a long alternation costs several times more)
_OCCUPIED_RE = re.compile(_OCCUPIED_RE.pattern.lower())
_MILITARY_TARGET_RE = re.compile(_MILITARY_TARGET_RE.pattern.lower())
_CIVILIAN_TARGET_RE = re.compile(_CIVILIAN_TARGET_RE.pattern.lower())

_SIDE_OF_COUNTRY = {"UA": UKRAINE, "RU": RUSSIA}
_RUSSIAN_HELD_ADMIN1 = frozenset({"Crimea", "Sevastopol"})


def named_side(text: str) -> str | None:
    """The first side the clause names as acting, or None."""
    m = _SIDE_RE.search(text)
    if not m:
        return None
    if m.group("ru") or m.group("ru2"):
        return RUSSIA
    if m.group("ua") or m.group("ua2"):
        return UKRAINE
    return WAGNER


def other_side(side: str | None) -> str | None:
    return {RUSSIA: UKRAINE, UKRAINE: RUSSIA, WAGNER: RUSSIA}.get(side or "")


def held_by(country: str | None, admin1: str | None, text: str) -> str | None:
    """Who holds the ground: Russia for RU, Crimea, Sevastopol and places called occupied."""
    if country == "RU" or admin1 in _RUSSIAN_HELD_ADMIN1:
        return RUSSIA
    if country == "UA":
        return RUSSIA if _OCCUPIED_RE.search(_low(text)) else UKRAINE
    return _SIDE_OF_COUNTRY.get(country or "")


def attacker(text: str, country: str | None, admin1: str | None) -> tuple[str | None, bool]:
    """(actor1, explicit?) of a strike or attack: named side, else the side opposite the ground's holder."""
    side = named_side(text)
    if side:
        return side, True
    holder = held_by(country, admin1, text)
    if holder is None:
        return RUSSIA if country not in (None, "RU") else None, False  # a neighbour hit by stray drones
    return other_side(holder), False


def interceptor(text: str, country: str | None, admin1: str | None) -> tuple[str | None, str | None]:
    """(actor1, actor2) of Disrupted weapons use: who shot down, who launched."""
    m = _INTERCEPTOR_RE.search(text)
    if m:
        actor1 = RUSSIA if m.group("ru") else UKRAINE
    else:
        actor1 = held_by(country, admin1, text) or _SIDE_OF_COUNTRY.get(country or "")
    launcher = _LAUNCHER_RE.search(text)
    if launcher:
        actor2 = RUSSIA if launcher.group("ru") else UKRAINE
        if actor2 == actor1:
            actor2 = other_side(actor1)
    else:
        actor2 = other_side(actor1)
    return actor1, actor2


def arrester(text: str, country: str | None) -> str | None:
    m = _ARRESTER_RE.search(text)
    if m:
        return RUSSIA if m.group("ru") else UKRAINE
    return _SIDE_OF_COUNTRY.get(country or "") or (country and None)


def first_party(text: str) -> tuple[str | None, str | None]:
    """Agreement parties in the order named ("Ukraine and Russia" -> Ukraine, Russia)."""
    m = re.search(
        r"\b(?:(?P<ru>Russia|Russian|Moscow|Rusia|rus[oa]s?)|(?P<ua>Ukraine|Ukrainian|Kyiv|Kiev|"
        r"Ucrania|ucranian[oa]s?))",
        text,
    )
    if not m:
        return None, None
    first = RUSSIA if m.group("ru") else UKRAINE
    return first, other_side(first)


def target_side(text: str, victims: bool, actor1: str | None) -> str | None:
    """actor2 of a strike: Civilians when people or homes are hit, the other side for a military target."""
    low = _low(text)
    if _MILITARY_TARGET_RE.search(low) and "civilian" not in low:
        return other_side(actor1)
    if victims or _CIVILIAN_TARGET_RE.search(low):
        return CIVILIANS
    return None
