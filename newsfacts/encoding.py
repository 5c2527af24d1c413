"""Turn landed bytes into text: BOMs, UTF-16, legacy code pages, mojibake."""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Mojibake leaves tell-tale pairs (UTF-8 read as cp1252/latin-1, or as cp1251); clean text skips
# ftfy entirely, which matters at thousands of articles per second.
_MOJIBAKE_HINT = re.compile(
    r"[ÂÃÄÅÆÐÑâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]"  # UTF-8 read as cp1252 / latin-1
    r"|[РС][ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—™љ›њќћџЎўЈ¤Ґ¦§Ё©Є«¬®Ї°±Ііґµ¶·ё№є»јЅѕї]"  # UTF-8 read as cp1251
    r"|\ufffd"
)
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # typographic quotes are the writer's, not an encoding error
    fix_character_width=False,
    fix_latin_ligatures=False,
    normalization="NFC",
    explain=False,
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside a UTF-16/32 text (with or without BOM) mean a binary file."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    head = data[:4096]
    if b"\x00" not in head:
        return False
    return _utf16_without_bom(head) is None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM: decodes to mostly letters and spaces in one byte order only."""
    if len(head) < 4:
        return None
    head = head[: len(head) // 2 * 2]
    best, best_score = None, 0.0
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = head.decode(name)
        except UnicodeDecodeError:
            continue
        good = sum(1 for ch in text if ch.isalpha() or ch in " \n\t.,;:!?'\"()-0123456789")
        score = good / max(len(text), 1)
        if score > best_score:
            best, best_score = name, score
    # Letters of one script plus spaces; binary decodes to CJK/private-use noise with few spaces.
    if best is not None and best_score >= 0.9 and " " in head.decode(best, errors="ignore"):
        return best
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name). Raises UndecodableError."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return repair(data.decode(name)), name
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"bytes after a {name} BOM do not decode") from exc
    try:
        return repair(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        name = _utf16_without_bom(data[:4096])
        if name is None:
            raise UndecodableError("binary content (NUL bytes)")
        try:
            return repair(data.decode(name)), "utf-16"
        except UnicodeDecodeError as exc:
            raise UndecodableError("NUL bytes but not valid UTF-16") from exc
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UndecodableError("no text encoding fits these bytes")
    return repair(str(best)), _normalise_name(best.encoding)


def _normalise_name(name: str) -> str:
    # Python codec names ("cp1251", "latin_1") -> the usual labels ("cp1251", "latin-1").
    return {
        "latin_1": "latin-1",
        "iso8859_1": "latin-1",
        "utf_8": "utf-8",
        "windows-1251": "cp1251",
        "iso8859_5": "iso-8859-5",
        "koi8_r": "koi8-r",
        "koi8_u": "koi8-u",
    }.get(name, name.replace("_", "-"))


def repair(text: str) -> str:
    """Undo mojibake (UTF-8 read as cp1252 and similar); leave good text alone."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    return ftfy.fix_text(text, config=_FTFY)
