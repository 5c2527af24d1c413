"""The bundled sample articles, parsed and extracted, against their hand-coded expectations."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from newsfacts.cli import article_name, gold_shape
from newsfacts.config import SAMPLES_DIR
from newsfacts.evaluate import evaluate
from newsfacts.ingest import ingest_landing_day
from newsfacts.layers import process_article
from tests.conftest import load_expected

LANDING = SAMPLES_DIR / "landing"


@pytest.fixture(scope="module")
def extracted() -> dict[str, dict]:
    now = datetime.now(UTC)
    rows = {}
    for folder in sorted(p for p in LANDING.iterdir() if p.is_dir()):
        result = ingest_landing_day(LANDING, date.fromisoformat(folder.name), now)
        for raw in result.articles:
            parsed, mentions = process_article(raw)
            name = article_name(raw, raw.source_file)
            rows[name] = gold_shape(name, parsed, mentions) | {"removed": parsed.removed_blocks}
    return rows


def test_every_sample_article_is_read(extracted: dict[str, dict]) -> None:
    assert set(extracted) == set(load_expected())


@pytest.mark.parametrize("field", ["title", "language", "published"])
def test_article_fields(extracted: dict[str, dict], field: str) -> None:
    expected = load_expected()
    wrong = {
        name: (row[field], extracted[name][field])
        for name, row in expected.items()
        if row[field] != extracted[name][field]
    }
    assert wrong == {}


def test_events_agree_with_the_coding(extracted: dict[str, dict]) -> None:
    result = evaluate(load_expected(), extracted)
    report = f"missed {result.missed}\nspurious {result.spurious}"
    assert result.recall >= 0.9, report
    assert result.precision >= 0.9, report
    for field, floor in {
        "fatalities": 0.95,
        "injured": 0.95,
        "admin1": 0.9,
        "location": 0.9,
        "actor1": 0.9,
        "sub_event_type": 0.85,
    }.items():
        assert (result.accuracy(field) or 0) >= floor, (field, result.accuracy(field))


def test_no_event_rests_on_boilerplate(extracted: dict[str, dict]) -> None:
    for row in extracted.values():
        removed = " ".join(block.text for block in row["removed"])
        for event in row["events"]:
            assert event["evidence"] not in removed
