"""Markdown, including the markdown a crawler saves for a whole page.

A crawler's page file starts with a `# domain` heading, then sections it wrote itself:
`## Metadata` (a `- **Key**: value` list with the URL, the domain and fetch times),
`## Page Structure` (the page's heading outline, `- # Headline` first), `## Content` (the
page's text, the `<title>` line first) and `## Links`. Those sections are the crawler's, not
the article's: their values become metadata and only `## Content` becomes blocks.

Reader services write a page as `Title: ...`, `URL Source: ...`, `Published Time: ...`
lines, then `Markdown Content:` and the page; those lines are read the same way.
"""

from __future__ import annotations

import re

from newsfacts.readers.document import ARCHIVE_DATE, HTML_META, Block, Document
from newsfacts.readers.text import normalise_newlines, split_plain, take_date_stamp
from newsfacts.records import RemovedBlock

_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_WS = re.compile(r"\s+")
_RULE_RE = re.compile(r"[-*_=]{3,}")  # a thematic break, or a setext heading's underline
_RULE_CHARS = frozenset("-*_=")

CRAWLER_SECTIONS = ("Metadata", "Page Structure", "Content", "Links")
_SECTION_RE = re.compile(r"^##\s+(" + "|".join(CRAWLER_SECTIONS) + r")\s*$", re.MULTILINE)
_META_ITEM_RE = re.compile(r"^\s*[-*]\s+\*\*([^*]+)\*\*\s*:\s*(.*?)\s*$")
_OUTLINE_H1_RE = re.compile(r"^\s*[-*]\s+#\s+(.+?)\s*$")
_URL_KEYS = ("url", "final url", "canonical url", "source url", "url source", "link")
_FIELD_LINE_RE = re.compile(r"^([A-Z][A-Za-z ]{1,30}):[ \t]*(.*?)\s*$")
_PUBLISHED_KEYS = (
    "published time",
    "published",
    "published at",
    "date published",
    "publication date",
    "article:published_time",
)
_FETCH_KEYS = ("scraped at", "fetched at", "crawled at", "retrieved at", "date", "timestamp")


def md_inline(text: str) -> str:
    # Each sub only where its syntax can occur: a sub with a group template costs a Python-level
    # call into re even when nothing matches.
    if "](" in text:
        text = _MD_LINK_RE.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text:
        text = _MD_EMPHASIS_RE.sub(r"\2", text)
    return text.strip()


def split_markdown(text: str) -> list[Block]:
    blocks: list[Block] = []
    for block in split_plain(text):
        line = block.text
        heading = _MD_HEADING_RE.match(line)
        if heading:
            blocks.append(Block("h", md_inline(heading[2])))
            continue
        if line[:1] in _RULE_CHARS and _RULE_RE.fullmatch(line):
            if line[0] == "=" and blocks and blocks[-1].kind == "line":
                blocks[-1].kind = "h"  # a setext heading: the line above, underlined with ===
            continue
        images = _MD_IMAGE_RE.findall(line) if "![" in line else []
        line = _MD_IMAGE_RE.sub("", line).strip() if images else line.strip()
        if images and not line:
            alt = _WS.sub(" ", " ".join(images)).strip()
            if alt:
                blocks.append(Block("caption", alt, "caption"))
            continue
        if line.startswith(">"):
            line = line.lstrip("> ")
        blocks.append(Block("line", md_inline(line)))
    return blocks


def is_crawler_page(text: str) -> bool:
    """`# heading` first, then the crawler's own `## Metadata` or `## Content` section."""
    head = text.lstrip()[:4000]
    if not head.startswith("# "):
        return False
    sections = {m[1] for m in _SECTION_RE.finditer(head)}
    return "Metadata" in sections or ("Content" in sections and "Page Structure" in sections)


def read_crawler_page(text: str) -> Document:
    doc = Document("crawler_markdown", whole_page=True)
    matches = list(_SECTION_RE.finditer(text))
    sections: dict[str, str] = {}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        sections.setdefault(match[1], text[match.end() : end])
    # The crawler's own heading (the domain) and its Links section are not the article.
    first_line = text.lstrip().split("\n", 1)[0]
    doc.removed.append(RemovedBlock(first_line[2:].strip(), "crawler_heading"))
    for line in sections.get("Metadata", "").splitlines():
        item = _META_ITEM_RE.match(line)
        if not item:
            continue
        key, value = item[1].strip().lower(), item[2].strip()
        if key in _URL_KEYS and value.startswith(("http://", "https://")) and doc.url is None:
            doc.url = value
        elif key == "domain" and value:
            doc.site_name = doc.site_name or value
        elif key in ("title", "page title") and value:
            doc.page_title = value
        elif key in ("language", "lang") and value:
            doc.language = value
        elif key in _PUBLISHED_KEYS and value:
            doc.dates.append((HTML_META, value))  # the page's own publication date, as the crawler read it
        elif key in _FETCH_KEYS and value:
            doc.dates.append((ARCHIVE_DATE, value))
    for line in sections.get("Page Structure", "").splitlines():
        heading = _OUTLINE_H1_RE.match(line)
        if heading:
            doc.title = md_inline(heading[1])
            break
    blocks = split_markdown(sections.get("Content", ""))
    # The crawler writes the page's <title> as the first line of the content.
    if blocks and blocks[0].kind == "line":
        doc.page_title = doc.page_title or blocks[0].text
        blocks[0].reason = "page_title"
    doc.blocks = blocks
    return doc


def field_header(text: str) -> tuple[dict[str, str], str] | None:
    """`Title: ...` / `URL Source: ...` lines up to `Markdown Content:`, and the text after them."""
    if not text.startswith("Title:"):
        return None
    fields: dict[str, str] = {}
    position = 0
    for line in text.splitlines(keepends=True)[:40]:
        position += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        match = _FIELD_LINE_RE.match(stripped)
        if match is None:
            return None
        key = match[1].strip().lower()
        if key in ("markdown content", "content"):
            return fields, text[position:]
        fields.setdefault(key, match[2])
    return None


def read_field_page(fields: dict[str, str], body: str) -> Document:
    doc = Document("crawler_markdown", whole_page=True)
    doc.title = fields.get("title") or None
    url = next((fields[k] for k in _URL_KEYS if fields.get(k, "").startswith(("http://", "https://"))), None)
    doc.url = url
    for key in _PUBLISHED_KEYS:
        if fields.get(key):
            doc.dates.append((HTML_META, fields[key]))
    doc.language = fields.get("language") or None
    doc.blocks = split_markdown(body)
    return doc


def read_markdown(text: str) -> Document:
    text = normalise_newlines(text)
    if is_crawler_page(text):
        return read_crawler_page(text)
    header = field_header(text)
    if header is not None:
        return read_field_page(*header)
    doc = Document("markdown")
    text = take_date_stamp(text, doc)
    doc.blocks = split_markdown(text)
    return doc
