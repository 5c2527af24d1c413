"""JSON and JSON Lines records, news-API exports among them.

Ingest splits a file into records (one object, a list of objects, `{"articles": [...]}`,
one object per JSONL line); this reader reads one record. Field names vary between
exporters, so each field is looked up under the names exporters use: a news API's
`title`, `description`, `content`, `publishedAt`, `url` and `source.name` among them.
"""

from __future__ import annotations

import json

from newsfacts.readers.document import RECORD_FIELD, Document
from newsfacts.readers.html import clean, looks_like_html, read_fragment, read_html
from newsfacts.readers.markdown import split_markdown
from newsfacts.readers.text import split_plain

TITLE_KEYS = ("title", "headline", "head", "name")
STANDFIRST_KEYS = (
    "standfirst",
    "description",
    "summary",
    "lead",
    "subtitle",
    "subheadline",
    "dek",
    "excerpt",
    "teaser",
)
URL_KEYS = ("url", "link", "canonical_url", "canonical", "permalink", "source_url", "sourceurl", "og:url")
SOURCE_KEYS = ("source", "site", "publisher", "agency", "site_name", "outlet", "media", "source_name")
LANGUAGE_KEYS = ("language", "lang", "locale")
DATE_KEYS = (
    "published",
    "date",
    "published_at",
    "publishedat",
    "datepublished",
    "pubdate",
    "publication_date",
    "published_date",
    "publish_date",
    "date_published",
    "created_at",
    "time",
    "timestamp",
    "datetime",
    "publishedtime",
    "published_time",
    "article:published_time",
)
BODY_KEYS = (
    "text",
    "body",
    "content",
    "article",
    "article_body",
    "articlebody",
    "full_text",
    "fulltext",
    "story",
    "html",
    "paragraphs",
    "markdown",
)
# Crawler exports nest the page's metadata: {"markdown": ..., "metadata": {"title": ...}}.
NESTED_KEYS = ("metadata", "meta")


def first(record: dict, *keys: str) -> object:
    for key in keys:
        value = record.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("text") or value.get("id")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value if v)
    text = clean(str(value)) if value is not None else ""
    return text or None


def read_record(record: dict) -> Document:
    doc = Document("json")
    lowered = {str(k).lower(): v for k, v in record.items()}
    for nested in NESTED_KEYS:
        if isinstance(lowered.get(nested), dict):
            for key, value in lowered[nested].items():
                lowered.setdefault(str(key).lower(), value)
    doc.title = as_text(first(lowered, *TITLE_KEYS))
    doc.standfirst = as_text(first(lowered, *STANDFIRST_KEYS))
    url = as_text(first(lowered, *URL_KEYS))
    doc.url = url if url and url.startswith("http") else None
    doc.source = as_text(first(lowered, *SOURCE_KEYS))
    language = first(lowered, *LANGUAGE_KEYS)
    doc.language = language if isinstance(language, str) else None
    value = first(lowered, *DATE_KEYS)
    if value is not None:
        doc.dates.append((RECORD_FIELD, value))
    body = first(lowered, *BODY_KEYS)
    if isinstance(body, list):
        body = "\n\n".join(str(p) for p in body if p)
    body_text = str(body) if body is not None else ""
    if looks_like_html(body_text):
        if "<html" in body_text[:2000].lower() or "<body" in body_text[:5000].lower():
            page = read_html(body_text)
            doc.blocks = page.blocks
            doc.title = doc.title or page.title
            doc.page_title = page.page_title
            doc.url = doc.url or page.url
            doc.site_name = page.site_name
            doc.language = doc.language or page.language
            doc.dates.extend(page.dates)
            doc.whole_page = True
        else:
            doc.blocks = read_fragment(body_text)
    elif body is not None and body is lowered.get("markdown"):
        doc.blocks = split_markdown(body_text.replace("\r\n", "\n"))
    else:
        doc.blocks = split_plain(body_text.replace("\r\n", "\n"))
    return doc


def read_json(text: str) -> Document:
    """One record's JSON text (ingest re-serialises each record on its own)."""
    try:
        record = json.loads(text)
    except ValueError:
        record = None
    if not isinstance(record, dict):
        doc = Document("text")
        doc.blocks = split_plain(text)
        return doc
    return read_record(record)
