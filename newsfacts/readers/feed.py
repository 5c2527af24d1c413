"""RSS 2.0 and Atom feeds: one article per item, with its link, date and title.

Ingest splits a feed with `split_feed` into items; each item is kept as a small canonical
JSON record (title, link, published, summary, content, author, the feed's title and
language) with its position in the feed, and `read_item` reads one such record.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

import feedparser

from newsfacts.readers.document import RECORD_FIELD, Document
from newsfacts.readers.html import clean, read_fragment
from newsfacts.readers.text import split_plain

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
FEED_TYPES = (RSS_TYPE, ATOM_TYPE)
_ROOT_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")


def feed_kind(data: bytes) -> str | None:
    """The content type of a feed document (sniffed from its root element), else None."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    match = _ROOT_RE.search(head)
    if match is None:
        return None
    return ATOM_TYPE if match[1] == b"feed" else RSS_TYPE


class FeedError(ValueError):
    """The document is not a feed that can be read."""


def _struct_iso(value: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", value) if value else None


def split_feed(data: bytes) -> list[dict[str, Any]]:
    """The feed's items in document order, each as a plain record; raises FeedError."""
    # Bytes, never a str: feedparser treats a string that looks like an address as one to fetch.
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        raise FeedError(str(parsed.get("bozo_exception") or "no feed items"))
    feed = parsed.feed
    items = []
    for entry in parsed.entries:
        content = entry.content[0].value if entry.get("content") else None
        items.append(
            {
                "title": entry.get("title"),
                "link": entry.get("link"),
                "published": entry.get("published") or _struct_iso(entry.get("published_parsed")),
                "updated": entry.get("updated") or _struct_iso(entry.get("updated_parsed")),
                "summary": entry.get("summary"),
                "content": content,
                "author": entry.get("author"),
                "id": entry.get("id"),
                "feed_title": feed.get("title"),
                "feed_link": feed.get("link"),
                "language": feed.get("language"),
            }
        )
    return items


def read_item(text: str) -> Document:
    item = json.loads(text)
    doc = Document("feed_item")
    doc.title = clean(item.get("title")) or None
    link = item.get("link") or ""
    doc.url = link if link.startswith(("http://", "https://")) else None
    doc.site_name = clean(item.get("feed_title")) or None
    doc.language = item.get("language")
    # An Atom entry may carry only <updated>; RSS items also get `updated` = pubDate.
    for key in ("published", "updated"):
        if item.get(key):
            doc.dates.append((RECORD_FIELD, item[key]))
    summary, content = item.get("summary") or "", item.get("content") or ""
    body = content or summary
    if content and summary:
        doc.standfirst = clean(_strip_tags(summary)) or None
    doc.blocks = read_fragment(body) if _TAG_RE.search(body) else split_plain(body)
    return doc


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text)
