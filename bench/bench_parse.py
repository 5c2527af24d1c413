"""Parsing throughput on one core: articles per second from plain text and from HTML.

Generates its own corpus in memory (~600-word articles with the usual page furniture), parses
it several times and prints the median rate.  Usage: python bench/bench_parse.py [--n 400] [--runs 5]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import time
from datetime import UTC, date, datetime

from newsfacts.parse import parse_article
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


def measure(articles: list[RawArticle], runs: int) -> float:
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for raw in articles:
            parse_article(raw)
        rates.append(len(articles) / (time.perf_counter() - start))
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(7)
    texts = [_raw(make_text(rng, i), "text/plain", i) for i in range(args.n)]
    htmls = [_raw(make_html(rng, i), "text/html", i) for i in range(max(args.n // 4, 20))]
    parse_article(texts[0])  # warm up: lingua loads its models lazily
    parse_article(htmls[0])
    words = statistics.mean(parse_article(t).word_count for t in texts[:50])
    text_rate = measure(texts, args.runs)
    html_rate = measure(htmls, args.runs)
    print(f"text: {text_rate:,.0f} articles/s ({1000 / text_rate:.3f} ms/article, ~{words:.0f} body words)")
    print(f"html: {html_rate:,.0f} articles/s ({1000 / html_rate:.3f} ms/article)")


if __name__ == "__main__":
    main()
