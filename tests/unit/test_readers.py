"""Every input format, read end to end: ingest splits it into articles, the parser reads each.

The fixtures are small documents written for these tests (invented sites, `.example` URLs).
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsfacts.cli import article_name
from newsfacts.ingest import ingest_bytes, ingest_file, iter_file
from newsfacts.parse import parse_article
from newsfacts.parse.article import clean_headline
from newsfacts.readers.warc import http_response, warc_record
from newsfacts.records import ParsedArticle, RawArticle, RejectedInput

LANDED = date(2025, 4, 3)
NOW = datetime(2025, 4, 3, 12, 0, tzinfo=UTC)

PARA_A = (
    "Russian drones struck a grain terminal in the port of Izmail overnight, injuring three "
    "dock workers and starting a fire, the Odesa regional governor said on Wednesday."
)
PARA_B = (
    "Firefighters contained the blaze by dawn. The port authority said loading would resume "
    "once engineers had checked the damaged conveyor."
)
PARA_C = (
    "A Russian missile hit a railway depot in Kovel in the Volyn region on Tuesday evening, "
    "damaging two locomotives, the state railway company said. No one was hurt."
)
PARA_D = (
    "Trains between Kovel and the Polish border ran with delays of up to two hours while "
    "crews repaired the tracks, the company added."
)


def read(data: bytes, name: str, url: str | None = None) -> tuple[list[ParsedArticle], list[RejectedInput]]:
    result = ingest_bytes(data, f"{LANDED}/{name}", LANDED, NOW, url)
    return [parse_article(raw) for raw in result.articles], result.rejected


def indices(name: str, data: bytes) -> list[int]:
    return [raw.record_index for raw in ingest_bytes(data, name, LANDED, NOW).articles]


# ----------------------------------------------------------------------------- feeds

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Courier</title>
  <link>https://harbourcourier.example/</link>
  <language>en</language>
  <item>
    <title>Drones hit grain terminal in Izmail, three injured</title>
    <link>https://harbourcourier.example/news/izmail-grain-terminal</link>
    <pubDate>Wed, 02 Apr 2025 06:30:00 +0300</pubDate>
    <description>Three dock workers were injured in a drone attack on Izmail.</description>
    <content:encoded><![CDATA[<p>{PARA_A}</p><p>Share this article</p><p>{PARA_B}</p>]]></content:encoded>
  </item>
  <item>
    <title>Missile damages railway depot in Kovel</title>
    <link>https://harbourcourier.example/news/kovel-depot</link>
    <pubDate>Tue, 01 Apr 2025 23:50:00 +0300</pubDate>
    <description><![CDATA[<p>{PARA_C}</p><p>{PARA_D}</p>]]></description>
  </item>
</channel>
</rss>
""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Western Ukraine Today</title>
  <id>https://wut.example/feed</id>
  <updated>2025-04-02T09:00:00+03:00</updated>
  <entry>
    <title>Missile damages railway depot in Kovel</title>
    <link href="https://wut.example/2025/04/01/kovel-depot"/>
    <id>https://wut.example/kovel-depot</id>
    <published>2025-04-01T22:40:00+03:00</published>
    <updated>2025-04-02T08:00:00+03:00</updated>
    <content type="html">&lt;p&gt;{PARA_C}&lt;/p&gt;&lt;p&gt;{PARA_D}&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Drones hit grain terminal in Izmail, three injured</title>
    <link href="https://wut.example/izmail-terminal"/>
    <id>https://wut.example/izmail-terminal</id>
    <updated>2025-04-02T07:15:00+03:00</updated>
    <summary>{PARA_A}</summary>
  </entry>
</feed>
""".encode()


def test_rss_feed_gives_one_article_per_item() -> None:
    articles, rejected = read(RSS, "courier.rss")
    assert rejected == []
    assert [a.title for a in articles] == [
        "Drones hit grain terminal in Izmail, three injured",
        "Missile damages railway depot in Kovel",
    ]
    assert [a.published for a in articles] == [date(2025, 4, 2), date(2025, 4, 1)]
    assert [a.url for a in articles] == [
        "https://harbourcourier.example/news/izmail-grain-terminal",
        "https://harbourcourier.example/news/kovel-depot",
    ]
    assert articles[0].paragraphs == (PARA_A, PARA_B)  # the share line is furniture
    assert articles[1].paragraphs == (PARA_C, PARA_D)
    assert indices("courier.rss", RSS) == [0, 1]
    assert all(a.published_basis == "record_field" and a.language == "en" for a in articles)


def test_atom_feed_entry_with_only_updated_uses_it() -> None:
    articles, _ = read(ATOM, "wut.atom")
    assert [a.title for a in articles] == [
        "Missile damages railway depot in Kovel",
        "Drones hit grain terminal in Izmail, three injured",
    ]
    assert [a.published for a in articles] == [date(2025, 4, 1), date(2025, 4, 2)]
    assert articles[0].url == "https://wut.example/2025/04/01/kovel-depot"
    assert articles[0].paragraphs == (PARA_C, PARA_D)
    assert articles[1].paragraphs == (PARA_A,)
    assert indices("wut.atom", ATOM) == [0, 1]


def test_xml_file_is_read_when_it_is_a_feed() -> None:
    assert len(read(RSS, "feed.xml")[0]) == 2
    _, rejected = read(b'<?xml version="1.0"?><catalog><book>x</book></catalog>', "books.xml")
    assert [r.reason for r in rejected] == ["not_a_feed"]


# ----------------------------------------------------------------------------- news API

NEWS_API = {
    "status": "ok",
    "totalResults": 3,
    "articles": [
        {
            "source": {"id": None, "name": "Harbour Courier"},
            "author": "Staff",
            "title": "Drones hit grain terminal in Izmail, three injured - Harbour Courier",
            "description": "Three dock workers were injured.",
            "url": "https://harbourcourier.example/news/izmail-grain-terminal",
            "urlToImage": None,
            "publishedAt": "2025-04-02T03:30:00Z",
            "content": f"{PARA_A}\n\n{PARA_B}",
        },
        {
            "source": {"id": "wut", "name": "Western Ukraine Today"},
            "title": "Missile damages railway depot in Kovel",
            "description": "A missile hit a depot in Kovel.",
            "url": "https://wut.example/kovel-depot",
            "publishedAt": "2025-04-01T19:40:00Z",
            "content": f"{PARA_C}\n\n{PARA_D}",
        },
        {"source": {"name": "Empty"}, "title": "No body here", "content": None},
    ],
}


def test_news_api_list_gives_one_article_per_element() -> None:
    articles, rejected = read(json.dumps(NEWS_API).encode(), "export.json")
    assert [a.title for a in articles] == [
        "Drones hit grain terminal in Izmail, three injured",
        "Missile damages railway depot in Kovel",
    ]
    assert [a.published for a in articles] == [date(2025, 4, 2), date(2025, 4, 1)]
    assert [a.source for a in articles] == ["Harbour Courier", "Western Ukraine Today"]
    assert articles[1].url == "https://wut.example/kovel-depot"
    assert articles[0].paragraphs == (PARA_A, PARA_B)
    assert [(r.record_index, r.reason) for r in rejected] == [(2, "no_text")]
    assert indices("export.json", json.dumps(NEWS_API).encode()) == [0, 1]


def test_json_lines_record_index_is_the_line() -> None:
    lines = [json.dumps(item) for item in NEWS_API["articles"][:2]]
    data = "\n".join(lines).encode()
    assert indices("export.jsonl", data) == [0, 1]


# ----------------------------------------------------------------------------- WARC


def page(title: str, site: str, published: str, paragraphs: tuple[str, ...]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>{title} | {site}</title>'
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>© {site}</footer></body></html>"
    ).encode()


def make_warc(compress: bool) -> bytes:
    records = [
        warc_record(
            "response",
            "https://harbourcourier.example/news/izmail-grain-terminal",
            "2025-04-02T10:00:00Z",
            http_response(
                page(
                    "Drones hit grain terminal in Izmail, three injured",
                    "Harbour Courier",
                    "2025-04-02T06:30:00+03:00",
                    (PARA_A, PARA_B),
                )
            ),
        ),
        warc_record(
            "response",
            "https://harbourcourier.example/img/izmail.jpg",
            "2025-04-02T10:00:01Z",
            http_response(b"\xff\xd8\xff\xe0JFIF" + bytes(40), "image/jpeg"),
        ),
        warc_record(
            "response",
            "https://wut.example/kovel-depot",
            "2025-04-02T10:00:02Z",
            http_response(
                page(
                    "Missile damages railway depot in Kovel",
                    "Western Ukraine Today",
                    "2025-04-01T22:40:00+03:00",
                    (PARA_C, PARA_D),
                )
            ),
        ),
    ]
    if compress:
        return b"".join(gzip.compress(r) for r in records)
    return b"".join(records)


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_html_records_are_articles_and_others_are_counted(name: str, compress: bool) -> None:
    articles, rejected = read(make_warc(compress), name)
    assert [a.title for a in articles] == [
        "Drones hit grain terminal in Izmail, three injured",
        "Missile damages railway depot in Kovel",
    ]
    assert [a.published for a in articles] == [date(2025, 4, 2), date(2025, 4, 1)]
    assert [a.url for a in articles] == [
        "https://harbourcourier.example/news/izmail-grain-terminal",
        "https://wut.example/kovel-depot",
    ]
    assert articles[0].paragraphs == (PARA_A, PARA_B)
    assert articles[1].paragraphs == (PARA_C, PARA_D)
    assert indices(name, make_warc(compress)) == [0, 2]
    assert [(r.record_index, r.reason) for r in rejected] == [(1, "not_html")]
    assert "image/jpeg" in rejected[0].detail


def test_warc_file_is_streamed_and_named_by_record(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc(True))
    items = list(iter_file(path, "crawl.warc.gz", LANDED, NOW))
    raws = [i for i in items if isinstance(i, RawArticle)]
    assert [article_name(r, "crawl.warc.gz") for r in raws] == ["crawl.warc.gz#0", "crawl.warc.gz#2"]
    assert all(r.content_type == "text/html" and r.content.startswith(b"<!DOCTYPE") for r in raws)
    assert len(ingest_file(path, "crawl.warc.gz", LANDED, NOW).articles) == 2


def test_damaged_warc_keeps_what_was_read() -> None:
    data = make_warc(False)
    _, rejected = read(data[: len(data) - 200] + b"WARC/1.1\r\nbroken", "cut.warc")
    assert "malformed_warc" in {r.reason for r in rejected} or rejected


# ----------------------------------------------------------------------------- front matter

FRONT_MATTER_HTML = f"""---
title: "Breaking: Drones hit grain terminal in Izmail, three injured | Harbour Courier"
date: 2025-04-02
link: 'https://harbourcourier.example/news/izmail-grain-terminal'
source: 'https://harbourcourier.example/feeds/all'
description: "Three dock workers were injured in a drone attack on Izmail."
tags:
  - izmail
draft: false
---
<p>{PARA_A}</p>
<p><a href="https://harbourcourier.example/share">Share this article</a></p>
<p>{PARA_B}</p>
"""

FRONT_MATTER_TOML = f"""+++
title = "Missile damages railway depot in Kovel - Western Ukraine Today"
date = 2025-04-01T22:40:00+03:00
url = "https://wut.example/kovel-depot"
+++

{PARA_C}

{PARA_D}
"""


def test_yaml_front_matter_then_html() -> None:
    (article,), _ = read(FRONT_MATTER_HTML.encode(), "post.md")
    assert article.title == "Drones hit grain terminal in Izmail, three injured"
    assert article.published == date(2025, 4, 2)
    assert article.published_basis == "front_matter"
    assert article.url == "https://harbourcourier.example/news/izmail-grain-terminal"
    assert article.paragraphs == (PARA_A, PARA_B)


def test_toml_front_matter_then_markdown() -> None:
    (article,), _ = read(FRONT_MATTER_TOML.encode(), "post.md")
    assert article.title == "Missile damages railway depot in Kovel"
    assert article.published == date(2025, 4, 1)
    assert article.url == "https://wut.example/kovel-depot"
    assert article.paragraphs == (PARA_C, PARA_D)


def test_front_matter_date_contradicted_by_the_url_date_yields() -> None:
    text = FRONT_MATTER_TOML.replace(
        "https://wut.example/kovel-depot", "https://wut.example/2025/03/30/kovel"
    )
    (article,), _ = read(text.encode(), "post.md")
    assert (article.published, article.published_basis) == (date(2025, 3, 30), "url")


# ----------------------------------------------------------------------------- crawler markdown

MENU = "\n".join(["News", "Regions", "Opinion", "Subscribe", "Search", "Sign in to your account"])
CRAWLER_PAGE = f"""# www.harbourcourier.example

## Metadata

- **URL**: https://www.harbourcourier.example/news/izmail-grain-terminal
- **Domain**: www.harbourcourier.example
- **Scraped at**: 2025-04-03T01:02:03+00:00
- **HTTP Status**: 200

## Page Structure

- # Drones hit grain terminal in Izmail, three injured
  - ## Related

## Content

Drones hit grain terminal in Izmail, three injured | Harbour Courier
{MENU}
Latest news
Drones hit grain terminal in Izmail, three injured
By Marta Kovalenko
April 2, 2025 07:05
{PARA_A}
{PARA_B}
Related
Port of Reni reopens after repairs

## Links

- [News](https://www.harbourcourier.example/news)
"""


def test_crawler_markdown_page() -> None:
    (article,), _ = read(CRAWLER_PAGE.encode(), "page.md")
    assert article.title == "Drones hit grain terminal in Izmail, three injured"
    assert article.published == date(2025, 4, 2)
    assert article.url == "https://www.harbourcourier.example/news/izmail-grain-terminal"
    assert article.paragraphs == (PARA_A, PARA_B)
    reasons = {b.reason for b in article.removed_blocks}
    assert {"crawler_heading", "page_title", "page_furniture"} <= reasons
    assert "www.harbourcourier.example" not in (article.title or "")


def test_crawler_markdown_without_outline_takes_the_title_line() -> None:
    text = CRAWLER_PAGE.replace(
        "- # Drones hit grain terminal in Izmail, three injured\n  - ## Related\n", ""
    )
    (article,), _ = read(text.encode(), "page.md")
    assert article.title == "Drones hit grain terminal in Izmail, three injured"
    assert article.paragraphs == (PARA_A, PARA_B)


def test_excerpt_opening_with_the_page_title_line() -> None:
    text = f"Missile damages railway depot in Kovel | Western Ukraine Today\n\n{PARA_C}\n\n{PARA_D}\n"
    (article,), _ = read(text.encode(), "kovel.txt")
    assert article.title == "Missile damages railway depot in Kovel"
    assert article.paragraphs == (PARA_C, PARA_D)


# ----------------------------------------------------------------------------- headline cleaning


@pytest.mark.parametrize(
    ("raw_title", "sites", "expected"),
    [
        ("Drones hit Izmail port | Harbour Courier", [], "Drones hit Izmail port"),
        ("Drones hit Izmail port | Ukraine war news | Harbour Courier", [], "Drones hit Izmail port"),
        ("Drones hit Izmail port  : HC", ["hc.example"], "Drones hit Izmail port"),
        ("Drones hit Izmail port - The Harbour Courier", [], "Drones hit Izmail port"),
        ("Drones hit Izmail port – harbourcourier.example", [], "Drones hit Izmail port"),
        ("Big News: Drones hit Izmail port", [], "Drones hit Izmail port"),
        ("Breaking: Drones hit Izmail port, governor says", [], "Drones hit Izmail port, governor says"),
        ("New: Drones hit Izmail port", [], "Drones hit Izmail port"),
        # kept: an attribution after a colon, a dash inside the headline, a quoted label
        ("Drones hit Izmail port: governor", [], "Drones hit Izmail port: governor"),
        (
            "'Loud blasts' — drones hit Izmail port, governor says",
            [],
            "'Loud blasts' — drones hit Izmail port, governor says",
        ),
        (
            "Drones hit Izmail port - officials say more attacks likely",
            [],
            "Drones hit Izmail port - officials say more attacks likely",
        ),
        ("Zelensky: Drones hit Izmail port", [], "Zelensky: Drones hit Izmail port"),
        ("Harbour Courier | Drones hit Izmail port", ["harbourcourier.example"], "Drones hit Izmail port"),
        ("Odesa - Drones hit Izmail port", ["harbourcourier.example"], "Odesa - Drones hit Izmail port"),
    ],
)
def test_clean_headline(raw_title: str, sites: list[str], expected: str) -> None:
    assert clean_headline(raw_title, sites) == expected


def test_site_logo_heading_is_not_the_headline() -> None:
    text = CRAWLER_PAGE.replace(
        "- # Drones hit grain terminal in Izmail, three injured\n", "- # Harbour Courier\n"
    )
    (article,), _ = read(text.encode(), "page.md")
    assert article.title == "Drones hit grain terminal in Izmail, three injured"


def test_crawler_title_line_without_site_is_kept_only_when_printed_again() -> None:
    text = CRAWLER_PAGE.replace(
        "- # Drones hit grain terminal in Izmail, three injured\n  - ## Related\n", ""
    ).replace(
        "Drones hit grain terminal in Izmail, three injured | Harbour Courier\n", "Skip to main content\n"
    )
    (article,), _ = read(text.encode(), "page.md")
    assert article.title == "Drones hit grain terminal in Izmail, three injured"
    assert article.paragraphs == (PARA_A, PARA_B)


READER_SERVICE_PAGE = f"""Title: Missile damages railway depot in Kovel | Western Ukraine Today

URL Source: https://wut.example/news/kovel-depot

Published Time: 2025-04-01T22:40:00+03:00

Markdown Content:
[Skip to content](https://wut.example/#main)

*   [News](https://wut.example/news)
*   [Regions](https://wut.example/regions)

Missile damages railway depot in Kovel
======================================

{PARA_C}

{PARA_D}
"""


def test_reader_service_markdown_with_field_lines() -> None:
    (article,), _ = read(READER_SERVICE_PAGE.encode(), "kovel.md")
    assert article.title == "Missile damages railway depot in Kovel"
    assert article.published == date(2025, 4, 1)
    assert article.url == "https://wut.example/news/kovel-depot"
    assert article.paragraphs == (PARA_C, PARA_D)


def test_crawler_json_export_with_nested_metadata() -> None:
    record = {
        "markdown": f"# Missile damages railway depot in Kovel\n\n{PARA_C}\n\n{PARA_D}\n",
        "metadata": {
            "title": "Missile damages railway depot in Kovel - Western Ukraine Today",
            "sourceURL": "https://wut.example/news/kovel-depot",
            "publishedTime": "2025-04-01T22:40:00+03:00",
            "language": "en",
        },
    }
    (article,), _ = read(json.dumps([record]).encode(), "crawl.json")
    assert article.title == "Missile damages railway depot in Kovel"
    assert article.published == date(2025, 4, 1)
    assert article.url == "https://wut.example/news/kovel-depot"
    assert article.paragraphs == (PARA_C, PARA_D)


def test_crawler_metadata_fetch_time_is_not_the_published_date() -> None:
    without_line = CRAWLER_PAGE.replace("April 2, 2025 07:05\n", "")
    (article,), _ = read(without_line.encode(), "page.md")
    assert article.published is None  # "Scraped at" is when the crawler came, not the article's date
    with_field = without_line.replace("- **HTTP Status**: 200", "- **Published**: 2025-04-01T21:00:00+03:00")
    (article,), _ = read(with_field.encode(), "page.md")
    assert article.published == date(2025, 4, 1)


@pytest.mark.parametrize(
    "line",
    [
        "Rescuers at the damaged terminal in Izmail on April 2, 2025. (Handout via AFP)",
        "A grain ship waits outside the port of Izmail on April 1, 2025. (AA Photo)",
    ],
)
def test_agency_photo_credits_are_captions(line: str) -> None:
    from newsfacts.parse import boilerplate as bp

    assert bp.classify_line(line) == "caption"
