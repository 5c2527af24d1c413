"""Turn landed bytes into text: BOMs, UTF-16, legacy code pages, mojibake."""

from __future__ import annotations

import codecs

import charset_normalizer
import ftfy

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside a UTF-16/32 BOM mean a binary file (image, archive, PDF...)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in data[:4096]


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name). Raises UndecodableError."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _repair(data.decode(name)), name
    try:
        return _repair(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(data):
        raise UndecodableError("binary content (NUL bytes)")
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UndecodableError("no text encoding fits these bytes")
    return _repair(str(best)), best.encoding


def _repair(text: str) -> str:
    # ftfy undoes mojibake (UTF-8 read as cp1252 and similar) and leaves good text alone.
    return ftfy.fix_text(text, normalization="NFC")
