"""Event dates: calendar dates, weekdays, "overnight", "yesterday", resolved against the published date.

The guideline: resolve a date only when the text ties the incident to a day; "overnight" and
"the night of X to Y" code the morning it ended; "X said on Thursday that ..." dates the
announcement, not the incident (null). ACLED's time_precision is 1 when a day is resolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    # Russian genitive ("12 марта")
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
    # Russian accusative after "в"/"во" ("в среду")
    "понедельник": 0,
    "вторник": 1,
    "среду": 2,
    "четверг": 3,
    "пятницу": 4,
    "субботу": 5,
    "воскресенье": 6,
}
_MONTH = r"(?P<{}>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?:de\s+)?(?P<{}>(?:19|20)\d\d))?"


def trie_regex(words: list[str]) -> str:
    """A prefix-tree alternation: the regex engine tries one branch per first letter, not one per word."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        if "" in node:  # a cue word ends here: shorter prefixes already match
            return ""
        parts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(tree)


def _word_trie_regex(phrases: list[str]) -> str:
    """A prefix-tree alternation of whole words or phrases: each ends at a word boundary, and a blank
    inside a phrase matches any run of white space."""
    tree: dict[str, dict] = {}
    for w in phrases:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        parts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch
        ]
        if "" in node:
            parts.append(r"\b")
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return emit(tree)


# The words (or first words of phrases) a date expression can start with: a lookahead on them lets the
# scan skip the full alternation at almost every position of the text. Whole words and phrases, not
# prefixes: "a week ago" opens with "a week", never "another"; "in early May" with "in early".
_STARTS = sorted(
    {*_MONTHS, *_WEEKDAYS, "on", "early", "late", "this", "last", "next", "el", "este", "esta", "today",
     "tonight", "earlier", "hoy", "overnight", "during the", "in the early", "in early", "in mid",
     "in late", "anoche", "durante", "la pasada", "этой", "минувшей", "ночью", "сегодня", "yesterday",
     "ayer", "вчера", "days ago", "a week", "the previous"},
    key=len,
    reverse=True,
)  # fmt: skip
_DATE_RE = re.compile(
    r"(?=\d|\b"
    + _word_trie_regex(_STARTS)
    + r")(?:"
    + "|".join(
        [
            r"(?P<iso>(?P<iy>20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))",
            r"(?P<num>\b(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./](?P<ny>20\d\d)\b)",
            # "night of 9-10 August", "9 to 10 August": the second day
            r"(?P<span>\b[0-3]?\d\s*(?:-|–|to|al|y)\s*"
            + _DAY.format("sd")
            + r"\s+(?:de\s+)?"
            + _MONTH.format("sm")
            + _YEAR.format("sy")
            + ")",
            r"(?P<dm>\b"
            + _DAY.format("dd")
            + r"\s+(?:de\s+)?"
            + _MONTH.format("dmm")
            + _YEAR.format("dy")
            + r")",
            r"(?P<md>\b"
            + _MONTH.format("mdm")
            + r"\s+"
            + _DAY.format("mdd")
            + r"\b(?!\s*(?:km|%|people))"
            + _YEAR.format("mdy")
            + ")",
            r"(?P<wd>\b(?:(?:on|early|late|this|last|next|el|este|esta|el pasado)\s+)?(?P<wday>"
            + _WEEKDAY
            + r")(?:'s|’s)?\b)",
            r"(?P<today>\b(?:today|this morning|this afternoon|this evening|tonight|earlier today|hoy"
            r"|esta mañana|esta tarde|esta madrugada|esta noche|сегодня)\b)",
            r"(?P<night>\b(?:overnight|last night|during the night(?! of \d)|in the early hours|anoche"
            r"|durante la noche"
            r"|la pasada noche|этой ночью|минувшей ночью|ночью)\b)",
            r"(?P<yday>\b(?:yesterday|ayer|вчера)\b)",
            # a time that is not a day: keeps the incident apart from one on a known day
            r"(?P<period>\b(?:in (?:early|mid|late) (?:"
            + "|".join(k for k in _MONTHS if len(k) > 3)
            + r")|last (?:week|month)|earlier this (?:week|month)|a week ago|days ago|the previous week)\b)",
        ]
    )
    .lower()
    .replace("(?p<", "(?P<")
    + ")",  # matched against lower-cased text: much faster than IGNORECASE
)
_ANNOUNCED_RE = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|told [\w\s]{1,25}?|stated|confirmed|wrote|added|"
    r"informó|dijo|declaró|anunció|indicó|сообщил\w*|заявил\w*)\s*(?:on\s+|este\s+|el\s+)?$",
    re.IGNORECASE,
)
_YEAR_REF_RE = re.compile(
    r"\b(?:in|since|from|during|of|back in)\s+(?:(?:early|mid|late)[- ])?(?:(?P<m>"
    + "|".join(k for k in _MONTHS if len(k) > 3)
    + r")\s+)?(?P<y>(?:19|20)\d\d)\b|\b(?P<ago>last year|years? ago|a year ago|months ago)\b"
    + r"|\b(?:in|since|back in)\s+(?:(?:early|mid|late)[- ])?(?P<mo>"
    + "|".join(k for k in _MONTHS if len(k) > 3 and k != "march")
    + r")\b(?!\s+\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateRef:
    """A resolved day (or None) and a key telling incidents at different times apart."""

    day: date | None
    key: str | None  # ISO day, "period:<text>" for a non-day time, None when the text gives no time
    precision: int | None  # ACLED time_precision: 1 when a day is resolved


NO_DATE = DateRef(None, None, None)


def resolve_date(text: str, published: date | None) -> DateRef:
    """The first incident date the text gives (announcement dates skipped)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    matches = list(_DATE_RE.finditer(lowered))
    for i, m in enumerate(matches):
        kind = m.lastgroup
        if kind is None:
            continue
        if (
            kind == "wd"
            and i + 1 < len(matches)
            and matches[i + 1].start() - m.end() < 6
            and matches[i + 1].lastgroup in ("iso", "num", "dm", "md")
        ):
            continue  # "Friday, March 11", "domingo (17.12.2023)": the calendar date is exact
        if kind in ("wd", "today") and _ANNOUNCED_RE.search(text, max(0, m.start() - 40), m.start()):
            continue
        day = _resolve(m, kind, published)
        if kind == "period":
            return DateRef(None, "period:" + m.group(0).lower(), None)
        if day is not None:
            return DateRef(day, day.isoformat(), 1)
    return NO_DATE


def _resolve(m: re.Match[str], kind: str, published: date | None) -> date | None:
    try:
        if kind == "iso":
            return date(int(m["iy"]), int(m["im"]), int(m["id"]))
        if kind == "num":
            return date(int(m["ny"]), int(m["nm"]), int(m["nd"]))
        if kind == "span":
            return _day_month(int(m["sd"]), m["sm"], m["sy"], published)
        if kind == "dm":
            return _day_month(int(m["dd"]), m["dmm"], m["dy"], published)
        if kind == "md":
            return _day_month(int(m["mdd"]), m["mdm"], m["mdy"], published)
    except ValueError:
        return None
    if published is None:
        return None
    if kind == "wd":
        back = (published.weekday() - _WEEKDAYS[m["wday"].lower()]) % 7
        if back == 0 and m.group(0).lower().startswith(("last", "el pasado")):
            back = 7
        return published - timedelta(days=back)
    if kind in ("today", "night"):
        return published
    if kind == "yday":
        return published - timedelta(days=1)
    return None


def _day_month(day: int, month_name: str, year: str | None, published: date | None) -> date | None:
    month = _MONTHS[month_name.lower().rstrip(".")]
    if year:
        return date(int(year), month, day)
    if published is None:
        return None
    guess = date(published.year, month, day)
    if guess > published + timedelta(days=2):  # "28 December" in a January article
        guess = date(published.year - 1, month, day)
    return guess


_MONTH_HINTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def is_historical(text: str, published: date | None, days: int = 45) -> bool:
    """True when the text places itself well before the article ("in November 2022", "last year")."""
    low = text.lower()
    if (
        "ago" not in low
        and "year" not in low
        and not any(m in low for m in _MONTH_HINTS)
        and not any(y in low for y in ("19", "20"))
    ):
        return False  # none of the words a past reference needs
    for m in _YEAR_REF_RE.finditer(text):
        if m["ago"]:
            return True
        if published is None:
            continue
        if m["mo"]:
            # a month without a year: the latest such month not after the article
            month = _MONTHS[m["mo"].lower()]
            year = published.year if month <= published.month else published.year - 1
            if date(year, month, 28) < published - timedelta(days=days):
                return True
            continue
        year = int(m["y"])
        month = _MONTHS[m["m"].lower()] if m["m"] else 12
        if date(year, month, 28 if m["m"] else 31) < published - timedelta(days=days):
            return True
    return False


def explicit_day_is_old(ref: DateRef, published: date | None, days: int = 45) -> bool:
    return ref.day is not None and published is not None and ref.day < published - timedelta(days=days)
