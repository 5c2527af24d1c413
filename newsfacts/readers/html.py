"""HTML reader: a page or fragment -> headline, meta evidence and content blocks.

The page's own metadata (title, canonical URL, publication meta tags, site name, lang) is read
with lxml first; the body is then extracted by trafilatura, which drops navigation, footers and
sidebars. Fragments too small for trafilatura (an HTML body inside a JSON record) fall back
to a plain walk over block elements.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import lxml.html
import trafilatura
from lxml import etree

from newsfacts.readers.document import HTML_META, Block, Document

_BLOCK_TAGS = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "td", "dt", "dd")
)
_HEAD_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "head"))
_SKIP_TAGS = frozenset(
    ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select")
)
_WS = re.compile(r"\s+")
_CONTAINER_TAGS = frozenset(("div", "section", "article", "main", "body"))
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "cxenseparse:recs:publishtime",
    "article_date_original",
    "original-publish-date",
    "released",
    "story_publish_date",
)
_DATE_CLASS_XPATH = (
    "//*[not(self::html or self::body or self::article or self::main)]"
    "[contains(@class, 'publish') or contains(@class, 'posted') or contains(@class, 'dateline')"
    " or contains(@class, 'date') or @class = 'meta' or contains(@class, 'article-meta')]"
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dc.date.modified",
)


@dataclass(slots=True)
class HtmlDoc:
    title: str | None = None
    page_title: str | None = None  # the <title> element as written
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (kind "h"/"p"/"li"/"caption", text)
    published_values: list[str] = field(default_factory=list)  # strongest first
    modified_values: list[str] = field(default_factory=list)
    url: str | None = None
    site_name: str | None = None
    language: str | None = None
    author: str | None = None


def looks_like_html(text: str) -> bool:
    if "<" not in text[:5000]:  # every test below needs a tag within the first 5000 characters
        return False
    head = text[:2000].lower()
    if "<html" in head or "<!doctype html" in head or "<body" in head:
        return True
    return (
        len(re.findall(r"</?(?:p|div|br|span|a|h[1-6]|li|article|section)\b[^>]*>", text[:5000], re.I)) >= 3
    )


def clean(text: str | None) -> str:
    # == _WS.sub(" ", text).strip(): str.split() and re's \s know the same whitespace.
    return " ".join(text.split()) if text else ""


def _meta_map(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        value = meta.get("content")
        if key and value and key not in found:
            found[key] = value.strip()
    return found


def _json_ld(tree: lxml.html.HtmlElement) -> list[dict]:
    items: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                items.append(node)
                if "@graph" in node:
                    stack.append(node["@graph"])
    return items


def _strip_site_suffix(title: str, site: str | None) -> str:
    """'Headline | Site' or 'Headline - Site News' -> 'Headline'."""
    for sep in (" | ", " – ", " — ", " - ", " :: ", " · "):
        if sep in title:
            head, _, tail = title.rpartition(sep)
            if (site and site.lower() in tail.lower()) or (len(tail.split()) <= 4 and len(head.split()) >= 3):
                return head.strip()
    return title


def parse_html(html: str) -> HtmlDoc:
    doc = HtmlDoc()
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return doc
    meta = _meta_map(tree)
    doc.site_name = meta.get("og:site_name") or meta.get("application-name") or None
    doc.author = meta.get("author") or meta.get("article:author") or None
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    doc.url = meta.get("og:url") or (canonical[0].strip() if canonical else None)
    doc.language = tree.get("lang") or meta.get("og:locale") or meta.get("language") or None
    for key in _PUBLISHED_META:
        if key in meta:
            doc.published_values.append(meta[key])
    for key in _MODIFIED_META:
        if key in meta:
            doc.modified_values.append(meta[key])
    ld_title = None
    for item in _json_ld(tree):
        if item.get("datePublished"):
            doc.published_values.append(str(item["datePublished"]))
        if item.get("dateModified"):
            doc.modified_values.append(str(item["dateModified"]))
        if not ld_title and isinstance(item.get("headline"), str):
            ld_title = clean(item["headline"])
        publisher = item.get("publisher")
        if not doc.site_name and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            doc.site_name = publisher["name"]
    for node in tree.xpath("//*[@itemprop='datePublished']"):
        value = node.get("content") or node.get("datetime") or clean(node.text_content())
        if value:
            doc.published_values.append(value)
    for node in tree.xpath("//time[@pubdate or @datetime]")[:1]:
        doc.published_values.append(node.get("datetime") or clean(node.text_content()))
    # Without date metadata: a short element the page's markup names as its date line
    # ("Published 14.03.2025 08:05"), which the main-text extraction leaves out with the header.
    for node in [] if doc.published_values else tree.xpath(_DATE_CLASS_XPATH)[:4]:
        text = clean(node.text_content())
        if text and len(text.split()) <= 12 and re.search(r"\d", text):
            doc.published_values.append(text)

    h1s = [clean(h.text_content()) for h in tree.iter("h1")]
    h1s = [h for h in h1s if len(h.split()) >= 3]
    page_title = clean(tree.findtext(".//title"))
    doc.page_title = page_title or None
    og_title = clean(meta.get("og:title") or meta.get("twitter:title"))
    if len(h1s) >= 1 and (len(h1s) == 1 or not og_title or h1s[0] in og_title):
        doc.title = h1s[0]
    elif ld_title:
        doc.title = ld_title
    elif og_title:
        doc.title = _strip_site_suffix(og_title, doc.site_name)
    elif page_title:
        doc.title = _strip_site_suffix(page_title, doc.site_name)

    doc.blocks = _trafilatura_blocks(tree) or _walk_blocks(tree)
    return doc


def parse_fragment(html: str) -> list[tuple[str, str]]:
    """Blocks of an HTML fragment (a record's body): no page furniture to strip."""
    try:
        tree = lxml.html.fromstring(f"<div>{html}</div>")
    except (etree.ParserError, ValueError):
        return []
    return _walk_blocks(tree)


def _trafilatura_blocks(tree: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    try:
        result = trafilatura.bare_extraction(
            tree,
            fast=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            with_metadata=False,
            favor_precision=False,
        )
    except Exception:
        return []
    body = getattr(result, "body", None)
    if body is None:
        return []
    blocks: list[tuple[str, str]] = []
    for element in body:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "list":
            for item in element.iter("item"):
                text = clean("".join(item.itertext()))
                if text:
                    blocks.append(("li", text))
            continue
        text = clean("".join(element.itertext()))
        if not text:
            continue
        kind = "h" if tag in _HEAD_TAGS else "p"
        blocks.append((kind, text))
    return blocks


def _walk_blocks(root: lxml.html.HtmlElement) -> list[tuple[str, str]]:
    """Leaf block elements in document order; loose text in divs becomes its own block."""
    blocks: list[tuple[str, str]] = []
    # Preorder, not descending below a skipped or block element (its content is not walked):
    # the same elements as root.iter() without testing every element's ancestors.
    stack = [root]
    while stack:
        element = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP_TAGS:
            continue
        if tag in _BLOCK_TAGS:
            # <br><br> inside a paragraph separates paragraphs in hand-made HTML.
            parts = _split_on_br(element)
            kind = (
                "h"
                if tag in _HEAD_TAGS
                else ("li" if tag == "li" else "caption" if tag == "figcaption" else "p")
            )
            blocks.extend((kind, p) for p in parts)
        else:
            if tag in _CONTAINER_TAGS:
                text = clean(element.text)
                if text:
                    blocks.append(("p", text))
            stack.extend(reversed(element))
        if tag and element.tail:
            parent = element.getparent()
            if parent is not None and parent.tag in _CONTAINER_TAGS:
                tail = clean(element.tail)
                if tail:
                    blocks.append(("p", tail))
    return blocks


def _split_on_br(element: lxml.html.HtmlElement) -> list[str]:
    pieces: list[str] = []
    current: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "br":
            pieces.append("".join(current))
            current = [child.tail or ""]
        elif isinstance(child.tag, str) and child.tag in _SKIP_TAGS:
            current.append(child.tail or "")
        else:
            current.append(child.text_content() if isinstance(child.tag, str) else "")
            current.append(child.tail or "")
    pieces.append("".join(current))
    return [c for c in (clean(p) for p in pieces) if c]


def read_html(html: str) -> Document:
    """A whole page (or a body with block tags): head metadata plus the main text's blocks."""
    page = parse_html(html)
    doc = Document("html", whole_page=True)
    doc.title = page.title
    doc.page_title = page.page_title
    doc.url = page.url
    doc.site_name = clean(page.site_name) or None
    doc.language = page.language
    doc.dates = [(HTML_META, value) for value in page.published_values]
    doc.blocks = [Block(kind, text, "caption" if kind == "caption" else None) for kind, text in page.blocks]
    return doc


def read_fragment(html: str) -> list[Block]:
    """Blocks of an HTML body that is not a whole page (a record's or a feed item's content)."""
    if "<html" in html[:2000].lower() or "<body" in html[:5000].lower():
        return read_html(html).blocks
    return [
        Block(kind, text, "caption" if kind == "caption" else None) for kind, text in parse_fragment(html)
    ]
