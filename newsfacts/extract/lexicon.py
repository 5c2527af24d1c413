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
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import ahocorasick

LEXICON_DIR = Path(__file__).parent / "lexicon"
LANGUAGES = ("en", "uk", "ru", "es", "fr", "de", "it", "pt", "pl")

# Categories whose values are integers written as TOML tables: word = number.
NUMERIC_CATEGORIES = frozenset({"number", "vague", "weekday", "month", "relday"})
# The categories that make a sentence a candidate: only such sentences are scanned in full.
TRIGGER_CATEGORIES = frozenset({"cue", "casualty"})
# Frequent function words ("in", "a", "and", "to"), looked up only where a rule asks for them.
LAZY_CATEGORIES = frozenset({"locative", "indefinite", "conjunction", "span_to", "previous", "genitive"})


class Hit(NamedTuple):
    """One lexicon phrase found in a text: offsets into the text as given. A named tuple, not a
    dataclass: sentences make tens of them each, and a tuple is built several times faster."""

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
# What is left to fold once a text is in lower case: accents, apostrophes, dashes, blanks.
_FOLD_LOWER = {chr(i): folded for i, folded in _FOLD_TABLE.items() if chr(i).lower() == chr(i)}
_FOLD_LOWER_RE = re.compile("[" + re.escape("".join(sorted(_FOLD_LOWER))) + "]")


def fold(text: str) -> str:
    """Lower case without accents, one character for one, so offsets stay valid."""
    low = text.lower()
    if low.isascii():
        return low.translate(_FOLD_TABLE)
    if len(low) != len(text):
        return text.translate(_FOLD_TABLE)  # a letter whose lower case is two ("İ") stays as it is
    # str.translate looks every character of a non-ASCII text up in a dict; lower() runs in C and
    # leaves only the few accented or punctuation characters to replace
    return _FOLD_LOWER_RE.sub(_fold_match, low)


def _fold_match(m: re.Match[str]) -> str:
    return _FOLD_LOWER[m.group()]


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    words: dict[str, dict[str, tuple[str, ...]]]  # category -> value -> phrases, as written
    numbers: dict[str, dict[str, int]]  # numeric category -> word -> value
    automaton: ahocorasick.Automaton
    triggers: ahocorasick.Automaton  # the phrases of TRIGGER_CATEGORIES only

    def scan(self, text: str, folded: str | None = None) -> list[Hit]:
        """Every phrase of the lexicon in `text`, longest first where two of one category overlap;
        `folded` is `fold(text)` where the caller has it already."""
        return _longest(_matches(self.automaton, text if folded is None else folded, folded is not None))

    def find(self, category: str, text: str, folded: str | None = None) -> list[Hit]:
        """The phrases of one lazy category in `text`, found when a rule asks for them."""
        compiled = _phrase_re(self.language, category)
        if compiled is None:
            return []
        value = next(iter(self.words.get(category, {})), category)
        target = fold(text) if folded is None else folded
        return [Hit(m.start(), m.end(), category, value) for m in compiled.finditer(target)]

    def opens_with(self, category: str, text: str) -> bool:
        """Whether `text` starts with a phrase of the category ("Read more", "Also read")."""
        compiled = _phrase_re(self.language, category)
        return compiled is not None and compiled.match(fold(text)) is not None

    def trigger_starts(self, folded: str) -> list[int]:
        """Where the incident and casualty words of an already folded text start, in order: a
        sentence without one can code nothing, and its words are not looked up."""
        return sorted({h.start for h in _matches(self.triggers, folded, True)})

    def values(self, category: str) -> tuple[str, ...]:
        return tuple(self.words.get(category, {}))

    def pattern(self, category: str) -> str:
        """A regular-expression alternation of a category's phrases, for rules that read word order
        ("X, Y and Z"); a stem's `*` runs on to the end of the word. Never empty."""
        return _pattern(self.language, category)


def _matches(automaton: ahocorasick.Automaton, text: str, is_folded: bool = False) -> list[Hit]:
    folded = text if is_folded else fold(text)
    n = len(folded)
    out: list[Hit] = []
    append = out.append
    word_tail = _WORD_TAIL_RE.match
    for last, entries in automaton.iter(folded):
        # every entry of one key shares its start and its end: the word boundaries are checked once
        start = last - entries[0][0] + 1
        if start > 0:
            before = folded[start - 1]
            if before.isalnum() or (before == "'" and not _after_elision(folded, start - 1)):
                continue
        end = last + 1
        inside = end < n and (
            folded[end].isalnum() or (folded[end] == "'" and end + 1 < n and folded[end + 1].isalpha())
        )
        stem_end = -1
        for _, category, value, prefix in entries:
            if prefix:
                if stem_end < 0:
                    stem_end = word_tail(folded, end).end()  # a stem runs on to the end of its word
                append(_tuple_new(Hit, (start, stem_end, category, value)))
            elif not inside:  # not inside a longer word, nor before an apostrophe inside one ("сім'я")
                append(_tuple_new(Hit, (start, end, category, value)))
    return out


# A named tuple built without its Python-level __new__: the hot loop makes tens of hits a sentence.
_tuple_new = tuple.__new__
# The rest of a word after a stem: letters and digits, and an apostrophe or hyphen inside the word.
_WORD_TAIL_RE = re.compile(r"(?:[^\W_]|['-](?=[^\W_]))*")


@cache
def _phrase_re(language: str, category: str) -> re.Pattern[str] | None:
    lexicon = load(language)
    phrases = [p for table in (lexicon.words.get(category, {}) if lexicon else {}).values() for p in table]
    if not phrases:
        return None
    parts = sorted(
        (re.escape(fold(p.rstrip("*"))) + (r"\w*" if p.endswith("*") else "") for p in phrases),
        key=len,
        reverse=True,
    )
    # a whole word, not after an apostrophe inside a word, not before one
    return re.compile(r"(?<![\w'])(?:" + "|".join(parts) + r")(?![\w])")


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


def _longest(hits: list[Hit]) -> list[Hit]:
    """Drop a hit inside a longer hit of the same category ("guided bomb" over "bomb")."""
    if len(hits) < 2:
        return hits
    # by start, the longest first, ties in the order found: two sorts on C keys are cheaper than
    # one on a Python key (the second sort is stable, so it keeps the first's order within a start)
    hits.sort(key=_END, reverse=True)
    hits.sort(key=_START)
    kept: list[Hit] = []
    reach: dict[str, int] = {}  # per category, the end of the last hit kept: the furthest, by the order
    for h in hits:
        if reach.get(h.category, -1) >= h.end:
            continue
        kept.append(h)
        reach[h.category] = h.end
    return kept


_START = itemgetter(0)
_END = itemgetter(1)


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
    triggers = ahocorasick.Automaton()
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
        if category in LAZY_CATEGORIES:
            continue
        for target in (automaton, triggers) if category in TRIGGER_CATEGORIES else (automaton,):
            existing = target.get(key, [])
            if entry not in existing:
                target.add_word(key, [*existing, entry])
    automaton.make_automaton()
    triggers.make_automaton()
    frozen_words = {c: {v: tuple(p) for v, p in t.items()} for c, t in words.items()}
    return Lexicon(language, frozen_words, numbers, automaton, triggers)
