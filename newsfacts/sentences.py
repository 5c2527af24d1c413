"""Sentence splitting with character offsets (regex only, no tokenizer).

Offsets index into the text given, so evidence quoted from a sentence is always
`text[start:end]`.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Sentence(NamedTuple):
    """One sentence: offsets into the text given, its text, its paragraph. A named tuple, not a
    dataclass: an article has dozens and a tuple is built several times faster."""

    start: int
    end: int
    text: str
    paragraph: int  # index of the line/paragraph the sentence sits in (blank-line or newline separated)


# A boundary: end punctuation (plus closing quotes/brackets) then space then an opening capital,
# digit or quote; or a glued boundary as scraped pages have it ("March 11.Security video").
# One branch point after the end punctuation itself: a pattern that opens with one character set
# lets the regex engine jump from one punctuation mark to the next instead of trying every position
# (an alternation of two sets at the start does not).
_BOUNDARY_RE = re.compile(
    r"[.!?…](?:(?P<q>[\"”’»)\]]*)[ \t\u00a0]+(?=[\"“‘«(\[¿¡-]?[A-Z0-9ÁÉÍÓÚÑÀ-ÖØ-ÞА-ЯЁІЇЄҐ])"
    r"|(?<=[a-z0-9][.!?])(?=[\"“]?[A-Z][a-z]))"
)
_LINE_RE = re.compile(r"[^\n]+")
# Words whose trailing period is not a sentence end.
# ("etc" ends sentences too, but a false merge costs less than a false split)
_ABBREV_SET = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "col",
        "lt",
        "sgt",
        "maj",
        "capt",
        "cpt",
        "adm",
        "st",
        "no",
        "nos",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "jr",
        "sr",
        "gov",
        "rep",
        "sen",
        "prof",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "est",
        "approx",
        "fig",
        "vol",
        "pp",
        "ed",
        "eds",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "etc",
        "ca",
        "cf",
        "al",
        "sra",
    }
)
_LAST_WORD_RE = re.compile(r"([A-Za-z.]+)\.$")


def split_sentences(text: str, start: int = 0, end: int | None = None, paragraph: int = 0) -> list[Sentence]:
    """Split text[start:end] into sentences; every line break ends a sentence and a paragraph.

    Offsets stay relative to the whole `text`; paragraphs are numbered from `paragraph`.
    """
    out: list[Sentence] = []
    first = paragraph
    for n, line in enumerate(_LINE_RE.finditer(text, start, len(text) if end is None else end)):
        paragraph = first + n
        start = line.start()
        line_end = line.end()
        for b in _BOUNDARY_RE.finditer(text, start, line_end):
            stop = b.start() + 1  # just after the end punctuation
            m = _LAST_WORD_RE.search(text, max(start, stop - 12), stop)
            if m and _is_abbreviation(m.group(1)):
                continue
            cut = b.end("q") if b.group("q") is not None else stop
            _emit(text, start, cut, paragraph, out)
            start = b.end()
        _emit(text, start, line_end, paragraph, out)
    return out


def _is_abbreviation(word: str) -> bool:
    w = word.lower()
    if w in _ABBREV_SET:
        return True
    # single initials ("J. Smith") and dotted acronyms ("U.S.")
    return (len(w) == 1 and w.isalpha() and word.isupper()) or ("." in w and len(w) <= 5)


def _emit(text: str, start: int, end: int, paragraph: int, out: list[Sentence]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()  # the blanks around a sentence are not part of it
    if stripped:
        start += len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start, start + len(stripped), stripped, paragraph))
