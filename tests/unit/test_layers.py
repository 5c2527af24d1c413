"""Layer functions: an article that breaks the parser or the extractor is quarantined, not lost."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

import newsfacts.layers as layers
from newsfacts.config import DataPaths

NOW = datetime(2025, 3, 14, tzinfo=UTC)


def test_a_failing_article_is_quarantined_with_the_error(
    data_paths: DataPaths, landed_samples: list[date], monkeypatch: pytest.MonkeyPatch
) -> None:
    day = landed_samples[0]
    layers.write_tables(data_paths, "raw", day, layers.compute_raw(data_paths, day, NOW))
    raw = layers.read_table(data_paths, "raw", "articles", day)
    victim = raw["article_id"][0].as_py()
    real_parse = layers.parse_article

    def parse_or_fail(article):
        if article.article_id == victim:
            raise UnicodeError("garbled paragraph")
        return real_parse(article)

    monkeypatch.setattr(layers, "parse_article", parse_or_fail)
    tables = layers.compute_parsed(data_paths, day, NOW)
    assert tables["articles"].num_rows == raw.num_rows - 1
    [row] = tables["quarantine"].to_pylist()
    assert row["article_id"] == victim and row["check"] == "exception"
    assert row["reason"].startswith("UnicodeError: garbled paragraph (at test_layers.py:")
