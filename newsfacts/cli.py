"""The `newsfacts` command: extract facts from files, land files, run the demo, summarise DuckDB."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TextIO

from newsfacts.config import DATA_ROOT_ENV, PROJECT_ROOT, SAMPLES_DIR, DataPaths
from newsfacts.extract.lexicon import LANGUAGES
from newsfacts.ingest import (
    MANIFEST_NAMES,
    is_container,
    iter_file,
    iter_paths,
    read_manifest,
    walk_landing,
)
from newsfacts.layers import process_article
from newsfacts.records import EventMention, ParsedArticle, RawArticle

GOLD_EVENT_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "weapon",
    "fatalities",
    "injured",
)


def article_name(raw: RawArticle, relative: str) -> str:
    """The file's path relative to the folder given; a record of a JSON file, feed or web
    archive gets '#<record index>'."""
    return f"{relative}#{raw.record_index}" if is_container(relative) else relative


def gold_shape(name: str, parsed: ParsedArticle, mentions: Sequence[EventMention]) -> dict[str, Any]:
    """One article in the shape of the gold corpora (see score.py)."""
    events = []
    for mention in mentions:
        event = {field: getattr(mention, field) for field in GOLD_EVENT_FIELDS}
        event["date"] = mention.event_date.isoformat() if mention.event_date else None
        event["evidence"] = mention.evidence
        events.append(event)
    return {
        "article": name,
        "published": parsed.published.isoformat() if parsed.published else None,
        "title": parsed.title,
        "language": parsed.language,
        "events": events,
    }


def report_refused(sources: Sequence[Path], verb: str) -> int:
    """Print the entries of folders given that are not read (hidden, links out, pipes)."""
    count = 0
    for source in sources:
        if source.is_dir():
            for refusal in walk_landing(source).refused:
                print(
                    f"not {verb} {source / refusal.name}: {refusal.reason}: {refusal.detail}", file=sys.stderr
                )
                count += 1
    return count


def cmd_extract(args: argparse.Namespace) -> int:
    today = date.today()
    now = datetime.now(UTC)
    out: TextIO = sys.stdout if args.jsonl == "-" else open(args.jsonl, "w", encoding="utf-8")  # noqa: SIM115
    n_articles = n_events = 0
    n_rejected = report_refused([Path(p) for p in args.paths], "read")
    try:
        for path, relative, url in iter_paths(Path(p) for p in args.paths):
            not_html = 0  # records of a web archive that are not pages: counted, not listed
            for raw in iter_file(path, relative, today, now, url):
                if not isinstance(raw, RawArticle):
                    n_rejected += 1
                    if raw.reason == "not_html":
                        not_html += 1
                        continue
                    where = raw.source_file if raw.record_index is None else f"{relative}#{raw.record_index}"
                    print(f"rejected {where}: {raw.reason}: {raw.detail}", file=sys.stderr)
                    continue
                try:
                    parsed, mentions = process_article(raw)
                except Exception as error:  # report and go on: one bad file must not end the batch
                    print(f"failed {relative}: {type(error).__name__}: {error}", file=sys.stderr)
                    continue
                out.write(
                    json.dumps(gold_shape(article_name(raw, relative), parsed, mentions), ensure_ascii=False)
                )
                out.write("\n")
                n_articles += 1
                n_events += len(mentions)
            if not_html:
                print(f"{relative}: {not_html} archive records that are not HTML pages", file=sys.stderr)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"{n_articles} articles, {n_events} events, {n_rejected} rejected inputs", file=sys.stderr)
    return 0


def land(sources: Sequence[Path], landing_day: Path) -> list[Path]:
    """Copy files (or folders' files) into a landing day folder, keeping relative names.

    A manifest of page addresses found with them (see `newsfacts.ingest.read_manifest`)
    is landed too, as the day's manifest, so the pipeline sees the same URLs.
    """
    landed = []
    report_refused(sources, "landed")
    manifest_rows: dict[str, str] = {}
    for path, relative, url in iter_paths(sources):
        target = landing_day / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        landed.append(target)
        if url:
            manifest_rows[relative] = url
    if manifest_rows:
        manifest = read_manifest(landing_day) | manifest_rows
        lines = ["file\turl", *(f"{name}\t{url}" for name, url in sorted(manifest.items()))]
        (landing_day / MANIFEST_NAMES[0]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return landed


def land_samples(paths: DataPaths) -> list[date]:
    """Land the bundled sample articles into their landing days; return those days."""
    days = []
    for folder in sorted((SAMPLES_DIR / "landing").iterdir()):
        if folder.is_dir():
            day = date.fromisoformat(folder.name)
            land([folder], paths.landing_day(day))
            days.append(day)
    return days


def cmd_land(args: argparse.Namespace) -> int:
    paths = DataPaths.from_root(args.data)
    ensure_instance(paths)
    if args.samples:
        days = land_samples(paths)
        print(f"landed the sample articles for {', '.join(d.isoformat() for d in days)} in {paths.landing}")
        return 0
    if not args.paths:
        print("land: give files or folders to land, or --samples", file=sys.stderr)
        return 2
    day = date.fromisoformat(args.date) if args.date else date.today()
    landed = land([Path(p) for p in args.paths], paths.landing_day(day))
    print(f"landed {len(landed)} files in {paths.landing_day(day)}")
    return 0


DAGSTER_YAML_HEADER = "# Local Dagster instance for newsfacts"
DAGSTER_YAML = f"""\
{DAGSTER_YAML_HEADER} (written by `newsfacts land` and `newsfacts demo`).
telemetry:
  enabled: false
concurrency:
  runs:
    max_concurrent_runs: 2
  pools:
    # Every pool (the DuckDB writer's among them) admits one step at a time.
    default_limit: 1
    granularity: op
# The default launcher plus a health check on the run worker's process (pipelines/run_health.py).
run_launcher:
  module: pipelines.run_health
  class: MonitoredRunLauncher
# The daemon marks runs whose process died as failed and gives back the pool slots they held.
run_monitoring:
  enabled: true
  start_timeout_seconds: 180
  cancel_timeout_seconds: 180
  max_resume_run_attempts: 0
  poll_interval_seconds: 30
  free_slots_after_run_end_seconds: 30
"""


def ensure_instance(paths: DataPaths) -> Path:
    """A persistent DAGSTER_HOME under the data root, so runs and backfills are kept."""
    home = paths.dagster_home
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    # Written when missing, and rewritten when it is one of ours from before run monitoring.
    current = config.read_text(encoding="utf-8") if config.exists() else None
    if current is None or (current.startswith(DAGSTER_YAML_HEADER) and "run_monitoring:" not in current):
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    return home


def dagster_env(paths: DataPaths) -> dict[str, str]:
    env = dict(os.environ)
    env[DATA_ROOT_ENV] = str(paths.root)
    env["DAGSTER_HOME"] = str(ensure_instance(paths))
    return env


def materialize_command(first: date, last: date, select: str = "*") -> list[str]:
    """The `dagster asset materialize` command for a range of landing days, as one run."""
    return [
        str(Path(sys.executable).with_name("dagster")),
        "asset",
        "materialize",
        "-m",
        "pipelines.definitions",
        "--select",
        select,
        "--partition-range",
        f"{first.isoformat()}...{last.isoformat()}",
    ]


def cmd_demo(args: argparse.Namespace) -> int:
    """Land the samples and materialize every sample day in one run of the real dagster CLI."""
    paths = DataPaths.from_root(args.data)
    days = land_samples(paths)
    print(f"landed sample articles for {len(days)} days under {paths.landing}", flush=True)
    command = materialize_command(days[0], days[-1])
    print("$ " + " ".join(command), flush=True)
    completed = subprocess.run(command, cwd=PROJECT_ROOT, env=dagster_env(paths), check=False)
    if completed.returncode != 0:
        print(f"dagster exited with {completed.returncode}", file=sys.stderr)
        return completed.returncode
    return summarise(paths, sys.stdout)


def summarise(paths: DataPaths, out: TextIO) -> int:
    from warehouse.loader import connect

    if not paths.warehouse_db.exists():
        print(f"no warehouse at {paths.warehouse_db}; run the pipeline first", file=sys.stderr)
        return 1
    with connect(paths.warehouse_db, read_only=True) as con:
        print(f"\nwarehouse: {paths.warehouse_db}", file=out)
        rows = con.execute(
            """
            with days as (
                select landed_date from raw.articles union select landed_date from raw.rejected
            )
            select d.landed_date,
                   (select count(*) from raw.articles r where r.landed_date = d.landed_date),
                   (select count(*) from raw.rejected r where r.landed_date = d.landed_date),
                   (select count(*) from parsed.articles p where p.landed_date = d.landed_date),
                   (select count(*) from events.mentions m where m.landed_date = d.landed_date),
                   (select count(*) from events.quarantine q where q.landed_date = d.landed_date)
            from days d order by 1
            """
        ).fetchall()
        print(
            f"{'landed':<12}{'raw':>6}{'rejected':>10}{'parsed':>8}{'mentions':>10}{'quarantined':>13}",
            file=out,
        )
        for day, raw, rejected, parsed, mentions, quarantined in rows:
            print(f"{day!s:<12}{raw:>6}{rejected:>10}{parsed:>8}{mentions:>10}{quarantined:>13}", file=out)
        # articles by language: those with a lexicon are coded, the others only counted
        languages = con.execute(
            """
            select coalesce(p.language, '?') as language, count(*) as articles,
                   count(distinct m.article_id) as with_events
            from parsed.articles p left join events.mentions m using (article_id)
            group by all order by 2 desc, 1
            """
        ).fetchall()
        print("\narticles by language (coded: " + ", ".join(LANGUAGES) + "):", file=out)
        for language, articles, with_events in languages:
            coded = "coded" if language in LANGUAGES else "not coded"
            print(f"  {language:<4}{articles:>6} articles, {with_events:>5} with events  ({coded})", file=out)
        events, deleted, killed, multi = con.execute(
            """
            select count(*) filter (where not is_deleted), count(*) filter (where is_deleted),
                   coalesce(sum(fatalities) filter (where not is_deleted), 0),
                   count(*) filter (where not is_deleted and n_articles > 1)
            from events.events
            """
        ).fetchone()
        print(
            f"\nevents.events: {events} events ({multi} told by several articles, {deleted} deleted), "
            f"{killed} killed (ACLED's conservative figure)",
            file=out,
        )
        for event_type, sub_type, count, fatalities in con.execute(
            """
            select event_type, coalesce(sub_event_type, '-'), count(*), coalesce(sum(fatalities), 0)
            from events.events where not is_deleted group by all order by 3 desc, 1, 2
            """
        ).fetchall():
            print(f"  {count:>4}  {event_type} / {sub_type}  (killed: {fatalities})", file=out)
        failed = con.execute(
            """
            select table_name, check_name, severity, sum(unexpected_count)
            from dq.check_results
            where not success and run_id in (
                select arg_max(run_id, evaluated_at) from dq.check_results group by landed_date, table_name
            )
            group by all order by 1, 2
            """
        ).fetchall()
        print(f"\ndata quality (latest run per day): {len(failed)} rules failing", file=out)
        for table_name, check_name, severity, unexpected in failed:
            print(f"  {severity:<6}{table_name}: {check_name} ({unexpected} rows)", file=out)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    return summarise(DataPaths.from_root(args.data), sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsfacts", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="parse and extract files or folders into gold-shaped JSON lines")
    extract.add_argument("paths", nargs="+", help="article files or folders of them")
    extract.add_argument("--jsonl", required=True, help="output file, or - for standard output")
    extract.set_defaults(func=cmd_extract)

    landing = sub.add_parser("land", help="copy article files into the landing folder for a day")
    landing.add_argument("paths", nargs="*", help="files or folders to land")
    landing.add_argument("--date", help="landing day YYYY-MM-DD (default: today)")
    landing.add_argument("--samples", action="store_true", help="land the bundled sample articles")
    landing.add_argument("--data", help=f"data root (default: ${DATA_ROOT_ENV} or ./data)")
    landing.set_defaults(func=cmd_land)

    demo = sub.add_parser("demo", help="land the samples, run the whole pipeline with dagster, summarise")
    demo.add_argument("--data", help=f"data root (default: ${DATA_ROOT_ENV} or ./data)")
    demo.set_defaults(func=cmd_demo)

    summary = sub.add_parser("summary", help="print what the DuckDB warehouse holds")
    summary.add_argument("--data", help=f"data root (default: ${DATA_ROOT_ENV} or ./data)")
    summary.set_defaults(func=cmd_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
