"""Typed records that flow between the layers. One frozen dataclass per row kind.

The pyarrow schemas in `newsfacts.schemas` mirror these classes field for field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as it landed: the exact bytes plus their decoded text.

    For a plain file (.txt, .md, .html) the content is the file's bytes. For a JSON or
    JSONL record it is the record re-serialised canonically (sorted keys, UTF-8), so the
    same record always has the same article_id wherever it appears; a feed item is kept the
    same way (its title, link, dates, summary and content as a JSON record). For a record of
    a web archive (WARC) it is the HTML payload's bytes, and `source_url` its target URI.
    """

    article_id: str  # sha256 hex of `content`
    landed_date: date  # the daily partition: the landing folder's date
    source_file: str  # posix path relative to the landing root, e.g. "2025-03-10/a.html"
    record_index: int  # 0 for a plain file; position of the record in a JSON list / JSONL file,
    # of the item in a feed, of the record in a WARC file (counting every record)
    content_type: str  # text/plain, text/markdown, text/html, application/json,
    # application/rss+xml or application/atom+xml (a feed item)
    size_bytes: int
    content: bytes
    text: str  # `content` decoded (for JSON: the record's canonical JSON text)
    encoding: str  # detected encoding of the source bytes, e.g. "utf-8", "utf-16", "cp1251"
    source_url: str | None  # the page's address when a manifest beside the files gives it
    ingested_at: datetime


@dataclass(frozen=True, slots=True)
class RejectedInput:
    """A landed file (or one record of it) that is not a readable article, with the reason."""

    rejected_id: str  # sha256 hex of "<source_file>#<record_index>:<sha256 of content>"
    landed_date: date
    source_file: str
    record_index: int | None  # None when the whole file is rejected
    size_bytes: int
    content: bytes
    reason: str  # short machine-readable code: empty, binary, undecodable, malformed_json, ...
    detail: str  # human-readable explanation
    rejected_at: datetime


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A block of the page kept out of the article body, and why (menu, link_list, ...)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article as a reader sees it: headline, standfirst, headings, clean paragraphs.

    `paragraphs` is the body that extraction reads, all in the article's language;
    evidence offsets index into `body_text` (the paragraphs joined by a blank line).
    """

    article_id: str
    landed_date: date
    source_file: str
    title: str | None
    standfirst: str | None
    headings: tuple[str, ...]
    paragraphs: tuple[str, ...]
    paragraph_languages: tuple[str | None, ...]  # ISO 639-1 per paragraph, parallel to paragraphs
    removed_blocks: tuple[RemovedBlock, ...]
    language: str | None  # ISO 639-1 of the article
    published: date | None
    published_basis: str | None  # which evidence gave `published`: record_field, html_meta, ...
    source: str | None  # site or agency
    url: str | None
    word_count: int
    parser_version: str

    @property
    def body_text(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)


PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One incident as one article tells it, coded by the guideline (ACLED vocabulary)."""

    mention_id: str  # sha256 of (article_id, extractor_version, evidence offsets, place, type)
    article_id: str
    landed_date: date
    event_type: str
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    location: str | None
    location_raw: str | None  # the place as the article wrote it
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    geo_precision: int | None  # ACLED: 1 town, 2 near a town / part of a region, 3 region or wider
    weapon: str | None
    fatalities: int | None
    injured: int | None
    event_date: date | None
    time_precision: int | None  # ACLED: 1 day, 2 week, 3 month
    evidence: str
    evidence_start: int  # character offsets into ParsedArticle.body_text
    evidence_end: int
    confidence: float
    extractor_version: str


@dataclass(frozen=True, slots=True)
class QuarantinedRecord:
    """A record a layer could not process or that failed a row-level check, with the reason."""

    record_id: str  # the key of the record in its layer (article_id, mention_id)
    article_id: str
    landed_date: date
    layer: str  # parsed, events
    check: str  # the failed rule: "exception" or an expectation name
    reason: str  # human-readable
    quarantined_at: datetime
