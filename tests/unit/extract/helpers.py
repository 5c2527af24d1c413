"""Builders for extraction tests: units and articles from sentences written for the tests."""

from __future__ import annotations

import hashlib
from datetime import date

from newsfacts.extract.lexicon import load
from newsfacts.extract.segment import Unit
from newsfacts.records import ParsedArticle

THURSDAY = date(2024, 5, 16)


def unit(text: str, language: str = "en", index: int = 0, paragraph: int = 0) -> Unit:
    lexicon = load(language)
    assert lexicon is not None
    return Unit(index, 0, len(text), text, paragraph, tuple(lexicon.scan(text)), lexicon=lexicon)


def article(
    *paragraphs: str, language: str = "en", published: date | None = THURSDAY, title: str | None = None
) -> ParsedArticle:
    return ParsedArticle(
        article_id=hashlib.sha256("\n".join(paragraphs).encode()).hexdigest(),
        landed_date=date(2024, 5, 17),
        source_file="2024-05-17/test.txt",
        title=title,
        standfirst=None,
        headings=(),
        paragraphs=tuple(paragraphs),
        paragraph_languages=tuple(language for _ in paragraphs),
        removed_blocks=(),
        language=language,
        published=published,
        published_basis=None,
        source=None,
        url=None,
        word_count=sum(len(p.split()) for p in paragraphs),
        parser_version="test",
    )
