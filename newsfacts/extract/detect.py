"""Stage 2, detect: the incident cues of a sentence, with what is not an event left out.

Guideline, "What is not an event": threats, demands, plans, forecasts and hypotheticals (a
modal word in front of the cue), tallies over months and historical comparisons (a history
word in the sentence) are not coded.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfacts.extract.lexicon import Hit
from newsfacts.extract.segment import Unit

# Families of cue, from the lexicon's [cue] table, and what they code.
STRIKE = "strike"
DAMAGE = "damage"
INTERCEPT = "intercept"
CAPTURE = "capture"
LIBERATE = "liberate"
CLASH = "clash"
REPEL = "repel"  # "repelled Russian assaults": a clash started by the other side
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


class Cue(NamedTuple):
    """An incident word that survived the filters: its family ("strike", "intercept") and offsets.
    A named tuple: a sentence makes several, and a tuple is built several times faster."""

    family: str
    start: int
    end: int


def horizon(unit: Unit) -> int:
    """Where history starts in a sentence ("..., a year after an attack there that killed 20"):
    what comes after it is not coded."""
    return unit.remember("horizon", lambda: _horizon(unit))


def _horizon(unit: Unit) -> int:
    starts = [h.start for h in unit.of("history")]
    text = unit.text
    since = unit.of("since")
    if since:
        # "since 2024", "с 2022 года", "desde 2014": a span of years
        starts += [h.start for h in since if _YEAR_RE.match(text, h.end)]
        # "the deadliest since a September 30 strike": what follows is a comparison with the past
        months = unit.of("month")
        starts += [h.start for h in since if any(0 <= m.start - h.end <= 12 for m in months)]
    # "the tenth sabotage in 2023": a count over a year, not an incident
    # looked for only where a bare year is written at all ("in" finds the digits faster than a regex)
    if ("19" in text or "20" in text) and _YEAR_IN_TEXT_RE.search(text):
        starts += [h.start for h in unit.of("locative") if _BARE_YEAR_RE.match(text, h.end)]
    return min(starts, default=len(text))


_BARE_YEAR_RE = re.compile(r"\s+(?:19|20)\d\d(?![\d-])")
# Where _BARE_YEAR_RE can match: opening with "19" or "20" (not with the blank before, which every
# word has) lets the engine skip to those digits.
_YEAR_IN_TEXT_RE = re.compile(r"(?:19|20)\d\d(?![\d-])(?<=\s\d\d\d\d)")
_YEAR_RE = re.compile(r"\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:19|20)\d\d")


_FUTURE_AFTER = frozenset(
    {"will", "would", "could", "might", "may", "can", "cannot", "can't", "should", "must"}
)


def detect(unit: Unit) -> list[Cue]:
    if not unit.hits:
        return []  # most sentences: no lexicon word at all
    candidates = unit.of("cue") + unit.of("casualty")
    if not candidates or unit.has("nonevent"):
        return []  # no incident word; or sanctions, deliveries of weapons: policy, not an incident
    limit = horizon(unit)
    text = unit.text
    months = {o.start for o in unit.of("month")}
    # "May 16" is a date, not "may"
    modals = [
        (m.start, m.end, text[m.start : m.end].lower()) for m in unit.of("modal") if m.start not in months
    ]
    negations = unit.of("negation")
    habitual = [x.start for x in unit.of("habitual")]
    cues: list[Cue] = []
    for h in sorted(candidates, key=lambda h: h.start):
        if h.start >= limit:
            continue
        if negations and any(n.start <= h.start < n.end for n in negations):
            continue  # "no damage was reported", "no one was injured"
        if modals and _governed(h, modals):
            continue
        if habitual and any(abs(h.start - x) <= _HABIT_REACH for x in habitual):
            continue  # "is shelled regularly": a habit, not an incident
        family = str(h.value) if h.category == "cue" else CASUALTY
        cues.append(Cue(family, h.start, h.end))
    return cues


def _governed(h: Hit, modals: list[tuple[int, int, str]]) -> bool:
    for start, end, word in modals:
        if word != "to" and 0 <= h.start - end <= _MODAL_REACH:
            return True  # "could attack", "threatened to strike"
        if 0 <= start - h.end <= 2 and word in _FUTURE_AFTER:
            return True  # "the exchange will take place": not yet
    return False


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
