"""Front matter: a YAML (`---`) or TOML (`+++`) block of fields, then the text or HTML.

Site generators (Jekyll, Hugo) and page savers write the headline, date and address of the
page into front matter; the body after it is markdown, plain text or the article's HTML as a
feed delivered it.
"""

from __future__ import annotations

import html as html_lib
import re
import tomllib
from datetime import date, datetime

import yaml

from newsfacts.readers.document import FRONT_MATTER, Document
from newsfacts.readers.html import clean, looks_like_html, read_fragment
from newsfacts.readers.markdown import split_markdown

_YAML_RE = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_TOML_RE = re.compile(r"\A\ufeff?\+\+\+[ \t]*\n(.*?\n)\+\+\+[ \t]*(?:\n|\Z)", re.DOTALL)
MAX_FRONT_MATTER = 20_000

TITLE_KEYS = ("title", "headline")
DATE_KEYS = ("date", "published", "pubdate", "publishdate", "published_at", "date_published")
URL_KEYS = ("link", "url", "canonical", "canonical_url", "permalink", "original_url", "source_url")
SOURCE_KEYS = ("source", "publisher", "site", "site_name", "sitename", "outlet")
STANDFIRST_KEYS = ("description", "summary", "excerpt", "subtitle", "lead")
LANGUAGE_KEYS = ("lang", "language", "locale")


def split_front_matter(text: str) -> tuple[dict, str] | None:
    """(fields, rest of the text) when the text opens with a front-matter block of fields."""
    head = text[: MAX_FRONT_MATTER + 10]
    for pattern, load in ((_YAML_RE, _load_yaml), (_TOML_RE, _load_toml)):
        match = pattern.match(head)
        if match:
            fields = load(match[1])
            if isinstance(fields, dict) and fields:
                return {str(k).lower(): v for k, v in fields.items()}, text[match.end() :]
    return None


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load_yaml(block: str) -> object:
    try:
        # the C loader (libyaml) where the wheel has it: the pure-Python one is a quarter of parsing
        return yaml.load(block, Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        return None


def _load_toml(block: str) -> object:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return None


def _field(fields: dict, keys: tuple[str, ...]) -> object:
    for key in keys:
        value = fields.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _text(value: object) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or isinstance(value, bool):
        return None
    return clean(html_lib.unescape(str(value))) or None


def read_front_matter(fields: dict, body: str) -> Document:
    doc = Document("front_matter", whole_page=True)
    doc.title = _text(_field(fields, TITLE_KEYS))
    doc.standfirst = _text(_field(fields, STANDFIRST_KEYS))
    urls = [_text(fields.get(key)) for key in (*URL_KEYS, *SOURCE_KEYS)]
    doc.url = next((u for u in urls if u and u.startswith(("http://", "https://"))), None)
    source = _text(_field(fields, SOURCE_KEYS))
    doc.source = source if source and not source.startswith(("http://", "https://")) else None
    doc.language = _text(_field(fields, LANGUAGE_KEYS))
    doc.site_name = _text(fields.get("hostname"))
    value = _field(fields, DATE_KEYS)
    if isinstance(value, datetime | date | str):
        doc.dates.append((FRONT_MATTER, value))
    body = body.lstrip("\n")
    doc.blocks = read_fragment(body) if looks_like_html(body) else split_markdown(body)
    return doc
