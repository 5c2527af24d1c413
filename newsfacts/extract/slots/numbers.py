"""Killed and injured (guideline: "fatalities", "injured", "Tallies and tolls").

"at least N" codes N; number words and vague quantities come from the language's lexicon
("a dozen" 12, "several" 3, "десятки" 10). A casualty word with no number that can be tied to
it gives None (deaths reported without a figure); no casualty word gives 0.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from newsfacts.extract.lexicon import Hit
from newsfacts.extract.segment import Unit

# A number in digits, "1,250" or "12", not inside a word, a decimal, a time or a path. It starts with
# the digit and looks behind it from there: a pattern that opens with a character class lets the
# regex engine jump from digit to digit instead of trying every position of the sentence.
_DIGITS_RE = re.compile(r"(\d(?<![\w.,:/-]\d)(?:\d{0,2}(?:[,\u00a0\u202f ]\d{3})+|\d*))(?![\w:/]|[.,]\d)")
_NON_DIGIT_RE = re.compile(r"\D")  # the separators of "1,250"
_BEFORE_WINDOW = 70  # characters between a number and the casualty word after it
_AFTER_WINDOW = 45  # characters between a casualty word and the number after it
_PERSON_WINDOW = 40
_SUBSET_REACH = 12
_SUBJECT_GAP = 16  # "a woman was killed", "an elderly man died"
_TOLL_WINDOW = 120  # "death toll ... has risen to N" reads across the place and the attack


class Quantity(NamedTuple):
    """A number told in a sentence. A named tuple: a sentence makes several, and a tuple is built
    several times faster than a frozen dataclass."""

    start: int
    end: int
    value: int


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None
    injured: int | None


_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, hyphen-joined ("vingt-trois")
_LETTER_RE = re.compile(r"[^\W\d_]")
# Languages whose compound number words text2num reads ("vingt-trois", "dreiundzwanzig").
TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "de", "pt", "it"})
_WORD_WINDOW = 40  # number words are looked for this close to a casualty word


def _compound_words(unit: Unit, language: str, taken: list[Quantity]) -> list[Quantity]:
    """Compound number words the lexicon does not list, read by text2num near casualty words."""
    out: list[Quantity] = []
    text = unit.text
    for lo, hi in _windows([c.start for c in unit.of("casualty")]):
        # only words starting within _WORD_WINDOW of a casualty word count: the rest is not read
        first = True
        for m in _WORD_RE.finditer(text, lo):
            start, end = m.span()  # read once: this loop runs for every word of every window
            if start > hi:
                break
            if first:
                first = False
                if _inside_word(text, start):
                    continue  # the window opens inside a word: its tail is not a word of its own
            if end - start < 6 or (end - start < 9 and "-" not in m.group()):
                continue  # compound number words: "vingt-trois", "dreiundzwanzig", "veintitrés"
            if any(q.start <= start < q.end for q in taken):
                continue
            value = _number_word(m.group().lower(), language)
            if value is not None and value > 0:
                out.append(Quantity(start, end, value))
    return out


def _inside_word(text: str, i: int) -> bool:
    """Whether a word of _WORD_RE that starts before `i` runs on through it."""
    if i == 0:
        return False
    if _LETTER_RE.match(text, i - 1):
        return True
    return text[i - 1] == "-" and i > 1 and _LETTER_RE.match(text, i - 2) is not None


def _windows(starts: list[int]) -> list[tuple[int, int]]:
    """Where a word may start to be within _WORD_WINDOW of one of these offsets, overlaps merged."""
    out: list[tuple[int, int]] = []
    for s in sorted(starts):
        lo, hi = max(0, s - _WORD_WINDOW), s + _WORD_WINDOW
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@lru_cache(maxsize=65_536)
def _number_word(word: str, language: str) -> int | None:
    from text_to_num import text2num

    try:
        return text2num(word, language)
    except ValueError:
        return None


def quantities(unit: Unit, language: str = "en") -> list[Quantity]:
    """Numbers in digits and in words, without ages, years, clock times or weapon counts."""
    # read once per sentence: every place and cue in it asks
    return unit.remember(("quantities", language), lambda: _quantities(unit, language))


def _quantities(unit: Unit, language: str) -> list[Quantity]:
    text = unit.text
    found: list[Quantity] = []
    for m in _DIGITS_RE.finditer(text):
        value = int(_NON_DIGIT_RE.sub("", m.group(1)))
        if 1900 <= value <= 2100 and len(m.group(1)) == 4:
            continue  # a year
        found.append(Quantity(m.start(1), m.end(1), value))
    words = sorted((h for h in unit.hits if h.category in ("number", "vague")), key=lambda h: h.start)
    i = 0
    while i < len(words):
        h = words[i]
        value, end = int(h.value), h.end
        # "twenty-three", "двадцять три": a tens word followed by a unit word adds up
        if i + 1 < len(words) and value % 10 == 0 and 20 <= value < 100:
            nxt = words[i + 1]
            if nxt.start - end <= 1 and int(nxt.value) < 10:
                value, end = value + int(nxt.value), nxt.end
                i += 1
        found.append(Quantity(h.start, end, value))
        i += 1
    if language in TEXT2NUM_LANGUAGES and unit.has("casualty"):
        found += _compound_words(unit, language, found)
    ages = unit.of("age")
    months = unit.of("month")
    weapons = unit.of("weapon")
    subsets = unit.of("subset")
    kept = []
    for q in sorted(found, key=lambda q: q.start):
        if any(0 <= q.start - h.end <= _SUBSET_REACH for h in subsets):
            continue  # "30 injured, including five children": a part of the toll, not the toll
        if any(0 <= a.start - q.end <= 3 or 0 <= q.start - a.end <= 3 for a in ages):
            continue
        if any(0 <= m.start - q.end <= 2 or 0 <= q.start - m.end <= 2 for m in months):
            continue  # "23 April", "May 5": a day of the month
        if any(0 <= w.start - q.end <= 25 and _no_casualty_between(unit, q.end, w.start) for w in weapons):
            continue  # "24 drones", "71 missiles": a count of weapons, not of people
        kept.append(q)
    return kept


def _no_casualty_between(unit: Unit, start: int, end: int) -> bool:
    return not any(start <= h.start < end for h in unit.of("casualty"))


def casualties(unit: Unit, start: int = 0, end: int | None = None, language: str = "en") -> Casualties:
    """Killed and injured told in unit.text[start:end]."""
    stop = len(unit.text) if end is None else end
    # each draft of a sentence asks for its span
    return unit.remember(
        ("casualties", start, stop, language), lambda: _casualties(unit, start, stop, language)
    )


_NO_CASUALTIES = Casualties(0, 0)  # immutable: one shared for every sentence without a casualty word


def _casualties(unit: Unit, start: int, stop: int, language: str) -> Casualties:
    negations = unit.of("negation")
    # "пострадавших нет", "no one was injured": a casualty word inside a negation counts nobody
    cues = [
        h
        for h in unit.of("casualty")
        if start <= h.start < stop and not any(n.start <= h.start < n.end for n in negations)
    ]
    negated = any(start <= h.start < stop for h in negations)
    if not cues:
        return _NO_CASUALTIES
    numbers = [
        q
        for q in quantities(unit, language)
        if start <= q.start < stop and not any(n.start <= q.start < n.end for n in negations)
    ]
    # one person named as such: "a man", "a 9-year-old"
    people = [h for h in unit.of("person", "one") + unit.of("age") if start <= h.start < stop]
    people.sort(key=lambda h: h.start)
    # each number goes to the casualty word nearest to it, nearest pairs first, so that in
    # "the dead included a child while 42 people were injured" 42 is the injured
    rises = unit.of("rise")
    pairs = sorted(
        (gap, i, j)
        for i, cue in enumerate(cues)
        for j, q in enumerate(numbers)
        if (gap := _gap(cue, q, cues, rises)) is not None
    )
    counts: dict[int, int] = {}
    used: set[int] = set()
    # "A man died and four others were injured", "ранен мужчина": a casualty word whose subject is a
    # person named one by one counts those persons, whatever number follows
    for i, cue in enumerate(cues):
        subject = [
            p
            for p in people
            if 0 <= cue.start - p.end <= _SUBJECT_GAP and _bare(unit.text[p.end : cue.start])
        ]
        after = [p for p in people if 0 <= p.start - cue.end <= 3 and _bare(unit.text[cue.end : p.start])]
        if (subject or after) and not any(0 <= cue.start - q.end <= _SUBJECT_GAP + 12 for q in numbers):
            counts[i] = _people_named(unit, people, cue) if subject else 1
    for _gap_chars, i, j in pairs:
        if i in counts or j in used:
            continue
        counts[i] = numbers[j].value
        used.add(j)
    result: dict[str, int | None] = {}
    for i, cue in enumerate(cues):
        kind = str(cue.value)
        if result.get(kind) is not None:
            continue
        if i in counts:
            result[kind] = counts[i]
        elif negated:
            result[kind] = 0
        elif near := [p for p in people if abs(p.start - cue.start) <= _PERSON_WINDOW + 30]:
            # "a 41-year-old man and a 39-year-old woman were injured": one for each person named
            result[kind] = _people_named(unit, near, cue)
        elif kind not in result:
            result[kind] = 0 if negated else None
    return Casualties(result.get("killed", 0), result.get("injured", 0))


def _bare(gap: str) -> bool:
    """Nothing but a verb's helpers between a subject and its verb: no comma, no clause."""
    return "," not in gap and len(gap.split()) <= 2


def _people_named(unit: Unit, people: list[Hit], cue: Hit) -> int:
    before = sorted((p for p in people if p.end <= cue.start), key=lambda p: p.start)
    count = 1
    for a, b in itertools.pairwise(before):
        # the conjunctions are a lazy category (a regex pass): read only for two persons close together
        if b.start - a.end < 40 and any(
            a.end <= j.start and j.end <= b.start for j in unit.of("conjunction")
        ):
            count += 1
    return count


def _gap(cue: Hit, q: Quantity, cues: list[Hit], rises: list[Hit]) -> int | None:
    """Characters between a casualty word and a number it may count, or None where it cannot."""
    if q.end <= cue.start:
        gap = cue.start - q.end
        if gap > _BEFORE_WINDOW or _cue_between(cues, q.end, cue.start, cue):
            return None
        return gap
    if q.start >= cue.end:
        gap = q.start - cue.end
        if gap > _TOLL_WINDOW:
            return None  # beyond every window: the cues between need not be looked at
        if _cue_between(cues, cue.end, q.start, cue):
            return None
        if gap > _AFTER_WINDOW:
            # "the death toll from the strike in Zaporizhzhia has risen to eight"
            if not any(cue.end <= r.start and r.end <= q.start for r in rises):
                return None
            return gap
        return gap + 5  # "two were killed" reads before "killed 2" when both are as near
    return None


def _cue_between(cues: list[Hit], start: int, end: int, own: Hit) -> bool:
    return any(start <= c.start < end and c is not own and c.value != own.value for c in cues)
