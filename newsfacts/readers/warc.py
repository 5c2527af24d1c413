"""WARC web archives (`.warc`, `.warc.gz`), the format of the open news crawls.

`iter_records` streams an archive one record at a time (memory does not grow with the
file): every HTML response record yields its payload with the record's target URI and
date; every other record (warcinfo, request, metadata, images, redirects) is counted and
yielded without its payload. The payload of an HTML record is then an HTML page like any
other and is read by `newsfacts.readers.html`.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecordType

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_TYPE_NAMES = (  # fastwarc's record types are not hashable
    (WarcRecordType.response, "response"),
    (WarcRecordType.resource, "resource"),
    (WarcRecordType.request, "request"),
    (WarcRecordType.warcinfo, "warcinfo"),
    (WarcRecordType.metadata, "metadata"),
    (WarcRecordType.revisit, "revisit"),
    (WarcRecordType.conversion, "conversion"),
    (WarcRecordType.continuation, "continuation"),
)


def _type_name(record_type: WarcRecordType) -> str:
    return next((name for value, name in _TYPE_NAMES if value == record_type), "unknown")


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True, slots=True)
class WarcItem:
    index: int  # position of the record in the archive, from 0, counting every record
    offset: int  # byte offset of the record in the (decompressed) stream
    record_type: str  # response, request, warcinfo, ...
    target_uri: str | None
    warc_date: str | None  # WARC-Date: when the crawler fetched the page
    content_type: str | None  # the HTTP (or, for a resource record, the record's) media type
    status: int | None
    length: int  # bytes in the record's block
    payload: bytes | None  # the HTML document; None for a record that is not an HTML page


def _media_type(value: str | None) -> str | None:
    return value.split(";", 1)[0].strip().lower() if value else None


def _decoded(payload: bytes, encoding: str | None) -> bytes:
    """A payload stored with its Content-Encoding still applied is decompressed."""
    encoding = (encoding or "").strip().lower()
    try:
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(payload)
        if encoding == "deflate":
            return zlib.decompress(payload)
    except (OSError, zlib.error, EOFError):
        return payload
    return payload


def iter_records(stream: BinaryIO) -> Iterator[WarcItem]:
    """Every record of a WARC stream (gzip is detected), HTML payloads read one at a time."""
    for index, record in enumerate(ArchiveIterator(stream, parse_http=True)):
        record_type = _type_name(record.record_type)
        target = record.headers.get("WARC-Target-URI")
        warc_date = record.headers.get("WARC-Date")
        status = None
        media = None
        encoding = None
        if record_type == "response" and record.is_http:
            status = record.http_headers.status_code
            media = _media_type(record.http_headers.get("Content-Type"))
            encoding = record.http_headers.get("Content-Encoding")
        elif record_type == "resource":
            media = _media_type(record.headers.get("Content-Type"))
        payload = None
        if (
            record_type in ("response", "resource")
            and media in HTML_TYPES
            and (status is None or 200 <= status < 300)
        ):
            payload = _decoded(record.reader.read(), encoding)
        yield WarcItem(
            index=index,
            offset=record.stream_pos,
            record_type=record_type,
            target_uri=target.strip("<>") if target else None,
            warc_date=warc_date,
            content_type=media,
            status=status,
            length=record.content_length,
            payload=payload,
        )


def warc_record(
    record_type: str,
    target_uri: str | None,
    warc_date: str,
    block: bytes,
    content_type: str = "application/http; msgtype=response",
    record_id: str = "",
) -> bytes:
    """One uncompressed WARC/1.1 record (for fixtures, samples and the benchmark's archive)."""
    headers = [
        "WARC/1.1",
        f"WARC-Type: {record_type}",
        f"WARC-Record-ID: <urn:uuid:{record_id or '00000000-0000-0000-0000-000000000000'}>",
        f"WARC-Date: {warc_date}",
    ]
    if target_uri:
        headers.append(f"WARC-Target-URI: {target_uri}")
    headers += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("utf-8") + block + b"\r\n\r\n"


def http_response(
    body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK"
) -> bytes:
    """An HTTP response message as a WARC response record's block."""
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode("ascii") + body
