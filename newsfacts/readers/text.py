"""Plain text: lines to blocks, rejoining sentences broken by hard wrapping."""

from __future__ import annotations

import re

from newsfacts.readers.document import DATE_STAMP, Block, Document
from newsfacts.records import RemovedBlock

_TERMINAL = frozenset(".!?…")
# A web-archive excerpt starts with " date YYYY-MM-DD" (or only " date YYYY-MM"): the page's
# date, not article text.
_STAMP_RE = re.compile(r"^\ufeff?\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\b[ \t]*")


def normalise_newlines(text: str) -> str:
    if "\r" in text:  # a one-character scan, cheaper than looking for the pair
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\u00a0", " ").lstrip("\ufeff")


def take_date_stamp(text: str, doc: Document) -> str:
    """Remove a leading date stamp, reporting it as evidence when it gives a whole date."""
    stamp = _STAMP_RE.match(text)
    if not stamp:
        return text
    doc.removed.append(RemovedBlock(stamp.group(0).strip(), "date_stamp"))
    if stamp[3]:
        doc.dates.append((DATE_STAMP, f"{stamp[1]}-{stamp[2]}-{stamp[3]}"))
    return text[stamp.end() :]


def ends_terminal(text: str) -> bool:
    stripped = text.rstrip("\"”’»)]' ")
    return bool(stripped) and stripped[-1] in _TERMINAL


def split_plain(text: str) -> list[Block]:
    """Lines -> blocks; a line that continues a sentence broken by hard wrapping is rejoined."""
    blocks: list[Block] = []
    previous_blank = True
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            previous_blank = True
            continue
        if blocks and not previous_blank and line[:1].islower() and not ends_terminal(blocks[-1].text):
            blocks[-1].text = f"{blocks[-1].text} {line}"
        else:
            blocks.append(Block("line", line))
        previous_blank = False
    return blocks


def read_text(text: str) -> Document:
    doc = Document("text")
    text = take_date_stamp(normalise_newlines(text), doc)
    doc.blocks = split_plain(text)
    return doc
