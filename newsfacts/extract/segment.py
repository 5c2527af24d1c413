"""Stage 1, segment: the article body cut into sentences with their offsets and lexicon hits.

A `Unit` is one sentence of the body in the article's language; offsets index into
`ParsedArticle.body_text`, so evidence is always `body_text[start:end]`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from newsfacts.extract.lexicon import LAZY_CATEGORIES, Hit, Lexicon, fold
from newsfacts.records import ParsedArticle
from newsfacts.sentences import split_sentences

_T = TypeVar("_T")

# Longer "sentences" are tables, lists or run-on page text; they are cut into pieces of this size
# at the last blank so that every rule sees text of a bounded length.
MAX_UNIT_CHARS = 1200


# Not frozen: a frozen dataclass pays for every field it sets, and an article makes a unit per
# sentence. Nothing reassigns a unit's fields; one sentence is one unit, so identity is equality.
@dataclass(slots=True, eq=False)
class Unit:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    hits: tuple[Hit, ...]  # offsets relative to `text`
    by_category: dict[str, tuple[Hit, ...]] = field(default_factory=dict, compare=False, repr=False)
    lexicon: Lexicon | None = field(default=None, compare=False, repr=False)  # for the lazy categories
    folded: str | None = field(default=None, compare=False, repr=False)  # `fold(text)`, computed once
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False, repr=False)  # see `remember`

    def __post_init__(self) -> None:
        if not self.by_category and self.hits:
            index: dict[str, list[Hit]] = {}
            for h in self.hits:
                index.setdefault(h.category, []).append(h)
            self.by_category.update({c: tuple(v) for c, v in index.items()})

    def _lazy(self, category: str) -> tuple[Hit, ...]:
        """A category of LAZY_CATEGORIES, looked up the first time a rule asks for it."""
        found: tuple[Hit, ...] = ()
        if self.lexicon is not None:
            found = tuple(self.lexicon.find(category, self.text, self.folded))
        self.by_category[category] = found
        return found

    def remember(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """`compute()`, worked out once per sentence for `key`: the places and drafts of one sentence
        ask the slots the same questions. The memo lives as long as the unit, one extraction."""
        memo = self.memo
        if key in memo:
            return memo[key]  # type: ignore[no-any-return]
        found = memo[key] = compute()
        return found

    # The rules ask tens of times per sentence, mostly for categories the sentence lacks: those
    # answers cost one dict lookup and one set lookup, with no call.
    def has(self, category: str, value: str | None = None) -> bool:
        found = self.by_category.get(category)
        if found is None:
            if category not in LAZY_CATEGORIES:
                return False
            found = self._lazy(category)
        if value is None:
            return bool(found)
        for h in found:  # noqa: SIM110 - a plain loop is cheaper than any() over a generator
            if h.value == value:
                return True
        return False

    def of(self, category: str, value: str | None = None) -> tuple[Hit, ...]:
        found = self.by_category.get(category)
        if found is None:
            if category not in LAZY_CATEGORIES:
                return ()
            found = self._lazy(category)
        if value is None or not found:
            return found
        return tuple([h for h in found if h.value == value])


def segment(article: ParsedArticle, lexicon: Lexicon) -> list[Unit]:
    body = article.body_text
    languages = article.paragraph_languages
    skipped = link_list_paragraphs(article.paragraphs, lexicon) if len(article.paragraphs) > 1 else set()
    # folding keeps offsets, so the body is folded once and every sentence is a slice of it; the
    # incident and casualty words of the whole body are found in one pass
    folded_body = fold(body)
    triggers = lexicon.trigger_starts(folded_body)
    units: list[Unit] = []
    for s in split_sentences(body):
        lang = languages[s.paragraph] if s.paragraph < len(languages) else None
        if lang is not None and lang != article.language:
            continue  # a stray line in another language is not coded with this lexicon
        if s.paragraph in skipped:
            continue
        for start, end in _pieces(body, s.start, s.end):
            folded = folded_body[start:end]
            # a sentence with no incident or casualty word can code nothing: its words are not looked up
            k = bisect_left(triggers, start)
            triggered = k < len(triggers) and triggers[k] < end
            hits = tuple(lexicon.scan(folded, folded)) if triggered else ()
            units.append(
                Unit(
                    len(units), start, end, body[start:end], s.paragraph, hits, lexicon=lexicon, folded=folded
                )
            )
    return units


def link_list_paragraphs(paragraphs: tuple[str, ...], lexicon: Lexicon) -> set[int]:
    """Headlines listed under "Also read", "Read more" and the like: links, not reports
    (guideline, "What is not an event")."""
    skipped: set[int] = set()
    in_list = False
    for i, p in enumerate(paragraphs):
        short = len(p) < 160
        if short and lexicon.opens_with("linklist", p[:40]):
            in_list = True
            skipped.add(i)
            continue
        if in_list and short and not p.rstrip().endswith((".", "!", "?", "»", '"', "”")):
            skipped.add(i)
            continue
        in_list = False
    # a run of headlines without end punctuation ("related" links a saved page keeps) is a list too
    bare = [len(p) < 200 and not p.rstrip().endswith(_ENDS) for p in paragraphs]
    for i, is_bare in enumerate(bare):
        if is_bare and ((i > 0 and bare[i - 1]) or (i + 1 < len(bare) and bare[i + 1])):
            skipped.add(i)
    return skipped


_ENDS = (".", "!", "?", "»", '"', "”", ":", ";", ")", "…")


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while end - start > MAX_UNIT_CHARS:
        cut = text.rfind(" ", start + MAX_UNIT_CHARS // 2, start + MAX_UNIT_CHARS)
        cut = cut if cut > start else start + MAX_UNIT_CHARS
        out.append((start, cut))
        start = cut + 1
    out.append((start, end))
    return out
