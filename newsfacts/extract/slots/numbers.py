"""Killed and injured (guideline: "fatalities", "injured", "Tallies and tolls").

"at least N" codes N; number words and vague quantities come from the language's lexicon
("a dozen" 12, "several" 3, "десятки" 10). A casualty word with no number that can be tied to
it gives None (deaths reported without a figure); no casualty word gives 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.extract.lexicon import Hit
from newsfacts.extract.segment import Unit

_DIGITS_RE = re.compile(r"(?<![\w.,:/-])(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?![\w:/]|[.,]\d)")
_BEFORE_WINDOW = 70  # characters between a number and the casualty word after it
_AFTER_WINDOW = 45  # characters between a casualty word and the number after it
_PERSON_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Quantity:
    start: int
    end: int
    value: int


@dataclass(frozen=True, slots=True)
class Casualties:
    killed: int | None
    injured: int | None


def quantities(unit: Unit) -> list[Quantity]:
    """Numbers in digits and in words, without ages, years, clock times or weapon counts."""
    text = unit.text
    found: list[Quantity] = []
    for m in _DIGITS_RE.finditer(text):
        value = int(re.sub(r"\D", "", m.group(1)))
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
    ages = unit.of("age")
    weapons = [h for h in unit.hits if h.category == "weapon"]
    kept = []
    for q in sorted(found, key=lambda q: q.start):
        if any(0 <= a.start - q.end <= 3 or 0 <= q.start - a.end <= 3 for a in ages):
            continue
        if any(0 <= w.start - q.end <= 25 and _no_casualty_between(unit, q.end, w.start) for w in weapons):
            continue  # "24 drones", "71 missiles": a count of weapons, not of people
        kept.append(q)
    return kept


def _no_casualty_between(unit: Unit, start: int, end: int) -> bool:
    return not any(h.category == "casualty" and start <= h.start < end for h in unit.hits)


def casualties(unit: Unit, start: int = 0, end: int | None = None) -> Casualties:
    """Killed and injured told in unit.text[start:end]."""
    stop = len(unit.text) if end is None else end
    cues = [h for h in unit.of("casualty") if start <= h.start < stop]
    negated = any(start <= h.start < stop for h in unit.of("negation"))
    if not cues:
        return Casualties(0, 0)
    numbers = [q for q in quantities(unit) if start <= q.start < stop]
    people = [h for h in unit.of("person", "one") if start <= h.start < stop]
    taken: set[int] = set()
    result: dict[str, int | None] = {}
    for cue in cues:
        kind = str(cue.value)
        if result.get(kind) is not None:
            continue
        q = _nearest(cue, numbers, cues, taken)
        if q is not None:
            taken.add(q.start)
            result[kind] = q.value
        elif any(abs(p.start - cue.start) <= _PERSON_WINDOW for p in people):
            result[kind] = 1
        elif kind not in result:
            result[kind] = 0 if negated else None
    return Casualties(result.get("killed", 0), result.get("injured", 0))


def _nearest(cue: Hit, numbers: list[Quantity], cues: list[Hit], taken: set[int]) -> Quantity | None:
    best: tuple[int, Quantity] | None = None
    for q in numbers:
        if q.start in taken:
            continue
        if q.end <= cue.start:
            gap = cue.start - q.end
            if gap > _BEFORE_WINDOW or _cue_between(cues, q.end, cue.start, cue):
                continue
        elif q.start >= cue.end:
            gap = q.start - cue.end
            if gap > _AFTER_WINDOW or _cue_between(cues, cue.end, q.start, cue):
                continue
            gap += 5  # "two were killed" reads before "killed 2" when both are as near
        else:
            continue
        if best is None or gap < best[0]:
            best = (gap, q)
    return best[1] if best else None


def _cue_between(cues: list[Hit], start: int, end: int, own: Hit) -> bool:
    return any(c is not own and c.value != own.value and start <= c.start < end for c in cues)
