"""Parsing cost on one core: ms per article (and articles/s) for three generated corpora.

    .venv/bin/python bench/bench_parse.py [--n 1000] [--runs 7]

Corpora are generated in memory, nothing is read or downloaded:
  text  ~600-word plain-text pages with the usual furniture (stamp, byline, advert, caption,
        "Read more" list, share and newsletter lines);
  html  the same kind of article as a full page (nav, meta tags, related links, footer);
  wire  ~600-word wire copy shaped like bench/bench_extract.py's corpus (stamp line with the
        headline, then paragraphs of three sentences).
Each corpus is parsed --runs times; the median run is reported (the parse budget is 0.3 ms per
plain-text article, i.e. >= 1,000 articles/s for parse + extract together).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import statistics
import time
from datetime import UTC, date, datetime

from newsfacts.parse import PARSER_VERSION, parse_article
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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=1000, help="articles per corpus (html: a quarter)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
