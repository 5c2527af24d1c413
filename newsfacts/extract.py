"""Parsed article -> event mentions coded by GUIDELINE.md (ACLED vocabulary), with rules only.

Per article: one regex pass finds the sentences that carry an event cue; only those are split
into clauses, matched against the gazetteer (`newsfacts.geo`) and read for the event kind,
weapon, casualties, sides and date. Clauses without a place enrich the incident told just
before them ("Two more people were wounded"). Mentions of one incident are merged at the end
(the most precise figures win) and region-level or country-level mentions that the article
also tells place by place are folded into those.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from newsfacts import geo
from newsfacts.actors import (
    CIVILIANS,
    PROTESTERS,
    RUSSIA,
    UKRAINE,
    WAGNER,
    arrester,
    attacker,
    first_party,
    held_by,
    interceptor,
    named_side,
    other_side,
    target_side,
)
from newsfacts.eventdates import (
    NO_DATE,
    DateRef,
    explicit_day_is_old,
    is_historical,
    resolve_date,
    trie_regex,
)
from newsfacts.numbers import Casualties, find_casualties
from newsfacts.records import EventMention, ParsedArticle
from newsfacts.sentences import Sentence, split_sentences
from newsfacts.weapons import SPECIFICITY, find_weapon, sub_event_type

EXTRACTOR_VERSION = "extract-1.0"

EXPLOSIONS = "Explosions/Remote violence"
BATTLES = "Battles"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
VAC = "Violence against civilians"

_LANGS = ("en", "es", "ru")
_I = re.IGNORECASE

# ---- cue words ---------------------------------------------------------------------------------
_ATTACK_EN = (
    r"strikes?|struck|hit|hits|attack(?:s|ed|ing)?|shell(?:s|ed|ing)|bomb(?:s|ed|ing)|bombard(?:ed|ment)|"
    r"air ?strikes?|airstrikes?|explosions?|blasts?|exploded|blew up|blown up|fired (?:on|at|upon)|pounded|"
    r"targeted|came under (?:fire|attack|shelling)|coming under (?:fire|attack)|dropped|killed|killing|dead|"
    r"died|injured|injuring|wounded|wounding|hurt|debris|death toll|fatal wounds|"
    r"(?:launched|fired) (?:\w+ ){0,4}(?:drones?|missiles?|rockets?|uavs?|shaheds?|bombs?|shells)"
)
_ATTACK_ES = (
    r"ataques?|atacaron|atacó|bombarde\w+|impact\w+|alcanz(?:ó|aron)|golpe(?:ó|aron)|explosi(?:ón|ones)|"
    r"explot\w+|murió|murieron|muert[oa]s?|fallecid[oa]s?|herid[oa]s?|restos"
)
_INTERCEPT_EN = (
    r"shot down|shoot(?:ing)? down|downed|intercept(?:ed|s|ion|ions)?|"
    r"destroyed (?:\w+ ){0,3}(?:drones?|missiles?|UAVs?|rockets?)|"
    r"(?:drones?|missiles?|UAVs?) (?:\w+ ){0,2}(?:were|was) "
    r"(?:destroyed|neutrali[sz]ed|intercepted|shot down)|"
    r"neutrali[sz]ed|repelled (?:\w+ ){0,3}(?:drones?|missiles?|air attacks?)"
)
_INTERCEPT_ES = (
    r"abatid[oa]s?|derribad[oa]s?|derribaron|interceptad[oa]s?|interceptaron|destruyeron|neutralizad[oa]s?|"
    r"repelieron"
)
_CLASH = (
    r"fighting|fought|clash(?:es|ed)?|battles? (?:for|in|near|around)|battled|"
    r"repelled (?:\w+ ){0,2}(?:attacks?|assaults?|offensives?)|repulsed|assaults?|skirmish(?:es)?|"
    r"firefights?|stormed|storming|combates?|enfrentamientos?"
)
_TERRITORY = (
    r"liberated|liberation of|recaptured|retook|retaken|regained control|took (?:back )?control|"
    r"taken control|taking control|gained control|seized|captured|capture of|capture|"
    r"in (?:full )?control of|under (?:the |their |full )?control of|has control of|have control of|"
    r"raised the (?:\w+ )?flag|took back|took over|fell to|liberaron|recuperaron|tomaron el control"
)
_PROTEST = (
    r"protests?|protesters?|protestors?|protested|protesting|rall(?:y|ies|ied)|"
    r"demonstrat(?:ion|ions|ors|ed|ing)|took to the streets|pickets?|picketed|manifestantes|protestas?|"
    r"manifestaci(?:ón|ones)|"
    r"crowds? (?:of )?(?:[\w-]+ ){0,5}?(?:gathered|assembled|marched|rallied)"
)
_ARREST = (
    r"arrest(?:ed|s)?|detain(?:ed|s|ing)?|detention|taken into custody|apprehended|detuvieron|"
    r"detenid[oa]s|arrestad[oa]s|(?:FSB|SBU|police|investigators) (?:\w+ ){0,3}(?:accused|charged)"
)
_AGREEMENT = (
    r"(?:prisoners?|POWs?|prisoner-of-war|bodies)(?:[- ]of[- ]war)? (?:swap|exchange)s?|"
    r"exchange of (?:prisoners|POWs|bodies|captives)|released in exchange for|swapped|"
    r"agreed (?:to|on|upon) (?:a |an |the )?(?:\w+ ){0,2}(?:ceasefire|truce|exchange|swap)|"
    r"signed (?:a |an |the )?(?:\w+ )?(?:ceasefire|truce|peace (?:deal|agreement))|"
    r"intercambio de prisioneros|canje de prisioneros"
)
# Russian cue words (stems: the case endings vary)
_ATTACK_RU = (
    r"атак\w*|атаковал\w*|удар\w*|обстрел\w*|бомбардир\w*|взрыв\w*|прил[её]т\w*|погиб\w*|убит\w*|"
    r"ранен\w*|пострадал\w*|обломк\w*|сбросил\w*"
)
_INTERCEPT_RU = (
    r"сбит\w*|сбил\w*|перехвачен\w*|перехватил\w*|подавлен\w*|"
    r"уничтожил\w* (?:\w+ ){0,3}(?:беспилотник|дрон|ракет|бпла)\w*|"
    r"(?:беспилотник|дрон|ракет|бпла)\w* (?:\w+ ){0,3}(?:уничтожен|перехвачен|сбит)\w*"
)
_CLASH_RU = r"боях|бои|боев|столкновени\w*|штурм\w*|отразил\w* (?:\w+ ){0,2}ата\w*"
_TERRITORY_RU = r"освободил\w*|освобожд\w*|взял\w* под контроль|занял\w*|захватил\w*"
_PROTEST_RU = r"протест\w*|митинг\w*|пикет\w*|демонстрац\w*"
_ARREST_RU = r"задержа\w*|арестова\w*|арест\w*"
_AGREEMENT_RU = r"обмен\w* (?:пленными|военнопленными|телами)"
_ABDUCT = r"abduct(?:ed|ing|ion)|kidnap(?:ped|ping|s)?|forcibly (?:deported|disappeared|taken)|secuestr\w+"
_EXECUTE = r"executed|execution of|shot (?:dead )?(?:\w+ ){0,2}(?:unarmed|captured|surrendering)"

_FAMILIES = (
    "agreement",
    "abduct",
    "execute",
    "territory",
    "clash",
    "protest",
    "arrest",
    "intercept",
    "attack",
)
# Matched against lower-cased text with lower-cased patterns (only lower-case escapes are used):
# case-insensitive matching of a long alternation costs several times more.
_FAMILY_RE = {
    "en": re.compile(
        (
            rf"\b(?:(?P<agreement>{_AGREEMENT})|(?P<abduct>{_ABDUCT})|(?P<execute>{_EXECUTE})|"
            rf"(?P<territory>{_TERRITORY})|(?P<clash>{_CLASH})|(?P<protest>{_PROTEST})|(?P<arrest>{_ARREST})|"
            rf"(?P<intercept>{_INTERCEPT_EN})|(?P<attack>{_ATTACK_EN}))\b"
        )
        .lower()
        .replace("(?p<", "(?P<")
    ),
    "es": re.compile(
        (
            rf"\b(?:(?P<agreement>{_AGREEMENT})|(?P<abduct>{_ABDUCT})|(?P<execute>{_EXECUTE})|"
            rf"(?P<territory>{_TERRITORY})|(?P<clash>{_CLASH})|(?P<protest>{_PROTEST})|(?P<arrest>{_ARREST})|"
            rf"(?P<intercept>{_INTERCEPT_ES})|(?P<attack>{_ATTACK_ES}))\b"
        )
        .lower()
        .replace("(?p<", "(?P<")
    ),
    "ru": re.compile(
        (
            rf"\b(?:(?P<agreement>{_AGREEMENT_RU})|(?P<territory>{_TERRITORY_RU})|(?P<clash>{_CLASH_RU})|"
            rf"(?P<protest>{_PROTEST_RU})|(?P<arrest>{_ARREST_RU})|(?P<intercept>{_INTERCEPT_RU})|"
            rf"(?P<attack>{_ATTACK_RU}))\b"
        )
        .lower()
        .replace("(?p<", "(?P<")
    ),
}
# One cheap pass per article: sentences without any of these word starts are never looked at again.
_CUE_WORDS = [
    "strik",
    "struck",
    "hit",
    "airstrik",
    "counterattack",
    "firefight",
    "uav",
    "attack",
    "shell",
    "bomb",
    "blast",
    "explo",
    "drone",
    "missile",
    "killed",
    "dead",
    "died",
    "injur",
    "wound",
    "hurt",
    "downed",
    "intercept",
    "destroy",
    "captur",
    "liberat",
    "control",
    "clash",
    "fight",
    "battle",
    "assault",
    "repel",
    "protest",
    "rall",
    "demonstrat",
    "arrest",
    "detain",
    "exchange",
    "swap",
    "abduct",
    "kidnap",
    "fired",
    "pounded",
    "target",
    "debris",
    "seiz",
    "retook",
    "ataque",
    "atac",
    "bombarde",
    "dron",
    "misil",
    "muert",
    "murió",
    "murieron",
    "fallec",
    "herid",
    "abatid",
    "derriba",
    "destruy",
    "detenid",
    "explosi",
    "intercambio",
    "impact",
    "took",
    "fell",
    "flag",
    "toll",
    "execut",
    "custody",
    "charged",
    "accused",
    "repuls",
    "storm",
    "blew",
    "blown",
    "sabotag",
    "shot down",
    "crowd",
    # Russian
    "атак",
    "удар",
    "обстрел",
    "взрыв",
    "погиб",
    "убит",
    "ранен",
    "пострадал",
    "сбит",
    "сбил",
    "уничтожил",
    "перехват",
    "освобо",
    "протест",
    "митинг",
    "задерж",
    "арест",
    "обмен",
]


# matched against the lower-cased body (case-insensitive matching is several times slower)
_CUE_RE = re.compile(r"\b" + trie_regex(_CUE_WORDS))

# ---- what is not an event ----------------------------------------------------------------------
# lower-cased text; "may" and "si" are modal only in lower case (not the month, not "Sí")
_MODAL_CS_RE = re.compile(r"\b(?:may|si)\b")
_MODAL_RE = re.compile(
    r"\b(?:could|would|might|will|shall|plans?|planned|planning|threat(?:en(?:ed|s|ing)?|s)?|"
    r"vow(?:ed|s)?|warn(?:ed|s|ing)?|promis(?:e|ed|es|ing)|demand(?:ed|s)?|call(?:ed|s)? (?:on|for)|"
    r"urg(?:ed|es|ing)|if|unless|ready to|intend(?:s|ed)? to|prepar(?:e|es|ed|ing) to|expected to|"
    r"aim(?:s|ed)? to|seek(?:s|ing)? to|want(?:s|ed)? to|try(?:ing)? to|attempt(?:s|ed)? to|"
    r"possibility|possible|likely|fears?|feared|amenaz\w+|podría|podrían|planea\w*|"
    r"может|могут|угрожа\w*|планиру\w*|если)\b",
)
_NEGATION_RE = re.compile(r"\b(?:not|never|denied|deny|denies|didn't|did not|nor|no|не)\s+(?:\w+\s+){0,2}$")
_TALLY_RE = re.compile(
    r"\b(?:since (?:the (?:start|beginning)|february|the war|the invasion|the full-scale|20\d\d|last)|"
    r"this year|so far this (?:year|month|week)|this month|in recent (?:days|weeks|months)|"
    r"over the past (?:\w+ )?(?:days|weeks|months|year)|(?:during|over|in) the past (?:day|24 hours)|"
    r"for (?:months|weeks)|ha(?:s|ve) raged|over the course of|repeated(?:ly)?|every day|almost daily|"
    r"in several regions|regularly|routinely|frequently|constantly|nightly|every night|"
    r"en lo que va|desde (?:el inicio|el comienzo|febrero))\b",
    _I,
)
_DEBRIS_RE = re.compile(r"\b(?:debris|fragments?|wreckage|falling|fell|restos|escombros)\b", _I)
_ONGOING_FIGHT_RE = re.compile(
    r"\b(?:still|continue[sd]?|ongoing|raged?|rages|fierce|heavy) (?:\w+ )?fighting|"
    r"fighting (?:continues|raged|"
    r"rages|is ongoing|goes on)|clash(?:es|ed)?\b",
    _I,
)
_ANAPHORA_RE = re.compile(
    r"\b(?:the|these|those|this) (?:strikes?|attacks?|shelling|missiles?|drones?)\b", _I
)
_TOTAL_RE = re.compile(r"\b(?:overall|in total|in all|altogether|en total)\b", _I)
_NON_EVENT_RE = re.compile(r"\b(?:sanction\w*|aid package|pledged|tariffs?)\b", _I)
# The three above in one pass over the lower-cased clause.
_FLAG_STARTS = [
    "sanction",
    "aid",
    "pledged",
    "tariff",
    "overall",
    "in",
    "altogether",
    "en",
    "since",
    "this",
    "so",
    "over",
    "during",
    "for",
    "has",
    "have",
    "repeated",
    "every",
    "almost",
    "regularly",
    "routinely",
    "frequently",
    "constantly",
    "nightly",
    "desde",
]
# the lookahead on the first words skips the alternation at almost every position
_CLAUSE_FLAGS_RE = re.compile(
    r"\b(?="
    + trie_regex(_FLAG_STARTS)
    + ")(?:"
    + "|".join(
        f"(?P<{name}>{rx.pattern.lower()})"
        for name, rx in (("nonevent", _NON_EVENT_RE), ("total", _TOTAL_RE), ("tally", _TALLY_RE))
    )
    + ")"
)
_HISTORY_CUT_RE = re.compile(
    r"\b(?:exactly |almost |nearly |just over )?(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r" (?:years?|months?) (?:after|since|before|ago)\b",
    _I,
)
_DAMAGE_RE = re.compile(
    r"\b(?:damag\w+|hit|struck|fire broke out|caught fire|set on fire|exploded|blast|"
    r"destroyed (?:a |an |the |"
    r"two |three |several )?(?:house|home|building|car|infrastructure)|dañ\w+|impact\w+|incendio)\b",
    _I,
)

# ---- clauses and places -------------------------------------------------------------------------
_CLAUSE_SPLIT_RE = re.compile(
    r";\s*|\s+while\s+|,\s+whereas\s+|,\s+and\s+|,\s+but\s+|,\s+(?=in\s+(?:the\s+)?[A-Z])|"
    r"\s+mientras\s+(?:que\s+)?|,\s+y\s+"
)
_ATTRIBUTION_BEFORE_RE = re.compile(
    r"\b(?:governor|mayor|head|chief|council|administration|authorities|officials?|police|prosecutor|"
    r"spokes(?:person|man|woman)|ministry|department|service|command|prosecutors|gobernador|alcalde)"
    r"\s+(?:of|in|for|de)\s+(?:the\s+|la\s+)?(?:city of\s+|región de\s+|region of\s+)?$",
    _I,
)
_ATTRIBUTION_AFTER_RE = re.compile(
    r"^(?:'s|’s)?\s*(?:(?:Oblast|Region|City|Regional|regional|region|oblast|city|Military|military|State|"
    r"state|Civil-Military|military-civilian|Civil|civil|District|district)\s+){0,3}"
    r"(?:Administration|administration|Council|council|governor|Governor|mayor|Mayor|officials|authorities|"
    r"police|prosecutor|Prosecutor|residents|Telegram)\b"
)
_TALKS_BEFORE_RE = re.compile(
    r"\b(?:talks|negotiations|meeting|summit|conference|consultations|met|signed|conversaciones)\s+"
    r"(?:\w+\s+){0,3}?(?:in|at|en)\s+(?:the\s+)?$",
    _I,
)
# A capital named for its government: "on behalf of Kyiv", "accused Moscow", "ask Moscow to".
_METONYM_BEFORE_RE = re.compile(
    r"\b(?:on behalf of|paid by|working for|spying for|in favou?r of|loyal to|accused|accuses|ask|asked|"
    r"urged|told|connected to|blamed|talks with|relations with|sided with)\s+(?:the\s+)?$",
    _I,
)
# A capital named for its government: "Kyiv did not comment", "Moscow was not interested", "Moscú no ha".
_CAPITALS = frozenset(
    {"Kyiv", "Moscow", "Minsk", "Washington", "London", "Paris", "Berlin", "Beijing", "Tehran"}
)
_METONYM_AFTER_RE = re.compile(
    r"^(?:'s|’s)\s+(?:delegation|government|negotiators|envoys?|leadership|position|allies|response|"
    r"officials|foreign ministry|partners)\b|"
    r"^\s+(?:(?:did|does|has|have|had|was|is|were) (?:not|yet to)\b|didn't|hasn't|wasn't|isn't|"
    r"(?:has |had )?(?:said|says|denied|denies|claimed|claims|accused|blamed|responded|insisted|"
    r"insists|warned|commented|declined)\b|no ha|no han|niega|negó|dijo|acusó)",
    _I,
)
_REFERENCE_BEFORE_RE = re.compile(
    r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of\s+"
    r"(?:the\s+(?:city|town|village|port)\s+of\s+)?$",
    _I,
)
_FRONT_AFTER_RE = re.compile(r"^\s+(?:front|direction|axis|sector|frontline)\b", _I)
_DISTANCE_BEFORE_RE = re.compile(
    r"\b\d+\s*(?:km|kilometres|kilometers|miles)\s+(?:\w+\s+){0,2}(?:of|from)\s+(?:the\s+)?$", _I
)
_TALKS_LAST = frozenset({"in", "at", "en"})
_METONYM_LAST = frozenset(
    {"of", "by", "for", "to", "with", "accused", "accuses", "ask", "asked", "urged", "told", "blamed"}
)
_DISTANCE_LAST = frozenset({"of", "from"})
_NEAR_LAST = frozenset({"near", "outside", "of", "to", "de", "from"})
_ATTRIBUTION_LAST = frozenset({"of", "in", "for", "de"})


def _last_word(before: str) -> str:
    """The word right before a place name ("the"/"la" skipped); "" unless a blank separates them."""
    if not before[-1:].isspace():
        return ""
    words = before[-30:].lower().split()
    if words and words[-1] in ("the", "la"):
        words.pop()
    return words[-1] if words else ""


_WHICH_RE = re.compile(r",\s+which\s+[^,]*(?:,|$)")
_DATELINE_RE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,[^-—:(]{0,30})?\s*(?:\([^)]*\))?\s*(?:--|—|:|-)\s")
_REGION_LIST_AFTER_RE = re.compile(r"\b(?:regions|oblasts|provinces|regiones)\b", _I)
_REGION_LIST_BEFORE_RE = re.compile(r"\b(?:regions|oblasts|provinces|regiones) (?:of|de)\s+(?:the\s+)?$", _I)
_LIST_GAP_RE = re.compile(r"^\s*(?:,|and|y|,\s*and|&)?\s*(?:the\s+)?$")
_HROMADA_AFTER_RE = re.compile(r"^\s+(?:hromada|community|territorial community|municipality|raion)\b", _I)
_UNNAMED_RE = re.compile(
    r"\b(?:(?:a|an|one|another)\s+(?:nearby\s+|small\s+|frontline\s+|border\s+)?"
    r"(?:village|town|settlement|community|hamlet)\b"
    r"(?:\s+(?:near|outside|on the (?:fringes|outskirts) of|close to|"
    r"in|of)\b)?|(?:a|an|one)\s+(?:\w+\s+)?part of the (?:region|oblast|province)|"
    r"(?:the|that|this)\s+(?:region|oblast|province)\b|la región\b|un pueblo cercano)",
    _I,
)
# words every _UNNAMED_RE match contains (a cheap test on lower-cased text first)
_UNNAMED_HINT_RE = re.compile(
    r"village|town|settlement|community|hamlet|part of|region|oblast|province|región|pueblo"
)
_UNNAMED_NEAR_RE = re.compile(
    r"\b(?:a|an|one|another)\s+(?:\w+\s+)?(?:village|town|settlement|community|hamlet)\s+(?:near|outside|"
    r"on the (?:fringes|outskirts) of|close to|not far from)\s+(?:the\s+(?:city|town)\s+of\s+)?$",
    _I,
)
_NEAR_BEFORE_RE = re.compile(r"\b(?:near|outside|outskirts of|close to|cerca de)\s+(?:the\s+)?$", _I)
_COUNTRY_PHRASE_RE = re.compile(
    r"\b(?:at|on|against|across|over|throughout|all over|en toda|contra|sobre)\s+(?:the\s+)?(?:whole of\s+)?"
    r"(?P<c>Ukraine|Russia|Ucrania|Rusia)\b",
    _I,
)
_WAVE_RE = re.compile(
    r"\b(?:drones?|missiles?|rockets?|attacks?|strikes?|bombardment|shelling|UAVs?|shaheds?|dron(?:es)?|"
    r"misil(?:es)?|ataques?)\b",
    _I,
)
_COUNTRY_OF = {"ukraine": "UA", "ucrania": "UA", "russia": "RU", "rusia": "RU"}
# Well-known facilities reported by name instead of their town.
_FACILITIES = [
    (
        re.compile(
            r"\[?\b(?:Zaporizh|Zaporozh)\w*\]?\s+(?:\[?nuclear\]?\s+(?:\[?power\]?\s+)?\[?plant\]?|NPP)|\bZNPP\b",
            _I,
        ),
        "Enerhodar",
        "UA",
    ),
    (re.compile(r"\bChornobyl nuclear|\bChernobyl nuclear", _I), "Chornobyl", "UA"),
]
_LINK_LIST_MARKER_RE = re.compile(
    r"^\s*(?:also read|read more|read also|related(?: articles| news| stories)?|more posts|see also|"
    r"most read|recommended|trending|more on this|more from|latest news|top stories|you may also like|"
    r"lee también|te puede interesar|más noticias)\b",
    _I,
)
_CASUALTY_TYPES = (EXPLOSIONS, VAC, BATTLES)
_NO_CASUALTIES = Casualties(None, None)


@dataclass(frozen=True, slots=True)
class _Where:
    """Where an event happened, as resolved from the gazetteer."""

    country: str | None
    admin1: str | None
    location: str | None
    location_raw: str | None
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    precision: int | None
    level: str  # settlement | district | admin1 | country
    distinct: bool = False  # an unnamed village or "part of the region": never folded into a town


@dataclass(frozen=True, slots=True)
class _Draft:
    """One event as one clause tells it, before mentions of the same incident are merged."""

    event_type: str
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    where: _Where
    weapon: str | None
    killed: int | None
    injured: int | None
    date: DateRef
    sentence: int  # index of the sentence that told it
    spans: tuple[tuple[int, int, int], ...]  # (sentence index, start, end) of the evidence
    confidence: float
    totals: bool = False  # casualties are a figure over several places: not this place's own
    explicit: bool = False  # actor1 named in the text (not inferred from the ground's holder)


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int  # offsets into body_text
    end: int
    text: str
    places: tuple[geo.PlaceMention, ...]  # offsets made relative to the clause


def extract_mentions(article: ParsedArticle) -> list[EventMention]:
    """All event mentions of one article, coded by the guideline."""
    if article.language not in _LANGS and not any(lang in _LANGS for lang in article.paragraph_languages):
        return []
    body = article.body_text
    # only paragraphs with a cue are split into sentences; a search stops at the first cue
    lowered = body.lower()
    if len(lowered) != len(body):  # a few letters change length when lower-cased: keep offsets exact
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in body)
    cue_search = _CUE_RE.search
    para_starts = _paragraph_starts(article.paragraphs)
    skip: set[int] | None = None
    sentences: list[Sentence] = []
    cue: list[tuple[int, Sentence, str]] = []
    for p, start in enumerate(para_starts):
        end = start + len(article.paragraphs[p])
        first = cue_search(lowered, start, end)
        if first is None:
            continue
        if skip is None:
            skip = _link_list_paragraphs(article.paragraphs)
        lang = _paragraph_language(article, p)
        if p in skip or lang not in _LANGS:
            continue
        hit = first.start()
        for s in split_sentences(body, start, end, p):
            if hit < s.start:
                m = cue_search(lowered, s.start, s.end)
                hit = m.start() if m else s.end
            if hit < s.end:
                cue.append((len(sentences), s, lang))
            sentences.append(s)
    if not cue:
        return []
    places = _places_for(body, [s for _, s, _ in cue])
    state = _State(article, body, sentences, places)
    for i, s, lang in cue:
        state.sentence(i, s, lang)
    return _finish(article, body, sentences, state.drafts)


# ---- per-article state ---------------------------------------------------------------------------
class _State:
    """Walks the cue sentences in order, remembering the last incident for place-less follow-ups."""

    def __init__(
        self,
        article: ParsedArticle,
        body: str,
        sentences: list[Sentence],
        places: dict[int, list[geo.PlaceMention]],
    ) -> None:
        self.article = article
        self.published: date | None = article.published
        self.body = body
        self.sentences = sentences
        self.places = places  # by sentence start offset
        self.drafts: list[_Draft] = []
        self.last: int | None = None  # index in drafts of the incident told last
        self.last_touch = -10
        self.last_where: _Where | None = None
        self.sentence_date: DateRef = NO_DATE

    def sentence(self, index: int, s: Sentence, lang: str) -> None:
        mentions = self.places.get(s.start, [])
        text = s.text
        cut = _HISTORY_CUT_RE.search(text) if ("year" in text or "month" in text) else None
        end = cut.start() if cut else len(text)
        begin = 0
        dl = _DATELINE_RE.match(text)
        if dl is not None:
            # "KRAMATORSK, Ukraine, March 12 (Wire) -": neither the place nor the day of the incident
            mentions = [m for m in mentions if m.start >= dl.end()]
            begin = dl.end()
        pieces = _clauses(text, begin, end, mentions, lang)
        # "Overnight, a drone hit X, while in Y shelling killed a man": the day holds for every clause
        self.sentence_date = resolve_date(text[begin:end], self.published) if len(pieces) > 1 else NO_DATE
        for a, b in pieces:
            clause = _Clause(
                s.start + a,
                s.start + b,
                text[a:b],
                tuple(
                    geo.PlaceMention(m.start - a, m.end - a, m.raw, m.place)
                    for m in mentions
                    if a <= m.start < b
                ),
            )
            self.clause(index, s, clause, lang)

    # -- one clause --
    def clause(self, index: int, s: Sentence, c: _Clause, lang: str) -> None:
        text = c.text
        low = _lower(text)
        fams = _families(text, low, lang, c.places)
        if not fams:
            return
        family, pos = _primary(fams, text, lang)
        placeless_ok = True
        # one pass for the clause-wide markers (cheaper than one regex each)
        flags = {m.lastgroup for m in _CLAUSE_FLAGS_RE.finditer(low)}
        if "nonevent" in flags:
            return
        if "total" in flags and not any(m.place.kind != "country" for m in c.places):
            return  # "overall, three people were injured in the oblast": a sum, not an incident
        if self._gated(text, low, pos):
            return
        wheres, totals_place = self._wheres(c, family)
        date_ref = resolve_date(text, self.published)
        if date_ref.key is None and self.sentence_date.key is not None:
            date_ref = self.sentence_date
        past = (
            "tally" in flags
            or is_historical(text, self.published)
            or explicit_day_is_old(date_ref, self.published)
        )
        if past:
            # a tally or an old incident may still name the weapon of the incident just told
            if not wheres:
                self._enrich(index, c, family, _NO_CASUALTIES, text, lang, date_ref, weapon_only=True)
            return
        casualties = find_casualties(text, lang)
        if not wheres:
            if family in ("attack", "intercept") or (family in ("clash", "territory") and placeless_ok):
                country = self._country_level(text, family)
                if country is None and family == "intercept":
                    country = _interception_tally(text)
                if country is None:
                    self._enrich(index, c, family, casualties, text, lang, date_ref)
                    return
                wheres = [country]
            elif family == "agreement":
                wheres = [self._talks_place(index) or self._party_country(text)]
            elif family == "arrest":
                nxt = self._next_place(index)
                wheres = [nxt] if nxt else []
            elif family == "protest":
                country = self._country_level(text, family)
                wheres = [country] if country else []
            elif family == "abduct":
                wheres = []
            if not wheres or wheres[0] is None:
                return
        totals = len(wheres) > 1 or totals_place
        for where in wheres:
            draft = self._draft(family, text, where, casualties, totals, date_ref, index, c, s, lang)
            if draft is not None:
                self.drafts.append(draft)
                if where.level != "country":  # a country-wide wave is never the incident told next
                    self.last = len(self.drafts) - 1
                    self.last_touch = index
                    self.last_where = where

    def _gated(self, text: str, low: str, pos: int) -> bool:
        """Modality or negation governing the trigger: not an incident."""
        if pos == 0:
            return False
        head = text[:pos]
        begin = 0
        for cut in _CLAUSE_SPLIT_RE.finditer(head):
            begin = cut.end()
        if _MODAL_RE.search(low, begin, pos) or _MODAL_CS_RE.search(head, begin):
            return True
        return bool(_NEGATION_RE.search(low, max(begin, pos - 60), pos))

    def _draft(
        self,
        family: str,
        text: str,
        where: _Where,
        casualties: Casualties,
        totals: bool,
        date_ref: DateRef,
        index: int,
        c: _Clause,
        s: Sentence,
        lang: str,
    ) -> _Draft | None:
        killed, injured = casualties.killed, casualties.injured
        weapon_read = find_weapon(text)
        weapon, sub = weapon_read.weapon, weapon_read.sub_event_type
        actor2: str | None = None
        explicit = False
        country, admin1 = where.country, where.admin1
        if family == "intercept" and ((killed or injured) or _damaged(text)):
            family = "attack"  # debris that kills or damages: code the attack itself
        if family == "attack":
            event_type = EXPLOSIONS
            if where.level == "country":
                actor1 = other_side(_COUNTRY_SIDE.get(country or ""))
            else:
                actor1, explicit = attacker(text, country, admin1)
            if (
                weapon is None
                and sub is None
                and where.level != "country"
                and self.last is not None
                and index - self.last_touch <= 2
                and _ANAPHORA_RE.search(text)
            ):
                # "killed by the strikes": the weapon of the incident just told
                prev = self.drafts[self.last]
                weapon, sub = prev.weapon, prev.sub_event_type if prev.event_type == EXPLOSIONS else sub
            if weapon == "small arms":
                weapon, sub = None, None
            victims = bool(killed or injured)
            actor2 = target_side(text, victims, actor1)
        elif family == "intercept":
            event_type, sub = STRATEGIC, "Disrupted weapons use"
            actor1, actor2 = interceptor(text, country, admin1)
            killed = injured = 0
            explicit = True
        elif family == "territory" or family == "clash":
            side = named_side(text)
            if side is None and family == "territory":
                for j in range(index - 1, max(-1, index - 3), -1):
                    side = named_side(self.sentences[j].text)
                    if side:
                        break
            rep = re.search(r"repel\w* (?:\w+ ){0,2}(?P<s>Russian|Ukrainian)", text)
            if rep:
                side = RUSSIA if rep.group("s") == "Russian" else UKRAINE
            holder = held_by(country, admin1, text)
            if family == "clash" or _ONGOING_FIGHT_RE.search(text):
                event_type, sub = BATTLES, "Armed clash"
                actor1 = side or (other_side(holder) if holder else None)
            else:
                if re.search(
                    r"\b(?:liberat|recaptur|retook|retaken|regained|took back|liberaron|recuperaron)",
                    text,
                    _I,
                ):
                    actor1 = side if side and side != RUSSIA else (UKRAINE if country == "UA" else side)
                else:
                    actor1 = side or (other_side(holder) if holder else None)
                if actor1 == WAGNER and country == "RU":
                    event_type, sub = STRATEGIC, "Non-violent transfer of territory"
                elif (country == "UA" and actor1 == UKRAINE) or (country == "RU" and actor1 == RUSSIA):
                    event_type, sub = BATTLES, "Government regains territory"
                else:
                    event_type, sub = BATTLES, "Non-state actor overtakes territory"
            actor2 = RUSSIA if actor1 == WAGNER else other_side(actor1)
            explicit = side is not None
            weapon = None
        elif family == "protest":
            event_type = PROTESTS
            intervention = re.search(r"\b(?:detain|arrest|dispersed|detenid|arrestad)", text, _I)
            sub = "Protest with intervention" if intervention else "Peaceful protest"
            if re.search(r"\b(?:beat|beaten|tear gas|rubber bullets|shot|killed)\b", text, _I):
                sub = "Excessive force against protesters"
            actor1, actor2, weapon, killed, injured = PROTESTERS, None, None, 0, 0
            explicit = True
        elif family == "arrest":
            event_type, sub = STRATEGIC, "Arrests"
            actor1, actor2, weapon, killed, injured = arrester(text, country), CIVILIANS, None, 0, 0
        elif family == "agreement":
            event_type, sub = STRATEGIC, "Agreement"
            actor1, actor2 = first_party(text)
            if actor1 is None:
                actor1, actor2 = self._previous_parties(index)
            weapon, killed, injured = None, 0, 0
        elif family in ("abduct", "execute"):
            event_type = VAC
            sub = "Abduction/forced disappearance" if family == "abduct" else "Attack"
            actor1, explicit = attacker(text, country, admin1)
            actor2, weapon = CIVILIANS, None
        else:
            return None
        if family == "attack" and where.level != "country" and killed is None and injured is None:
            killed = injured = None
        confidence = 0.45 + (0.15 if where.level in ("settlement", "district") else 0.05)
        confidence += 0.1 if weapon else 0.0
        confidence += 0.1 if explicit else 0.0
        confidence += 0.1 if (killed or injured) else 0.0
        confidence += 0.05 if date_ref.day else 0.0
        return _Draft(
            event_type=event_type,
            sub_event_type=sub,
            actor1=actor1,
            actor2=actor2,
            where=where,
            weapon=weapon,
            killed=killed,
            injured=injured,
            date=date_ref,
            sentence=index,
            spans=((index, s.start, s.end),),
            confidence=min(confidence, 0.95),
            totals=totals,
            explicit=explicit,
        )

    # -- follow-ups without a place --
    def _enrich(
        self,
        index: int,
        c: _Clause,
        family: str,
        casualties: Casualties,
        text: str,
        lang: str,
        date_ref: DateRef,
        weapon_only: bool = False,
    ) -> None:
        if self.last is None or index - self.last_touch > 2:
            return
        d = self.drafts[self.last]
        if d.where.level == "country":
            return
        s = self.sentences[index]
        changes: dict[str, object] = {}
        if d.event_type == STRATEGIC and d.sub_event_type == "Disrupted weapons use":
            if (casualties.killed or casualties.injured) and not weapon_only and _DEBRIS_RE.search(text):
                # debris of a downed drone that kills or injures: the attack itself
                changes.update(
                    event_type=EXPLOSIONS,
                    sub_event_type=sub_event_type(d.weapon, text),
                    actor1=other_side(d.actor1),
                    actor2=CIVILIANS,
                    killed=casualties.killed,
                    injured=casualties.injured,
                )
        elif d.event_type in _CASUALTY_TYPES and not weapon_only:
            if casualties.killed is not None and (d.killed is None or casualties.killed > d.killed):
                changes["killed"] = casualties.killed
            if casualties.injured is not None and (d.injured is None or casualties.injured > d.injured):
                changes["injured"] = casualties.injured
            if changes and d.actor2 is None:
                changes["actor2"] = (
                    CIVILIANS if not re.search(r"servicem|soldier|troop", text, _I) else d.actor2
                )
        if d.event_type == EXPLOSIONS and d.weapon is None:
            w = find_weapon(text)
            if w.weapon and w.weapon != "small arms":
                changes.update(weapon=w.weapon, sub_event_type=w.sub_event_type)
        if d.date.day is None and date_ref.day is not None and not weapon_only:
            changes["date"] = date_ref
        if not changes and weapon_only:
            return
        changes["spans"] = (*d.spans, (index, s.start, s.end))
        self.drafts[self.last] = replace(d, **changes)  # type: ignore[arg-type]
        self.last_touch = index

    # -- places --
    def _wheres(self, c: _Clause, family: str) -> tuple[list[_Where], bool]:
        """The event places of a clause, and whether its casualty figures are a total over a region."""
        text = c.text
        hard: set[int] = set()
        soft: set[int] = set()
        which_spans = [(m.start(), m.end()) for m in _WHICH_RE.finditer(text)] if "which" in text else []
        mentions = list(c.places)
        for k, m in enumerate(mentions):
            if m.place.kind == "country":
                hard.add(k)
                continue
            before = text[max(0, m.start - 60) : m.start]
            after = text[m.end : m.end + 60]
            # every "before" pattern ends with a small set of words: test the last one first
            lw = _last_word(before)
            if (
                (lw in _TALKS_LAST and family != "agreement" and _TALKS_BEFORE_RE.search(before))
                or (lw in _METONYM_LAST and _METONYM_BEFORE_RE.search(before))
                or (lw in _DISTANCE_LAST and _DISTANCE_BEFORE_RE.search(before))
                or _FRONT_AFTER_RE.match(after)
                or any(a <= m.start < b for a, b in which_spans)
                or (m.place.name in _CAPITALS and _METONYM_AFTER_RE.match(after))
            ):
                hard.add(k)
            elif (
                (lw in _ATTRIBUTION_LAST and _ATTRIBUTION_BEFORE_RE.search(before))
                or _ATTRIBUTION_AFTER_RE.match(after)
                or lw == "from"
                or _HROMADA_AFTER_RE.match(after)
                or (lw == "of" and _REFERENCE_BEFORE_RE.search(before))  # "X, west of Pokrovsk"
            ):
                soft.add(k)
        region_list = _region_list(text, mentions)
        chosen = [k for k in range(len(mentions)) if k not in hard and k not in soft]
        if not chosen:
            chosen = [k for k in range(len(mentions)) if k in soft and k not in hard]
        out: list[_Where] = []
        facility = None
        # every facility pattern names a nuclear plant: skip them all on ordinary clauses
        low = text.lower()
        facilities = _FACILITIES if ("nuclear" in low or "npp" in low) else ()
        for rx, town, country in facilities:
            fm = rx.search(text)
            if fm:
                place = geo.lookup(town, country)
                if place is not None:
                    facility = _where_of(place, town, fm.start(), text)
                    chosen = [
                        k
                        for k in chosen
                        if not (mentions[k].start >= fm.start() and mentions[k].end <= fm.end())
                    ]
                    chosen = [k for k in chosen if mentions[k].place.kind == "settlement"]
        if facility is not None:
            out.append(facility)
        settlements = [k for k in chosen if mentions[k].place.kind in ("settlement", "district")]
        for k in chosen:
            m = mentions[k]
            place = region_list.get(k, m.place)
            if (
                place.kind == "admin1"
                and k not in region_list
                and any(self._covers(place, mentions[j], m, text) for j in settlements)
            ):
                continue
            if place.kind == "district" and any(
                mentions[j].place.kind == "settlement" and mentions[j].place.admin1 == place.admin1
                for j in settlements
            ):
                continue
            if place.kind == "settlement" and k in soft and len(chosen) > 1 and settlements != [k]:
                continue
            before = text[max(0, m.start - 60) : m.start]
            if _last_word(before) in _NEAR_LAST and _UNNAMED_NEAR_RE.search(before):
                # "a village on the fringes of Kramatorsk": an unnamed place in that town's region
                out.append(_region_where(_where_of(place, m.raw, m.start, text), distinct=True))
                continue
            out.append(_where_of(place, m.raw, m.start, text))
        # a village named without its name, "the region": the place told before
        unnamed = _UNNAMED_RE.search(text) if _UNNAMED_HINT_RE.search(_lower(text)) else None
        if not out and unnamed:
            anchor = next(
                (
                    mentions[k]
                    for k in range(len(mentions))
                    if k not in hard and mentions[k].start >= unnamed.start()
                ),
                None,
            )
            base = _where_of(anchor.place, anchor.raw, anchor.start, text) if anchor else self.last_where
            if base is not None and base.admin1:
                out.append(_region_where(base, distinct=True))
        dedup: dict[tuple[str | None, str | None, str | None], _Where] = {}
        for w in out:
            dedup.setdefault((w.country, w.admin1, w.location), w)
        return list(dedup.values()), False

    @staticmethod
    def _covers(region: geo.Place, town: geo.PlaceMention, m: geo.PlaceMention, text: str) -> bool:
        """A region named as the context of a town ("Sochi, in Krasnodar region")."""
        if town.place.admin1 == region.admin1:
            return True
        if region.admin1 == "Crimea" and town.place.admin1 == "Sevastopol":
            return True
        gap = text[town.end : m.start] if town.end <= m.start else ""
        return 0 <= m.start - town.end <= 40 and bool(re.fullmatch(r"[\s,]*(?:in|of|,)?[\s\w'’]*", gap))

    def _country_level(self, text: str, family: str) -> _Where | None:
        m = _COUNTRY_PHRASE_RE.search(text)
        if m is None:
            return None
        if family == "attack" and not _WAVE_RE.search(text):
            return None
        iso = _COUNTRY_OF[m.group("c").lower()]
        place = geo.lookup(geo.country_name(iso)) if hasattr(geo, "country_name") else None
        return _Where(
            iso,
            None,
            None,
            m.group("c"),
            place.latitude if place else None,
            place.longitude if place else None,
            place.geonameid if place else None,
            3,
            "country",
        )

    def _party_country(self, text: str) -> _Where | None:
        first, _ = first_party(text)
        iso = {RUSSIA: "RU", UKRAINE: "UA"}.get(first or "")
        if iso is None:
            return None
        return _Where(iso, None, None, None, None, None, None, 3, "country")

    def _talks_place(self, index: int) -> _Where | None:
        """Where the talks were held that agreed the exchange or ceasefire."""
        for j in range(index, max(-1, index - 3), -1):
            s = self.sentences[j]
            for m in self._sentence_places(s):
                before = s.text[max(0, m.start - 60) : m.start]
                if m.place.kind != "country" and _TALKS_BEFORE_RE.search(before):
                    return _where_of(m.place, m.raw, m.start, s.text)
        return None

    def _previous_parties(self, index: int) -> tuple[str | None, str | None]:
        for j in range(index - 1, max(-1, index - 3), -1):
            first, second = first_party(self.sentences[j].text)
            if first:
                return first, second
        return None, None

    def _next_place(self, index: int) -> _Where | None:
        if index + 1 >= len(self.sentences):
            return None
        s = self.sentences[index + 1]
        for m in self._sentence_places(s):
            if m.place.kind != "country":
                return _where_of(m.place, m.raw, m.start, s.text)
        return None

    def _sentence_places(self, s: Sentence) -> list[geo.PlaceMention]:
        if s.start not in self.places:
            self.places[s.start] = geo.find_places(s.text)
        return self.places[s.start]


_COUNTRY_SIDE = {"UA": UKRAINE, "RU": RUSSIA}


# ---- helpers -------------------------------------------------------------------------------------
def _families(text: str, lowered: str, lang: str, places: Sequence[geo.PlaceMention]) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in _FAMILY_RE[lang].finditer(lowered):
        name = m.lastgroup
        if not name or name in out:
            continue
        if name == "territory" and (
            not _territory_object(text, m, places)
            or re.match(r"captured on (?:film|camera|video|tape)", lowered[m.start() : m.end() + 12])
        ):
            continue  # "captured on film", "captured soldiers": no ground changed hands
        out[name] = m.start()
    return out


def _lower(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # keep offsets: a few letters grow when lower-cased
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered


def _territory_object(text: str, m: re.Match[str], places: Sequence[geo.PlaceMention]) -> bool:
    """A change of control needs a place as its object ("liberated Robotyne", "Bakhmut fell to")."""
    for p in places:
        if p.place.kind == "country":
            continue
        if 0 <= p.start - m.end() <= 70:
            return True
        if 0 <= m.start() - p.end <= 40 and re.search(
            r"\b(?:was|has been|had been|is|were|have been)\s+$", text[p.end : m.start()]
        ):
            return True
    return False


# "Ukraine's air force said it shot down 79 of the 112 drones": a tally with no region named codes one
# country-level event in the interceptor's country (GUIDELINE "Splitting").
_TALLY_COUNT_RE = re.compile(
    r"\b(?:\d+|all)\s+(?:of\s+(?:the\s+)?\d+\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:drones?|missiles?|uavs?|shaheds?|rockets?|беспилотник\w*|дрон\w*|ракет\w*)",
    _I,
)
_INTERCEPTOR_COUNTRY_RE = re.compile(
    r"\b(?:(?P<ua>Ukraine(?:'s|’s)? (?:air force|air defen[cs]es?|military)|"
    r"Ukrainian (?:air force|air defen[cs]es?|military)|Fuerza Aérea ucraniana|defensa aérea ucraniana)|"
    r"(?P<ru>Russia(?:'s|’s)? (?:defen[cs]e ministry|ministry of defen[cs]e|air defen[cs]es?|military)|"
    r"Russian (?:defen[cs]e ministry|air defen[cs]es?|military)|"
    r"Министерство обороны России|Минобороны(?: России)?))",
    _I,
)


def _interception_tally(text: str) -> _Where | None:
    side = _INTERCEPTOR_COUNTRY_RE.search(text)
    if side is None or not _TALLY_COUNT_RE.search(text):
        return None
    iso = "UA" if side.group("ua") else "RU"
    return _Where(iso, None, None, None, None, None, None, 3, "country")


_NO_DAMAGE_RE = re.compile(r"\b(?:no|not|without|nor|nothing)\s+(?:\w+\s+)?$", _I)


def _damaged(text: str) -> bool:
    """Damage reported ("a house was hit"), not denied ("no damage was reported")."""
    return any(
        not _NO_DAMAGE_RE.search(text, max(0, m.start() - 20), m.start()) for m in _DAMAGE_RE.finditer(text)
    )


def _primary(fams: dict[str, int], text: str, lang: str) -> tuple[str, int]:
    for name in _FAMILIES:
        if name in fams:
            if name == "territory" and "clash" in fams and _ONGOING_FIGHT_RE.search(text):
                return "clash", fams["clash"]  # control claimed while fighting goes on: a clash
            return name, fams[name]
    raise ValueError("no family")


def _clauses(
    text: str, start: int, end: int, mentions: Sequence[geo.PlaceMention], lang: str
) -> list[tuple[int, int]]:
    """Split a sentence where different places carry different incidents; glue the rest back."""
    cuts = [start]
    for m in _CLAUSE_SPLIT_RE.finditer(text, start, end):
        cuts.append(m.start())
    cuts.append(end)
    pieces = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i + 1] > cuts[i]]
    if len(pieces) <= 1:
        return [(start, end)]
    rx = _FAMILY_RE[lang]
    low = _lower(text)

    def standalone(a: int, b: int) -> bool:
        has_place = any(a <= m.start < b and m.place.kind != "country" for m in mentions)
        if not has_place and not (_UNNAMED_HINT_RE.search(low, a, b) and _UNNAMED_RE.search(text, a, b)):
            return False
        return rx.search(low, a, b) is not None

    groups: list[list[int]] = []
    for a, b in pieces:
        if groups and not standalone(a, b):
            groups[-1][1] = b
        else:
            groups.append([a, b])
    if len(groups) > 1 and not standalone(*groups[0]):
        groups[1][0] = groups[0][0]
        groups.pop(0)
    return [(a, b) for a, b in groups]


def _region_list(text: str, mentions: list[geo.PlaceMention]) -> dict[int, geo.Place]:
    """Names in "the Kherson, Khmelnytskyi and Mykolaiv regions" are regions, not their capitals."""
    out: dict[int, geo.Place] = {}
    for k, m in enumerate(mentions):
        plural_after = m.raw.lower().endswith(("regions", "oblasts", "provinces"))
        if plural_after:
            out[k] = m.place  # the plural name itself is a region, never folded into a town
            j = k - 1
            while j >= 0 and _LIST_GAP_RE.match(text[mentions[j].end : mentions[j + 1].start]):
                region = geo.lookup(mentions[j].raw + " region", mentions[j].place.country)
                if region is not None and region.kind == "admin1":
                    out[j] = region
                if re.search(r"\bthe\s*$", text[max(0, mentions[j].start - 5) : mentions[j].start]):
                    break  # "Lviv and the Zhytomyr, ... regions": the list starts at "the"
                j -= 1
        before = text[max(0, m.start - 40) : m.start]
        if _last_word(before) in ("of", "de") and _REGION_LIST_BEFORE_RE.search(before):
            j = k
            while j < len(mentions):
                region = geo.lookup(mentions[j].raw + " region", mentions[j].place.country)
                if region is not None and region.kind == "admin1":
                    out[j] = region
                if j + 1 >= len(mentions) or not _LIST_GAP_RE.match(
                    text[mentions[j].end : mentions[j + 1].start]
                ):
                    break
                j += 1
    return out


def _where_of(place: geo.Place, raw: str, start: int, text: str) -> _Where:
    before = text[max(0, start - 30) : start]
    near = _last_word(before) in _NEAR_LAST and bool(_NEAR_BEFORE_RE.search(before))
    if place.kind == "country":
        return _Where(
            place.country, None, None, raw, place.latitude, place.longitude, place.geonameid, 3, "country"
        )
    if place.kind == "admin1":
        return _Where(
            place.country,
            place.admin1 or place.name,
            None,
            raw,
            place.latitude,
            place.longitude,
            place.geonameid,
            3,
            "admin1",
        )
    precision = place.geo_precision or (1 if place.kind == "settlement" else 2)
    if near and precision == 1:
        precision = 2
    return _Where(
        place.country,
        place.admin1,
        place.name,
        raw,
        place.latitude,
        place.longitude,
        place.geonameid,
        precision,
        place.kind,
    )


def _region_where(base: _Where, distinct: bool) -> _Where:
    region = geo.lookup(f"{base.admin1} region", base.country) if base.admin1 else None
    if region is not None and region.kind == "admin1":
        return _Where(
            base.country,
            base.admin1,
            None,
            None,
            region.latitude,
            region.longitude,
            region.geonameid,
            2,
            "admin1",
            distinct,
        )
    return _Where(base.country, base.admin1, None, None, None, None, None, 2, "admin1", distinct)


def _places_for(body: str, sentences: list[Sentence]) -> dict[int, list[geo.PlaceMention]]:
    """One gazetteer pass over all cue sentences together (shared context for same-named villages)."""
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for s in sentences:
        offsets.append(pos)
        parts.append(s.text)
        pos += len(s.text) + 2
    joined = "\n\n".join(parts)
    out: dict[int, list[geo.PlaceMention]] = {s.start: [] for s in sentences}
    for m in geo.find_places(joined):
        k = bisect.bisect_right(offsets, m.start) - 1
        base = offsets[k]
        s = sentences[k]
        if m.end - base <= len(s.text):
            out[s.start].append(geo.PlaceMention(m.start - base, m.end - base, m.raw, m.place))
    return out


def _paragraph_starts(paragraphs: Sequence[str]) -> list[int]:
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 2
    return starts


def _paragraph_language(article: ParsedArticle, p: int) -> str | None:
    langs = article.paragraph_languages
    if 0 <= p < len(langs) and langs[p]:
        return langs[p]
    return article.language


def _headline_like(p: str) -> bool:
    t = p.strip()
    return 0 < len(t) < 160 and len(t.split()) <= 22 and not re.search(r"[.!?:\"”…)]$", t)


def _link_list_paragraphs(paragraphs: Sequence[str]) -> set[int]:
    """Paragraphs of "Read more" lists and runs of bare headlines: never events of this article."""
    skip: set[int] = set()
    in_list = False
    run: list[int] = []
    for i, p in enumerate(paragraphs):
        if _LINK_LIST_MARKER_RE.match(p):
            in_list = True
            skip.add(i)
            continue
        if in_list:
            if _headline_like(p) or len(p.split()) < 25:
                skip.add(i)
                continue
            in_list = False
        if _headline_like(p):
            run.append(i)
        else:
            if len(run) >= 3:
                skip.update(run)
            run = []
    if len(run) >= 3:
        skip.update(run)
    return skip


# ---- merging -------------------------------------------------------------------------------------
def _compatible(a: DateRef, b: DateRef) -> bool:
    return a.key is None or b.key is None or a.key == b.key


def _merge_key(d: _Draft) -> tuple[object, ...]:
    w = d.where
    return (d.event_type, w.country, w.admin1, w.location)


def _same_side(a: _Draft, b: _Draft) -> bool:
    """Two mentions can be one incident unless both name different sides as acting."""
    if a.where.distinct or b.where.distinct:
        return False  # two unnamed villages are two places
    return a.actor1 == b.actor1 or not (a.explicit and b.explicit)


def _combine(a: _Draft, b: _Draft) -> _Draft:
    """Two mentions of one incident: the most precise figures and the more specific weapon win."""
    weapon, sub = a.weapon, a.sub_event_type
    if b.weapon and (weapon is None or SPECIFICITY.get(b.weapon, 0) > SPECIFICITY.get(weapon, 0)):
        weapon = b.weapon
        sub = b.sub_event_type if a.event_type == EXPLOSIONS else sub
    if sub is None:
        sub = b.sub_event_type
    if a.event_type == BATTLES and b.sub_event_type != "Armed clash" and b.sub_event_type:
        sub = b.sub_event_type  # a change of control outranks the fighting around it
    killed = _max(a.killed if not a.totals else None, b.killed if not b.totals else None)
    injured = _max(a.injured if not a.totals else None, b.injured if not b.totals else None)
    if killed is None and (a.killed == 0 or b.killed == 0):
        killed = 0
    if injured is None and (a.injured == 0 or b.injured == 0):
        injured = 0
    actor1, actor2, explicit = a.actor1, a.actor2 or b.actor2, a.explicit
    if b.explicit and not a.explicit:
        actor1, actor2, explicit = b.actor1, b.actor2 or a.actor2, True
    return replace(
        a,
        actor1=actor1,
        explicit=explicit,
        sub_event_type=sub,
        weapon=weapon,
        actor2=actor2,
        killed=killed,
        injured=injured,
        date=a.date if a.date.key else b.date,
        spans=a.spans + b.spans,
        confidence=min(0.98, max(a.confidence, b.confidence) + 0.05),
        totals=a.totals and b.totals,
    )


def _max(a: int | None, b: int | None) -> int | None:
    if a is None:
        return b
    if b is None:
        return a
    return max(a, b)


def _finish(
    article: ParsedArticle, body: str, sentences: list[Sentence], drafts: list[_Draft]
) -> list[EventMention]:
    groups: list[_Draft] = []
    agreement: int | None = None
    for d in drafts:
        if d.event_type == STRATEGIC and d.sub_event_type == "Agreement":
            # one article tells one agreement: later mentions add to the first
            if agreement is None:
                agreement = len(groups)
                groups.append(d)
            else:
                groups[agreement] = _combine(groups[agreement], d)
            continue
        key = _merge_key(d)
        for k, g in enumerate(groups):
            if _merge_key(g) == key and _compatible(g.date, d.date) and _same_side(g, d):
                groups[k] = _combine(g, d)
                break
        else:
            groups.append(d)
    groups = _fold_regions(groups)
    groups = _drop_covered_interceptions(groups)
    groups = _drop_country_level(groups)
    return [_mention(article, body, sentences, g) for g in groups]


def _fold_regions(groups: list[_Draft]) -> list[_Draft]:
    """A region-level mention the article then tells town by town is those towns' events."""
    groups = list(groups)
    drop: set[int] = set()
    for i, g in enumerate(groups):
        w = g.where
        if w.level != "admin1" or w.distinct:
            continue
        towns = [
            k
            for k, t in enumerate(groups)
            if t.where.level in ("settlement", "district")
            and t.event_type == g.event_type
            and t.where.country == w.country
            and (t.where.admin1 == w.admin1 or (w.admin1 == "Crimea" and t.where.admin1 == "Sevastopol"))
            and _compatible(t.date, g.date)
            and not {s for s, _, _ in t.spans} & {s for s, _, _ in g.spans}
        ]
        if not towns:
            continue
        drop.add(i)
        for k in towns:
            t = groups[k]
            single = len(towns) == 1 and not g.totals  # one town: the region's figures are its figures
            groups[k] = replace(
                t,
                weapon=t.weapon or g.weapon,
                sub_event_type=t.sub_event_type or g.sub_event_type,
                date=t.date if t.date.key else g.date,
                killed=_max(t.killed, g.killed) if single else t.killed,
                injured=_max(t.injured, g.injured) if single else t.injured,
                spans=t.spans + g.spans,
            )
    return [g for i, g in enumerate(groups) if i not in drop]


def _drop_country_level(groups: list[_Draft]) -> list[_Draft]:
    """No country-level event for a wave whose places the article names."""
    out = []
    for g in groups:
        if (
            g.where.level == "country"
            and not (g.event_type == STRATEGIC and g.sub_event_type == "Agreement")
            and any(
                o.where.level != "country"
                and o.event_type == g.event_type
                and o.where.country == g.where.country
                and o.sub_event_type == g.sub_event_type
                for o in groups
            )
        ):
            continue
        out.append(g)
    return out


def _drop_covered_interceptions(groups: list[_Draft]) -> list[_Draft]:
    """Drones shot down where the same kind of drone still hit: the attack tells the incident."""
    out = []
    for g in groups:
        if (
            g.event_type == STRATEGIC
            and g.sub_event_type == "Disrupted weapons use"
            and any(
                o.event_type == EXPLOSIONS
                and o.where.country == g.where.country
                and o.where.admin1 == g.where.admin1
                and o.weapon == g.weapon
                and _compatible(o.date, g.date)
                for o in groups
            )
        ):
            continue
        out.append(g)
    return out


def _mention(article: ParsedArticle, body: str, sentences: list[Sentence], g: _Draft) -> EventMention:
    first = g.spans[0]
    near = [sp for sp in g.spans if abs(sp[0] - first[0]) <= 2]
    start = min(sp[1] for sp in near)
    end = max(sp[2] for sp in near)
    w = g.where
    mention_id = hashlib.sha256(
        f"{article.article_id}|{EXTRACTOR_VERSION}|{start}|{end}|{w.country}|{w.admin1}|{w.location}|"
        f"{g.event_type}|{g.sub_event_type}".encode()
    ).hexdigest()
    killed, injured = g.killed, g.injured
    if g.totals and g.event_type in _CASUALTY_TYPES:
        killed = injured = None
    elif g.event_type in _CASUALTY_TYPES:
        # reported with no figure at all: no deaths or injuries told for this incident
        killed = 0 if killed is None and injured is not None else killed
        injured = 0 if injured is None and killed is not None else injured
        if killed is None and injured is None:
            killed = injured = 0
    return EventMention(
        mention_id=mention_id,
        article_id=article.article_id,
        landed_date=article.landed_date,
        event_type=g.event_type,
        sub_event_type=g.sub_event_type,
        actor1=g.actor1,
        actor2=g.actor2,
        country=w.country,
        admin1=w.admin1,
        location=w.location,
        location_raw=w.location_raw,
        latitude=w.latitude,
        longitude=w.longitude,
        geonameid=w.geonameid,
        geo_precision=w.precision,
        weapon=g.weapon,
        fatalities=killed,
        injured=injured,
        event_date=g.date.day,
        time_precision=g.date.precision,
        evidence=body[start:end],
        evidence_start=start,
        evidence_end=end,
        confidence=round(g.confidence, 3),
        extractor_version=EXTRACTOR_VERSION,
    )
