"""The landing-folder watch: new or changed days run once; history does not flood the instance."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from newsfacts.watch import decode_cursor, encode_cursor, landing_fingerprints, plan_runs

TODAY = date(2025, 3, 20)


def land(landing: Path, day: str, name: str, text: str = "A report.") -> Path:
    path = landing / day / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_fingerprints_change_when_a_file_is_added_or_rewritten(tmp_path: Path) -> None:
    first = land(tmp_path, "2025-03-19", "a.txt")
    land(tmp_path, "not-a-day", "b.txt")
    (tmp_path / "2025-03-18").mkdir()  # an empty day is not a landing yet
    before = landing_fingerprints(tmp_path)
    assert list(before) == ["2025-03-19"]
    land(tmp_path, "2025-03-19", "c.txt")
    added = landing_fingerprints(tmp_path)
    assert added["2025-03-19"] != before["2025-03-19"]
    first.write_text("A longer, corrected report.", encoding="utf-8")
    os.utime(first, ns=(1, 1))
    assert landing_fingerprints(tmp_path)["2025-03-19"] != added["2025-03-19"]


def test_first_tick_takes_old_days_as_history() -> None:
    current = {f"2025-01-{d:02d}": "x" for d in range(1, 31)} | {"2025-03-19": "y", "2025-03-20": "z"}
    plan = plan_runs(None, current, TODAY, first_tick_lookback_days=3, max_runs_per_tick=5)
    assert [day for day, _ in plan.run_days] == ["2025-03-19", "2025-03-20"]
    assert len(plan.seeded) == 30
    assert plan.seen == current


def test_later_ticks_run_changed_days_once_with_a_cap() -> None:
    seen = {"2025-03-18": "a"}
    current = {"2025-03-18": "a"} | {f"2025-03-{d:02d}": "n" for d in range(1, 9)}
    plan = plan_runs(seen, current, TODAY, first_tick_lookback_days=3, max_runs_per_tick=5)
    assert [day for day, _ in plan.run_days] == [f"2025-03-0{d}" for d in range(1, 6)]
    assert plan.deferred == ["2025-03-06", "2025-03-07", "2025-03-08"]
    after = plan_runs(
        decode_cursor(encode_cursor(plan.seen)),
        current,
        TODAY,
        first_tick_lookback_days=3,
        max_runs_per_tick=5,
    )
    assert [day for day, _ in after.run_days] == ["2025-03-06", "2025-03-07", "2025-03-08"]
    idle = plan_runs(after.seen, current, TODAY, first_tick_lookback_days=3, max_runs_per_tick=5)
    assert idle.run_days == []
    changed = plan_runs(after.seen, current | {"2025-03-18": "b"}, TODAY, 3, 5)
    assert changed.run_days == [("2025-03-18", "b")]
