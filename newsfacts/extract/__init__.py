"""Event facts from a parsed article, coded by the guideline, in four stages:

1. `segment`: sentences with offsets and the language's lexicon hits;
2. `detect`: incident cues, with what is not an event left out;
3. `draft` and `slots/`: one draft per place, with date, numbers, actors, weapon and sub-type;
4. `assemble`: the guideline's merging and dropping rules.

Articles in a language without a lexicon give no events rather than wrong ones.
"""

from __future__ import annotations

import hashlib
from datetime import date

from newsfacts import geo
from newsfacts.extract import assemble as assembly
from newsfacts.extract import detect as d
from newsfacts.extract.draft import ArticleContext, Draft, drafts_for, talks_place
from newsfacts.extract.lexicon import LANGUAGES, Lexicon, fold, load
from newsfacts.extract.segment import Unit, segment
from newsfacts.extract.slots import dates
from newsfacts.extract.slots.dates import DateRef
from newsfacts.extract.slots.places import read_body
from newsfacts.records import EventMention, ParsedArticle

EXTRACTOR_VERSION = "extract-2.0"
_LEAD_SENTENCES = 3
_STORY_AGE_DAYS = 2  # the incident sentences of the lead that may give the story's day

__all__ = ["EXTRACTOR_VERSION", "LANGUAGES", "extract_mentions"]


def extract_mentions(article: ParsedArticle) -> list[EventMention]:
    lexicon = load(article.language)
    if lexicon is None or not article.paragraphs:
        return []
    units = segment(article, lexicon)
    cues = [d.detect(u) for u in units]
    families = frozenset(c.family for found in cues for c in found)
    if not families:
        return []
    body = read_body([u for u, found in zip(units, cues, strict=True) if found])
    title = _title_unit(article, lexicon)
    talks = first = None
    if families & {d.EXCHANGE, d.CEASEFIRE}:  # the place of talks and the first party code agreements only
        talks, first = talks_place(units, lexicon), first_party(title, units)
    ctx = ArticleContext(article.language or "", article.published, families, body, talks, first)
    drafts: list[Draft] = []
    for unit, found in zip(units, cues, strict=True):
        if found:
            drafts.extend(drafts_for(unit, found, lexicon, ctx, drafts))
    story = story_date(article, title, units, cues)
    # the headline's weapon (and the place lookup it takes) serves only a strike with neither weapon
    # nor sub-type, and assembling never takes them away: with no such draft it is not read
    weapon = story_weapon(title) if any(map(_weaponless, drafts)) else None
    body_text = article.body_text
    return [
        _mention(article, body_text, x) for x in assembly.assemble(drafts, article.published, story, weapon)
    ]


def _weaponless(x: Draft) -> bool:
    return x.weapon is None and x.sub_event_type is None and x.family in assembly.STORY_WEAPON_FAMILIES


def _title_unit(article: ParsedArticle, lexicon: Lexicon) -> Unit | None:
    """The headline read like a sentence of the body (scanned once for every rule that reads it)."""
    if not article.title:
        return None
    text = article.title
    folded = fold(text)
    return Unit(-1, 0, len(text), text, -1, tuple(lexicon.scan(text, folded)), lexicon=lexicon, folded=folded)


def first_party(title: Unit | None, units: list[Unit]) -> str | None:
    """The side the article names first: in its headline, else in its body."""
    for unit in ([title] if title is not None else []) + units:
        sides = unit.of("side")
        if sides:
            return str(sides[0].value)
    return None


def _fresh(when: DateRef, published: date | None) -> bool:
    """A report is about its own day or the night or day before; an older day is a passing mention."""
    age = dates.days_before(when.value, published)
    return age is None or -1 <= age <= _STORY_AGE_DAYS


def story_weapon(title: Unit | None) -> assembly.StoryWeapon | None:
    """The one weapon the headline names, if it names exactly one, with the places it names."""
    if title is None:
        return None
    named = {str(h.value) for h in title.of("weapon") if h.value != "small arms"}
    if len(named) != 1:
        return None
    found = geo.find_places(title.text)
    regions = frozenset(m.place.admin1 for m in found if m.place.kind == "admin1" and m.place.admin1)
    towns = frozenset(m.place.name for m in found if m.place.kind == "settlement")
    return assembly.StoryWeapon(named.pop(), regions, towns)


def story_date(
    article: ParsedArticle, title: Unit | None, units: list[Unit], cues: list[list[d.Cue]]
) -> DateRef:
    """The day the report is about, from its headline or its first incident sentence ("overnight",
    "on Monday"): incidents it goes on to tell without a day of their own share it."""
    if title is not None:
        when = dates.resolve(title, article.published)
        if when.value is not None:
            return when
    told = 0
    for unit, found in zip(units[:8], cues, strict=False):
        if found:
            when = dates.resolve(unit, article.published)
            if when.value is not None and _fresh(when, article.published):
                return when
            told += 1
            if told == _LEAD_SENTENCES:
                break
    return dates.NO_DATE


def _mention(article: ParsedArticle, body_text: str, x: Draft) -> EventMention:
    first = x.units[0]
    start, end = first.start, first.end
    for nxt in x.units[1:]:
        if nxt.index == first.index + 1 and nxt.paragraph - first.paragraph <= 1:
            end = nxt.end  # a follow-up sentence that completes the figures is part of the evidence
    evidence = body_text[start:end]
    w = x.where
    key = (
        f"{article.article_id}|{EXTRACTOR_VERSION}|{start}|{end}|{w.country}|{w.admin1}|{w.location}|"
        f"{x.event_type}|{x.sub_event_type}"
    )
    place = w.place
    precision = place.geo_precision if place is not None and w.location else (3 if w.admin1 else None)
    filled = sum(v is not None for v in (x.sub_event_type, x.actor1, x.when.value, w.admin1))
    return EventMention(
        mention_id=hashlib.sha256(key.encode()).hexdigest(),
        article_id=article.article_id,
        landed_date=article.landed_date,
        event_type=x.event_type,
        sub_event_type=x.sub_event_type,
        actor1=x.actor1,
        actor2=x.actor2,
        country=w.country,
        admin1=w.admin1,
        location=w.location,
        location_raw=w.raw,
        latitude=place.latitude if place is not None and w.admin1 else None,
        longitude=place.longitude if place is not None and w.admin1 else None,
        geonameid=place.geonameid if place is not None and w.location else None,
        geo_precision=precision if precision is not None else 3,
        weapon=x.weapon,
        fatalities=x.killed,
        injured=x.injured,
        event_date=x.when.value,
        time_precision=x.when.precision,
        evidence=evidence,
        evidence_start=start,
        evidence_end=end,
        confidence=round(0.5 + 0.1 * filled, 2),
        extractor_version=EXTRACTOR_VERSION,
    )
