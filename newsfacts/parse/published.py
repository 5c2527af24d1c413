"""Publication dates: find full dates in short header lines, URLs and meta values.

Only complete dates (day, month, year) count as evidence; a month alone or a day without a
year is not a publication date. Nothing later than landed_date + 1 day is accepted.
"""

from __future__ import annotations

import re
from datetime import UTC, date, timedelta

# Month names (nominative and genitive where they differ) in the languages of conflict news.
_MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: (
        "january",
        "jan",
        "janvier",
        "janv",
        "enero",
        "ene",
        "gennaio",
        "gen",
        "janeiro",
        "januar",
        "jänner",
        "января",
        "январь",
        "янв",
        "січня",
        "січень",
        "stycznia",
        "styczeń",
        "ocak",
        "ianuarie",
    ),
    2: (
        "february",
        "feb",
        "février",
        "fevrier",
        "févr",
        "fev",
        "febrero",
        "febbraio",
        "fevereiro",
        "februar",
        "февраля",
        "февраль",
        "фев",
        "лютого",
        "лютий",
        "lutego",
        "luty",
        "şubat",
        "subat",
        "februarie",
    ),
    3: (
        "march",
        "mar",
        "mars",
        "marzo",
        "março",
        "marco",
        "märz",
        "marz",
        "марта",
        "март",
        "березня",
        "березень",
        "marca",
        "marzec",
        "mart",
        "martie",
    ),
    4: (
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "апреля",
        "апрель",
        "апр",
        "квітня",
        "квітень",
        "kwietnia",
        "kwiecień",
        "nisan",
        "aprilie",
    ),
    5: (
        "may",
        "mai",
        "mayo",
        "maggio",
        "mag",
        "maio",
        "мая",
        "май",
        "травня",
        "травень",
        "maja",
        "maj",
        "mayıs",
        "mayis",
    ),
    6: (
        "june",
        "jun",
        "juin",
        "junio",
        "giugno",
        "giu",
        "junho",
        "juni",
        "июня",
        "июнь",
        "червня",
        "червень",
        "czerwca",
        "czerwiec",
        "haziran",
        "iunie",
    ),
    7: (
        "july",
        "jul",
        "juillet",
        "juil",
        "julio",
        "luglio",
        "lug",
        "julho",
        "juli",
        "июля",
        "июль",
        "липня",
        "липень",
        "lipca",
        "lipiec",
        "temmuz",
        "iulie",
    ),
    8: (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "ago",
        "августа",
        "август",
        "авг",
        "серпня",
        "серпень",
        "sierpnia",
        "sierpień",
        "ağustos",
        "agustos",
    ),
    9: (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "set",
        "setembro",
        "сентября",
        "сентябрь",
        "сен",
        "вересня",
        "вересень",
        "września",
        "wrzesień",
        "eylül",
        "eylul",
        "septembrie",
    ),
    10: (
        "october",
        "oct",
        "octobre",
        "octubre",
        "ottobre",
        "ott",
        "outubro",
        "out",
        "oktober",
        "okt",
        "октября",
        "октябрь",
        "жовтня",
        "жовтень",
        "października",
        "październik",
        "ekim",
        "octombrie",
    ),
    11: (
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "ноября",
        "ноябрь",
        "листопада",
        "листопад",
        "listopada",
        "listopad",
        "kasım",
        "kasim",
        "noiembrie",
    ),
    12: (
        "december",
        "dec",
        "décembre",
        "decembre",
        "déc",
        "diciembre",
        "dic",
        "dicembre",
        "dezembro",
        "dez",
        "dezember",
        "декабря",
        "декабрь",
        "дек",
        "грудня",
        "грудень",
        "grudnia",
        "grudzień",
        "aralık",
        "aralik",
        "decembrie",
    ),
}
MONTHS: dict[str, int] = {name: num for num, names in _MONTH_NAMES.items() for name in names}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

# "25 March 2022", "4 ottobre 2023", "17 de diciembre de 2023", "26 декабря 2022", "10. März 2023"
_DMY_NAME = re.compile(
    rf"(\d(?<!\w\d)\d?)(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?({_MONTH_ALT})\.?,?\s+(?:de\s+|del\s+)?"
    rf"(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# "March 25, 2022", "Jun 09, 2023", "Sept. 3 2024"
_MDY_NAME = re.compile(
    rf"(?<![\w])({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE
)
# What follows the month in _MDY_NAME ("\s+25, 2022"): where it is missing, _MDY_NAME (which
# tries its hundreds of case-insensitive month names at every position) cannot match.
_MDY_TAIL = re.compile(r"\d(?<=\s\d)\d?(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)", re.IGNORECASE)
# A leading lookbehind makes re try a pattern at every position of the text: these (and
# _DMY_NAME, _URL_*) check what precedes the first digit after matching it
# (`(?<!\d)\d{4}` == `\d(?<!\d\d)\d{3}`), so re skips to the next digit in C.
_YEAR_GATE = re.compile(r"(?:1(?<!\d1)9|2(?<!\d2)0)\d\d(?!\d)")
_ISO = re.compile(r"(\d(?<!\d\d)\d{3})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(\d(?<![\d.]\d)\d?)([./-])(\d{1,2})\2(\d{4})(?!\d)")


def valid_date(year: int, month: int, day: int, latest: date | None = None) -> date | None:
    """A real calendar date, not before 1990 and not after `latest`."""
    if year < 1990 or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if latest is not None and found > latest:
        return None
    return found


def latest_allowed(landed: date | None) -> date | None:
    return landed + timedelta(days=1) if landed else None


def find_date(text: str, latest: date | None = None) -> date | None:
    """The first complete date written in `text` (month names in many languages, ISO, d.m.Y)."""
    if not _YEAR_GATE.search(text):  # every complete date carries a four-digit year
        return None
    best: tuple[int, date] | None = None
    for regex, order in ((_DMY_NAME, "dmy"), (_MDY_NAME, "mdy")):
        if order == "mdy" and not _MDY_TAIL.search(text):
            continue  # no match can exist: the month-first scan is the costly one
        for m in regex.finditer(text):
            if order == "dmy":
                day, month, year = int(m[1]), MONTHS[m[2].lower()], int(m[3])
            else:
                month, day, year = MONTHS[m[1].lower()], int(m[2]), int(m[3])
            found = valid_date(year, month, day, latest)
            if found and (best is None or m.start() < best[0]):
                best = (m.start(), found)
            if found:
                break
    m = _ISO.search(text)
    if m:
        found = valid_date(int(m[1]), int(m[2]), int(m[3]), latest)
        if found and (best is None or m.start() < best[0]):
            best = (m.start(), found)
    m = _NUMERIC.search(text)
    if m:
        first, second, year = int(m[1]), int(m[3]), int(m[4])
        # Day first (European order) unless that is impossible; US sites write m/d/Y with slashes.
        if (m[2] == "/" and first <= 12 < second) or second > 12 >= first:
            first, second = second, first
        found = valid_date(year, second, first, latest)
        if found and (best is None or m.start() < best[0]):
            best = (m.start(), found)
    return best[1] if best else None


def has_date(text: str) -> bool:
    return find_date(text) is not None


# URL shapes: /2022/09/21/, /2023/1/16/, /2022/0325/, 2022-09-22-slug, -20220329-, slug-4-ottobre-2023
_URL_YMD_PATH = re.compile(r"/(20\d\d|199\d)/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])")
_URL_Y_MMDD = re.compile(r"/(20\d\d|199\d)/(\d\d)(\d\d)(?=/)")
_URL_YMD_DASH = re.compile(r"(2(?<!\d2)0\d\d|1(?<!\d1)99\d)[-_](\d\d)[-_](\d\d)(?!\d)")
_URL_COMPACT = re.compile(r"(2(?<!\d2)0\d\d)(\d\d)(\d\d)(?!\d)")
_URL_SLUG_NAME = re.compile(rf"(\d(?<![a-z0-9]\d)\d?)-({_MONTH_ALT})-(20\d\d)(?!\d)", re.IGNORECASE)


def date_from_url(url: str, latest: date | None = None) -> date | None:
    """A complete date written in the URL path, or None."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    if not path:
        return None
    for regex in (_URL_YMD_PATH, _URL_Y_MMDD, _URL_YMD_DASH, _URL_COMPACT):
        m = regex.search(path)
        if m:
            found = valid_date(int(m[1]), int(m[2]), int(m[3]), latest)
            if found:
                return found
    m = _URL_SLUG_NAME.search(path)
    if m:
        return valid_date(int(m[3]), MONTHS[m[2].lower()], int(m[1]), latest)
    return None


_META_ISO = re.compile(r"^\s*(\d{4})-?(\d{2})-?(\d{2})")


def parse_date_value(value: object, latest: date | None = None) -> date | None:
    """A date from a record field or meta tag: ISO strings, epoch seconds, free text."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        from datetime import datetime

        seconds = float(value) / (1000 if value > 1e11 else 1)
        try:
            found = datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
        return valid_date(found.year, found.month, found.day, latest)
    text = str(value).strip()
    if not text:
        return None
    m = _META_ISO.match(text)
    if m:
        return valid_date(int(m[1]), int(m[2]), int(m[3]), latest)
    found = find_date(text, latest)
    if found:
        return found
    try:
        from dateutil import parser as date_parser

        parsed = date_parser.parse(text, fuzzy=False, dayfirst=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not re.search(r"\d{4}", text):  # dateutil fills a missing year with the current one
        return None
    return valid_date(parsed.year, parsed.month, parsed.day, latest)
