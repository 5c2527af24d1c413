"""Property-based tests: arbitrary bytes and text never escape the per-article boundary.

Decoding gives text or UndecodableError; reading gives articles or rejections with a
reason, storable as Parquet rows; parse and extract give rows or a quarantine record.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfacts.encoding import UndecodableError, decode_bytes
from newsfacts.extract import extract_mentions
from newsfacts.ingest import CONTENT_TYPES, ingest_bytes, ingest_landing_day
from newsfacts.limits import Limits, cap_articles
from newsfacts.parallel import apply_each
from newsfacts.parse import parse_article
from newsfacts.records import RawArticle
from newsfacts.schemas import EVENT_MENTIONS, PARSED_ARTICLES, RAW_ARTICLES, RAW_REJECTED, records_to_table

DAY = date(2025, 3, 10)
NOW = datetime(2025, 3, 11, 6, 0, tzinfo=UTC)
SUFFIXES = [*CONTENT_TYPES, ".png", ""]
SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any code point, lone surrogates included: JSON can carry them as "\ud800" escapes.
any_char = st.characters(codec=None, exclude_categories=()) | st.sampled_from(["\ud800", "\udbff", "\udc80"])
any_text = st.lists(any_char, max_size=200).map("".join)  # st.text would leave the surrogates out
json_records = st.lists(
    st.fixed_dictionaries(
        {"text": any_text}, optional={"title": any_text, "url": any_text, "date": any_text}
    ),
    min_size=1,
    max_size=3,
).map(lambda records: json.dumps(records).encode())

# Bytes that look like what lands: text in several encodings, markup, JSON, and noise.
words = st.text(min_size=0, max_size=400)
encoded = st.tuples(
    words, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1251", "latin-1", "utf-8-sig"])
)
landed_bytes = st.one_of(
    st.binary(max_size=2000),
    json_records,
    encoded.map(lambda pair: pair[0].encode(pair[1], "replace")),
    words.map(lambda text: f"<html><body><p>{text}</p><div><p>{text}</div></body>".encode(errors="replace")),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | words,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(words, children, max_size=4),
        max_leaves=12,
    ).map(lambda value: json.dumps(value).encode()),
    st.lists(
        st.sampled_from(["text", "body", "title", "\\ud800", "\\u0000", "{", "}", "[", '"', ":", ","])
    ).map(lambda parts: "".join(parts).encode()),
)


@SLOW
@given(st.binary(max_size=4000))
def test_decode_gives_text_or_an_undecodable_error(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError:
        return
    assert isinstance(text, str) and encoding
    text.encode("utf-8")  # storable: no lone surrogates


@SLOW
@given(landed_bytes, st.sampled_from(SUFFIXES))
def test_read_gives_articles_or_rejections_that_store(data: bytes, suffix: str) -> None:
    read_and_store(data, suffix)


def read_and_store(data: bytes, suffix: str) -> None:
    result = ingest_bytes(data, f"2025-03-10/fuzz{suffix}", DAY, NOW)
    articles, too_large = cap_articles(result.articles, Limits(), NOW)
    rejected = [*result.rejected, *too_large]
    assert articles or rejected
    assert all(r.reason and r.detail for r in rejected)
    records_to_table(articles, RAW_ARTICLES)
    records_to_table(rejected, RAW_REJECTED)


@SLOW
@given(json_records, st.sampled_from([".json", ".jsonl"]))
def test_json_records_with_any_code_point_give_articles_or_rejections(data: bytes, suffix: str) -> None:
    read_and_store(data, suffix)


def through_boundary(raw: RawArticle) -> str:
    """What the parsed and events steps do with one article: rows that store, or an error."""
    [(parsed, error)] = apply_each(parse_article, [raw], seconds=30)
    if error is not None:
        return "quarantined"
    records_to_table([parsed], PARSED_ARTICLES)
    [(mentions, error)] = apply_each(extract_mentions, [parsed], seconds=30)
    if error is not None:
        return "quarantined"
    records_to_table(mentions, EVENT_MENTIONS)
    return "article"


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(landed_bytes, st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]))
def test_parse_and_extract_of_any_input_give_rows_or_a_quarantine(data: bytes, suffix: str) -> None:
    for raw in ingest_bytes(data, f"2025-03-10/fuzz{suffix}", DAY, NOW).articles:
        assert through_boundary(raw) in {"article", "quarantined"}


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=1500))
def test_parse_and_extract_of_any_unicode_text_give_rows_or_a_quarantine(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    for suffix in (".txt", ".html"):
        for raw in ingest_bytes(data, f"2025-03-10/fuzz{suffix}", DAY, NOW).articles:
            assert through_boundary(raw) in {"article", "quarantined"}


file_names = st.lists(
    st.binary(min_size=1, max_size=40).filter(
        lambda name: b"/" not in name and b"\x00" not in name and name not in (b".", b"..")
    ),
    min_size=1,
    max_size=5,
    unique=True,
)


@settings(deadline=None, max_examples=60)
@given(file_names, st.binary(max_size=300))
def test_any_file_names_are_accounted_for_and_store(names: list[bytes], data: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder = os.fsencode(root) + b"/2025-03-10"
        os.mkdir(folder)
        for index, name in enumerate(names):
            with open(folder + b"/" + name, "wb") as handle:
                handle.write(data + str(index).encode())
        result = ingest_landing_day(Path(root), DAY, NOW)
    articles, too_large = cap_articles(result.articles, Limits(), NOW)
    rejected = [*result.rejected, *too_large]
    stored = {a.source_file for a in articles} | {r.source_file for r in rejected}
    manifests = {b"sources.tsv", b"sources.csv", b"manifest.tsv", b"manifest.csv"}
    expected = {
        "2025-03-10/"
        + os.fsdecode(name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        for name in names
        if name.lower() not in manifests
    }
    assert expected <= stored
    records_to_table(articles, RAW_ARTICLES)
    records_to_table(rejected, RAW_REJECTED)
