"""Blocks -> article: boilerplate, headline and standfirst, published date, source, language.

The last stage of parsing. It takes the `Document` a reader made of one landed article
(`newsfacts.readers`) and decides, in one forward pass: which blocks are page furniture
(menus, kickers, bylines, date lines, link lists, captions, bios, cut-off tails), which
line is the headline (metadata fields first, then the article's own heading; never a site
name, a crawler's heading, a menu line or a reposting label), the standfirst, the
publication date (strongest evidence first), the source and URL, then the language, and
drops paragraphs written in another one. Everything removed is kept with its reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from newsfacts.language import MIN_PARAGRAPH_CHARS, detect_language, iso_code, paragraph_language
from newsfacts.parse import boilerplate as bp
from newsfacts.parse.published import date_from_url, find_date, latest_allowed, parse_date_value
from newsfacts.readers.document import Block, Document
from newsfacts.records import ParsedArticle, RawArticle, RemovedBlock

PARSER_VERSION = "parse-1.1"

# Strength of each kind of publication evidence, strongest first: metadata (a record's field,
# the page's meta tags, front matter, an archive's date stamp) before the text's own lines,
# which print the time in whatever zone the site chose. A front-matter date is written by the
# tool that saved the page; a date in the page's own URL overrides it.
BASIS_ORDER = (
    "record_field",
    "html_meta",
    "front_matter",
    "date_stamp",
    "published_line",
    "dateline",
    "url",
    "title",
)

_TERMINAL = frozenset(".!?…")
_SENTENCE_BREAK_RE = re.compile(r"[.!?…][\"”’»)\]]*\s+(?=[\"“«(]?[A-ZÀ-ÝА-ЯЁІЇЄҐ0-9])")
# Cheap scans before the exact rule below; the full stop's opens with a literal, which re finds
# several times faster than a class (! and ? are rare: tested for first).
_GLUED_GATE_RE = re.compile(r"\.[“\"]?[A-Z][a-z]")
_GLUED_GATE_RARE_RE = re.compile(r"[!?][“\"]?[A-Z][a-z]")
_GLUED_SENTENCE_RE = re.compile(r"(?<=[a-z0-9’”)%])([.!?])(?=[“\"]?[A-Z][a-z])")
_NON_WORD_RE = re.compile(r"\W+")
_WORD_CHAR_RE = re.compile(r"\w")
_BULLET_RE = re.compile(r"^\s*(?:[-*•·–—▪►]|\d{1,2}[.)])\s+")
_BULLET_FIRST = frozenset("-*•·–—▪►")
_URL_LINE_RE = re.compile(
    r"^(?:(?:url|link|source|source url|original(?: article)?|canonical|permalink)\s*:\s*)?<?(https?://\S+?)>?$",
    re.IGNORECASE,
)
_DATELINE_RE = re.compile(
    r"^([A-ZÀ-ÝА-ЯЁІЇЄ][A-ZÀ-ÝА-ЯЁІЇЄ'’. -]{1,40}[A-ZÀ-ÝА-ЯЁІЇЄ])(?:,\s*[^,:•—–(]{2,30})?\s*(?:[,:•—–-]|\(|$)"
)
_PUBLISHED_STRONG_RE = re.compile(
    r"\b(?:published|posted|created|first published|опубликовано|опубліковано|publicado|publié|"
    r"pubblicato|veröffentlicht|opublikowano)\b",
    re.IGNORECASE,
)
_UPDATED_RE = re.compile(
    r"\b(?:updated|modified|mis à jour|actualizado|aktualisiert|обновлено|оновлено)\b", re.IGNORECASE
)
_LABEL_RE = re.compile(r"^[^\W\d_][\w'’-]*(?: [\w'’-]+){0,2}:\s")  # "Source: ...", "Quote from X: ..."
_UPPER_NAME_RE = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3}(?:,| is | was | has )")


# ----------------------------------------------------------------------------- helpers


_words = bp.word_count


def _sentences(text: str) -> int:
    return len(_SENTENCE_BREAK_RE.findall(text)) + 1


def _ends_terminal(text: str) -> bool:
    stripped = text.rstrip("\"”’»)]' ")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _norm(text: str) -> str:
    if text.isascii():
        # The same in bytes, several times cheaper than the regex: casefold is lower for ASCII,
        # and non-word runs -> one space, stripped == the words joined by single spaces.
        return b" ".join(text.encode("ascii").translate(_NORM_ASCII_B).split()).decode("ascii")
    return _NON_WORD_RE.sub(" ", text.casefold()).strip()


# ASCII word characters (letters, digits, _) lowered; every other byte a space.
_NORM_ASCII_B = bytes(
    (b + 32 if 0x41 <= b <= 0x5A else b) if (b < 0x80 and (chr(b).isalnum() or b == 0x5F)) else 32
    for b in range(256)
)


def _normalises_to(text: str, norm: str) -> bool:
    """`_norm(text) == norm`, most paragraphs told apart by their first letter before the regex pass."""
    first = _first_word_char(text)
    if not first:
        return norm == ""
    return norm.startswith(first) and _norm(text) == norm


def _first_word_char(text: str) -> str:
    """The first character of `_norm(text)` ("" when it is empty)."""
    # casefold maps each character on its own: the first word character of a folded prefix is the
    # first of the whole folded text, so a paragraph is not folded whole just to be told apart.
    first = _WORD_CHAR_RE.search(text[:40].casefold()) or _WORD_CHAR_RE.search(text.casefold())
    return first.group() if first else ""


def _headline_like(text: str) -> bool:
    """A headline: 3-25 words, one sentence, no final full stop, not a menu, byline or date."""
    n = _words(text)
    if n < 3 or n > 25 or len(text) < 15:
        return False
    first = text.lstrip("\"“«'‘(")[:1]
    if not first or first.islower():
        return False
    if text.rstrip()[-1:] in ".,;:" or _sentences(text) > 1:
        return False
    if bp.is_menu_line(text) or bp.is_byline(text) or " | " in text:
        return False
    return not _URL_LINE_RE.match(text)


def _menu_like(text: str) -> bool:
    return bp.is_menu_line(text) or (_words(text) <= 3 and not _ends_terminal(text))


def _soft_headline(text: str) -> bool:
    """A headline that ends with a full stop (some sites print one): short and a single sentence."""
    n = _words(text)
    return 4 <= n <= 16 and _sentences(text) == 1 and not text[:1].islower() and " | " not in text


def _standfirst_like(text: str) -> bool:
    n = _words(text)
    return 8 <= n <= 70 and _sentences(text) <= 3 and not text[:1].islower()


def _body_prose(text: str) -> bool:
    n = _words(text)
    return n >= 26 or (n >= 10 and _sentences(text) >= 2)


def _is_date_line(text: str) -> bool:
    """A short line that is mostly a date: 'Published On 16 Jan 2023', 'Reuters Published June 8, 2023'."""
    if _words(text) > 25 or find_date(text) is None:
        return False
    # "Published: 10 March 2025 · By A. Writer, Site" is a date line whatever follows the date.
    if _PUBLISHED_STRONG_RE.match(text.lstrip("*_ ")) or _UPDATED_RE.match(text.lstrip("*_ ")):
        return True
    if _words(text) > 16:
        return False
    rest = bp.TIME_RE.sub(" ", text)
    rest = re.sub(r"\d+", " ", rest)
    rest = bp.PUBLISHED_WORD_RE.sub(" ", rest)
    leftover = [
        w
        for w in re.findall(r"[^\W\d_]+", rest)
        if w.lower() not in _DATE_FILLER and w.lower() not in _MONTH_WORDS
    ]
    return len(leftover) <= 4


_DATE_FILLER = frozenset(
    [
        "on",
        "at",
        "by",
        "the",
        "of",
        "de",
        "del",
        "di",
        "du",
        "le",
        "la",
        "am",
        "um",
        "in",
        "den",
        "и",
        "в",
        "о",
        "от",
        "de,",
        "ist",
        "et",
        "und",
        "am",
        "on:",
        "gmt",
        "utc",
        "ist",
        "eet",
        "eest",
        "cet",
        "msk",
        "am",
        "pm",
        "a",
        "m",
        "p",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "lunes",
        "martes",
        "miércoles",
        "jueves",
        "viernes",
        "sábado",
        "domingo",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
        "понеділок",
        "вівторок",
        "середа",
        "четвер",
        "пʼятниця",
        "п'ятниця",
        "субота",
        "неділя",
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
    ]
)
from newsfacts.parse.published import MONTHS as _MONTHS  # noqa: E402 - grouped with the date helpers above

_MONTH_WORDS = frozenset(_MONTHS)


def _domain(url: str) -> str | None:
    try:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname or ""
    except ValueError:
        return None
    host = host.lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host or None


# ----------------------------------------------------------------------------- headline


# A reposting site's label in front of the headline: "Breaking: ...", "Big News: ...".
_REPOST_LABEL_RE = re.compile(
    r"^(?:breaking(?: news)?|big news|just in|new|news|update|updated|latest|developing(?: story)?|"
    r"(?:news )?alert|urgent|flash|hot)\s*[:|]\s+(?=\S)",
    re.IGNORECASE,
)
# "Headline | Site", "Headline - Site", "Headline  : NPR": the separator has space on both sides.
_SUFFIX_SEP_RE = re.compile(r"\s+(\||::|:|-|–|—|·|•|/)\s+")
_DOMAIN_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_PIPE_SEPS = frozenset(("|", "::", "·", "•"))
_NAME_WORD_RE = re.compile(r"^[\W_]*[A-Z0-9À-ÝА-ЯЁІЇЄ]")
_SITE_LABELS = frozenset(("www", "m", "amp", "mobile", "news", "feeds", "rss", "edition", "en", "english"))


def _squash(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def site_keys(names: list[str]) -> set[str]:
    """Squashed forms of the site's names: 'Daily Sabah', 'www.dailysabah.com' -> 'dailysabah'."""
    keys: set[str] = set()
    for name in names:
        if "." in name and " " not in name:
            labels = [p for p in name.lower().split(".") if p and p not in _SITE_LABELS]
            if len(labels) >= 2:
                keys.add(_squash(labels[-2]))
            continue
        key = _squash(name)
        if len(key) >= 3:
            keys.add(key)
    return {k for k in keys if len(k) >= 3}


def _site_like(tail: str, sep: str, keys: set[str]) -> bool:
    words = tail.split()
    squashed = _squash(tail)
    if not squashed or len(words) > 6:
        return False
    if any(key in squashed or (len(squashed) >= 3 and squashed in key) for key in keys):
        return True
    if _DOMAIN_RE.match(tail):
        return True
    if sep in _PIPE_SEPS:
        return len(words) <= 5
    # After a dash, slash or spaced colon only a short proper name: "Euromaidan Press".
    return (
        len(words) <= 4
        and all(_NAME_WORD_RE.match(w) or w.lower() in ("of", "the", "and", "de", "la") for w in words)
        and tail.rstrip()[-1:] not in ".!?"
    )


def clean_headline(title: str | None, site_names: list[str]) -> str | None:
    """A headline without the site's name after it or a reposting label before it."""
    if not title:
        return None
    title = " ".join(title.split())
    keys = site_keys(site_names)
    for _ in range(3):
        matches = list(_SUFFIX_SEP_RE.finditer(title))
        if not matches:
            break
        last = matches[-1]
        head, tail = title[: last.start()].strip(), title[last.end() :].strip()
        if _words(head) < 3 or not _site_like(tail, last[1], keys):
            break
        title = head
    # "Site | Headline": a site's name in front, recognised only as the site's own name.
    first = _SUFFIX_SEP_RE.search(title)
    if first and keys:
        head, rest = title[: first.start()].strip(), title[first.end() :].strip()
        squashed = _squash(head)
        if _words(rest) >= 3 and squashed and any(key == squashed or key in squashed for key in keys):
            title = rest
    label = _REPOST_LABEL_RE.match(title)
    if label and _words(title[label.end() :]) >= 3:
        title = title[label.end() :]
    return title.strip() or None


def _title_from_first_line(live: list[Block], keys: list[str]) -> str | None:
    """A saved excerpt that opens with the page's title line, 'Headline | Site'."""
    first_block = next((b for b in live if b.reason is None), None)
    if first_block is None or " | " not in first_block.text:
        return None
    cleaned = clean_headline(first_block.text, keys)
    if (
        cleaned
        and cleaned != first_block.text
        and _headline_like(cleaned)
        and not _is_date_line(cleaned)
        and not bp.is_byline(cleaned)
    ):
        first_block.reason = "page_title"
        return cleaned
    return None


# Where a lowercase letter runs into a capitalised word. It matches the capital (its start is
# the same position as the empty match between the two letters) so that re scans for it in C.
_GLUE_RE = re.compile(r"[A-ZÀ-ÝА-ЯЁІЇЄҐ](?<=[a-zà-ÿа-яёіїєґ][A-ZÀ-ÝА-ЯЁІЇЄҐ])(?=[a-zà-ÿа-яёіїєґ]{2})")


def _unglue_first_line(blocks: list[Block]) -> str | None:
    """A saved page that dropped the break between headline and subtitle: 'ПодмосковьеУкраинские'."""
    index = next((i for i, b in enumerate(blocks) if b.reason is None), None)
    if index is None or _words(blocks[index].text) < 10:
        return None
    text = blocks[index].text
    for match in _GLUE_RE.finditer(text):
        head, rest = text[: match.start()], text[match.start() :]
        if _words(rest) >= 3 and _headline_like(head) and _words(head) >= 4:
            blocks[index : index + 1] = [Block(blocks[index].kind, head, "title"), Block("line", rest)]
            return head
    return None


def _is_site_name(text: str, site_names: list[str], min_words: int = 3) -> bool:
    """The site's own name (or too short to be a headline on a whole page)."""
    squashed = _squash(text)
    if _words(text) < min_words:
        return True
    return any(key == squashed or squashed in key for key in site_keys(site_names))


def _printed_again(blocks: list[Block], title: str) -> bool:
    title_norm = _norm(title)
    return any(b.reason is None and _norm(b.text) == title_norm for b in blocks)


def _skip_to_heading(blocks: list[Block], title: str) -> None:
    """On a whole saved page the article starts at its own heading: what comes before is furniture."""
    title_norm = _norm(title)
    live = [b for b in blocks if b.reason is None]
    limit = max(1, int(len(live) * 0.8))
    longest = len(title) + 20
    for k, block in enumerate(live[:limit]):
        if len(block.text) > longest:
            continue  # a paragraph, not the heading: not worth normalising
        norm = _norm(block.text)
        if norm == title_norm or (len(norm) > 20 and title_norm.startswith(norm)):
            for before in live[:k]:
                before.reason = "page_furniture"
            return


# ----------------------------------------------------------------------------- main


def build_article(raw: RawArticle, doc: Document) -> ParsedArticle:
    """Judge the blocks and metadata a reader found in one landed article."""
    latest = latest_allowed(raw.landed_date)
    removed: list[RemovedBlock] = list(doc.removed)
    # A record in a list, feed or archive names its own address; a file's comes from the manifest.
    own_url = doc.format in ("json", "feed_item")
    url = (doc.url or raw.source_url) if own_url else (raw.source_url or doc.url)
    record_source = doc.source
    if record_source and record_source.startswith(("http://", "https://")):
        record_source = _domain(record_source)
    url_domain = _domain(url) if url else None
    site_names = [s for s in (doc.site_name, record_source, url_domain) if s]
    blocks = doc.blocks

    title = clean_headline(doc.title, site_names)
    if title is not None and _is_site_name(title, site_names, min_words=3 if doc.whole_page else 1):
        title = None  # a site whose logo is its <h1>, a record whose title is its outlet
    if title is None and doc.page_title:
        cleaned = clean_headline(doc.page_title, site_names)
        # A <title> line is the headline when it named the site after it, or when the page
        # prints it again as its heading.
        if (
            cleaned
            and _words(cleaned) >= 3
            and not _is_site_name(cleaned, site_names)
            and (cleaned != doc.page_title or _printed_again(blocks, cleaned))
        ):
            title = cleaned
    if title is None and not doc.whole_page and doc.format in ("text", "markdown"):
        title = _title_from_first_line(blocks, site_names) or _unglue_first_line(blocks)
    if title and doc.whole_page:
        _skip_to_heading(blocks, title)
    standfirst = clean_headline(doc.standfirst, []) if doc.standfirst else None

    evidence: list[tuple[str, date]] = []
    for basis, value in doc.dates:
        if basis in BASIS_ORDER:
            found = parse_date_value(value, latest)
            if found:
                evidence.append((basis, found))

    title, standfirst, headings, paragraphs, header_info = _read_blocks(
        blocks, title, standfirst, removed, latest
    )
    if not url:
        url = header_info.url
        url_domain = _domain(url) if url else None

    # Language: the article once on its body, then only paragraphs long enough to judge.
    body_sample = " ".join(paragraphs)[:1500]
    language = detect_language(body_sample) if len(body_sample) >= 20 else None
    if language is None:
        language = iso_code(doc.language) or (detect_language(title or "") if title else None)
    kept: list[str] = []
    kept_langs: list[str | None] = []
    for paragraph in paragraphs:
        lang, foreign = paragraph_language(paragraph, language)
        if foreign:
            removed.append(RemovedBlock(paragraph, f"other_language:{lang}"))
        else:
            kept.append(paragraph)
            kept_langs.append(language)
    kept_headings: list[str] = []
    for heading in headings:
        lang, foreign = (
            paragraph_language(heading, language)
            if len(heading) >= MIN_PARAGRAPH_CHARS
            else (language, False)
        )
        if foreign:
            removed.append(RemovedBlock(heading, f"other_language:{lang}"))
        else:
            kept_headings.append(heading)

    # Publication date: strongest kind of evidence wins; URL and title only as fallbacks.
    evidence.extend(header_info.dates)
    if url:
        found = date_from_url(url, latest)
        if found:
            evidence.append(("url", found))
            # A saving tool's date that the page's own address contradicts is not the article's.
            evidence = [(b, d) for b, d in evidence if b != "front_matter" or d == found]
    if title:
        found = find_date(title, latest)
        if found:
            evidence.append(("title", found))
    published, basis = None, None
    if evidence:
        basis, published = min(evidence, key=lambda item: BASIS_ORDER.index(item[0]))

    source = _pick_source(record_source, doc.site_name, header_info, kept, url_domain)
    return ParsedArticle(
        article_id=raw.article_id,
        landed_date=raw.landed_date,
        source_file=raw.source_file,
        title=title,
        standfirst=standfirst,
        headings=tuple(kept_headings),
        paragraphs=tuple(kept),
        paragraph_languages=tuple(kept_langs),
        removed_blocks=tuple(removed),
        language=language,
        published=published,
        published_basis=basis,
        source=source,
        url=url,
        word_count=sum(_words(p) for p in kept),
        parser_version=PARSER_VERSION,
    )


@dataclass(slots=True)
class _HeaderInfo:
    dates: list[tuple[str, date]]
    line_dates: list[tuple[int, int, date]] = field(default_factory=list)  # (rank, -position, date)
    agency: str | None = None
    site: str | None = None
    url: str | None = None


# "(?:[-—–(]\s*|\s)" as one class (spaces allowed only after a dash or parenthesis): re skips to it.
_TRAILING_AGENCY_RE = re.compile(
    r"[-—–(\s](?:(?<=[-—–(])\s*)?(" + "|".join(re.escape(a) for a in bp.AGENCY_NAMES) + r")\)?\s*$"
)


def _pick_source(
    record_source: str | None,
    site_name: str | None,
    info: _HeaderInfo,
    paragraphs: list[str],
    url_domain: str | None,
) -> str | None:
    if record_source:
        return record_source
    if info.agency:
        return info.agency
    if info.site:
        return info.site
    if site_name:
        return site_name
    if paragraphs:
        m = _TRAILING_AGENCY_RE.search(paragraphs[-1][-60:])
        if m:
            return m[1]
    return url_domain


def _read_blocks(
    blocks: list[Block],
    title: str | None,
    standfirst: str | None,
    removed: list[RemovedBlock],
    latest: date | None,
) -> tuple[str | None, str | None, list[str], list[str], _HeaderInfo]:
    info = _HeaderInfo(dates=[])
    # 1. Self-evident furniture, bullets, URL lines, glued sentences.
    for block in blocks:
        if block.reason:
            continue
        first = block.text[:1]
        # (a bullet opens with a space, a bullet sign or a digit: most lines skip the regex)
        maybe_bullet = first in _BULLET_FIRST or first.isspace() or first.isdecimal()
        bullet = _BULLET_RE.match(block.text) if maybe_bullet else None
        if bullet:
            block.text = block.text[bullet.end() :].strip()
            if block.kind == "line":
                block.kind = "li"
        if not block.text:
            block.reason = "empty"
            continue
        url_line = _URL_LINE_RE.match(block.text) if "://" in block.text else None
        if url_line:
            block.reason = "url"
            info.url = info.url or url_line[1]
            continue
        block.reason = bp.classify_line(block.text)
    # A short line right before a captioned photo credit is the photo's title (alt text),
    # unless it follows a headline (then it is the headline, or its duplicate) or opens the
    # page after nothing but menu lines.
    for i in range(1, len(blocks)):
        if blocks[i].reason == "caption" and blocks[i - 1].reason is None:
            prev = blocks[i - 1]
            before = next(
                (b for b in reversed(blocks[: i - 1]) if b.reason is None and not _menu_like(b.text)), None
            )
            if (
                _words(prev.text) <= 10
                and not _ends_terminal(prev.text)
                and before is not None
                and not _headline_like(before.text)
            ):
                prev.reason = "caption"

    removed.extend(RemovedBlock(b.text, b.reason) for b in blocks if b.reason and b.reason != "empty")
    live = [b for b in blocks if b.reason is None]
    title_norm = _norm(title) if title else None
    standfirst_norm = _norm(standfirst) if standfirst else None

    # 2. Header: everything before the first body paragraph.
    pending: list[Block] = []
    body_start = len(live)
    i = 0
    while i < len(live):
        block = live[i]
        text = block.text
        # Normalised only when there is something to compare with (a pass over the block).
        norm = _norm(text) if title_norm or standfirst_norm or pending else ""
        if title_norm and (norm == title_norm or (len(norm) > 20 and title_norm.startswith(norm))):
            block.reason = "duplicate_title"
        elif standfirst_norm and norm == standfirst_norm:
            block.reason = "duplicate_standfirst"
        elif pending and norm == _norm(pending[-1].text):
            block.reason = "duplicate_title"
        elif _header_meta(block, info, latest):
            pass
        elif (
            (block.kind == "h" and title is None and not pending and _words(text) >= 3)
            or (title is None and _headline_like(text) and not _dateline(text))
            or (
                title is None
                and not pending
                and _soft_headline(text)
                and _ends_terminal(text)
                and _next_supports_title(live, i)
            )
        ):
            pending.append(block)
        else:
            if title is None and pending:
                title, extra = _resolve_title(pending)
                if extra is not None and standfirst is None:
                    standfirst = extra.text
                    extra.reason = "standfirst"
                pending = []
            if (
                standfirst is None
                and title is not None
                and _standfirst_like(text)
                and not _dateline(text)
                and (not _ends_terminal(text) or _next_is_meta(live, i, info, latest))
            ):
                standfirst = text
                block.reason = "standfirst"
            else:
                body_start = i
                break
        if block.reason and block.reason not in ("standfirst",):
            removed.append(RemovedBlock(block.text, block.reason))
        i += 1
    if title is None and pending:
        title, extra = _resolve_title(pending)
        if extra is not None and standfirst is None:
            standfirst = extra.text
            extra.reason = "standfirst"
    for block in pending:
        if block.reason is None and block.text != title and block.text != standfirst:
            block.reason = "link_list"
            removed.append(RemovedBlock(block.text, "link_list"))
    if title is not None and title_norm is None:
        for block in live[:body_start]:
            if block.text == title:
                block.reason = "title"

    if info.line_dates:
        info.dates.append(("published_line", max(info.line_dates)[2]))

    # 3. Body.
    if body_start < len(live):
        _dateline_evidence(live[body_start].text, info, latest)
    body = [b for b in live[body_start:] if b.reason is None]
    headings: list[str] = []
    paragraphs: list[str] = []
    in_list = False
    n = len(body)
    for j, block in enumerate(body):
        text = block.text
        reason = None
        if title_norm and _normalises_to(text, title_norm):
            reason = "duplicate_title"
        elif bp.is_list_marker(text):
            in_list = True
            reason = "link_list"
        elif in_list:
            if _body_prose(text) and _ends_terminal(text) and _words(text, 30) >= 30:
                in_list = False
            else:
                reason = "link_list"
        if reason is None and not in_list:
            reason = _body_reason(body, j, n)
        if (reason is None and block.kind == "h") or reason == "heading":
            if block.kind == "h" or j < n - 1:
                headings.append(text)
                continue
            reason = "truncated"
        if reason:
            removed.append(RemovedBlock(text, reason))
            continue
        if len(text) > 40 and (
            _GLUED_GATE_RE.search(text) or (("!" in text or "?" in text) and _GLUED_GATE_RARE_RE.search(text))
        ):
            text = _GLUED_SENTENCE_RE.sub(r"\1 ", text)
        paragraphs.append(text)
    return title, standfirst, headings, paragraphs, info


def _resolve_title(pending: list[Block]) -> tuple[str, Block | None]:
    """Pick the headline among consecutive headline-like header lines; earlier ones are a list."""
    if len(pending) == 1:
        pending[0].reason = "title"
        return pending[0].text, None
    last, before = pending[-1], pending[-2]
    if _words(last.text) >= 8 and _words(last.text) >= _words(before.text):
        before.reason = "title"
        return before.text, last
    last.reason = "title"
    return last.text, None


def _next_supports_title(live: list[Block], i: int) -> bool:
    """A headline ending in a full stop is believed only when a standfirst or meta line follows."""
    if i + 1 >= len(live):
        return False
    nxt = live[i + 1].text
    if _is_date_line(nxt) or bp.is_byline(nxt) or bp.is_meta_line(nxt):
        return True
    return _standfirst_like(nxt) and not _ends_terminal(nxt) and _words(nxt) <= 40


def _next_is_meta(live: list[Block], i: int, info: _HeaderInfo, latest: date | None) -> bool:
    for block in live[i + 1 : i + 4]:
        if block.reason in ("caption", "title", "duplicate_title"):
            continue
        text = block.text
        return _is_date_line(text) or bp.is_byline(text) or bp.is_meta_line(text)
    return False


def _dateline(text: str) -> bool:
    m = _DATELINE_RE.match(text)
    return bool(m) and len(m[1]) >= 3 and m[1].upper() == m[1] and _words(text) > 8


def _header_meta(block: Block, info: _HeaderInfo, latest: date | None) -> bool:
    """Classify a header line as menu / byline / date line / credit; harvest its date and agency."""
    text = block.text
    n = _words(text)
    is_date = _is_date_line(text)
    if not is_date and (
        bp.is_menu_line(text)
        or (n <= 3 and not _ends_terminal(text) and block.kind != "h" and not bp.AGENCY_RE.fullmatch(text))
    ):
        block.reason = "menu"
        return True
    if not is_date and n <= 3 and bp.AGENCY_RE.fullmatch(text):
        block.reason = "credit"
        info.agency = info.agency or bp._canonical_agency(text)
        return True
    is_meta = bp.is_meta_line(text)
    is_byline = bp.is_byline(text)
    if not (is_meta or is_byline or is_date):
        return False
    block.reason = "byline" if is_byline else ("meta" if is_meta else "date_line")
    found = find_date(text, latest)
    if found:
        # explicit "Published" beats a bare date line, which beats "Updated"
        rank = 2 if _PUBLISHED_STRONG_RE.search(text) else (0 if _UPDATED_RE.search(text) else 1)
        info.line_dates.append((rank, -len(info.line_dates), found))
    agency = bp.agency_in(text)
    if agency is None:
        m = bp.AGENCY_RE.match(text)
        agency = m.group(0) if m else None
    if agency:
        info.agency = info.agency or bp._canonical_agency(agency)
    if is_byline and " | " in text:
        site = text.rsplit(" | ", 1)[1].strip()
        if 1 <= _words(site) <= 5 and not find_date(site):
            info.site = info.site or site
    return True


def _dateline_evidence(text: str, info: _HeaderInfo, latest: date | None) -> None:
    """'KYIV, March 3, 2024 (Reuters) -' at the start of the body: a dateline with a full date."""
    head = text[:90]
    agency = bp.agency_in(head)
    if agency:
        info.agency = info.agency or agency
    m = _DATELINE_RE.match(head)
    if m and m[1].upper() == m[1] and len(m[1]) >= 3:
        found = find_date(head[: m.end() + 40], latest)
        if found:
            info.dates.append(("dateline", found))


def _body_reason(body: list[Block], j: int, n: int) -> str | None:
    """Context rules inside the body: short-line runs, author bios, headings, a cut-off tail."""
    text = body[j].text
    words = _words(text, 90)  # no rule below reads past 90 words
    if body[j].kind == "h":
        return "heading"
    prev_text = body[j - 1].text if j > 0 else ""
    next_text = body[j + 1].text if j + 1 < n else ""
    if words <= 3 and not _ends_terminal(text):
        # A name line followed by the author's bio at the end of the page.
        if next_text and next_text.startswith(text) and bp.AUTHOR_ROLE_RE.search(next_text):
            return "author_bio"
        short_neighbours = (_words(prev_text, 3) <= 3 and prev_text and not _ends_terminal(prev_text)) or (
            _words(next_text, 3) <= 3 and next_text and not _ends_terminal(next_text)
        )
        if short_neighbours:
            return "menu"
        if j == n - 1:
            return "truncated"
        return "heading"
    if j >= n - 3 and _UPPER_NAME_RE.match(text) and bp.AUTHOR_ROLE_RE.search(text) and words <= 90:
        return "author_bio"
    if not _ends_terminal(text) and words <= 14 and text[-1:] not in ",;:" and not _LABEL_RE.match(text):
        if j == n - 1:
            return "truncated"
        if _headline_like(text) or (words >= 2 and text[:1].isupper()):
            return "heading"
    return None
