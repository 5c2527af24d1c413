"""Parsing cost on one core: ms per article (and articles/s) per input format, and a 1 GB WARC.

    .venv/bin/python bench/bench_parse.py [--n 1000] [--runs 7] [--warc-gb 1.0]

Corpora are generated in memory, nothing is read or downloaded:
  text  ~600-word plain-text pages with the usual furniture (stamp, byline, advert, caption,
        "Read more" list, share and newsletter lines);
  html  the same kind of article as a full page (nav, meta tags, related links, footer);
  wire  ~600-word wire copy shaped like bench/bench_extract.py's corpus (stamp line with the
        headline, then paragraphs of three sentences).
Each corpus is parsed --runs times; the median run is reported (the parse budget is 0.3 ms per
plain-text article, i.e. >= 1,000 articles/s for parse + extract together).

Then, per format, the whole way from a file's bytes to parsed articles (ingest: decode, split
the container; read; parse), on generated files of each kind: plain text, HTML, markdown as a
crawler saves a page, YAML front matter + HTML, a news-API JSON export, an RSS feed, an Atom
feed and a gzipped WARC archive (n articles each; the HTML ones a quarter).

Last, streaming: a WARC of --warc-gb GB (gzipped records of ~20 KB HTML pages) is written to
a temporary folder, read in one pass in a fresh process (every record becomes a raw article;
every 20th is parsed too) while its resident memory is sampled, and deleted afterwards.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from newsfacts.ingest import ingest_bytes, iter_file
from newsfacts.parse import PARSER_VERSION, parse_article
from newsfacts.readers.warc import http_response, warc_record
from newsfacts.records import RawArticle

_PLACES = ["Kharkiv", "Odesa", "Zaporizhzhia", "Kherson", "Dnipro", "Sumy", "Belgorod", "Kursk", "Mykolaiv"]
_ACTORS = ["Russian forces", "Ukrainian troops", "the regional governor", "emergency services", "officials"]
_VERBS = ["struck", "shelled", "attacked", "hit", "targeted", "damaged"]
_OBJECTS = [
    "a residential building",
    "an energy facility",
    "a rail depot",
    "a school",
    "a warehouse",
    "a bridge",
]
_TAILS = [
    "the regional administration said on Telegram",
    "according to local authorities",
    "the military said in a statement",
    "officials told reporters on Monday",
]


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(_ACTORS).capitalize()} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} in "
        f"{rng.choice(_PLACES)} overnight, injuring {rng.randint(1, 30)} people and killing "
        f"{rng.randint(0, 9)}, {rng.choice(_TAILS)}."
    )


def _paragraphs(rng: random.Random, words: int = 600) -> list[str]:
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def make_text(rng: random.Random, i: int) -> str:
    day = date(2024, 1, 1).toordinal() + i % 700
    stamp = date.fromordinal(day)
    body = _paragraphs(rng)
    lines = [
        f" date {stamp.isoformat()} News",
        "",
        f"Drone attack on {rng.choice(_PLACES)} leaves {rng.randint(2, 20)} injured",
        "",
        "By Jane Doe | Example News",
        "Advertisement",
        body[0],
        "Rescuers at the scene of the strike. [Photo: John Roe/Reuters]",
        *body[1:4],
        "Read more:",
        "Another headline about the war in Ukraine",
        "A second unrelated headline here",
        *body[4:],
        "Share this article",
        "Sign up for our daily newsletter",
    ]
    return "\n\n".join(lines)


def make_html(rng: random.Random, i: int) -> str:
    day = date.fromordinal(date(2024, 1, 1).toordinal() + i % 700)
    title = f"Drone attack on {rng.choice(_PLACES)} leaves {rng.randint(2, 20)} injured"
    body = "".join(f"<p>{p}</p>" for p in _paragraphs(rng))
    nav = "".join(f"<li><a href='/s{k}'>Section {k}</a></li>" for k in range(12))
    related = "".join(
        f"<li><a href='/r{k}'>Unrelated headline number {k} about the war</a></li>" for k in range(6)
    )
    return (
        f"<!doctype html><html lang='en'><head><title>{title} | Example News</title>"
        f"<meta property='og:title' content='{title}'><meta property='og:site_name' content='Example News'>"
        f"<meta property='article:published_time' content='{day.isoformat()}T08:00:00Z'>"
        f"<link rel='canonical' href='https://example.com/news/{day:%Y/%m/%d}/story-{i}'></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{title}</h1>"
        f"<p class='byline'>By Jane Doe</p>{body}<aside><h3>Related</h3><ul>{related}</ul></aside>"
        f"</article></main><footer><p>© 2024 Example News. All rights reserved.</p></footer></body></html>"
    )


_WIRE_EVENTS = [
    "A Russian {w} attack on {t} on {d} killed {n} people and injured {m} others, the governor said.",
    "In the {t} region, {n} civilians were wounded by shelling overnight, while a {w} hit a house.",
    "Air defence forces shot down {n} drones over the {t} region, the ministry said on {d}.",
    "Hundreds of protesters rallied in {t} on {d}; police detained {n} people.",
]
_WIRE_FILLER = [
    "Officials said the situation remained tense as residents queued for water in the city centre.",
    "The minister told reporters that talks with partners on the next package of support would continue.",
    "Economists expect the central bank to keep its key rate unchanged at the next meeting.",
    "Local volunteers have organised shelters in schools, and the mayor thanked them in a video address.",
    "The agency could not independently verify the claims made by either side.",
    "Analysts said the decision reflected a broader shift in the government's approach to energy prices.",
]


def make_wire(rng: random.Random, i: int) -> str:
    """Wire copy like the extraction bench's: a ' date ...' stamp with the headline, 13 paragraphs."""
    sentences = [
        rng.choice(_WIRE_EVENTS).format(
            w=rng.choice(["drone", "missile", "guided bomb"]),
            t=rng.choice(_PLACES),
            d=rng.choice(["Monday", "Tuesday", "Friday"]),
            n=rng.randint(2, 40),
            m=rng.randint(2, 40),
        )
        for _ in range(3)
    ]
    sentences += [rng.choice(_WIRE_FILLER) for _ in range(36)]
    rng.shuffle(sentences)
    stamp = f" date 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} Headline number {i} about the war"
    paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
    return "\n\n".join([stamp, *paragraphs])


def _raw(text: str, content_type: str, i: int) -> RawArticle:
    data = text.encode("utf-8")
    return RawArticle(
        article_id=hashlib.sha256(data).hexdigest(),
        landed_date=date(2026, 1, 1),
        source_file=f"bench/{i}",
        record_index=0,
        content_type=content_type,
        size_bytes=len(data),
        content=data,
        text=text,
        encoding="utf-8",
        source_url=None,
        ingested_at=datetime.now(UTC),
    )


def measure(articles: list[RawArticle], runs: int) -> tuple[float, list[float]]:
    """Median ms per article over `runs` passes (and every pass, to show the spread)."""
    per_run = []
    for _ in range(runs):
        start = time.perf_counter()
        for raw in articles:
            parse_article(raw)
        per_run.append((time.perf_counter() - start) * 1000 / len(articles))
    return statistics.median(per_run), per_run


# ----------------------------------------------------------------------------- formats


def _story(rng: random.Random, i: int) -> tuple[str, date, list[str], str]:
    day = date.fromordinal(date(2024, 1, 1).toordinal() + i % 700)
    title = f"Drone attack on {rng.choice(_PLACES)} leaves {rng.randint(2, 20)} injured"
    url = f"https://news.example/{day:%Y/%m/%d}/story-{i}"
    return title, day, _paragraphs(rng), url


def file_crawler(rng: random.Random, i: int) -> bytes:
    title, day, body, url = _story(rng, i)
    menu = "\n".join(f"Section {k}" for k in range(25))
    related = "\n".join(f"Unrelated headline number {k} about the war" for k in range(6))
    text = (
        f"# news.example\n\n## Metadata\n\n- **URL**: {url}\n- **Domain**: news.example\n"
        f"- **Scraped at**: {day.isoformat()}T20:00:00+00:00\n\n## Page Structure\n\n- # {title}\n"
        f"  - ## Related\n\n## Content\n\n{title} | Example News\n{menu}\n{title}\nBy Jane Doe\n"
        f"{day:%B %d, %Y} 08:00\n" + "\n".join(body) + f"\nRelated\n{related}\n\n## Links\n\n- [Home](/)\n"
    )
    return text.encode()


def file_front_matter(rng: random.Random, i: int) -> bytes:
    title, day, body, url = _story(rng, i)
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body)
    return (
        f'---\ntitle: "{title} | Example News"\ndate: {day.isoformat()}\nlink: "{url}"\n'
        f'description: "A drone attack."\ntags:\n  - war\n---\n{paragraphs}\n'
    ).encode()


def file_news_api(rng: random.Random, n: int) -> bytes:
    articles = []
    for i in range(n):
        title, day, body, url = _story(rng, i)
        articles.append(
            {
                "source": {"id": None, "name": "Example News"},
                "title": f"{title} - Example News",
                "description": body[0][:120],
                "url": url,
                "publishedAt": f"{day.isoformat()}T08:00:00Z",
                "content": "\n\n".join(body),
            }
        )
    return json.dumps({"status": "ok", "totalResults": n, "articles": articles}).encode()


def file_rss(rng: random.Random, n: int) -> bytes:
    items = []
    for i in range(n):
        title, day, body, url = _story(rng, i)
        content = "".join(f"<p>{p}</p>" for p in body)
        items.append(
            f"<item><title>{title}</title><link>{url}</link>"
            f"<pubDate>{day:%a, %d %b %Y} 08:00:00 +0000</pubDate><description>{body[0][:120]}</description>"
            f"<content:encoded><![CDATA[{content}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example News</title>'
        f"<link>https://news.example/</link>{''.join(items)}</channel></rss>"
    ).encode()


def file_atom(rng: random.Random, n: int) -> bytes:
    entries = []
    for i in range(n):
        title, day, body, url = _story(rng, i)
        content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in body)
        entries.append(
            f'<entry><title>{title}</title><link href="{url}"/><id>{url}</id>'
            f"<published>{day.isoformat()}T08:00:00Z</published>"
            f'<content type="html">{content}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Example News</title><id>https://news.example/</id>{''.join(entries)}</feed>"
    ).encode()


_SCRIPT = "var config = {" + ",".join(f'"key{k}": "value{k}"' for k in range(900)) + "};"


def warc_html_record(rng: random.Random, i: int, padded: bool = False) -> bytes:
    html = make_html(rng, i)
    if padded:  # pages as crawled carry scripts and styles several times the text's size
        html = html.replace("</head>", f"<script>{_SCRIPT}</script></head>", 1)
    uri = f"https://example.com/news/story-{i}"
    return gzip.compress(
        warc_record("response", uri, "2026-01-01T00:00:00Z", http_response(html.encode())), 1
    )


def file_warc(rng: random.Random, n: int) -> bytes:
    info = warc_record(
        "warcinfo", None, "2026-01-01T00:00:00Z", b"software: bench\r\n", "application/warc-fields"
    )
    return gzip.compress(info) + b"".join(warc_html_record(rng, i) for i in range(n))


def format_files(rng: random.Random, n: int) -> dict[str, list[tuple[str, bytes]]]:
    """(file name, bytes) per format; container formats are one file holding n articles."""
    quarter = max(n // 4, 20)
    return {
        "text": [(f"{i}.txt", make_text(rng, i).encode()) for i in range(n)],
        "html": [(f"{i}.html", make_html(rng, i).encode()) for i in range(quarter)],
        "crawler md": [(f"{i}.md", file_crawler(rng, i)) for i in range(quarter)],
        "front matter": [(f"{i}.md", file_front_matter(rng, i)) for i in range(quarter)],
        "news-API json": [("export.json", file_news_api(rng, n))],
        "rss": [("feed.rss", file_rss(rng, quarter))],
        "atom": [("feed.atom", file_atom(rng, quarter))],
        "warc.gz": [("crawl.warc.gz", file_warc(rng, quarter))],
    }


def bytes_to_parsed(files: list[tuple[str, bytes]]) -> int:
    now = datetime.now(UTC)
    count = 0
    for name, data in files:
        for raw in ingest_bytes(data, f"2026-01-01/{name}", date(2026, 1, 1), now).articles:
            parse_article(raw)
            count += 1
    return count


def measure_files(files: list[tuple[str, bytes]], runs: int) -> tuple[float, int]:
    per_run = []
    count = 0
    for _ in range(runs):
        start = time.perf_counter()
        count = bytes_to_parsed(files)
        per_run.append((time.perf_counter() - start) * 1000 / max(count, 1))
    return statistics.median(per_run), count


# ----------------------------------------------------------------------------- 1 GB WARC


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def write_warc(path: Path, gigabytes: float, rng: random.Random) -> int:
    target = int(gigabytes * 1024**3)
    records = [warc_html_record(rng, i, padded=True) for i in range(200)]  # reused: writing is not measured
    written = n = 0
    with path.open("wb") as out:
        while written < target:
            record = records[n % len(records)]
            out.write(record)
            written += len(record)
            n += 1
    return n


def read_warc(path: Path, parse_every: int) -> dict[str, float]:
    """One streaming pass: every record through ingest, every `parse_every`-th parsed too."""
    now = datetime.now(UTC)
    rss_start = _rss_mb()
    samples: list[float] = []
    start = time.perf_counter()
    n_records = n_parsed = 0
    parse_s = 0.0
    for item in iter_file(path, path.name, date(2026, 1, 1), now):
        n_records += 1
        if isinstance(item, RawArticle) and n_records % parse_every == 0:
            t = time.perf_counter()
            parse_article(item)
            parse_s += time.perf_counter() - t
            n_parsed += 1
        if n_records % 2000 == 0:
            samples.append(_rss_mb())
    elapsed = time.perf_counter() - start
    read_s = elapsed - parse_s
    return {
        "records": n_records,
        "seconds": elapsed,
        "read_records_per_s": n_records / read_s,
        "parsed": n_parsed,
        "parse_ms": parse_s * 1000 / max(n_parsed, 1),
        "rss_start_mb": rss_start,
        "rss_first_sample_mb": samples[0] if samples else rss_start,
        "rss_last_sample_mb": samples[-1] if samples else rss_start,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def bench_big_warc(gigabytes: float) -> None:
    with tempfile.TemporaryDirectory(prefix="newsfacts-bench-") as folder:
        path = Path(folder) / "big.warc.gz"
        n = write_warc(path, gigabytes, random.Random(11))
        size = path.stat().st_size
        # A fresh process, so its peak memory is the reader's alone.
        out = subprocess.run(
            [sys.executable, __file__, "--read-warc", str(path)], capture_output=True, text=True, check=True
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
    print(
        f"\nstreaming WARC: {size / 1024**3:.2f} GB gzipped, {n:,} HTML records "
        f"(~{size / n / 1024:.1f} KB each compressed), one pass in {figures['seconds']:.1f} s"
    )
    print(
        f"  read (ingest: WARC record -> raw article)  {figures['read_records_per_s']:,.0f} records/s; "
        f"parse of every 20th record {figures['parse_ms']:.2f} ms/article"
    )
    print(
        f"  resident memory: {figures['rss_start_mb']:.0f} MB at start, "
        f"{figures['rss_first_sample_mb']:.0f} MB after 2,000 records, "
        f"{figures['rss_last_sample_mb']:.0f} MB at the end; "
        f"peak {figures['peak_rss_mb']:.0f} MB (file deleted afterwards)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="articles per corpus (html: a quarter)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--warc-gb", type=float, default=1.0, help="size of the streamed WARC; 0 skips it")
    parser.add_argument("--read-warc", help=argparse.SUPPRESS)  # the child process of the WARC figure
    args = parser.parse_args()
    if args.read_warc:
        print(json.dumps(read_warc(Path(args.read_warc), parse_every=20)))
        return
    rng = random.Random(7)
    corpora = {
        "text": [_raw(make_text(rng, i), "text/plain", i) for i in range(args.n)],
        "html": [_raw(make_html(rng, i), "text/html", i) for i in range(max(args.n // 4, 20))],
        "wire": [_raw(make_wire(rng, i), "text/plain", i) for i in range(args.n)],
    }
    print(f"parse_article, one core, median of {args.runs} runs ({PARSER_VERSION})")
    for name, articles in corpora.items():
        for raw in articles[:3]:
            parse_article(raw)  # warm up: lingua and the HTML stack load lazily
        words = statistics.mean(parse_article(a).word_count for a in articles[:50])
        ms, per_run = measure(articles, args.runs)
        spread = f"{min(per_run):.3f}-{max(per_run):.3f}"
        print(
            f"  {name:<5} {ms:6.3f} ms/article  {1000 / ms:7,.0f} articles/s  "
            f"(runs {spread} ms; {len(articles):,} articles, ~{words:.0f} body words)"
        )

    runs = max(1, args.runs // 2)
    print(f"\nbytes -> parsed articles (ingest, read, parse) per format, one core, median of {runs} runs")
    for name, files in format_files(random.Random(9), args.n).items():
        bytes_to_parsed(files[:2])  # warm up
        ms, count = measure_files(files, runs)
        size = sum(len(data) for _, data in files) / max(count, 1) / 1024
        print(
            f"  {name:<14} {ms:6.3f} ms/article  {1000 / ms:7,.0f} articles/s  "
            f"({count:,} articles, ~{size:.1f} KB each)"
        )

    if args.warc_gb > 0:
        bench_big_warc(args.warc_gb)


if __name__ == "__main__":
    main()
