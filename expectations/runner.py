"""Run a Great Expectations suite over one partition and turn the result into plain data.

Each expectation's `meta` says how a failure is treated:
- `severity`: "error" (structural: the partition must not flow downstream) or "warn";
- `row_level`: true when the failing rows can be set aside (quarantined) and the rest go on.
Great Expectations takes seconds to import, so it is imported on first use, and one
ephemeral context is kept per process.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa

SUITES_DIR = Path(__file__).resolve().parent / "suites"
MAX_IDS_REPORTED = 20


@dataclass(frozen=True, slots=True)
class ExpectationOutcome:
    name: str  # the rule, e.g. "mention_id_unique"
    expectation_type: str
    column: str | None
    severity: str  # error | warn
    row_level: bool
    success: bool
    unexpected_count: int
    unexpected_ids: tuple[str, ...]  # ids of offending rows (all of them for row-level rules)
    observed: str | None  # observed value for table-level rules, as text
    reason: str  # what the rule means, for people


@dataclass(frozen=True, slots=True)
class SuiteOutcome:
    suite: str
    rows: int
    outcomes: tuple[ExpectationOutcome, ...]

    def failed(self, severity: str | None = None) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success and (severity is None or o.severity == severity)]

    @property
    def success_percent(self) -> float:
        return 100.0 * sum(o.success for o in self.outcomes) / len(self.outcomes) if self.outcomes else 100.0

    def quarantined(self) -> dict[str, list[ExpectationOutcome]]:
        """Row id -> the row-level rules it broke."""
        rows: dict[str, list[ExpectationOutcome]] = {}
        for outcome in self.outcomes:
            if outcome.row_level and not outcome.success:
                for row_id in outcome.unexpected_ids:
                    rows.setdefault(row_id, []).append(outcome)
        return rows


class SuiteLoadError(ValueError):
    """A suite file, or one of its rules, that Great Expectations cannot load."""


@functools.cache
def load_suite(name: str) -> dict[str, Any]:
    path = SUITES_DIR / f"{name}.json"
    try:
        with path.open(encoding="utf-8") as handle:
            spec = json.load(handle)
    except (OSError, json.JSONDecodeError) as error:
        raise SuiteLoadError(f"expectation suite {name!r} ({path}): {error}") from None
    if not isinstance(spec, dict) or not isinstance(spec.get("expectations"), list):
        raise SuiteLoadError(f"expectation suite {name!r} ({path}): no list of expectations")
    return spec


def suite_names() -> list[str]:
    return sorted(path.stem for path in SUITES_DIR.glob("*.json"))


def rule_name(entry: Mapping[str, Any], index: int) -> str:
    return str((entry.get("meta") or {}).get("name") or f"expectation #{index}")


def build_suite(name: str) -> Any:
    """The suite as a Great Expectations object, every rule of the file in it, or SuiteLoadError.

    Great Expectations itself logs a rule it cannot build and drops it, leaving a suite that
    passes without that rule; here each rule is built on its own and the first bad one is
    an error naming the suite and the rule.
    """
    import great_expectations as gx
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    spec = load_suite(name)
    expectations = []
    for index, entry in enumerate(spec["expectations"]):
        rule = rule_name(entry, index)
        try:
            configuration = ExpectationConfiguration(
                type=entry["type"], kwargs=entry.get("kwargs") or {}, meta=entry.get("meta")
            )
            expectations.append(configuration.to_domain_obj())
        except Exception as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise SuiteLoadError(
                f"expectation suite {name!r}, rule {rule!r} ({entry.get('type')}): {message}"
            ) from None
    suite = gx.ExpectationSuite(name=spec["name"], expectations=expectations, meta=spec.get("meta"))
    loaded = [expectation.meta.get("name") for expectation in suite.expectations]
    wanted = [rule_name(entry, index) for index, entry in enumerate(spec["expectations"])]
    if loaded != wanted:
        missing = sorted(set(wanted) - set(loaded))
        raise SuiteLoadError(f"expectation suite {name!r}: rules {missing} did not load")
    return suite


def check_suites() -> dict[str, int]:
    """Build every suite in suites/ (raises SuiteLoadError); {suite: number of rules}."""
    return {name: len(build_suite(name).expectations) for name in suite_names()}


def suite_columns(suite: Mapping[str, Any]) -> set[str]:
    columns = set()
    for expectation in suite["expectations"]:
        kwargs = expectation["kwargs"]
        columns.update(kwargs[key] for key in ("column", "column_A", "column_B") if key in kwargs)
        columns.update(kwargs.get("column_list", []))
    return columns


@functools.cache
def _batch_definition() -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    source = context.data_sources.add_pandas("newsfacts")
    return source.add_dataframe_asset("partition").add_batch_definition_whole_dataframe("whole")


def validate_table(
    table: pa.Table, suite_name: str, id_column: str, parameters: Mapping[str, Any] | None = None
) -> SuiteOutcome:
    """Validate `table` against suites/<suite_name>.json; `parameters` fill {"$PARAMETER": ...}."""
    spec = load_suite(suite_name)
    wanted = sorted((suite_columns(spec) | {id_column}) & set(table.column_names))
    frame = table.select(wanted).to_pandas(types_mapper=_types_mapper)
    suite = build_suite(suite_name)
    result = (
        _batch_definition()
        .get_batch(batch_parameters={"dataframe": frame})
        .validate(
            suite,
            expectation_parameters=dict(parameters or {}),
            result_format={"result_format": "COMPLETE", "unexpected_index_column_names": [id_column]},
        )
    )
    outcomes = []
    for item in result.results:
        config = item.expectation_config
        meta = config.meta or {}
        details = item.result or {}
        index_list = details.get("unexpected_index_list") or []
        ids = tuple(dict.fromkeys(str(row[id_column]) for row in index_list if isinstance(row, dict)))
        row_level = bool(meta.get("row_level"))
        observed = details.get("observed_value")
        outcomes.append(
            ExpectationOutcome(
                name=meta.get("name", config.type),
                expectation_type=config.type,
                column=config.kwargs.get("column"),
                severity=meta.get("severity", "error"),
                row_level=row_level,
                success=bool(item.success),
                unexpected_count=int(details.get("unexpected_count") or 0),
                unexpected_ids=ids if row_level else ids[:MAX_IDS_REPORTED],
                observed=None if observed is None else str(observed),
                reason=meta.get("reason", ""),
            )
        )
    return SuiteOutcome(suite_name, table.num_rows, tuple(outcomes))


def _types_mapper(arrow_type: pa.DataType) -> Any:
    # Nullable integers stay integers (not floats) so range checks report the real values.
    if pa.types.is_integer(arrow_type):
        return pd.Int64Dtype()
    return None
