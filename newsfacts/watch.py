"""Which landing days need a run: compare the landing folder with what was seen before.

A day's fingerprint changes when a file is added, removed, rewritten or renamed, so the
sensor asks for one run per changed day and never re-runs a day whose files are unchanged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from newsfacts.ingest import walk_landing


def landing_fingerprints(landing: Path) -> dict[str, str]:
    """{YYYY-MM-DD: digest of (name, size, mtime) of every file landed that day}."""
    fingerprints = {}
    if not landing.is_dir():
        return fingerprints
    for folder in sorted(landing.iterdir()):
        try:
            date.fromisoformat(folder.name)
        except ValueError:
            continue  # not a landing day folder
        walk = walk_landing(folder, boundary=landing)
        if not walk.files and not walk.refused:
            continue
        digest = hashlib.sha256()
        for path, name in walk.files:
            try:
                stat = path.stat()
            except OSError:  # removed since the walk: the next tick sees the change
                continue
            digest.update(f"{name}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
        for refusal in walk.refused:  # a hidden file or a bad link lands too: it is reported
            digest.update(f"{refusal.name}|{refusal.reason}\n".encode())
        fingerprints[folder.name] = digest.hexdigest()[:16]
    return fingerprints


@dataclass(frozen=True, slots=True)
class WatchPlan:
    run_days: list[tuple[str, str]]  # (day, fingerprint) to run now, oldest first
    seen: dict[str, str]  # the new cursor
    seeded: list[str]  # history accepted without a run on the first tick
    deferred: list[str]  # changed days left for a later tick by the cap


def plan_runs(
    previous: dict[str, str] | None,
    current: dict[str, str],
    today: date,
    first_tick_lookback_days: int,
    max_runs_per_tick: int,
) -> WatchPlan:
    """Days to run, given the cursor (`previous`, None on the first tick) and the folder now.

    First tick: days older than the lookback window are taken as history (backfill them
    from the CLI) rather than launching months of runs at once. Later ticks: every new or
    changed day, at most `max_runs_per_tick` of them (oldest first); the rest wait.
    """
    seen = dict(previous or {})
    seeded = []
    if previous is None:
        horizon = (today - timedelta(days=first_tick_lookback_days)).isoformat()
        for day, fingerprint in current.items():
            if day < horizon:
                seen[day] = fingerprint
                seeded.append(day)
    changed = sorted(day for day, fingerprint in current.items() if seen.get(day) != fingerprint)
    run_now, deferred = changed[:max_runs_per_tick], changed[max_runs_per_tick:]
    for day in run_now:
        seen[day] = current[day]
    return WatchPlan([(day, current[day]) for day in run_now], seen, seeded, deferred)


def encode_cursor(seen: dict[str, str]) -> str:
    return json.dumps(seen, sort_keys=True, separators=(",", ":"))


def decode_cursor(cursor: str | None) -> dict[str, str] | None:
    return json.loads(cursor) if cursor else None
