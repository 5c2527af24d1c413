"""Event dates (guideline: "Dates").

A date is coded only where the text ties the incident to a day: a calendar date, a weekday,
"today", "yesterday", "overnight", "last night". "Overnight" and "the night of X to Y" code
the morning it ended; a weekday or date that dates an announcement ("said on Thursday")
does not date the incident; a regional toll "over the past day" has no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from newsfacts.extract.lexicon import Hit
from newsfacts.extract.segment import Unit

_DAY_BEFORE_RE = re.compile(r"(?<!\d)([0-3]?\d)(?:st|nd|rd|th|er|\.|-?го|-?е|º|°)?(?:\s+(?:de|of|du))?\s*$")
_DAY_AFTER_RE = re.compile(r"^\.?\s*([0-3]?\d)(?:st|nd|rd|th)?(?!\d)")
_YEAR_AFTER_RE = re.compile(r"^(?:\.?,?\s*(?:de\s+|del\s+)?)((?:19|20)\d\d)(?!\d)")
_NUMERIC_RE = re.compile(
    r"(?<![\d.])([0-3]?\d)\.([01]?\d)\.((?:19|20)\d\d)(?!\d)|((?:19|20)\d\d)-(\d\d)-(\d\d)"
)
_NUMERIC_HINT_RE = re.compile(r"\d[.-]\d")  # in every match of _NUMERIC_RE; opens with a class
_DATELINE_END_RE = re.compile(r"^\s*(?:\(|—|–|-\s)")
_CLOCK_RE = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.:])|\b\d{1,2}\s?[ap]\.m\.")
_CLOCK_HINT_RE = re.compile(r"\d[:.]\d")  # opens with a class: the engine skips to the digits
_DAY_NUMBER_RE = re.compile(r"\s+([0-3]?\d)(?!\d)")
_ANNOUNCE_GAP = 14  # "said on Thursday", "reported on Sept. 15", "заявил в пятницу"
_RANGE_GAP = 20  # "between the morning of May 27 and ..."


def _clock(text: str) -> bool:
    """A time of day: "14:30", "at 9.15", "6 a.m."."""
    return bool((_CLOCK_HINT_RE.search(text) or "m." in text) and _CLOCK_RE.search(text))


@dataclass(frozen=True, slots=True)
class DateRef:
    value: date | None
    basis: str | None  # calendar, weekday, relative, overnight, night_of, past_day
    precision: int | None  # ACLED time precision: 1 day


NO_DATE = DateRef(None, None, None)


class _Found(NamedTuple):
    """A date expression: a named tuple, cheaper to build than a frozen dataclass."""

    start: int
    end: int
    value: date | None
    basis: str


def resolve(unit: Unit, published: date | None, start: int = 0, end: int | None = None) -> DateRef:
    if start == 0 and end is None:
        # every draft of a sentence, and the story's date, ask for the whole sentence's date
        return unit.remember(("resolve", published), lambda: _resolve(unit, published, 0, len(unit.text)))
    return _resolve(unit, published, start, len(unit.text) if end is None else end)


def _resolve(unit: Unit, published: date | None, start: int, stop: int) -> DateRef:
    found = [f for f in _expressions(unit, published) if start <= f.start < stop]
    night = [h for h in unit.of("night") if start <= h.start < stop]
    announce = unit.of("announce")
    if any(h.value == "past_day" for h in night):
        return NO_DATE
    if any(h.value == "night_to" for h in night):
        after = [
            f
            for f in found
            if f.basis in ("calendar", "weekday")
            and f.value is not None
            and any(h.value == "night_to" and 0 <= f.start - h.end <= 40 for h in night)
        ]
        if after:
            # "the night of 13 to 14 December": the last day named is the morning it ended
            last = max(after, key=lambda f: f.start)
            value = last.value
            to_day = _to_day(unit, last.end)
            if to_day is not None and value is not None:
                value = _safe_date(value.year, value.month, to_day) or value  # "May 11 to 12"
            return DateRef(value, "night_of", 1)
    ranges = unit.of("range")
    if any(f.basis == "calendar" and 0 <= f.start - r.end <= _RANGE_GAP for f in found for r in ranges):
        return NO_DATE  # "between August 4 and 16": a span, not a day
    since = unit.of("since")
    found = [f for f in found if not any(0 <= f.start - s.end <= 6 for s in since)]  # "since July 22"
    incident = [f for f in found if not _announced(f, announce, unit.text)]
    for f in incident:
        if f.basis in ("calendar", "weekday") and f.value is not None:
            return DateRef(f.value, f.basis, 1)
    for f in incident:
        if f.basis == "relative" and f.value is not None:
            return DateRef(f.value, "relative", 1)
    if any(h.value == "overnight" for h in night) and published is not None:
        return DateRef(published, "overnight", 1)
    if published is not None and not found and _clock(unit.text):
        return DateRef(published, "clock", 1)  # "around 14:00 the Russians struck ...": a same-day report
    return NO_DATE


def days(unit: Unit, published: date | None) -> list[tuple[int, int, date]]:
    """Every day a sentence ties its incidents to, with where it is written ("overnight on
    Tuesday, and with drones on Wednesday and Thursday"): for splitting one sentence into one
    event per day. Announcement days, spans and days after "since" are left out."""
    expressions = _expressions(unit, published)
    if not expressions:
        return []  # most sentences: nothing else is read
    if unit.of("range") or any(h.value in ("night_to", "past_day") for h in unit.of("night")):
        return []
    announce = unit.of("announce")
    since = unit.of("since")
    out = []
    for f in expressions:
        if f.basis not in ("calendar", "weekday") or f.value is None or _announced(f, announce, unit.text):
            continue
        if any(0 <= f.start - s.end <= 6 for s in since):
            continue
        out.append((f.start, f.end, f.value))
    return out


def _announced(f: _Found, announce: list[Hit], text: str) -> bool:
    if f.basis == "relative":
        return False
    return any(0 <= f.start - a.end <= _ANNOUNCE_GAP for a in announce)


def _expressions(unit: Unit, published: date | None) -> list[_Found]:
    return unit.remember(("dates", published), lambda: _find_expressions(unit, published))


def _find_expressions(unit: Unit, published: date | None) -> list[_Found]:
    text = unit.text
    out: list[_Found] = []
    for h in unit.of("month"):
        day = year = None
        start, end = h.start, h.end
        m = _DAY_BEFORE_RE.search(text, max(0, h.start - 12), h.start)
        if m:
            day, start = int(m.group(1)), m.start(1)
        else:
            m = _DAY_AFTER_RE.match(text[h.end : h.end + 8])
            if m:
                day, end = int(m.group(1)), h.end + m.end(1)
        if day is None or not 1 <= day <= 31:
            continue
        y = _YEAR_AFTER_RE.match(text[end : end + 12])
        if y:
            year = int(y.group(1))
        after_year = end + (y.end() if y else 0)
        if start < 48 and _DATELINE_END_RE.match(text[after_year : after_year + 4]):
            continue  # "KYIV, May 16 (Reuters) -": the filing date, not the incident's
        out.append(_Found(start, end, _calendar(day, int(h.value), year, published), "calendar"))
    # "16.05.2024" and "2024-05-16" have two separators and a digit on each side of one: most
    # sentences are spared the regex, which opens with a lookbehind and so tries every position
    numeric = (
        _NUMERIC_RE.finditer(text)
        if (text.count(".") >= 2 or text.count("-") >= 2) and _NUMERIC_HINT_RE.search(text)
        else ()
    )
    for m in numeric:
        if m.group(1):
            d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            y, mo, d = int(m.group(4)), int(m.group(5)), int(m.group(6))
        out.append(_Found(m.start(), m.end(), _safe_date(y, mo, d), "calendar"))
    for h in unit.of("weekday"):
        if any(f.start <= h.start < f.end + 3 for f in out if f.basis == "calendar"):
            continue  # "Friday 23 May": the calendar date says it
        out.append(_Found(h.start, h.end, _weekday(unit, h, published), "weekday"))
    for h in unit.of("relday"):
        value = published + timedelta(days=int(h.value)) if published else None
        out.append(_Found(h.start, h.end, value, "relative"))
    return sorted(out, key=lambda f: f.start)


def _to_day(unit: Unit, end: int) -> int | None:
    """The day after "to" in "the night of May 11 to 12"."""
    for h in unit.of("span_to"):
        if 0 <= h.start - end <= 2:
            m = _DAY_NUMBER_RE.match(unit.text, h.end)
            if m:
                return int(m.group(1))
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _calendar(day: int, month: int, year: int | None, published: date | None) -> date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if published is None:
        return None
    value = _safe_date(published.year, month, day)
    if value is not None and value > published + timedelta(days=1):
        value = _safe_date(published.year - 1, month, day)  # "on 28 December" in a January article
    return value


def _weekday(unit: Unit, h: Hit, published: date | None) -> date | None:
    """The latest such weekday on or before publication (before it, for "last Tuesday")."""
    if published is None:
        return None
    back = (published.weekday() - int(h.value)) % 7
    # "last" matters only for the weekday of publication: only then is the lazy category read
    if back == 0 and any(0 <= h.start - p.end <= 2 for p in unit.of("previous")):
        back = 7
    return published - timedelta(days=back)


def days_before(value: date | None, published: date | None) -> int | None:
    if value is None or published is None:
        return None
    return (published - value).days
