"""Landing files become raw articles or rejected rows with a reason; nothing is dropped."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsfacts.ingest import IngestResult, ingest_bytes, ingest_landing_day, sha256_hex

DAY = date(2025, 3, 10)
NOW = datetime(2025, 3, 11, 6, 0, tzinfo=UTC)


def ingest(data: bytes, name: str) -> IngestResult:
    return ingest_bytes(data, f"2025-03-10/{name}", DAY, NOW)


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("a.txt", "text/plain"),
        ("a.md", "text/markdown"),
        ("a.html", "text/html"),
        ("a.HTM", "text/html"),
    ],
)
def test_text_files_are_kept_byte_for_byte(name: str, content_type: str) -> None:
    data = b"Drone strike on Sumy\n\nA drone hit a school."
    result = ingest(data, name)
    assert result.rejected == []
    [article] = result.articles
    assert article.content == data
    assert article.article_id == sha256_hex(data)
    assert article.content_type == content_type
    assert article.size_bytes == len(data)
    assert article.record_index == 0
    assert article.source_file == f"2025-03-10/{name}"


def test_json_list_gives_one_article_per_record() -> None:
    records = [
        {"title": "Shelling in Kherson", "body": "Two people were injured.", "url": "https://example.org/1"},
        {"headline": "Protest in Tbilisi", "text": "Hundreds rallied."},
    ]
    result = ingest(json.dumps(records).encode(), "batch.json")
    assert [a.record_index for a in result.articles] == [0, 1]
    assert all(a.content_type == "application/json" for a in result.articles)
    # The stored bytes are the record itself, canonically serialised, so ids are stable.
    assert json.loads(result.articles[1].content) == records[1]
    assert result.articles[0].article_id != result.articles[1].article_id


def test_json_wrapped_in_an_articles_key() -> None:
    result = ingest(json.dumps({"articles": [{"title": "x", "content": "Some text."}]}).encode(), "w.json")
    assert len(result.articles) == 1


def test_jsonl_keeps_good_lines_and_rejects_the_bad_one() -> None:
    lines = [
        json.dumps({"headline": "One", "text": "First report."}),
        "{not json",
        "",
        json.dumps({"headline": "Two", "text": "Second report."}),
    ]
    result = ingest("\n".join(lines).encode(), "feed.jsonl")
    assert [a.record_index for a in result.articles] == [0, 3]
    [bad] = result.rejected
    assert bad.reason == "malformed_json"
    assert bad.record_index == 1
    assert bad.content == b"{not json"


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "empty.txt", "empty"),
        (b"  \n\t\n", "blank.md", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt", "binary"),
        (b'{"title": "x", "body": ', "broken.json", "malformed_json"),
        (b"hello", "notes.docx", "unsupported_type"),
        (json.dumps({"title": "no body here"}).encode(), "nobody.json", "no_text"),
        (json.dumps([1, 2]).encode(), "numbers.json", "not_an_object"),
        (b"[]", "nothing.json", "empty"),
        (json.dumps({"items": []}).encode(), "no-items.json", "empty"),
    ],
)
def test_unreadable_inputs_become_rejections_with_reasons(data: bytes, name: str, reason: str) -> None:
    result = ingest(data, name)
    assert result.articles == []
    assert {r.reason for r in result.rejected} == {reason}
    assert all(r.detail for r in result.rejected)


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        ("Удар по Харкову".encode("cp1251"), "cp1251", "Удар по Харкову"),
        ("\ufeffKyiv under attack".encode(), "utf-8-sig", "Kyiv under attack"),
        ("Odesa port hit".encode("utf-16"), "utf-16", "Odesa port hit"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str, expected: str) -> None:
    [article] = ingest(data, "a.txt").articles
    assert article.text.strip() == expected
    assert article.content == data
    assert article.encoding == encoding


def test_landing_day_rejects_exact_repeats_and_walks_subfolders(tmp_path: Path) -> None:
    day_folder = tmp_path / "2025-03-10"
    (day_folder / "wire").mkdir(parents=True)
    (day_folder / "a.txt").write_text("Missile strike on Dnipro.", encoding="utf-8")
    (day_folder / "wire" / "copy.txt").write_text("Missile strike on Dnipro.", encoding="utf-8")
    (day_folder / ".partial").write_text("being written", encoding="utf-8")
    result = ingest_landing_day(tmp_path, DAY, NOW)
    assert [a.source_file for a in result.articles] == ["2025-03-10/a.txt"]
    hidden, duplicate = result.rejected
    assert (hidden.source_file, hidden.reason, hidden.content) == ("2025-03-10/.partial", "hidden", b"")
    assert duplicate.reason == "duplicate"
    assert duplicate.source_file == "2025-03-10/wire/copy.txt"
    assert "2025-03-10/a.txt" in duplicate.detail


def test_missing_landing_day_is_empty(tmp_path: Path) -> None:
    assert ingest_landing_day(tmp_path, DAY, NOW) == IngestResult()


def test_a_manifest_gives_each_file_its_url_and_is_not_an_article(tmp_path: Path) -> None:
    day_folder = tmp_path / "2025-03-10"
    day_folder.mkdir()
    (day_folder / "a.txt").write_text("Shelling of Nikopol.", encoding="utf-8")
    (day_folder / "b.txt").write_text("Drone over Bryansk.", encoding="utf-8")
    (day_folder / "sources.tsv").write_text(
        "file\turl\tretrieved_from\n"
        "a.txt\thttps://news.example/2025/03/10/nikopol\tcrawler\n"
        "b.txt\tnot a url\tx\n",
        encoding="utf-8",
    )
    result = ingest_landing_day(tmp_path, DAY, NOW)
    assert result.rejected == []
    assert {a.source_file: a.source_url for a in result.articles} == {
        "2025-03-10/a.txt": "https://news.example/2025/03/10/nikopol",
        "2025-03-10/b.txt": None,
    }
