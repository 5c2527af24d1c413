"""Parsing: one landed article -> headline, standfirst, headings, clean body paragraphs.

One forward pass: the format's reader (`newsfacts.readers`) turns the article into blocks
and metadata, then `newsfacts.parse.article` judges them (boilerplate, headline, published
date, source, language) with the rules in `boilerplate.py` and the dates in `published.py`.
"""

from __future__ import annotations

from newsfacts.parse.article import PARSER_VERSION, build_article
from newsfacts.readers import read_document
from newsfacts.records import ParsedArticle, RawArticle

__all__ = ["PARSER_VERSION", "build_article", "parse_article"]


def parse_article(raw: RawArticle) -> ParsedArticle:
    """Parse one landed article (`raw.source_url` is the page's address where a manifest gives it)."""
    return build_article(raw, read_document(raw))
