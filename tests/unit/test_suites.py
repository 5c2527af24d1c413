"""Every expectation suite loads every rule of its file, and the warehouse rules can fail."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pytest

import expectations.runner as runner
from expectations.runner import SuiteLoadError, build_suite, load_suite, suite_names, validate_table
from newsfacts.vocabulary import EVENT_TYPES

ALL_SUITES = ["events_mentions", "parsed_articles", "raw_articles", "warehouse_events"]


def test_the_suites_folder_holds_the_four_layer_suites() -> None:
    assert suite_names() == ALL_SUITES


@pytest.mark.parametrize("name", ALL_SUITES)
def test_each_suite_loads_exactly_the_rules_of_its_file(name: str) -> None:
    spec = json.loads((runner.SUITES_DIR / f"{name}.json").read_text(encoding="utf-8"))
    suite = build_suite(name)
    loaded = [(e.expectation_type, e.meta["name"]) for e in suite.expectations]
    in_file = [(entry["type"], entry["meta"]["name"]) for entry in spec["expectations"]]
    assert loaded == in_file
    for expectation, entry in zip(suite.expectations, spec["expectations"], strict=True):
        for key, value in entry["kwargs"].items():
            assert getattr(expectation, key) == value, (name, entry["meta"]["name"], key)


@pytest.fixture
def suites_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(runner, "SUITES_DIR", tmp_path)
    load_suite.cache_clear()
    yield tmp_path
    load_suite.cache_clear()


def test_an_unknown_expectation_type_names_the_suite_and_the_rule(suites_dir: Path) -> None:
    spec = json.loads((Path(runner.__file__).parent / "suites" / "warehouse_events.json").read_text())
    spec["expectations"][4]["type"] = "expect_column_pair_values_A_to_be_greater_than_B"
    (suites_dir / "warehouse_events.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SuiteLoadError, match=r"'warehouse_events', rule 'fatalities_low_le_best'"):
        build_suite("warehouse_events")


def test_a_rule_with_bad_arguments_names_the_suite_and_the_rule(suites_dir: Path) -> None:
    spec = {
        "name": "tiny",
        "expectations": [
            {
                "type": "expect_column_values_to_not_be_null",
                "kwargs": {"column": "a"},
                "meta": {"name": "ok"},
            },
            {"type": "expect_column_values_to_be_between", "kwargs": {}, "meta": {"name": "no_column"}},
        ],
    }
    (suites_dir / "tiny.json").write_text(json.dumps(spec), encoding="utf-8")
    with pytest.raises(SuiteLoadError, match=r"'tiny', rule 'no_column'"):
        build_suite("tiny")


def test_a_broken_suite_file_is_an_error(suites_dir: Path) -> None:
    (suites_dir / "broken.json").write_text('{"name": "broken", "expectations": [', encoding="utf-8")
    with pytest.raises(SuiteLoadError, match="'broken'"):
        build_suite("broken")


def event_row(**changes: object) -> dict[str, object]:
    row: dict[str, object] = {
        "event_id": "e1",
        "event_date": "2025-03-10",
        "event_type": "Explosions/Remote violence",
        "fatalities": 2,
        "fatalities_low": 2,
        "fatalities_best": 3,
        "fatalities_high": 5,
        "n_mentions": 2,
        "n_articles": 2,
        "geo_precision": 1,
        "time_precision": 1,
        "latitude": 50.0,
    }
    return row | changes


def warehouse_failures(*rows: dict[str, object]) -> set[str]:
    table = pa.Table.from_pylist(list(rows))
    outcome = validate_table(table, "warehouse_events", "event_id", {"event_types": list(EVENT_TYPES)})
    return {o.name for o in outcome.failed()}


def test_a_consistent_event_passes_the_warehouse_suite() -> None:
    assert warehouse_failures(event_row(), event_row(event_id="e2", fatalities_high=None)) == set()


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"fatalities": 4, "fatalities_low": 4, "fatalities_best": 3}, "fatalities_low_le_best"),
        ({"fatalities_best": 6, "fatalities_high": 5}, "fatalities_best_le_high"),
        ({"n_mentions": 1, "n_articles": 2}, "mentions_cover_articles"),
    ],
)
def test_each_low_best_high_rule_can_fail(changes: dict[str, object], rule: str) -> None:
    assert warehouse_failures(event_row(event_id="good"), event_row(**changes)) == {rule}


def test_the_code_location_does_not_load_with_a_bad_rule(tmp_path: Path) -> None:
    import shutil
    import subprocess
    import sys

    from newsfacts.config import PROJECT_ROOT

    for path in (Path(runner.__file__).parent / "suites").glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    spec = json.loads((tmp_path / "warehouse_events.json").read_text(encoding="utf-8"))
    spec["expectations"][5]["type"] = "expect_column_pair_values_A_to_be_greater_than_B"
    (tmp_path / "warehouse_events.json").write_text(json.dumps(spec), encoding="utf-8")
    load = (
        "import pathlib, sys; import expectations.runner as runner; "
        "runner.SUITES_DIR = pathlib.Path(sys.argv[1]); import pipelines.definitions"
    )
    completed = subprocess.run(
        [sys.executable, "-c", load, str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert (
        "SuiteLoadError: expectation suite 'warehouse_events', rule 'fatalities_best_le_high'"
        in completed.stderr
    )
