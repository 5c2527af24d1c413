"""Per-language word lists, one TOML file per language, matched with one Aho-Corasick automaton.

Each file under `lexicon/` maps categories to values to phrases:

    [cue]
    strike = ["attack*", "struck", "shelled"]

A phrase is matched case- and accent-insensitively at a word start; a trailing `*` lets the
last word run on (stems of inflected words: "атак*" matches атака, атаки, атакували), without
it the phrase must end at a word end. Numeric tables (`[number]`, `[weekday]`, `[month]`) map
a word to an integer. Every language file is reviewed like code: the tests load them all.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick

LEXICON_DIR = Path(__file__).parent / "lexicon"
LANGUAGES = ("en", "uk", "ru", "es", "fr", "de", "it", "pt", "pl")

# Categories whose values are integers written as TOML tables: word = number.
NUMERIC_CATEGORIES = frozenset({"number", "vague", "weekday", "month", "relday"})


@dataclass(frozen=True, slots=True)
class Hit:
    """One lexicon phrase found in a text: offsets into the text as given."""

    start: int
    end: int
    category: str
    value: str | int


def _fold_char(ch: str) -> str:
    if ch in "’‘ʼ`´ʹ":
        return "'"
    if ch.isspace():
        return " "
    if ch in "‐‑–—":
        return "-"
    low = ch.lower()
    if len(low) != 1:
        return ch
    if low in "łŀ":
        return "l"
    decomposed = unicodedata.normalize("NFD", low)
    if len(decomposed) > 1 and decomposed[0].isalpha():
        return decomposed[0]
    return low


_FOLD_TABLE = {i: _fold_char(chr(i)) for i in range(0x2100) if _fold_char(chr(i)) != chr(i)}


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets stay valid."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    words: dict[str, dict[str, tuple[str, ...]]]  # category -> value -> phrases, as written
    numbers: dict[str, dict[str, int]]  # numeric category -> word -> value
    automaton: ahocorasick.Automaton

    def scan(self, text: str) -> list[Hit]:
        """Every phrase of the lexicon in `text`, longest first where two of one category overlap."""
        folded = fold(text)
        n = len(folded)
        hits: list[Hit] = []
        for last, entries in self.automaton.iter(folded):
            for key_len, category, value, prefix in entries:
                start = last - key_len + 1
                if start > 0 and (
                    folded[start - 1].isalnum()
                    or (folded[start - 1] == "'" and not _after_elision(folded, start - 1))
                ):
                    break  # the same start for every entry of this key
                end = last + 1
                if prefix:
                    while end < n and (
                        folded[end].isalnum()
                        or (folded[end] in "'-" and end + 1 < n and folded[end + 1].isalnum())
                    ):
                        end += 1
                elif end < n and (folded[end].isalnum() or _apostrophe_inside(folded, end)):
                    continue  # inside a longer word, or before an apostrophe inside one ("сім'я")
                hits.append(Hit(start, end, category, value))
        return _longest(hits)

    def values(self, category: str) -> tuple[str, ...]:
        return tuple(self.words.get(category, {}))

    def pattern(self, category: str) -> str:
        """A regular-expression alternation of a category's phrases, for rules that read word order
        ("X, Y and Z"); a stem's `*` runs on to the end of the word. Never empty."""
        return _pattern(self.language, category)


@cache
def _pattern(language: str, category: str) -> str:
    lexicon = load(language)
    phrases = [p for table in (lexicon.words.get(category, {}) if lexicon else {}).values() for p in table]
    parts = sorted(
        (re.escape(p.rstrip("*")) + (r"\w*" if p.endswith("*") else "") for p in phrases),
        key=len,
        reverse=True,
    )
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


# Articles and prepositions that elide before a vowel: the word after their apostrophe starts a word
# ("l'attaque", "d'artillerie", "dell'artiglieria", "un'esplosione").
_ELIDED = frozenset(
    [
        "l",
        "d",
        "j",
        "m",
        "n",
        "s",
        "t",
        "c",
        "qu",
        "jusqu",
        "lorsqu",
        "puisqu",
        "dell",
        "dall",
        "nell",
        "sull",
        "all",
        "coll",
        "un",
        "quell",
    ]
)


def _after_elision(folded: str, apostrophe: int) -> bool:
    start = apostrophe
    while start > 0 and folded[start - 1].isalpha():
        start -= 1
    return folded[start:apostrophe] in _ELIDED


def _apostrophe_inside(folded: str, i: int) -> bool:
    return folded[i] == "'" and i + 1 < len(folded) and folded[i + 1].isalpha()


def _longest(hits: list[Hit]) -> list[Hit]:
    """Drop a hit inside a longer hit of the same category ("guided bomb" over "bomb")."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Hit] = []
    reach: dict[str, int] = {}
    for h in hits:
        if reach.get(h.category, -1) >= h.end:
            continue
        kept.append(h)
        reach[h.category] = max(reach.get(h.category, -1), h.end)
    return kept


def _entries(data: dict) -> Iterator[tuple[str, str | int, str]]:
    for category, table in data.items():
        if not isinstance(table, dict):
            continue
        for value, phrases in table.items():
            if category in NUMERIC_CATEGORIES:
                yield category, int(phrases), value
                continue
            if isinstance(phrases, str):
                phrases = [phrases]
            for phrase in phrases:
                yield category, value, phrase


@cache
def load(language: str | None) -> Lexicon | None:
    """The lexicon of a language, or None for a language we do not extract."""
    if language not in LANGUAGES:
        return None
    path = LEXICON_DIR / f"{language}.toml"
    if not path.exists():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    automaton = ahocorasick.Automaton()
    words: dict[str, dict[str, list[str]]] = {}
    numbers: dict[str, dict[str, int]] = {}
    for category, value, phrase in _entries(data):
        if category in NUMERIC_CATEGORIES:
            numbers.setdefault(category, {})[fold(phrase)] = int(value)
        else:
            words.setdefault(category, {}).setdefault(str(value), []).append(phrase)
        prefix = phrase.endswith("*")
        key = fold(phrase.rstrip("*").strip())
        if not key:
            raise ValueError(f"{path.name}: empty phrase in [{category}]")
        if "*" in key:
            raise ValueError(f"{path.name}: [{category}] {phrase!r}: only the last word may be a stem")
        entry = (len(key), category, value, prefix)
        existing = automaton.get(key, [])
        if entry not in existing:
            automaton.add_word(key, [*existing, entry])
    automaton.make_automaton()
    frozen_words = {c: {v: tuple(p) for v, p in t.items()} for c, t in words.items()}
    return Lexicon(language, frozen_words, numbers, automaton)
