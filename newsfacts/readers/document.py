"""The neutral structure every reader returns: blocks with kinds, plus the metadata it found.

A reader only reads its format. It does not judge which line is the headline or which date
is the article's: it reports what the format states (a `title` field, a `<time datetime>`,
a front-matter `date:`) as raw values with the kind of evidence they are, and the parse
stage (`newsfacts.parse`) weighs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsfacts.records import RemovedBlock

# Kinds of date evidence a reader can report, as `Document.dates` bases.
RECORD_FIELD = "record_field"  # a date field of a JSON record or a feed item
HTML_META = "html_meta"  # article:published_time, JSON-LD datePublished, <time datetime>
FRONT_MATTER = "front_matter"  # `date:` of YAML/TOML front matter written by a site generator or saver
DATE_STAMP = "date_stamp"  # the leading " date YYYY-MM-DD" stamp of a web-archive excerpt
ARCHIVE_DATE = "archive_date"  # when a crawler fetched the page ("Scraped at"): not the article's date


@dataclass(slots=True)
class Block:
    kind: str  # line (plain text), h (heading), p, li, caption
    text: str
    reason: str | None = None  # set when the block is page furniture, with the reason


@dataclass(slots=True)
class Document:
    """One article as its format presents it, before any judgement about its parts."""

    format: str  # text, markdown, crawler_markdown, front_matter, html, json, feed_item, warc_record
    blocks: list[Block] = field(default_factory=list)
    title: str | None = None  # a headline field: JSON title, front matter, og:title/JSON-LD, <h1>, feed
    page_title: str | None = None  # the page's <title> line, usually "Headline | Site"
    standfirst: str | None = None  # description / summary field
    url: str | None = None
    source: str | None = None  # the record's source or publisher field
    site_name: str | None = None  # og:site_name, a feed's title
    language: str | None = None  # as the format states it (lang attribute, record field)
    dates: list[tuple[str, object]] = field(default_factory=list)  # (basis, raw value), strongest first
    removed: list[RemovedBlock] = field(default_factory=list)  # what the reader itself set aside
    whole_page: bool = False  # a saved page (menus and related links around the article)
