"""Readers: one module per input format, each turning a landed article into a `Document`.

    text.py          plain text (and the " date YYYY-MM-DD" stamp of archive excerpts)
    markdown.py      markdown, and a crawler's whole-page markdown (## Metadata, ## Content ...)
    front_matter.py  YAML or TOML front matter, then text, markdown or HTML
    html.py          HTML pages (head metadata, JSON-LD; trafilatura for the body) and fragments
    json_records.py  one JSON / JSONL record, news-API exports among them
    feed.py          RSS 2.0 and Atom feeds, one article per item
    warc.py          WARC archives, one article per HTML response record (streamed)

Ingest (`newsfacts.ingest`) splits containers (JSON lists, feeds, archives) into one
`RawArticle` per record; `read_document` reads one of them. The parse stage
(`newsfacts.parse`) takes the `Document` from here and never calls back into a reader.
"""

from __future__ import annotations

from newsfacts.readers.document import Block, Document
from newsfacts.readers.feed import FEED_TYPES, read_item
from newsfacts.readers.front_matter import read_front_matter, split_front_matter
from newsfacts.readers.html import looks_like_html, read_html
from newsfacts.readers.json_records import read_json
from newsfacts.readers.markdown import field_header, is_crawler_page, read_markdown
from newsfacts.readers.text import normalise_newlines, read_text, take_date_stamp
from newsfacts.records import RawArticle

__all__ = ["Block", "Document", "read_document"]


def read_document(raw: RawArticle) -> Document:
    """The reader for the article's format (by content type, then by what the text looks like)."""
    content_type = raw.content_type.lower()
    if content_type == "application/json":
        return read_json(raw.text)
    if content_type in FEED_TYPES:
        return read_item(raw.text)
    text = normalise_newlines(raw.text)
    front = split_front_matter(text)
    if front is not None:
        return read_front_matter(*front)
    if content_type == "text/html" or looks_like_html(text):
        stamp = Document("html")
        text = take_date_stamp(text, stamp)
        doc = read_html(text)
        doc.removed[:0] = stamp.removed
        doc.dates.extend(stamp.dates)
        return doc
    if content_type == "text/markdown" or is_crawler_page(text) or field_header(text) is not None:
        return read_markdown(text)
    return read_text(text)
