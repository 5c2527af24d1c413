"""Landing folder to raw records: every landed file becomes articles or rejected rows.

Nothing is dropped: a file (or JSON record) that is not a readable article becomes a
`RejectedInput` with a reason code, and an exact repeat of an article already seen in the
same landing day becomes a `duplicate` rejection pointing at the first copy.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from newsfacts.encoding import UndecodableError, decode_bytes, looks_binary
from newsfacts.limits import (
    DEFAULT_MAX_FILE_BYTES,
    HASH_CHUNK_BYTES,
    TIMEOUT_REASON,
    TOO_LARGE_REASON,
    ArticleTimeout,
    Limits,
    time_budget,
    too_large_detail,
)
from newsfacts.readers.feed import FEED_TYPES, FeedError, feed_kind, split_feed
from newsfacts.readers.warc import WarcItem, is_warc_name, iter_records
from newsfacts.records import RawArticle, RejectedInput

CONTENT_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".json": "application/json",
    ".jsonl": "application/json",
    ".ndjson": "application/json",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".xml": "application/xml",  # read when it is an RSS or Atom feed
    ".warc": "application/warc",
    ".gz": "application/warc",  # only as .warc.gz
}
JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
# Files that hold many articles: each article is named "<file>#<record index>".
CONTAINER_SUFFIXES = (".json", ".jsonl", ".ndjson", ".rss", ".atom", ".xml", ".warc", ".warc.gz")
# A JSON record is an article when one of these holds its text.
JSON_BODY_KEYS = (
    "text",
    "body",
    "content",
    "article",
    "article_body",
    "articleBody",
    "html",
    "full_text",
    "markdown",
)
# Exports often wrap the records: {"articles": [...]}.
JSON_LIST_KEYS = ("articles", "items", "data", "records", "results")
# A crawler's index beside the files: one row per file with its page address. It is read
# for the URLs (which date and name the source) and is not itself an article.
MANIFEST_NAMES = ("sources.tsv", "sources.csv", "manifest.tsv", "manifest.csv")
MANIFEST_FILE_COLUMNS = ("file", "filename", "path", "name")
MANIFEST_URL_COLUMNS = ("url", "link", "source_url")
MAX_MANIFEST_BYTES = 16 * 1024 * 1024


@dataclass(slots=True)
class IngestResult:
    articles: list[RawArticle] = field(default_factory=list)
    rejected: list[RejectedInput] = field(default_factory=list)

    def extend(self, other: IngestResult) -> None:
        self.articles.extend(other.articles)
        self.rejected.extend(other.rejected)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Refusal:
    """An entry of the landing folder that is not opened, and why."""

    name: str  # relative to the folder walked, printable
    reason: str  # hidden, outside_landing, broken_link, not_a_file, link_loop
    detail: str
    size_bytes: int = 0


@dataclass(slots=True)
class LandingWalk:
    files: list[tuple[Path, str]] = field(default_factory=list)  # (path to open, printable name)
    refused: list[Refusal] = field(default_factory=list)


def printable_name(relative: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by the OS as surrogates) become \\xNN."""
    return relative.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def walk_landing(folder: Path, boundary: Path | None = None) -> LandingWalk:
    """Every entry under `folder`, in a stable order: files to read, and entries refused.

    Paths are resolved: a symbolic link is followed only when it leads to a file or folder
    inside `boundary` (default `folder`); otherwise it is refused as `outside_landing` and
    its target is never opened. Hidden files and folders (a name starting with '.') are
    refused as `hidden`; so are sockets, pipes and devices (`not_a_file`). Manifests are read
    for their URLs and are not articles.
    """
    walk = LandingWalk()
    if not folder.is_dir():
        return walk
    root = Path(os.path.realpath(boundary or folder))
    if not _inside(os.path.realpath(folder), root):
        walk.refused.append(
            Refusal(".", "outside_landing", "the folder leads outside the landing folder; not opened")
        )
        return walk
    _walk(folder, "", root, {os.path.realpath(folder)}, walk)
    return walk


def _inside(real: str, root: Path) -> bool:
    return real == str(root) or real.startswith(str(root).rstrip(os.sep) + os.sep)


def _walk(folder: Path, prefix: str, root: Path, visited: set[str], walk: LandingWalk) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        walk.refused.append(Refusal(printable_name(prefix.rstrip("/") or "."), "unreadable", str(error)))
        return
    for entry in entries:
        relative = prefix + entry.name
        name = printable_name(relative)
        if entry.name.startswith("."):
            kind = "folder" if entry.is_dir(follow_symlinks=False) else "file"
            walk.refused.append(
                Refusal(name, "hidden", f"hidden {kind}: names starting with '.' are not read")
            )
            continue
        path = Path(entry.path)
        try:
            link = entry.is_symlink()
            real = os.path.realpath(entry.path) if link else entry.path
            if link and not _inside(real, root):
                walk.refused.append(
                    Refusal(
                        name,
                        "outside_landing",
                        "symbolic link that leads outside the landing folder; not opened",
                    )
                )
                continue
            info = os.stat(real)
        except OSError as error:
            reason = "broken_link" if entry.is_symlink() else "unreadable"
            walk.refused.append(Refusal(name, reason, f"cannot be read: {error.strerror or error}"))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = os.path.realpath(real)
            if key in visited:
                walk.refused.append(
                    Refusal(name, "link_loop", "a link to a folder already read; not read again")
                )
                continue
            _walk(path, relative + "/", root, visited | {key}, walk)
        elif not stat.S_ISREG(info.st_mode):
            walk.refused.append(
                Refusal(name, "not_a_file", "not a regular file (a pipe, socket or device); not opened")
            )
        elif not (prefix == "" and entry.name.lower() in MANIFEST_NAMES):
            walk.files.append((Path(real), name))


def landed_files(folder: Path) -> list[Path]:
    """The readable files under `folder` (see `walk_landing`), in a stable order."""
    return [path for path, _ in walk_landing(folder).files]


def read_landed(path: Path, max_bytes: int) -> bytes:
    """A landed file's bytes, never following a last link, never blocking on a pipe.

    Raises TooLarge (with size and sha256, hashed in chunks) past `max_bytes`, and OSError
    for what cannot be read as a regular file.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{path.name}: not a regular file")
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            digest = hashlib.sha256(data)
            size = len(data)
            while chunk := handle.read(HASH_CHUNK_BYTES):
                digest.update(chunk)
                size += len(chunk)
            raise TooLarge(size, digest.hexdigest())
    return data


class TooLarge(Exception):
    def __init__(self, size: int, sha256: str) -> None:
        super().__init__(f"{size} bytes")
        self.size, self.sha256 = size, sha256


def read_manifest(folder: Path) -> dict[str, str]:
    """{file name relative to `folder`: url} from a manifest in `folder`, if there is one.

    A manifest that is a link out of the folder, or too large, is not read.
    """
    for name in MANIFEST_NAMES:
        path = folder / name
        if not path.is_file() or not _inside(os.path.realpath(path), Path(os.path.realpath(folder))):
            continue
        try:
            text = read_landed(Path(os.path.realpath(path)), MAX_MANIFEST_BYTES).decode(
                "utf-8-sig", "replace"
            )
        except (OSError, TooLarge):
            continue
        rows = csv.DictReader(io.StringIO(text), delimiter="\t" if name.endswith(".tsv") else ",")
        fields = {f.lower().strip(): f for f in rows.fieldnames or []}
        file_key = next((fields[k] for k in MANIFEST_FILE_COLUMNS if k in fields), None)
        url_key = next((fields[k] for k in MANIFEST_URL_COLUMNS if k in fields), None)
        if file_key is None or url_key is None:
            continue
        return {
            row[file_key].strip(): row[url_key].strip()
            for row in rows
            if row.get(file_key) and (row.get(url_key) or "").strip().startswith(("http://", "https://"))
        }
    return {}


def ingest_landing_day(
    landing_root: Path, day: date, now: datetime, limits: Limits | None = None
) -> IngestResult:
    """All files landed for `day` (the folder landing_root/YYYY-MM-DD), de-duplicated.

    Every entry of the folder ends up as articles or rejections: refused entries (hidden,
    links out of the landing folder, pipes) are rejected without being opened; a file over
    the size cap is rejected with its size and hash; a file that takes longer than the time
    budget to read is rejected as `timeout` (web archives, streamed, have no budget as a whole).
    """
    limits = limits or Limits.from_env()
    folder = landing_root / day.isoformat()
    prefix = f"{day.isoformat()}/"
    urls = read_manifest(folder)
    result = IngestResult()
    walk = walk_landing(folder, boundary=landing_root)
    for refusal in walk.refused:
        result.rejected.append(
            _reject(b"", day, prefix + refusal.name, None, refusal.reason, refusal.detail, now)
        )
    for path, name in walk.files:
        # A web archive may hold thousands of records and take minutes to stream; its records
        # are bounded one by one (the article cap here, the time budget when parsed).
        seconds = None if is_warc_name(name) else limits.article_seconds
        try:
            with time_budget(seconds, "reading the file"):
                part = ingest_file(path, prefix + name, day, now, urls.get(name), limits.max_file_bytes)
        except ArticleTimeout as error:
            part = IngestResult(
                rejected=[_reject(b"", day, prefix + name, None, TIMEOUT_REASON, str(error), now)]
            )
        result.extend(part)
    return drop_repeats(result, now)


def drop_repeats(result: IngestResult, now: datetime) -> IngestResult:
    """Keep the first copy of each article_id; later copies become `duplicate` rejections."""
    first_seen: dict[str, RawArticle] = {}
    kept = IngestResult(rejected=list(result.rejected))
    for article in result.articles:
        original = first_seen.get(article.article_id)
        if original is None:
            first_seen[article.article_id] = article
            kept.articles.append(article)
            continue
        kept.rejected.append(
            _reject(
                article.content,
                article.landed_date,
                article.source_file,
                article.record_index,
                "duplicate",
                f"same bytes as {original.source_file}#{original.record_index}"
                f" (article {original.article_id})",
                now,
            )
        )
    return kept


def is_container(source_file: str) -> bool:
    """True for a file whose articles are records of it (JSON lists, feeds, web archives)."""
    return source_file.lower().endswith(CONTAINER_SUFFIXES)


def ingest_file(
    path: Path,
    source_file: str,
    landed_date: date,
    now: datetime,
    source_url: str | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> IngestResult:
    """Read one landed file. Never raises for bad content: it becomes a rejection."""
    result = IngestResult()
    for item in iter_file(path, source_file, landed_date, now, source_url, max_bytes):
        if isinstance(item, RawArticle):
            result.articles.append(item)
        else:
            result.rejected.append(item)
    return result


def iter_file(
    path: Path,
    source_file: str,
    landed_date: date,
    now: datetime,
    source_url: str | None = None,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
) -> Iterator[RawArticle | RejectedInput]:
    """The articles and rejections of one landed file, in file order.

    A web archive is streamed record by record, so memory does not grow with its size, and is
    not held to the file cap (each of its pages is held to the article cap); other files are read
    whole, up to `max_bytes`.
    """
    try:
        if is_warc_name(source_file):
            with path.open("rb") as stream:
                yield from _iter_warc(stream, source_file, landed_date, now)
            return
        data = read_landed(path, max_bytes)
    except TooLarge as error:
        detail = too_large_detail(error.size, max_bytes, error.sha256, "the file")
        yield _reject(b"", landed_date, source_file, None, TOO_LARGE_REASON, detail, now, error.size)
        return
    except OSError as error:
        yield _reject(b"", landed_date, source_file, None, "unreadable", str(error), now)
        return
    result = ingest_bytes(data, source_file, landed_date, now, source_url)
    yield from result.articles
    yield from result.rejected


def ingest_bytes(
    data: bytes, source_file: str, landed_date: date, now: datetime, source_url: str | None = None
) -> IngestResult:
    suffix = Path(source_file).suffix.lower()
    content_type = CONTENT_TYPES.get(suffix)

    def reject(reason: str, detail: str) -> IngestResult:
        return IngestResult(rejected=[_reject(data, landed_date, source_file, None, reason, detail, now)])

    if content_type is None or (suffix == ".gz" and not is_warc_name(source_file)):
        return reject("unsupported_type", f"no reader for files ending {suffix or '(no suffix)'!r}")
    if content_type == "application/warc":
        if not data.strip():
            return reject("empty", "the file has no content")
        result = IngestResult()
        for item in _iter_warc(io.BytesIO(data), source_file, landed_date, now):
            (result.articles if isinstance(item, RawArticle) else result.rejected).append(item)
        return result
    if not data.strip():
        return reject("empty", "the file has no content" if not data else "the file holds only whitespace")
    if looks_binary(data):
        return reject("binary", "NUL bytes: this is not a text file")
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as error:
        return reject("undecodable", str(error))
    if content_type in (*FEED_TYPES, "application/xml"):
        return _ingest_feed(data, encoding, source_file, landed_date, now)
    if content_type != "application/json":
        return IngestResult(
            articles=[
                RawArticle(
                    article_id=sha256_hex(data),
                    landed_date=landed_date,
                    source_file=source_file,
                    record_index=0,
                    content_type=content_type,
                    size_bytes=len(data),
                    content=data,
                    text=text,
                    encoding=encoding,
                    source_url=source_url,
                    ingested_at=now,
                )
            ]
        )
    if suffix in JSON_LINES_SUFFIXES:
        return _ingest_json_lines(text, encoding, source_file, landed_date, now, source_url)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return reject("malformed_json", f"{error.msg} at line {error.lineno} column {error.colno}")
    records = _unwrap(document)
    if not records:  # "[]", {"items": []}: nothing to read, said rather than lost
        return reject("empty", "the JSON holds an empty list of records")
    return _ingest_json_records(records, encoding, source_file, landed_date, now, source_url)


def _unwrap(document: Any) -> list[Any]:
    if isinstance(document, list):
        return document
    if isinstance(document, dict) and not _has_body(document):
        for key in JSON_LIST_KEYS:
            if isinstance(document.get(key), list):
                return document[key]
    return [document]


def _has_body(record: dict[str, Any]) -> bool:
    return any(isinstance(record.get(key), str) and record[key].strip() for key in JSON_BODY_KEYS)


def _ingest_json_lines(
    text: str, encoding: str, source_file: str, landed_date: date, now: datetime, source_url: str | None
) -> IngestResult:
    result = IngestResult()
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            result.rejected.append(
                _reject(
                    line.encode("utf-8"),
                    landed_date,
                    source_file,
                    index,
                    "malformed_json",
                    f"line {index + 1}: {error.msg} at column {error.colno}",
                    now,
                )
            )
            continue
        result.extend(
            _ingest_json_records([record], encoding, source_file, landed_date, now, source_url, first=index)
        )
    return result


def _ingest_json_records(
    records: Iterable[Any],
    encoding: str,
    source_file: str,
    landed_date: date,
    now: datetime,
    source_url: str | None,
    first: int = 0,
) -> IngestResult:
    result = IngestResult()
    for index, record in enumerate(records, start=first):
        canonical = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        try:
            content = canonical.encode("utf-8")
        except UnicodeEncodeError:  # a "\ud800" escape: JSON allows it, Unicode text does not
            result.rejected.append(
                _reject(
                    canonical.encode("utf-8", "backslashreplace"),
                    landed_date,
                    source_file,
                    index,
                    "undecodable",
                    "the record holds a lone surrogate escape (such as \\ud800): not Unicode text",
                    now,
                )
            )
            continue
        if not isinstance(record, dict):
            result.rejected.append(
                _reject(
                    content,
                    landed_date,
                    source_file,
                    index,
                    "not_an_object",
                    f"record is a JSON {type(record).__name__}, not an object",
                    now,
                )
            )
        elif not _has_body(record):
            result.rejected.append(
                _reject(
                    content,
                    landed_date,
                    source_file,
                    index,
                    "no_text",
                    f"none of the keys {', '.join(JSON_BODY_KEYS)} holds text",
                    now,
                )
            )
        else:
            result.articles.append(
                RawArticle(
                    article_id=sha256_hex(content),
                    landed_date=landed_date,
                    source_file=source_file,
                    record_index=index,
                    content_type="application/json",
                    size_bytes=len(content),
                    content=content,
                    text=canonical,
                    encoding=encoding,
                    source_url=source_url,
                    ingested_at=now,
                )
            )
    return result


def _ingest_feed(
    data: bytes, encoding: str, source_file: str, landed_date: date, now: datetime
) -> IngestResult:
    """An RSS or Atom feed: one article per item, kept as the item's canonical JSON record."""
    kind = feed_kind(data)
    if kind is None:
        return IngestResult(
            rejected=[
                _reject(
                    data, landed_date, source_file, None, "not_a_feed", "XML that is not RSS or Atom", now
                )
            ]
        )
    try:
        items = split_feed(data)
    except FeedError as error:
        return IngestResult(
            rejected=[_reject(data, landed_date, source_file, None, "malformed_feed", str(error), now)]
        )
    result = IngestResult()
    for index, item in enumerate(items):
        canonical = json.dumps(item, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        content = canonical.encode("utf-8")
        if not (item.get("content") or item.get("summary") or "").strip():
            reason, detail = "no_text", "the feed item has neither content nor a summary"
            result.rejected.append(_reject(content, landed_date, source_file, index, reason, detail, now))
            continue
        link = item.get("link") or ""
        result.articles.append(
            RawArticle(
                article_id=sha256_hex(content),
                landed_date=landed_date,
                source_file=source_file,
                record_index=index,
                content_type=kind,
                size_bytes=len(content),
                content=content,
                text=canonical,
                encoding=encoding,
                source_url=link if link.startswith(("http://", "https://")) else None,
                ingested_at=now,
            )
        )
    return result


def _iter_warc(
    stream: BinaryIO, source_file: str, landed_date: date, now: datetime
) -> Iterator[RawArticle | RejectedInput]:
    """One article per HTML response record; every other record is counted as a rejection
    (without its payload), so the archive's records add up."""
    n_records = 0
    try:
        for item in iter_records(stream):
            n_records += 1
            yield _warc_article(item, source_file, landed_date, now)
    except Exception as error:  # a damaged archive: what was read stands, the rest is reported
        yield _reject(
            b"", landed_date, source_file, None, "malformed_warc", f"after {n_records} records: {error}", now
        )
        return
    if n_records == 0:
        yield _reject(b"", landed_date, source_file, None, "malformed_warc", "no WARC records", now)


def _warc_article(
    item: WarcItem, source_file: str, landed_date: date, now: datetime
) -> RawArticle | RejectedInput:
    header = f"{item.record_type} {item.target_uri or ''} {item.content_type or ''}".encode()
    if item.payload is None:
        detail = f"WARC {item.record_type} record"
        if item.content_type:
            detail += f" of {item.content_type}"
        if item.status is not None:
            detail += f", HTTP {item.status}"
        detail += f", {item.length} bytes at offset {item.offset}"
        return _reject(header, landed_date, source_file, item.index, "not_html", detail, now)
    if not item.payload.strip():
        return _reject(header, landed_date, source_file, item.index, "empty", "empty HTML payload", now)
    try:
        text, encoding = decode_bytes(item.payload)
    except UndecodableError as error:
        return _reject(item.payload, landed_date, source_file, item.index, "undecodable", str(error), now)
    return RawArticle(
        article_id=sha256_hex(item.payload),
        landed_date=landed_date,
        source_file=source_file,
        record_index=item.index,
        content_type="text/html",
        size_bytes=len(item.payload),
        content=item.payload,
        text=text,
        encoding=encoding,
        source_url=item.target_uri,
        ingested_at=now,
    )


def _reject(
    content: bytes,
    landed_date: date,
    source_file: str,
    record_index: int | None,
    reason: str,
    detail: str,
    now: datetime,
    size_bytes: int | None = None,
) -> RejectedInput:
    key = f"{source_file}#{record_index}:{sha256_hex(content)}".encode()
    return RejectedInput(
        rejected_id=sha256_hex(key),
        landed_date=landed_date,
        source_file=source_file,
        record_index=record_index,
        size_bytes=len(content) if size_bytes is None else size_bytes,
        content=content,
        reason=reason,
        detail=detail,
        rejected_at=now,
    )


def iter_paths(paths: Iterable[Path]) -> Iterator[tuple[Path, str, str | None]]:
    """Files named directly or found under folders: (path, name relative to what was given, url).

    The url comes from a manifest in the folder given or, for a crawl laid out as
    <crawl>/articles/ beside <crawl>/sources.tsv, in its parent.
    """
    for given in paths:
        if given.is_dir():
            urls = read_manifest(given) or read_manifest(given.parent)
            for path, relative in walk_landing(given).files:
                yield path, relative, urls.get(relative) or urls.get(relative.rsplit("/", 1)[-1])
        else:
            urls = read_manifest(given.parent) or read_manifest(given.parent.parent)
            yield given, given.name, urls.get(given.name)
