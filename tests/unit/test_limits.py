"""Bounded work per input: the time budget stops runaway work, in this process and in a pool."""

from __future__ import annotations

import re
import signal
import threading
import time
from datetime import UTC, date, datetime

import pytest

import newsfacts.layers
from newsfacts.config import DataPaths
from newsfacts.ingest import ingest_bytes, ingest_landing_day
from newsfacts.lake import write_partition
from newsfacts.layers import compute_parsed, process_article
from newsfacts.limits import (
    ARTICLE_SECONDS_ENV,
    DEFAULT_ARTICLE_SECONDS,
    MAX_ARTICLE_BYTES_ENV,
    TIMEOUT_REASON,
    ArticleTimeout,
    Limits,
    LimitsConfigError,
    cap_articles,
    is_timeout,
    time_budget,
)
from newsfacts.parallel import ProcessEngine, apply_each
from newsfacts.readers.warc import http_response, warc_record
from newsfacts.schemas import RAW_ARTICLES, records_to_table

DAY = date(2025, 3, 10)
NOW = datetime(2025, 3, 11, 6, 0, tzinfo=UTC)
# Exponential backtracking: without the budget this match runs for hours.
RUNAWAY = re.compile(r"(a+)+b")


def runaway_or_echo(word: str) -> str:
    """Module level, so pool workers can import it: 'stuck' never ends on its own."""
    if word == "stuck":
        RUNAWAY.match("a" * 64)
    return word.upper()


def swallowing(word: str) -> str:
    """Work that catches every Exception must still be stopped by the budget."""
    while True:
        try:
            RUNAWAY.match("a" * 64)
        except Exception:
            continue


def test_the_budget_interrupts_a_runaway_regex_and_restores_the_timer() -> None:
    started = time.monotonic()
    with pytest.raises(ArticleTimeout, match=r"took more than 0\.3 s"), time_budget(0.3, "matching"):
        RUNAWAY.match("a" * 64)
    assert time.monotonic() - started < 5
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with time_budget(5):  # work that ends in time is untouched
        assert runaway_or_echo("kyiv") == "KYIV"


def test_except_exception_in_the_work_cannot_swallow_the_budget() -> None:
    [(result, error)] = apply_each(swallowing, ["x"], seconds=0.3)
    assert result is None and is_timeout(error)


def test_in_process_one_stuck_item_times_out_and_the_others_finish() -> None:
    results = apply_each(runaway_or_echo, ["kyiv", "stuck", "sumy"], seconds=0.5)
    assert [r for r, _ in results] == ["KYIV", None, "SUMY"]
    assert is_timeout(results[1][1]) and not is_timeout(results[0][1])
    assert "runaway_or_echo took more than 0.5 s" in results[1][1]


def test_in_a_worker_pool_the_stuck_item_times_out_too() -> None:
    words = ["kyiv", "stuck", "odesa", "sumy"]
    engine = ProcessEngine(workers=2)
    try:
        results = apply_each(runaway_or_echo, words, engine, chunk_size=1, seconds=0.5)
    finally:
        engine.close()
    assert [r for r, _ in results] == ["KYIV", None, "ODESA", "SUMY"]
    assert is_timeout(results[1][1])


def test_from_a_thread_without_signals_the_work_goes_to_workers_with_the_budget() -> None:
    found: list = []
    thread = threading.Thread(
        target=lambda: found.extend(apply_each(runaway_or_echo, ["stuck", "kyiv"], seconds=0.5))
    )
    thread.start()
    thread.join(timeout=120)
    assert not thread.is_alive()
    assert found[1] == ("KYIV", None)
    assert is_timeout(found[0][1])


def test_a_parse_that_hangs_is_quarantined_as_timeout(
    data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = [
        *ingest_bytes(b"Shelling of Kherson injured two.", "2025-03-10/a.txt", DAY, NOW).articles,
        *ingest_bytes(b"stuck", "2025-03-10/b.txt", DAY, NOW).articles,
    ]
    write_partition(
        records_to_table(articles, RAW_ARTICLES), data_paths.partition_file("raw", "articles", DAY)
    )
    real_parse = newsfacts.layers.parse_article
    real_parse(articles[0])  # models and dictionaries load on first use, outside the short budget

    def parse_or_hang(raw):
        if raw.text == "stuck":
            RUNAWAY.match("a" * 64)
        return real_parse(raw)

    monkeypatch.setattr(newsfacts.layers, "parse_article", parse_or_hang)
    monkeypatch.setenv(ARTICLE_SECONDS_ENV, "0.5")
    tables = compute_parsed(data_paths, DAY, NOW)
    assert tables["articles"]["source_file"].to_pylist() == ["2025-03-10/a.txt"]
    [row] = tables["quarantine"].to_pylist()
    assert row["article_id"] == articles[1].article_id
    assert row["check"] == "timeout"
    assert "took more than 0.5 s" in row["reason"]


def test_process_article_keeps_the_budget_and_the_cap() -> None:
    [raw] = ingest_bytes(b"A drone hit a house in Kharkiv." * 10, "x.txt", DAY, NOW).articles
    parsed, _ = process_article(raw, Limits(article_seconds=30))
    assert parsed.article_id == raw.article_id
    with pytest.raises(ValueError, match="too_large"):
        process_article(raw, Limits(max_article_bytes=100))


def test_long_normal_articles_are_kept_and_oversized_ones_rejected_with_size_and_hash() -> None:
    paragraph = b"Russian forces shelled the outskirts of Kherson overnight, the regional governor said.\n\n"
    live_blog = paragraph * (200_000 // len(paragraph) + 1)
    huge = paragraph * (5_000_000 // len(paragraph))
    result = ingest_bytes(live_blog, "blog.txt", DAY, NOW)
    result.extend(ingest_bytes(huge, "huge.txt", DAY, NOW))
    kept, rejected = cap_articles(result.articles, Limits(), NOW)
    assert [a.source_file for a in kept] == ["blog.txt"]
    assert len(kept[0].text) == len(live_blog)  # read in full
    [too_large] = rejected
    assert (too_large.source_file, too_large.reason, too_large.content) == ("huge.txt", "too_large", b"")
    assert too_large.size_bytes == len(huge)
    assert result.articles[1].article_id in too_large.detail
    assert f"{len(huge):,} bytes" in too_large.detail


def test_limits_come_from_the_environment_and_bad_values_are_named() -> None:
    assert Limits.from_env({}).article_seconds == DEFAULT_ARTICLE_SECONDS
    limits = Limits.from_env({ARTICLE_SECONDS_ENV: "2.5", MAX_ARTICLE_BYTES_ENV: "1000"})
    assert (limits.article_seconds, limits.max_article_bytes) == (2.5, 1000)
    with pytest.raises(LimitsConfigError, match=ARTICLE_SECONDS_ENV):
        Limits.from_env({ARTICLE_SECONDS_ENV: "soon"})
    with pytest.raises(LimitsConfigError, match=MAX_ARTICLE_BYTES_ENV):
        Limits.from_env({MAX_ARTICLE_BYTES_ENV: "0"})


class SlowFinalizer:
    def __del__(self) -> None:
        time.sleep(0.5)  # the alarm goes off in here, and Python drops what a finalizer raises


def finalizer_then_loop(_: str) -> str:
    SlowFinalizer()  # finalized at once, while the budget runs out
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(0.01)
    return "finished"


def test_an_alarm_dropped_inside_a_finalizer_is_repeated_and_not_printed(
    capfd: pytest.CaptureFixture[str],
) -> None:
    [(result, error)] = apply_each(finalizer_then_loop, ["x"], seconds=0.2)
    assert result is None and is_timeout(error)
    assert "Exception ignored" not in capfd.readouterr().err


def test_a_web_archive_that_takes_longer_than_the_budget_is_still_read_whole(tmp_path) -> None:
    """A WARC is streamed record by record: the per-file budget would reject a big crawl."""
    records = 4000
    page = "<html><head><title>Shelling near Kupiansk {i}</title></head><body><p>{text}</p></body></html>"
    body = b"".join(
        warc_record(
            "response",
            f"https://frontline.example/report-{i}",
            "2025-03-10T08:00:00Z",
            http_response(page.format(i=i, text=f"Report {i}: shells hit a depot overnight.").encode()),
        )
        for i in range(records)
    )
    folder = tmp_path / "landing" / DAY.isoformat()
    folder.mkdir(parents=True)
    (folder / "crawl.warc").write_bytes(body)
    started = time.monotonic()
    result = ingest_landing_day(tmp_path / "landing", DAY, NOW, Limits(article_seconds=0.01))
    assert time.monotonic() - started > 0.01  # the archive took longer than one file's budget
    assert len(result.articles) == records
    assert not [r for r in result.rejected if r.reason == TIMEOUT_REASON]
