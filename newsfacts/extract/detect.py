"""Stage 2, detect: the incident cues of a sentence, with what is not an event left out.

Guideline, "What is not an event": threats, demands, plans, forecasts and hypotheticals (a
modal word in front of the cue), tallies over months and historical comparisons (a history
word in the sentence) are not coded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfacts.extract.segment import Unit

# Families of cue, from the lexicon's [cue] table, and what they code.
STRIKE = "strike"
DAMAGE = "damage"
INTERCEPT = "intercept"
CAPTURE = "capture"
LIBERATE = "liberate"
CLASH = "clash"
PROTEST = "protest"
RIOT = "riot"
ARREST = "arrest"
EXCHANGE = "exchange"
CEASEFIRE = "ceasefire"
SABOTAGE = "sabotage"
EXECUTION = "execution"
ABDUCTION = "abduction"
CASUALTY = "casualty"  # a toll with no action word: an attack told by its victims

_MODAL_REACH = 40  # characters from a modal word to the cue it governs
_HABIT_REACH = 60  # "greift ... regelmäßig mit Drohnen an": a habit word anywhere in the clause


@dataclass(frozen=True, slots=True)
class Cue:
    family: str
    start: int
    end: int


def horizon(unit: Unit) -> int:
    """Where history starts in a sentence ("..., a year after an attack there that killed 20"):
    what comes after it is not coded."""
    cached = unit.memo.get("horizon")
    if isinstance(cached, int):
        return cached
    starts = [h.start for h in unit.of("history")]
    # "since 2024", "с 2022 года", "desde 2014": a span of years
    starts += [h.start for h in unit.of("since") if _YEAR_RE.match(unit.text, h.end)]
    # "the deadliest since a September 30 strike": what follows is a comparison with the past
    months = unit.of("month")
    starts += [h.start for h in unit.of("since") if any(0 <= m.start - h.end <= 12 for m in months)]
    # "the tenth sabotage in 2023": a count over a year, not an incident
    starts += [h.start for h in unit.of("locative") if _BARE_YEAR_RE.match(unit.text, h.end)]
    unit.memo["horizon"] = found = min(starts, default=len(unit.text))
    return found


_BARE_YEAR_RE = re.compile(r"\s+(?:19|20)\d\d(?![\d-])")
_YEAR_RE = re.compile(r"\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:19|20)\d\d")


_FUTURE_AFTER = frozenset(
    {"will", "would", "could", "might", "may", "can", "cannot", "can't", "should", "must"}
)


def detect(unit: Unit) -> list[Cue]:
    if unit.has("nonevent"):
        return []  # sanctions, deliveries of weapons: policy, not an incident
    limit = horizon(unit)
    months = unit.of("month")
    # "May 16" is a date, not "may"
    modals = [m for m in unit.of("modal") if not any(o.start == m.start for o in months)]
    negations = unit.of("negation")
    habitual = unit.of("habitual")
    cues: list[Cue] = []
    for h in unit.hits:
        if h.category == "cue":
            family = str(h.value)
        elif h.category == "casualty":
            family = CASUALTY
        else:
            continue
        if h.start >= limit:
            continue
        if any(n.start <= h.start < n.end for n in negations):
            continue  # "no damage was reported", "no one was injured"
        if any(
            0 <= h.start - m.end <= _MODAL_REACH for m in modals if unit.text[m.start : m.end].lower() != "to"
        ):
            continue
        if any(0 <= h.start - m.end <= 1 for m in modals):
            continue  # "to strike deep inside Russia": an aim, not a deed
        if any(
            0 <= m.start - h.end <= 2 and unit.text[m.start : m.end].lower() in _FUTURE_AFTER for m in modals
        ):
            continue  # "the exchange will take place": not yet
        if any(abs(h.start - x.start) <= _HABIT_REACH for x in habitual):
            continue  # "is shelled regularly": a habit, not an incident
        cues.append(Cue(family, h.start, h.end))
    return cues


def nearest(cues: list[Cue], start: int, end: int, families: frozenset[str] | None = None) -> Cue | None:
    """The cue closest to a span of the sentence (a place), among the given families."""
    best: tuple[int, Cue] | None = None
    for c in cues:
        if families is not None and c.family not in families:
            continue
        gap = start - c.end if c.end <= start else c.start - end if c.start >= end else 0
        gap = max(gap, 0)
        if best is None or gap < best[0]:
            best = (gap, c)
    return best[1] if best else None
