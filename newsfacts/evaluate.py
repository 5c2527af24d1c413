"""Compare extracted facts with a hand-coded answer key, by the guideline's matching rule.

An extracted event matches an expected event of the same article when country and
event_type agree and the places agree (same location; or, where the key has no location,
no location and the same admin1). Each expected event matches at most one extracted event,
the one agreeing on most fields. Field accuracy is measured on matched pairs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FIELDS = ("sub_event_type", "actor1", "admin1", "location", "weapon", "fatalities", "injured", "date")
NAME_FIELDS = {"actor1", "admin1", "location", "weapon"}
COUNT_FIELDS = {"fatalities", "injured"}
_PLACE_WORDS = re.compile(r"\b(oblast|region|krai|kray|province|city)\b")


def normalise_name(value: Any) -> str | None:
    """Case, accents, punctuation and region words ignored: 'Odesa Oblast' == 'odesa'."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _PLACE_WORDS.sub(" ", text)
    text = " ".join(re.sub(r"[^\w-]+", " ", text).split())
    return text or None


def field_agrees(name: str, expected: Any, extracted: Any) -> bool:
    if name in COUNT_FIELDS:
        return (expected or 0) == (extracted or 0)
    if name in NAME_FIELDS:
        return normalise_name(expected) == normalise_name(extracted)
    return expected == extracted


def same_event(expected: Mapping[str, Any], extracted: Mapping[str, Any]) -> bool:
    if normalise_name(expected.get("country")) != normalise_name(extracted.get("country")):
        return False
    if expected.get("event_type") != extracted.get("event_type"):
        return False
    if expected.get("location"):
        return normalise_name(expected["location"]) == normalise_name(extracted.get("location"))
    return not extracted.get("location") and field_agrees(
        "admin1", expected.get("admin1"), extracted.get("admin1")
    )


@dataclass
class Evaluation:
    expected: int = 0
    extracted: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    missed: list[tuple[str, Any]] = field(default_factory=list)
    spurious: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        total = self.field_total[name]
        return self.field_hits[name] / total if total else None


def evaluate(
    expected: Mapping[str, Mapping[str, Any]], extracted: Mapping[str, Mapping[str, Any]]
) -> Evaluation:
    """Both arguments: {article name: {"events": [...], ...}} in the gold JSONL shape."""
    result = Evaluation()
    for article, key in expected.items():
        candidates = list(extracted.get(article, {}).get("events", []))
        result.extracted += len(candidates)
        for event in key.get("events", []):
            result.expected += 1
            matches = [c for c in candidates if same_event(event, c)]
            if not matches:
                result.missed.append((article, event))
                continue
            best = max(matches, key=lambda c: sum(field_agrees(f, event.get(f), c.get(f)) for f in FIELDS))
            candidates.remove(best)
            result.matched += 1
            for name in FIELDS:
                if name == "sub_event_type" and event.get(name) is None:
                    continue
                result.field_total[name] += 1
                result.field_hits[name] += field_agrees(name, event.get(name), best.get(name))
        result.spurious.extend((article, c) for c in candidates)
    return result
