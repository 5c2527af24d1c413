"""The whole pipeline as one backfill run through the `dagster` CLI, on generated landing days.

    .venv/bin/python bench/bench_backfill.py --days 30 --per-day 3334
    .venv/bin/python bench/bench_backfill.py --days 2 --per-day 200 --dask-workers 2 --object-store
    .venv/bin/python bench/bench_backfill.py --days 1 --per-day 3334 --history-days 365 --history-per-day 200

Generates news articles (strikes, shelling, interceptions, protests, and plain news) in
plain text, Markdown and HTML, lands them into `--days` landing days, and runs every asset
with its Great Expectations checks over the range as ONE run (`dagster asset materialize
--partition-range`). With `--history-days H`, H earlier days are landed and backfilled first
(not timed), so the timed run shows what a new day costs on top of that history.

Prints the time of each step, articles/s and the peak memory of the run (the sum of the
resident memory of the dagster process and all its children: pool or Dask workers,
sampled every 0.1 s), then a JSON summary as its last line.

`--dask-workers K` runs the per-article work on a Dask LocalCluster of K worker processes;
`--object-store` puts the lake on an S3 server (moto's, on 127.0.0.1) instead of a folder.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsfacts.cli import dagster_env, materialize_command  # noqa: E402
from newsfacts.config import DataPaths  # noqa: E402

GAZETTEER = ROOT / "newsfacts" / "data" / "gazetteer.tsv.gz"
START = date(2025, 1, 1)
STEP_START = re.compile(r'^(\S+ \S+ \+0000) .*Started execution of step "([^"]+)"', re.MULTILINE)
STEP_LINE = re.compile(r'Finished execution of step "([^"]+)" in ([0-9.]+)(ms|s|m)(?:([0-9]+)s)?')


# --------------------------------------------------------------------------- corpus


@dataclass(frozen=True)
class Place:
    name: str
    admin1: str
    country: str


def load_places() -> tuple[list[Place], list[Place]]:
    """Ukrainian towns (and Russian border towns) of some size, from the gazetteer."""
    ukraine, russia = [], []
    border_regions = {"Belgorod", "Kursk", "Bryansk", "Rostov", "Voronezh"}
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 10 or cells[2] != "settlement" or not cells[1].isascii():
                continue
            try:
                population = int(cells[8] or 0)
            except ValueError:
                continue
            if cells[3] == "UA" and population >= 30000 and cells[4]:
                ukraine.append(Place(cells[1], cells[4], "Ukraine"))
            elif cells[3] == "RU" and cells[4] in border_regions and population >= 20000:
                russia.append(Place(cells[1], cells[4], "Russia"))
    return ukraine, russia


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
COUNTS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "11", "14", "at least 17", "23"]
OUTLETS = ["Dnipro Courier", "Eastline Wire", "Black Sea Herald", "Steppe Daily", "Frontline Monitor"]
AUTHORS = ["Olena Marchuk", "Taras Hnatiuk", "Iryna Savchenko", "Pavlo Dudnyk", "Kateryna Lysenko"]

STRIKE = [
    "A Russian {weapon} attack on {town} in the {region} region {when} killed {n} people and wounded "
    "{m} others, the regional governor said.",
    "Russian forces struck {town} with {weapons} {when}, killing {n} civilians, according to the "
    "{region} regional military administration.",
    "{N} people were killed and {m} injured when a {weapon} hit an apartment block in {town} {when}, "
    "emergency services said.",
    "The death toll from {when_past} {weapon} strike on {town} has risen to {n}, local officials said, "
    "as rescuers cleared the rubble of a five-storey building.",
]
SHELLING = [
    "Russian artillery shelled {town} {when}, wounding {n} residents and damaging a school and a "
    "power line, the head of the {region} administration wrote on Telegram.",
    "Shelling of the outskirts of {town} {when} injured {n} people, among them a child, the regional "
    "prosecutor's office said.",
    "Heavy shelling hit {town} and nearby villages {when}; {n} people were taken to hospital with "
    "shrapnel wounds.",
]
INTERCEPT = [
    "Ukraine's air force said it shot down {n} of {m} drones launched overnight, most of them over the "
    "{region} region.",
    "Air defences intercepted {n} missiles over {town} {when}, and falling debris damaged several "
    "houses, the mayor said.",
    "The Russian defence ministry said its air defences destroyed {n} Ukrainian drones over the "
    "{ru_region} region {when}.",
]
UKRAINE_STRIKE = [
    "A Ukrainian drone attack on {ru_town} in Russia's {ru_region} region {when} killed {n} people, the "
    "regional governor said.",
    "Ukrainian shelling of {ru_town} {when} wounded {n} civilians, Russian officials said.",
]
PROTEST = [
    "Hundreds of people rallied in central {town} {when} to demand news of soldiers missing in action; "
    "the protest ended peacefully.",
    "Residents of {town} protested outside the city council {when} over power cuts and the cost of "
    "heating, and police detained {n} people.",
    "Several hundred people marched in {town} {when} in support of the families of prisoners of war.",
]
FILLER = [
    "Officials said repair crews had restored power to most of the district by the evening.",
    "The claims could not be independently verified.",
    "Local volunteers set up a tent where residents could charge their phones and get hot tea.",
    "Schools in the area switched to remote lessons for the rest of the week.",
    "The city council said it would pay compensation to families whose homes were damaged.",
    "Residents queued for water at distribution points set up near the railway station.",
    "The governor urged people to stay in shelters while the alert was in force.",
    "Prosecutors opened an investigation into what they called a violation of the laws of war.",
    "The regional energy company said the damage to the substation would take days to repair.",
    "Farmers in the area say they have not been able to work some of their fields for months.",
    "A spokesman for the ministry declined to comment on the reports.",
    "The mayor thanked the rescue teams, who worked through the night.",
    "Prices for bread and fuel in the city have risen sharply since the start of the year.",
    "Doctors at the regional hospital said two of the wounded were in a serious condition.",
]
QUIET = [
    "The central bank kept its key rate unchanged on {weekday}, citing slowing inflation.",
    "The parliament in Kyiv approved a bill on {weekday} to simplify the registration of small businesses.",
    "Grain exports through the Black Sea ports rose last month, the agriculture ministry said.",
    "The national football team beat its rivals 2-1 in a friendly match on {weekday}.",
]
WEAPONS = [
    ("drone", "drones"),
    ("missile", "missiles"),
    ("guided bomb", "guided bombs"),
    ("Shahed drone", "Shahed drones"),
    ("ballistic missile", "ballistic missiles"),
    ("rocket", "rockets"),
]


def article_text(rng: random.Random, places: tuple[list[Place], list[Place]], day: date, i: int) -> tuple:
    """(title, byline line, paragraphs) of one article reported on `day`."""
    ukraine, russia = places
    town, ru = rng.choice(ukraine), rng.choice(russia)
    weapon, weapons = rng.choice(WEAPONS)
    event_day = day - timedelta(days=rng.choice([0, 0, 0, 1, 1, 2]))
    when = "overnight" if event_day == day else f"on {WEEKDAYS[event_day.weekday()]}"
    values = {
        "town": town.name,
        "region": town.admin1,
        "ru_town": ru.name,
        "ru_region": ru.admin1,
        "weapon": weapon,
        "weapons": weapons,
        "when": when,
        "when_past": f"{WEEKDAYS[event_day.weekday()]}'s",
        "n": rng.choice(COUNTS),
        "N": rng.choice(["Two", "Three", "Four", "Five", "Seven"]),
        "m": rng.choice(COUNTS),
        "weekday": WEEKDAYS[day.weekday()],
    }
    kind = rng.random()
    if kind < 0.1:
        lead = rng.choice(QUIET)
        title = lead.split(",")[0].split(" on ")[0][:90]
        events = [lead]
    else:
        pool = (
            STRIKE
            if kind < 0.45
            else SHELLING
            if kind < 0.6
            else INTERCEPT
            if kind < 0.75
            else UKRAINE_STRIKE
            if kind < 0.85
            else PROTEST
        )
        events = [rng.choice(pool)]
        for _ in range(rng.randint(0, 2)):
            events.append(rng.choice(rng.choice([STRIKE, SHELLING, INTERCEPT, UKRAINE_STRIKE, PROTEST])))
        title = {
            id(STRIKE): f"{weapon.capitalize()} strike on {town.name} kills {values['n']}",
            id(SHELLING): f"Shelling wounds {values['n']} in {town.name}",
            id(INTERCEPT): f"Air defences down {values['n']} drones over {town.admin1} region",
            id(UKRAINE_STRIKE): f"Drone attack on {ru.name} kills {values['n']}, governor says",
            id(PROTEST): f"Protest in {town.name} over missing soldiers",
        }[id(pool)]
    sentences = [e.format(**values) for e in events]
    paragraphs = []
    for sentence in sentences:
        extra = rng.sample(FILLER, rng.randint(1, 3))
        paragraphs.append(" ".join([sentence, *extra]))
    for _ in range(rng.randint(2, 6)):
        paragraphs.append(" ".join(rng.sample(FILLER, rng.randint(2, 4))))
    dateline = f"{town.name.upper()}, Ukraine, {day:%B} {day.day}, {day.year} ({rng.choice(OUTLETS)}) - "
    paragraphs[0] = dateline + paragraphs[0]
    return title, f"By {rng.choice(AUTHORS)}", paragraphs, i


def write_article(folder: Path, rng: random.Random, places, day: date, i: int) -> None:
    title, byline, paragraphs, _ = article_text(rng, places, day, i)
    form = rng.random()
    if form < 0.7:
        (folder / f"article-{i:05d}.txt").write_text(
            "\n\n".join([title, byline, *paragraphs]) + "\n", encoding="utf-8"
        )
    elif form < 0.85:
        (folder / f"article-{i:05d}.md").write_text(
            "\n\n".join([f"# {title}", f"*{byline}*", *paragraphs]) + "\n", encoding="utf-8"
        )
    else:
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
        page = (
            f"<!doctype html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="{day.isoformat()}T08:00:00Z"></head>'
            f"<body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav><article><h1>{title}</h1>"
            f"<p class='byline'>{byline}</p>\n{body}</article><footer>All rights reserved.</footer>"
            "</body></html>\n"
        )
        (folder / f"article-{i:05d}.html").write_text(page, encoding="utf-8")


def land_days(paths: DataPaths, first: date, days: int, per_day: int, seed: int) -> list[date]:
    places = load_places()
    landed = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        rng = random.Random(seed * 100_003 + day.toordinal())
        folder = paths.landing_day(day)
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(per_day):
            write_article(folder, rng, places, day, i)
        landed.append(day)
    return landed


# --------------------------------------------------------------------------- running


class TreeMemory:
    """Peak of the summed RSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self.peak_main = 0  # the dagster process alone
        self.peak_at = ""
        self.timeline: list[tuple[float, int]] = []
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0
            with contextlib.suppress(psutil.Error):
                self.peak_main = max(self.peak_main, self.root.memory_info().rss)
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            for process in processes:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
            if total > self.peak:
                self.peak, self.peak_at = total, time.strftime("%H:%M:%S")
            self.timeline.append((time.time(), total))
            self._stop.wait(self.interval)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def step_times(log: str, timeline: list[tuple[float, int]]) -> tuple[dict[str, float], dict[str, int]]:
    """Seconds per step (from Dagster's step events) and the peak memory (MiB) during each."""
    times: dict[str, float] = {}
    for name, value, unit, extra in STEP_LINE.findall(log):
        scale = {"ms": 0.001, "s": 1.0, "m": 60.0}[unit]
        times[name] = round(times.get(name, 0.0) + float(value) * scale + float(extra or 0), 2)
    starts = []
    for stamp, name in STEP_START.findall(log):
        when = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S %z").timestamp()
        starts.append((when, name))
    peaks: dict[str, int] = {}
    for index, (when, name) in enumerate(starts):
        until = starts[index + 1][0] if index + 1 < len(starts) else float("inf")
        during = [rss for at, rss in timeline if when <= at < until + 1]
        peaks[name] = round(max(during, default=0) / 2**20)
    last = re.findall(r"^(\S+ \S+ \+0000) .* - RUN_SUCCESS", log, re.MULTILINE)
    for when, name in starts:  # a step whose end Dagster did not log: until the run's end
        if name not in times and last:
            end = datetime.strptime(last[-1], "%Y-%m-%d %H:%M:%S %z").timestamp()
            times[name] = round(end - when, 1)
    return times, peaks


# The history is there to fill the warehouse: its days' HTML reports are not needed.
ALL_BUT_REPORTS = ",".join(
    [
        "raw/articles",
        "raw/rejected",
        "parsed/articles",
        "parsed/quarantine",
        "events/mentions",
        "events/quarantine",
        "warehouse/tables",
    ]
)


def run_backfill(
    paths: DataPaths, env: dict[str, str], first: date, last: date, log: Path, select: str = "*"
) -> tuple:
    command = materialize_command(first, last, select)
    started = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        memory = TreeMemory(process.pid)
        code = process.wait()
        peak = memory.stop()
        main = memory.peak_main / 2**20
        print(
            f"  peak memory: {peak / 2**20:.0f} MiB in all (at {memory.peak_at}), "
            f"{main:.0f} MiB in the run process"
        )
    seconds = time.perf_counter() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    if code != 0 or "RUN_SUCCESS" not in text:
        tail = "\n".join(text.splitlines()[-40:])
        raise SystemExit(f"the backfill run failed (exit {code}); log: {log}\n{tail}")
    times, peaks = step_times(text, memory.timeline)
    return seconds, peak, times, peaks


def counts(paths: DataPaths, first: date, last: date) -> dict[str, int]:
    import duckdb

    with duckdb.connect(str(paths.warehouse_db), read_only=True) as con:

        def one(sql: str) -> int:
            return int(con.execute(sql, [first, last]).fetchone()[0])

        return {
            "articles": one("select count(*) from raw.articles where landed_date between ? and ?"),
            "mentions": one("select count(*) from events.mentions where landed_date between ? and ?"),
            "events": one(
                "select count(distinct event_id) from events.mention_clusters "
                "where landed_date between ? and ?"
            ),
            "quarantined": one(
                "select (select count(*) from parsed.quarantine where landed_date between $1 and $2)"
                " + (select count(*) from events.quarantine where landed_date between $1 and $2)"
            ),
        }


def start_object_store() -> tuple[object, dict[str, str]]:
    import logging

    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    credentials = {
        "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
    ).create_bucket(Bucket="newsfacts-bench")
    lake = {"NEWSFACTS_LAKE": "s3://newsfacts-bench/lake", "NEWSFACTS_S3_ENDPOINT": endpoint}
    return server, credentials | lake


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--days", type=int, default=3)
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--dask-workers", type=int, default=0, help="a Dask LocalCluster of K workers")
    parser.add_argument("--workers", type=int, default=0, help="local pool size (0: one per core)")
    parser.add_argument("--object-store", action="store_true", help="the lake on S3 (moto on 127.0.0.1)")
    parser.add_argument("--history-days", type=int, default=0, help="days backfilled first, not timed")
    parser.add_argument("--history-per-day", type=int, default=0, help="history articles/day (0: --per-day)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--data", type=Path, help="data root to use (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the data root")
    args = parser.parse_args()

    root = args.data or Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    paths = DataPaths(root.resolve())
    env = dagster_env(paths)
    env.pop("NEWSFACTS_LAKE", None)
    server = None
    if args.object_store:
        server, extra = start_object_store()
        env |= extra
    engine = "processes"
    if args.dask_workers:
        engine = "dask"
        env |= {"NEWSFACTS_ENGINE": "dask", "NEWSFACTS_WORKERS": str(args.dask_workers)}
    else:
        env |= {"NEWSFACTS_ENGINE": "processes", "NEWSFACTS_WORKERS": str(args.workers)}
    lake = "s3" if args.object_store else "local"
    try:
        first = START + timedelta(days=args.history_days)
        last = first + timedelta(days=args.days - 1)
        if args.history_days:
            started = time.perf_counter()
            land_days(paths, START, args.history_days, args.history_per_day or args.per_day, args.seed)
            seconds, peak, _, _ = run_backfill(
                paths, env, START, first - timedelta(days=1), root / "history.log", ALL_BUT_REPORTS
            )
            print(
                f"history: {args.history_days} days backfilled in {seconds:.1f} s "
                f"(with landing: {time.perf_counter() - started:.1f} s), peak {peak / 2**20:.0f} MiB",
                flush=True,
            )
        started = time.perf_counter()
        land_days(paths, first, args.days, args.per_day, args.seed)
        print(f"landed {args.days} days x {args.per_day} articles in {time.perf_counter() - started:.1f} s")
        seconds, peak, steps, step_peaks = run_backfill(paths, env, first, last, root / "run.log")
        found = counts(paths, first, last)
    finally:
        if server is not None:
            server.stop()
    print(f"{first}..{last} as one run, engine {engine}, lake {lake}: {seconds:.1f} s")
    for name, step_seconds in steps.items():
        print(f"  {name:<20} {step_seconds:8.1f} s   peak {step_peaks.get(name, 0):5d} MiB")
    rate = found["articles"] / seconds if seconds else 0.0
    print(
        f"articles {found['articles']}, mentions {found['mentions']}, events {found['events']}, "
        f"quarantined {found['quarantined']}; {rate:.0f} articles/s; peak memory {peak / 2**20:.0f} MiB"
    )
    summary = {
        "articles": found["articles"],
        "days": args.days,
        "mentions": found["mentions"],
        "events": found["events"],
        "seconds": round(seconds, 1),
        "articles_per_s": round(rate, 1),
        "peak_rss_mib": round(peak / 2**20),
        "engine": engine if not args.dask_workers else f"dask:{args.dask_workers}",
        "lake": lake,
        "per_day": args.per_day,
        "history_days": args.history_days,
        "steps": steps,
        "step_peak_rss_mib": step_peaks,
    }
    if not args.keep and args.data is None:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
