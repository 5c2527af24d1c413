"""Raw article -> parsed article (interim minimal version; full parser follows)."""

from __future__ import annotations

import json
import re
from datetime import date

from newsfacts.records import ParsedArticle, RawArticle, RemovedBlock

PARSER_VERSION = "parse-0.1"

_STAMP_RE = re.compile(r"^\s*date (\d{4})-(\d{2})-(\d{2})\s*")
_TAG_RE = re.compile(r"<[^>]+>")


def parse_article(raw: RawArticle, url: str | None = None) -> ParsedArticle:
    text = raw.text
    title = None
    published = None
    basis = None
    removed: list[RemovedBlock] = []
    if raw.content_type == "application/json":
        rec = json.loads(text)
        title = rec.get("title") or rec.get("headline")
        text = str(rec.get("text") or rec.get("body") or rec.get("content") or rec.get("article") or "")
        url = url or rec.get("url") or rec.get("link")
    if raw.content_type == "text/html" or "<p" in text:
        text = _TAG_RE.sub("\n", text)
    m = _STAMP_RE.match(text)
    if m:
        published = date(int(m[1]), int(m[2]), int(m[3]))
        basis = "date_stamp"
        removed.append(RemovedBlock(m.group(0).strip(), "date_stamp"))
        text = text[m.end():]
    paragraphs = tuple(line.strip() for line in text.splitlines() if line.strip())
    return ParsedArticle(
        article_id=raw.article_id,
        landed_date=raw.landed_date,
        source_file=raw.source_file,
        title=title,
        standfirst=None,
        headings=(),
        paragraphs=paragraphs,
        paragraph_languages=tuple("en" for _ in paragraphs),
        removed_blocks=tuple(removed),
        language="en",
        published=published,
        published_basis=basis,
        source=None,
        url=url,
        word_count=sum(len(p.split()) for p in paragraphs),
        parser_version=PARSER_VERSION,
    )
