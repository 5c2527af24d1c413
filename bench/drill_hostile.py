"""Drill: two hostile landing days through the whole pipeline with the real dagster CLI.

    .venv/bin/python bench/drill_hostile.py [--data DIR] [--keep] [--baseline] [--article-seconds S]

Lands two hostile days (see bench/hostile_landing.py; a 12 MB and a 512 MiB file among
them) in a fresh data root, materializes both as one run (`dagster asset materialize
--partition-range`), then prints the rejection reasons with counts, the quarantine
reasons, whether every file is accounted for, whether anything from outside the landing
folder reached the lake or the warehouse, the wall time and the peak RSS of the run, and
the limits in force. With --baseline it also runs the same days without the two oversized
files, to compare peak memory. Exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.hostile_landing import accounted_names, leaked, make_hostile_day
from newsfacts.cli import dagster_env, materialize_command
from newsfacts.config import PROJECT_ROOT, DataPaths
from newsfacts.limits import ARTICLE_SECONDS_ENV, Limits
from warehouse.loader import connect

DAYS = [date(2025, 4, 1), date(2025, 4, 2)]
TARGET_SECONDS = 120


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data root to use (default: a new temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data root")
    parser.add_argument(
        "--article-seconds",
        help=f"time budget per article and step for this drill (sets ${ARTICLE_SECONDS_ENV}); "
        "a tiny one shows timeouts quarantined while the run carries on",
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also run the same days without the oversized files and print that run's peak RSS",
    )
    args = parser.parse_args()
    if args.article_seconds:
        os.environ[ARTICLE_SECONDS_ENV] = args.article_seconds
    work = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="newsfacts-drill-"))
    paths = DataPaths(work.resolve() / "data")
    tokens = [
        make_hostile_day(paths.landing, day, work / "outside", seed=index) for index, day in enumerate(DAYS)
    ]
    limits = Limits.from_env()
    command = materialize_command(DAYS[0], DAYS[-1])
    returncode, output, seconds, peak_mb = run(command, paths)
    (work / "drill-output.log").write_text(output, encoding="utf-8")
    baseline_mb = None
    if args.baseline:  # the same days without the two oversized files: memory must not depend on them
        base = DataPaths(work.resolve() / "baseline")
        for index, day in enumerate(DAYS):
            make_hostile_day(base.landing, day, work / "outside-baseline", seed=index)
            for name in ("huge.txt", "giant.txt"):
                (base.landing_day(day) / name).unlink()
        baseline_mb = run(command, base)[3]
    failures = []
    if returncode != 0:
        failures.append(f"dagster exited with {returncode} (see {work / 'drill-output.log'})")
    if "Traceback" in output:
        failures.append(f"a traceback in the run's output (see {work / 'drill-output.log'})")
    print(f"run: {' '.join(command[1:])}")
    print(f"  exit code {returncode}; wall time {seconds:.1f} s; peak RSS {peak_mb:.0f} MB")
    if baseline_mb is not None:
        print(f"  the same days without the 12 MB and 512 MiB files: peak RSS {baseline_mb:.0f} MB")
    if returncode == 0:
        failures += report(paths, tokens)
    print(
        f"limits: file {limits.max_file_bytes:,} B, article {limits.max_article_bytes:,} B, "
        f"{limits.article_seconds:g} s per article and step"
    )
    if seconds > TARGET_SECONDS:
        failures.append(f"took {seconds:.0f} s, over the {TARGET_SECONDS} s target")
    print("drill: " + ("PASSED" if not failures else "FAILED\n  " + "\n  ".join(failures)))
    if not args.data and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    elif args.keep:
        print(f"data kept in {work}")
    return 0 if not failures else 1


def run(command: list[str], paths: DataPaths) -> tuple[int, str, float, float]:
    """(exit code, output, wall seconds, peak RSS in MB of that process tree's largest process)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=dagster_env(paths), stdout=out, stderr=out, text=True
        )
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        output = out.read()
    return process.returncode, output, seconds, usage.ru_maxrss / 1024


def report(paths: DataPaths, tokens: list[str]) -> list[str]:
    failures = []
    with connect(paths.warehouse_db, read_only=True) as con:
        counts = dict(
            con.execute(
                "select 'raw.articles', count(*) from raw.articles union all "
                "select 'raw.rejected', count(*) from raw.rejected union all "
                "select 'parsed.articles', count(*) from parsed.articles union all "
                "select 'parsed.quarantine', count(*) from parsed.quarantine union all "
                "select 'events.mentions', count(*) from events.mentions union all "
                "select 'events.quarantine', count(*) from events.quarantine"
            ).fetchall()
        )
        reasons = con.execute(
            "select reason, count(*) from raw.rejected group by reason order by 2 desc, 1"
        ).fetchall()
        quarantined = con.execute(
            "select layer || '.' || \"check\", count(*) from "
            "(select * from parsed.quarantine union all select * from events.quarantine) "
            "group by 1 order by 1"
        ).fetchall()
        stored = {
            row[0]
            for row in con.execute(
                "select source_file from raw.articles union select source_file from raw.rejected"
            ).fetchall()
        }
    print("rows: " + ", ".join(f"{table} {count}" for table, count in counts.items()))
    print("raw.rejected reasons:")
    for reason, count in reasons:
        print(f"  {reason:<18}{count:>4}")
    print("quarantined (layer.check): " + (", ".join(f"{k} {v}" for k, v in quarantined) or "none"))
    for day in DAYS:
        missing = sorted(accounted_names(paths.landing, day) - stored)
        print(f"{day}: {len(accounted_names(paths.landing, day))} landed entries, {len(missing)} unaccounted")
        if missing:
            failures.append(f"{day}: not accounted for: {missing}")
    passwd = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    leaks = [hit for token in [*tokens, passwd] for hit in leaked(paths.root, token)]
    print(f"bytes of linked outside files found in the lake or the warehouse: {len(leaks)}")
    if leaks:
        failures.append(f"outside content stored: {leaks}")
    return failures


if __name__ == "__main__":
    sys.exit(main())
