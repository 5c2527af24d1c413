"""Throughput of parse + extract: on a synthetic corpus generated in memory (~600-word articles), or
on real article files.

    .venv/bin/python bench/bench_extract.py [--n 5000] [--runs 5] [--stream 100000 | --quick]
    .venv/bin/python bench/bench_extract.py --corpus DIR [--corpus DIR ...] [--n 5000] [--runs 3]
        [--code CHECKOUT]

Synthetic: prints articles/s (median of several runs) on one core, with a 2-process
multiprocessing.Pool over chunks, and the peak RSS of this process after streaming --stream
articles through parse + extract without holding them.

--corpus: reads every article file under the folders given (their `articles/` subfolder where
there is one), repeats them to at least --n articles, and times parse + extract on one core:
articles/s and words/s, median of --runs passes. Generated text flatters rules written for it;
real text is the figure that counts.

--code: time the parse and extract code of another checkout of this repository (an earlier commit,
`git worktree add /tmp/before COMMIT`) on the same files, for before/after figures.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import statistics
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from multiprocessing import Pool
from pathlib import Path

# The code timed: this checkout, or the one given with --code (read before the imports below).
sys.path.insert(
    0, sys.argv[sys.argv.index("--code") + 1] if "--code" in sys.argv[:-1] else str(Path(__file__).parents[1])
)

import newsfacts
from newsfacts.extract import extract_mentions
from newsfacts.parse import parse_article
from newsfacts.records import RawArticle

_CODE = Path(newsfacts.__file__).resolve().parents[1]  # the checkout actually imported

_TOWNS = [
    "Kharkiv",
    "Odesa",
    "Kherson",
    "Zaporizhzhia",
    "Dnipro",
    "Sumy",
    "Kramatorsk",
    "Pokrovsk",
    "Nikopol",
    "Mykolaiv",
    "Chernihiv",
    "Kupiansk",
    "Belgorod",
    "Kursk",
    "Bryansk",
    "Sevastopol",
]
_REGIONS = ["Kharkiv", "Donetsk", "Sumy", "Kherson", "Zaporizhzhia", "Belgorod", "Kursk", "Bryansk"]
_WEAPONS = ["drone", "missile", "guided bomb", "artillery", "rocket", "Shahed drone"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_NUMS = ["one", "two", "three", "four", "seven", "a dozen", "12", "at least 5", "dozens of"]
_EVENT = [
    "A Russian {w} attack on {t} on {d} killed {n} people and injured {m} others, the governor said.",
    "In the {r} region, {n} civilians were wounded by shelling overnight, while in {t} a {w} hit a house.",
    "Air defence forces shot down {n} drones over the {r} and {r2} regions, the ministry said on {d}.",
    "Ukrainian forces said they had recaptured the village near {t} after heavy fighting.",
    "Hundreds of protesters rallied in {t} on {d}; police detained {n} people.",
    "The death toll from the {w} strike on {t} has risen to {n}, officials said.",
]
_FILLER = [
    "Officials said the situation remained tense as residents queued for water and bread in the city centre.",
    "The minister told reporters that talks with partners on the next package of support would continue.",
    "Economists expect the central bank to keep its key rate unchanged at the next meeting in the capital.",
    "Local volunteers have organised shelters in schools, and the mayor thanked them in a video address.",
    "The agency could not independently verify the claims made by either side in the statements.",
    "Schools will reopen next month after the holidays, the education department announced on its website.",
    "Analysts said the decision reflected a broader shift in the government's approach to energy prices.",
    "Farmers in the south hope to finish the harvest before the autumn rains arrive in the region.",
]


def synthetic_article(rng: random.Random, i: int) -> RawArticle:
    """One ~600-word plain-text article: a headline, a dated stamp, 3 event and ~25 filler sentences."""
    lines = [f" date 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} Headline number {i} about the war"]
    body: list[str] = []
    for _ in range(3):
        t = rng.choice(_TOWNS)
        body.append(
            rng.choice(_EVENT).format(
                w=rng.choice(_WEAPONS),
                t=t,
                d=rng.choice(_DAYS),
                n=rng.choice(_NUMS),
                m=rng.choice(_NUMS),
                r=rng.choice(_REGIONS),
                r2=rng.choice(_REGIONS),
            )
        )
    body += [rng.choice(_FILLER) for _ in range(30)]
    rng.shuffle(body)
    for k in range(0, len(body), 3):
        lines.append(" ".join(body[k : k + 3]))
    text = "\n\n".join(lines)
    content = text.encode()
    return RawArticle(
        article_id=hashlib.sha256(content).hexdigest(),
        landed_date=date(2024, 10, 1),
        source_file=f"2024-10-01/{i}.txt",
        record_index=0,
        content_type="text/plain",
        size_bytes=len(content),
        content=content,
        text=text,
        encoding="utf-8",
        source_url=None,
        ingested_at=datetime(2024, 10, 1, tzinfo=UTC),
    )


def corpus(n: int, seed: int = 7) -> Iterator[RawArticle]:
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_article(rng, i)


def run_chunk(args: tuple[int, int]) -> int:
    """Parse + extract one chunk of the corpus (generated inside the worker); return events found."""
    start, n = args
    rng = random.Random(start)
    events = 0
    for i in range(n):
        events += len(extract_mentions(parse_article(synthetic_article(rng, start + i))))
    return events


def one_core(articles: list[RawArticle]) -> float:
    t = time.perf_counter()
    for raw in articles:
        extract_mentions(parse_article(raw))
    return len(articles) / (time.perf_counter() - t)


def two_cores(n: int, chunk: int = 500) -> float:
    jobs = [(s, min(chunk, n - s)) for s in range(0, n, chunk)]
    with Pool(2) as pool:
        pool.map(run_chunk, jobs[:2])  # warm both workers (imports, gazetteer)
        t = time.perf_counter()
        pool.map(run_chunk, jobs, chunksize=1)
        elapsed = time.perf_counter() - t
    # generation happens inside the workers here: subtract its share measured on one core
    gen = _generation_rate(min(n, 2000))
    return n / max(1e-9, elapsed - n / gen / 2)


def _generation_rate(n: int) -> float:
    rng = random.Random(1)
    t = time.perf_counter()
    for i in range(n):
        synthetic_article(rng, i)
    return n / (time.perf_counter() - t)


def real_articles(folders: list[Path]) -> list[RawArticle]:
    from newsfacts.ingest import ingest_file, iter_paths

    now = datetime.now(UTC)
    found: list[RawArticle] = []
    for folder in folders:
        root = folder / "articles" if (folder / "articles").is_dir() else folder
        for path, relative, url in iter_paths([root]):
            found.extend(ingest_file(path, relative, date(2024, 10, 1), now, url).articles)
    return found


def bench_corpus(folders: list[Path], n: int, runs: int) -> None:
    files = real_articles(folders)
    if not files:
        raise SystemExit("no article files found")
    articles = [files[i % len(files)] for i in range(max(n, len(files)))]
    words = sum(len(a.text.split()) for a in articles)
    extract_mentions(parse_article(articles[0]))  # warm the gazetteer and lexicons
    for raw in files:
        extract_mentions(parse_article(raw))  # every language's lexicon loaded before timing
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        for raw in articles:
            extract_mentions(parse_article(raw))
        rates.append(time.perf_counter() - t)
    elapsed = statistics.median(rates)
    print(f"code: {_CODE}")
    print(
        f"real corpus: {len(files)} files repeated to {len(articles)} articles, "
        f"{words / len(articles):.0f} words each on average"
    )
    runs = ", ".join(f"{len(articles) / r:,.0f}" for r in rates)
    print(
        f"parse+extract, 1 core: median {len(articles) / elapsed:,.0f} articles/s, "
        f"{words / elapsed:,.0f} words/s (runs: {runs} articles/s)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, action="append", default=[], help="folder of real article files")
    ap.add_argument("--code", type=Path, default=_CODE, help="checkout whose code is timed (default: this)")
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--stream", type=int, default=100_000, help="articles to stream for peak RSS (0: skip)")
    ap.add_argument("--quick", action="store_true", help="skip the 100,000-article streaming run")
    args = ap.parse_args()
    if args.corpus:
        bench_corpus(args.corpus, args.n, args.runs)
        return 0
    if args.quick:
        args.stream = 0
    articles = list(corpus(args.n))
    words = statistics.mean(len(a.text.split()) for a in articles[:200])
    extract_mentions(parse_article(articles[0]))  # warm the gazetteer
    t = time.perf_counter()
    for raw in articles:
        parse_article(raw)
    parse_rate = len(articles) / (time.perf_counter() - t)
    parsed = [parse_article(a) for a in articles]
    extract_rates = []
    for _ in range(args.runs):
        t = time.perf_counter()
        for p in parsed:
            extract_mentions(p)
        extract_rates.append(len(parsed) / (time.perf_counter() - t))
    extract_rate = statistics.median(extract_rates)
    del parsed
    rates = [one_core(articles) for _ in range(args.runs)]
    print(f"corpus: {len(articles)} synthetic articles, mean {words:.0f} words")
    print(
        f"parse only: {parse_rate:,.0f} articles/s; extract only: median {extract_rate:,.0f} articles/s "
        f"({1000 / extract_rate:.3f} ms/article; runs: {', '.join(f'{r:,.0f}' for r in extract_rates)})"
    )
    print(
        f"parse+extract, 1 core: median {statistics.median(rates):,.0f} articles/s "
        f"(runs: {', '.join(f'{r:,.0f}' for r in rates)})"
    )
    del articles
    pool_rates = [two_cores(args.n) for _ in range(max(1, args.runs // 2))]
    print(
        f"parse+extract, Pool(2): median {statistics.median(pool_rates):,.0f} articles/s "
        f"(x{statistics.median(pool_rates) / statistics.median(rates):.2f})"
    )
    if args.stream:
        t = time.perf_counter()
        events = 0
        for raw in corpus(args.stream, seed=11):
            events += len(extract_mentions(parse_article(raw)))
        elapsed = time.perf_counter() - t
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"streamed {args.stream:,} articles ({events:,} events, generation included) in {elapsed:.1f} s; "
            f"peak RSS {peak_mib:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
