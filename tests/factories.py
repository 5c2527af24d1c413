"""Hand-made records for tests: a parsed article and an event mention with sensible defaults."""

from __future__ import annotations

import dataclasses
from datetime import date

from newsfacts.records import EventMention, ParsedArticle


def parsed_article(article_id: str, day: date, source: str, published: date | None = None) -> ParsedArticle:
    return ParsedArticle(
        article_id=article_id,
        landed_date=day,
        source_file=f"{day}/{article_id}.txt",
        title=None,
        standfirst=None,
        headings=(),
        paragraphs=("Body.",),
        paragraph_languages=("en",),
        removed_blocks=(),
        language="en",
        published=published or day,
        published_basis="date_stamp",
        source=source,
        url=None,
        word_count=1,
        parser_version="test",
    )


def event_mention(mention_id: str, article_id: str, day: date, **changes) -> EventMention:
    """A drone strike on Kharkiv on `day`: two killed, five injured; override any field."""
    base = EventMention(
        mention_id=mention_id,
        article_id=article_id,
        landed_date=day,
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actor1="Russia",
        actor2="Civilians",
        country="UA",
        admin1="Kharkiv",
        location="Kharkiv",
        location_raw="Kharkiv",
        latitude=49.98,
        longitude=36.25,
        geonameid=706483,
        geo_precision=1,
        weapon="drone",
        fatalities=2,
        injured=5,
        event_date=day,
        time_precision=1,
        evidence="A drone hit a house in Kharkiv overnight.",
        evidence_start=0,
        evidence_end=41,
        confidence=0.9,
        extractor_version="v1",
    )
    return dataclasses.replace(base, **changes)
