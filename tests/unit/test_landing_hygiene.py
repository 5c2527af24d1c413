"""The landing walk: links out of the folder are never opened, hidden entries and pipes are
rejected with a reason, odd names keep working, oversized files are hashed, not read."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsfacts.ingest import ingest_landing_day, walk_landing
from newsfacts.limits import Limits
from newsfacts.schemas import RAW_ARTICLES, RAW_REJECTED, records_to_table

DAY = date(2025, 3, 10)
NOW = datetime(2025, 3, 11, 6, 0, tzinfo=UTC)
SECRET = b"root:x:0:0:secret-token-5f3a9c:/root:/bin/bash\n"
ARTICLE = "Shelling of Nikopol injured two people on Monday."


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    (tmp_path / "landing" / DAY.isoformat()).mkdir(parents=True)
    return tmp_path / "landing"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "passwd.txt").write_bytes(SECRET)
    return folder


def reasons(landing: Path, limits: Limits | None = None) -> dict[str, str]:
    result = ingest_landing_day(landing, DAY, NOW, limits)
    found = {a.source_file.removeprefix(f"{DAY}/"): "article" for a in result.articles}
    found |= {r.source_file.removeprefix(f"{DAY}/"): r.reason for r in result.rejected}
    for row in result.rejected:
        assert SECRET not in row.content and b"secret-token" not in row.detail.encode()
    for article in result.articles:
        assert b"secret-token" not in article.content
    return found


def test_a_link_to_a_file_outside_is_rejected_and_never_opened(landing: Path, outside: Path) -> None:
    day = landing / DAY.isoformat()
    (day / "news.txt").symlink_to(outside / "passwd.txt")
    (day / "feed").symlink_to(outside, target_is_directory=True)
    (day / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    os.chmod(outside / "passwd.txt", 0o000)  # opening it would fail loudly (unless root)
    try:
        assert reasons(landing) == {
            "news.txt": "outside_landing",
            "feed": "outside_landing",
            "ok.txt": "article",
        }
    finally:
        os.chmod(outside / "passwd.txt", 0o600)


def test_a_link_inside_the_landing_folder_is_read(landing: Path) -> None:
    other_day = landing / "2025-03-09"
    other_day.mkdir()
    (other_day / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (landing / DAY.isoformat() / "linked.txt").symlink_to(other_day / "story.txt")
    result = ingest_landing_day(landing, DAY, NOW)
    [article] = result.articles
    assert article.source_file == f"{DAY}/linked.txt"
    assert article.text == ARTICLE


def test_a_day_folder_that_is_a_link_out_is_rejected(landing: Path, outside: Path) -> None:
    (landing / DAY.isoformat()).rmdir()
    (landing / DAY.isoformat()).symlink_to(outside, target_is_directory=True)
    assert reasons(landing) == {".": "outside_landing"}


def test_hidden_entries_broken_links_loops_and_pipes_are_rejected(landing: Path) -> None:
    day = landing / DAY.isoformat()
    (day / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (day / ".cache").mkdir()
    (day / ".cache" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (day / "gone.txt").symlink_to(day / "missing.txt")
    (day / "sub").mkdir()
    (day / "sub" / "again").symlink_to(day / "sub", target_is_directory=True)
    os.mkfifo(day / "pipe.txt")  # opening a pipe for reading would wait for a writer forever
    assert reasons(landing) == {
        ".DS_Store": "hidden",
        ".cache": "hidden",
        "gone.txt": "broken_link",
        "sub/again": "link_loop",
        "pipe.txt": "not_a_file",
    }


def test_odd_file_names_keep_working_and_store(landing: Path) -> None:
    day = landing / DAY.isoformat()
    names = ["spaces and (brackets).txt", "новини-Київ.txt", "-dash.txt", "tab\there.txt", "new\nline.md"]
    for index, name in enumerate(names):
        (day / name).write_text(f"{ARTICLE} Item {index}.", encoding="utf-8")
    with open(os.fsencode(day) + b"/latin1-\xe9t\xe9.txt", "wb") as handle:  # not UTF-8: \xe9 alone
        handle.write(b"Strike on Sumy, one killed.")
    result = ingest_landing_day(landing, DAY, NOW)
    stored = {a.source_file.removeprefix(f"{DAY}/") for a in result.articles}
    assert stored == {*names, "latin1-\\xe9t\\xe9.txt"}
    assert result.rejected == []
    assert records_to_table(result.articles, RAW_ARTICLES).num_rows == 6  # names are valid UTF-8


def test_a_file_over_the_file_cap_is_hashed_not_stored(landing: Path) -> None:
    day = landing / DAY.isoformat()
    data = b"A drone hit Kharkiv. " * 60_000
    (day / "big.txt").write_bytes(data)
    result = ingest_landing_day(landing, DAY, NOW, Limits(max_file_bytes=1_000_000))
    [rejected] = result.rejected
    assert (rejected.reason, rejected.content, rejected.size_bytes) == ("too_large", b"", len(data))
    assert hashlib.sha256(data).hexdigest() in rejected.detail
    assert records_to_table(result.rejected, RAW_REJECTED).num_rows == 1


def test_walk_order_is_stable_and_names_are_relative(landing: Path) -> None:
    day = landing / DAY.isoformat()
    (day / "b").mkdir()
    (day / "b" / "z.json").write_text(json.dumps([{"text": ARTICLE}]), encoding="utf-8")
    (day / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (day / "sources.tsv").write_text("file\turl\n", encoding="utf-8")
    walk = walk_landing(day, boundary=landing)
    assert [name for _, name in walk.files] == ["a.txt", "b/z.json"]
    assert walk.refused == []


def test_a_manifest_that_links_out_is_not_read(landing: Path, outside: Path) -> None:
    day = landing / DAY.isoformat()
    (outside / "sources.tsv").write_text("file\turl\na.txt\thttps://leak.example/x\n", encoding="utf-8")
    (day / "sources.tsv").symlink_to(outside / "sources.tsv")
    (day / "a.txt").write_text(ARTICLE, encoding="utf-8")
    [article] = ingest_landing_day(landing, DAY, NOW).articles
    assert article.source_url is None


def test_a_file_that_takes_too_long_to_read_is_rejected_as_timeout(
    landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    import newsfacts.ingest

    day = landing / DAY.isoformat()
    (day / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (day / "b.txt").write_text("stuck", encoding="utf-8")
    real_ingest_file = newsfacts.ingest.ingest_file

    def ingest_or_hang(path, *args, **kwargs):
        if path.name == "b.txt":
            re.match(r"(a+)+b", "a" * 64)  # exponential backtracking: hours without the budget
        return real_ingest_file(path, *args, **kwargs)

    monkeypatch.setattr(newsfacts.ingest, "ingest_file", ingest_or_hang)
    result = ingest_landing_day(landing, DAY, NOW, Limits(article_seconds=0.3))
    assert [a.source_file for a in result.articles] == [f"{DAY}/a.txt"]
    [rejected] = result.rejected
    assert (rejected.source_file, rejected.reason) == (f"{DAY}/b.txt", "timeout")
    assert "took more than 0.3 s" in rejected.detail


def test_a_giant_file_is_hashed_in_chunks_without_growing_memory(landing: Path) -> None:
    import tracemalloc

    giant = landing / DAY.isoformat() / "giant.txt"
    with giant.open("wb") as handle:  # sparse: 256 MiB of zeros that take no disk
        handle.truncate(256 * 1024 * 1024)
    tracemalloc.start()
    try:
        [rejected] = ingest_landing_day(landing, DAY, NOW).rejected
        grown_mb = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()
    assert (rejected.reason, rejected.size_bytes, rejected.content) == ("too_large", 256 * 1024 * 1024, b"")
    assert grown_mb < 64  # the file cap plus a chunk, not the file


def test_land_copies_readable_files_and_names_what_it_leaves(
    tmp_path: Path, outside: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsfacts.cli import land

    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (crawl / ".tmp-a.txt").write_text(ARTICLE, encoding="utf-8")
    (crawl / "leak.txt").symlink_to(outside / "passwd.txt")
    landed = land([crawl], tmp_path / "landing" / "2025-03-10")
    assert [p.name for p in landed] == ["a.txt"]
    err = capsys.readouterr().err
    assert ".tmp-a.txt: hidden" in err and "leak.txt: outside_landing" in err
