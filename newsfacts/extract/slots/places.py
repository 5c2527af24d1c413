"""Places of an event (guideline: "Places", "Spelling in other languages").

The gazetteer (GeoNames-derived, `newsfacts.geo`) finds names in any spelling it lists; the
language's lexicon adds region names as that language inflects them ("на Одещині",
"obwodzie kurskim"), and a morphological analyser brings other inflected forms back to the
name ("Михайлівку" -> Михайлівка). Each mention gets a role: a `site` where something
happened, or a name that only qualifies an official ("the Kharkiv governor"), an owner
("Kyiv's General Staff") or a sea.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from newsfacts import geo
from newsfacts.extract.lexicon import Hit, Lexicon
from newsfacts.extract.lexicon import load as load_lexicon
from newsfacts.extract.segment import Unit

SITE = "site"
OFFICIAL = "official"
OWNER = "owner"
ORIGIN = "origin"  # where weapons were launched from: "drones launched from the Kursk region"
FRONT = "front"  # a front named after a town: "the Pokrovsk direction"
QUALIFIER = "qualifier"  # in brackets after a place, its district or region
ROUTE = "route"  # an end of a route: "a train carrying fuel from Crimea to Melitopol"
REFERENCE = "reference"  # a landmark for another place: "Otradnoye near Belgorod", "the Pokrovsk sector"
DATELINE = "dateline"  # "KHARKIV, May 16 (Wire) -": where the report was filed
UNNAMED = "unnamed"  # the region of a place the text leaves unnamed
NAME = "name"  # part of a longer proper name: "Azov Corps", "Kyiv Independent"

_WORD_RE = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ][\w'’-]+")
_OFFICIAL_GAP = 14  # "Kharkiv regional governor", "the governor of the Odesa region"
_POSSESSIVE_RE = re.compile(r"^['’]s\b")


@dataclass(frozen=True, slots=True)
class BodyPlaces:
    """The gazetteer's reading of the whole body: names with the context of the whole article."""

    mentions: tuple[geo.PlaceMention, ...]
    admin1_counts: dict[str, int]  # how often each admin-1 is named or implied: the article's theatre
    by_unit: dict[int, tuple[geo.PlaceMention, ...]]  # mentions by unit index, offsets the unit's

    def theatre(self) -> str | None:
        """The region the article names most, if it names it more than once."""
        if not self.admin1_counts:
            return None
        best = max(self.admin1_counts, key=lambda a: self.admin1_counts[a])
        return best if self.admin1_counts[best] >= 2 else None

    def main_admin1(self, candidates: set[str]) -> str | None:
        ranked = sorted(candidates, key=lambda a: (-self.admin1_counts.get(a, 0), a))
        return ranked[0] if ranked else None


def read_body(units: list[Unit]) -> BodyPlaces:
    """One gazetteer pass over the sentences that may code an event, read together so that they
    share context (which of several same-named villages is meant); offsets stay the body's."""
    parts: list[str] = []
    starts: list[int] = []
    position = 0
    for u in units:
        starts.append(position)
        parts.append(u.text)
        position += len(u.text) + 2
    mentions_list: list[geo.PlaceMention] = []
    by_unit: dict[int, list[geo.PlaceMention]] = {}
    for m in geo.find_places("\n\n".join(parts)):
        k = bisect.bisect_right(starts, m.start) - 1
        shift = units[k].start - starts[k]
        if m.end - starts[k] <= len(units[k].text):
            mentions_list.append(geo.PlaceMention(m.start + shift, m.end + shift, m.raw, m.place))
            local = geo.PlaceMention(m.start - starts[k], m.end - starts[k], m.raw, m.place)
            by_unit.setdefault(units[k].index, []).append(local)
    mentions = tuple(mentions_list)
    counts: dict[str, int] = {}
    for m in mentions:
        if m.place.admin1 and m.place.country in ("UA", "RU"):
            counts[m.place.admin1] = counts.get(m.place.admin1, 0) + 1
    return BodyPlaces(mentions, counts, {k: tuple(v) for k, v in by_unit.items()})


@dataclass(frozen=True, slots=True)
class PlaceRef:
    start: int
    end: int
    raw: str
    place: geo.Place
    role: str

    def with_place(self, place: geo.Place) -> PlaceRef:
        # built directly: `dataclasses.replace` costs several times more, and places are many
        return PlaceRef(self.start, self.end, self.raw, place, self.role)


def _start(ref: PlaceRef) -> int:
    return ref.start


def find(unit: Unit, lexicon: Lexicon, body: BodyPlaces) -> list[PlaceRef]:
    """Every place named in the unit, in text order, with its role."""
    text = unit.text
    language = lexicon.language
    mentions = body.by_unit.get(unit.index)
    if (
        mentions is None
        and language not in _LEMMATISED
        and not (unit.has("region") or unit.has("facility") or unit.has("placeword"))
    ):
        return []  # nothing the gazetteer or the lexicon reads as a place
    refs: list[PlaceRef] = []
    if mentions:
        # a word the lexicon reads as something else is no place ("Атака", "Мирный житель"), nor a
        # capitalised first word that is no noun ("Кроме того"); the hits are sorted out once
        others = [h for h in unit.hits if h.category in _NOT_PLACES]
        sides = unit.of("side")
        for m in mentions:
            if not _inside_other_word(m, others, sides) and not _first_word_no_noun(m, language):
                refs.append(PlaceRef(m.start, m.end, m.raw, m.place, SITE))
    for h in unit.of("facility"):
        # "the Zaporizhzhia nuclear power plant" codes the town it stands in (guideline, "Places")
        town = geo.lookup(str(h.value))
        if town is not None:
            refs = [r for r in refs if not (r.start < h.end and h.start < r.end)]
            refs.append(PlaceRef(h.start, h.end, unit.text[h.start : h.end], town, SITE))
    for h in unit.of("region"):
        # the language's own name of a region wins over a village the gazetteer reads in it
        # ("the Donetsk People's Republic", "Курской области")
        region = regional(str(h.value))
        if region is None:
            continue
        refs = [r for r in refs if not (r.start < h.end and h.start < r.end)]
        refs.append(PlaceRef(h.start, h.end, text[h.start : h.end], region, SITE))
    refs.sort(key=_start)
    lemmatised = language in _LEMMATISED
    taken = [(r.start, r.end) for r in refs] if lemmatised else []
    # the region words ("region", "oblast", "regions") several rules read: filtered out once
    region_words = unit.of("placeword", "region")
    if refs:
        # the rules that read a region word are skipped in the many units without one
        if region_words:
            refs = [_region_if_said(unit, r, region_words) for r in refs]
        refs = [_seat_of_community(r) for r in refs]
        named_area = any(r.place.kind in ("admin1", "country") for r in refs)
        refs = [_namesake_in_theatre(r, body, named_area) for r in refs]
        refs = _namesake_in_named_region(unit, refs)
        if region_words:
            refs = [_region_if_regional(unit, r, region_words) for r in refs]
    if lemmatised:
        # a capitalised word inside a word of the lexicon is no place: the names come in text order,
        # so the lexicon's words are walked once, in order of start, keeping the furthest end of
        # those that start at or before the name
        words = sorted((h.start, h.end) for h in unit.hits if h.category != "placeword")
        passed = 0
        reach = -1
        for m in _WORD_RE.finditer(text):
            start, end = m.span()
            if _overlaps(start, end, taken):
                continue
            while passed < len(words) and words[passed][0] <= start:
                reach = max(reach, words[passed][1])
                passed += 1
            if reach >= end:
                continue
            place = _lemma_place(m.group(0), language)
            if place is not None:
                refs.append(PlaceRef(start, end, m.group(0), place, SITE))
                taken.append((start, end))
        refs.sort(key=_start)
    refs = _listed_regions(unit, refs, lexicon, region_words)
    refs = _regions_after_word(unit, refs, lexicon, region_words)
    refs = _unknown_named(unit, refs, body, lexicon)
    if not refs:
        return refs
    refs.sort(key=_start)
    hits = _RoleHits(unit)
    out: list[PlaceRef] = []
    for r in refs:
        if hits.in_sea(r) or hits.actor_word(r):
            continue
        role = _role(hits, r)
        # every reference is built a site: a new one only where the role differs
        out.append(r if role == r.role else PlaceRef(r.start, r.end, r.raw, r.place, role))
    return out


_CALENDAR = frozenset({"month", "weekday", "relday"})
_NOT_PLACES = frozenset(
    {"cue", "casualty", "person", "military", "weapon", "number", "vague", "modal", "announce"}
)


def _inside_other_word(mention: geo.PlaceMention, others: list[Hit], sides: tuple[Hit, ...]) -> bool:
    """`others`: the unit's hits of `_NOT_PLACES`; `sides`: its hits of "side"."""
    start, end = mention.start, mention.end
    if others and any(h.start <= start and end <= h.end for h in others):
        return True
    # "Українські дрони" is no village Ukrainsk; "Moscow" stays Moscow though it names a side
    return (
        bool(sides)
        and mention.place.population < _CITY
        and any(h.start <= start and end <= h.end for h in sides)
    )


_CITY = 100_000


_Route = tuple[list[Hit], tuple[Hit, ...], list[Hit]]


class _RoleHits:
    """The lexicon hits the role rules read, taken from the unit once per call of `find`, not once
    per place; the route words (a lazily found category) only when a route may be told. Most units
    have no hits of most categories: an empty one is told apart before a generator is built."""

    __slots__ = (
        "_froms",
        "_route",
        "_route_read",
        "actors",
        "announce",
        "dated",
        "formation",
        "front",
        "official",
        "origin",
        "reference",
        "sea",
        "text",
        "unit",
    )

    def __init__(self, unit: Unit) -> None:
        self.unit = unit
        self.text = unit.text
        self.official = unit.of("official")
        self.announce = unit.of("announce")
        self.formation = unit.of("formation")
        self.front = unit.of("front")
        self.origin = unit.of("origin")
        self.reference = unit.of("reference")
        self.sea = unit.of("sea")
        dated: list[Hit] = []
        actors: list[Hit] = []
        for h in unit.hits:
            if h.category in _CALENDAR or h.category == "weapon":
                dated.append(h)
            elif h.category in ("side", "agency"):
                actors.append(h)
        self.dated = dated  # dates and weapons: "May", "Sunday", "Shahed drones"
        self.actors = actors  # sides and agencies: "SBU", "Azov", "Wagner"
        self._froms: list[Hit] | None = None
        self._route: _Route | None = None
        self._route_read = False

    def in_sea(self, ref: PlaceRef) -> bool:
        return bool(self.sea) and any(h.start <= ref.start < h.end for h in self.sea)

    def actor_word(self, ref: PlaceRef) -> bool:
        start = ref.start
        if self.dated and any(h.start <= start < h.end for h in self.dated):
            return True  # "May", "Sunday": a date; "Shahed drones": a weapon, whatever village bears the name
        # "SBU", "Azov", "Wagner": a side or an agency, whatever village shares its name
        return (
            bool(self.actors)
            and ref.raw.isupper()
            and any(h.start <= start and ref.end <= h.end for h in self.actors)
        )

    def route(self, ref: PlaceRef) -> _Route | None:
        """The bare "from"s, the "to"s and the "to"s after a "from", read once for all the places of
        the unit; None where `ref` can be no end of a route."""
        froms = self._froms
        if froms is None:
            text = self.text
            froms = self._froms = [h for h in self.origin if text[h.start : h.end].lower() in _BARE_FROM]
        # both ends of a route come after its "from": with none before the place, "to" (found by a
        # regular expression on first request) is not asked for
        if not froms or not any(f.end <= ref.start for f in froms):
            return None
        if not self._route_read:
            self._route_read = True
            tos = self.unit.of("span_to")
            if tos:
                joined = [t for t in tos if any(0 <= t.start - f.end <= 40 for f in froms)]
                self._route = (froms, tos, joined)
        return self._route


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def _lexicon_word(unit: Unit, start: int, end: int) -> bool:
    return any(h.start <= start and end <= h.end and h.category not in ("placeword",) for h in unit.hits)


@cache
def regional(admin1: str) -> geo.Place | None:
    """The admin-1 region of that English name ("Kharkiv" -> the Kharkiv region)."""
    place = geo.lookup(f"{admin1} region")
    if place is not None and place.kind == "admin1":
        return place
    place = geo.lookup(admin1)
    return place if place is not None and place.kind == "admin1" else None


_REGION_WORD_END_RE = re.compile(r"\s(?!regional)\w+$")
_IN_REGION_RE = re.compile(r"^(?:,\s*|\s+(?:in|of)\s+(?:the\s+)?)$")


def _bracketed_region(unit: Unit, ref: PlaceRef, refs: list[PlaceRef]) -> str | None:
    """ "Kamianske (Vasylivka, Zaporizhzhia)": the region written in brackets after a place."""
    text = unit.text
    opening = text.find("(", ref.end, ref.end + 3)
    if opening < 0:
        return None
    closing = text.find(")", opening, opening + 80)
    if closing < 0:
        return None
    inside = [r for r in refs if opening < r.start < closing]
    for r in reversed(inside):
        if r.place.kind == "admin1" and r.place.admin1:
            return r.place.admin1
        if r.place.admin1 and _same_name(r.place.name, r.place.admin1):
            return r.place.admin1  # "(Kharkiv, Kharkiv)": a region that shares its city's name
    return None


def _namesake_in_named_region(unit: Unit, refs: list[PlaceRef]) -> list[PlaceRef]:
    """ "Ivanivka in the Kharkiv region", "Rylsk, Kursk region": the village of that name in that
    region, and the region is no place of its own (guideline, "Places": "X, Y" names one place)."""
    out = []
    brackets = "(" in unit.text
    for i, r in enumerate(refs):
        bracketed = _bracketed_region(unit, r, refs) if brackets and r.place.kind == "settlement" else None
        if bracketed and bracketed != r.place.admin1:
            local = geo.in_region(r.place.name, bracketed) or geo.in_region(r.raw, bracketed)
            region = regional(bracketed)
            if local is None and region is not None:
                local = geo.Place(
                    local_spelling(r.raw, region.country),
                    "settlement",
                    region.country,
                    bracketed,
                    None,
                    None,
                    None,
                    0,
                    1,
                )
            if local is not None:
                out.append(r.with_place(local))
                continue
        nxt = refs[i + 1] if i + 1 < len(refs) else None
        if (
            nxt is not None
            and r.place.kind == "settlement"
            and nxt.place.kind == "admin1"
            and r.place.admin1 != nxt.place.admin1
            and (_IN_REGION_RE.match(unit.text[r.end : nxt.start]) or unit.text[r.end : nxt.start] == " ")
            and nxt.place.admin1
            and _REGION_WORD_END_RE.search(nxt.raw)
        ):
            local = geo.in_region(r.place.name, nxt.place.admin1) or geo.in_region(r.raw, nxt.place.admin1)
            if local is None:
                local = geo.Place(
                    local_spelling(r.raw, nxt.place.country),
                    "settlement",
                    nxt.place.country,
                    nxt.place.admin1,
                    None,
                    None,
                    None,
                    0,
                    1,
                )
            r = r.with_place(local)
        out.append(r)
    return out


def _conjunctions(language: str) -> str:
    """The language's "and" words as a regex alternation."""
    lexicon = load_lexicon(language)
    return lexicon.pattern("conjunction") if lexicon else "(?!)"


_LIST_WORD = r"[^\W\d_][\w'’-]+"


@cache
def _region_list_re(language: str) -> re.Pattern[str]:
    """Words in a list before a region word: "Kursk, Bryansk and Oryol [regions]"."""
    joiner, word = _conjunctions(language), _LIST_WORD
    return re.compile(rf"(?P<names>{word}(?:\s*,\s*{word})*\s*(?:,\s*)?{joiner}\s+{word})\s+$", re.I)


@cache
def _region_list_end_re(language: str) -> re.Pattern[str]:
    """The end of `_region_list_re`: a text it matches, this one matches too."""
    return re.compile(rf"{_conjunctions(language)}\s+{_LIST_WORD}\s+$", re.I)


def _listed_regions(
    unit: Unit, refs: list[PlaceRef], lexicon: Lexicon, region_words: tuple[Hit, ...]
) -> list[PlaceRef]:
    """Regions listed before one plural region word ("над Курской, Брянской и Орловской областями",
    "the Sumy, Kharkiv and Poltava regions"): each member is a region. `refs` come in text order,
    `region_words` are the unit's "placeword" hits of value "region"."""
    if not region_words:
        return refs  # no list without a region word
    out = list(refs)
    text = unit.text
    for h in region_words:
        # the list ends in "and", a name and blanks right before the region word: a short pattern
        # that reads only that end spares most searches of the whole list pattern, many times slower
        window = text[max(0, h.start - 160) : h.start]
        if not _region_list_end_re(lexicon.language).search(window):
            continue
        if not unit.has("conjunction"):
            return refs  # no list without "and"; asked last, as it is found by a regular expression
        m = _region_list_re(lexicon.language).search(window)
        if m is None:
            continue
        offset = max(0, h.start - 160) + m.start("names")
        for w in re.finditer(r"[^\W\d_][\w'’-]+", m.group("names")):
            if _joiner(unit, offset + w.start()):
                continue
            region = geo.lookup(f"{w.group()} region")
            if region is None or region.kind != "admin1":
                # the language's own region names: the member read with the region word after it
                phrase = f"{w.group()} {unit.text[h.start : h.end]}"
                named = [x for x in lexicon.scan(phrase) if x.category == "region" and x.start == 0]
                region = regional(str(named[0].value)) if named else None
            if region is None:
                continue
            s0, e0 = offset + w.start(), offset + w.end()
            out = [r for r in out if not (r.start < e0 and s0 < r.end)]
            out.append(PlaceRef(s0, e0, w.group(), region, SITE))
    return sorted(out, key=_start)


@cache
def _names_after_re(language: str) -> re.Pattern[str]:
    lexicon = load_lexicon(language)
    joiner = _conjunctions(language)
    word = r"[A-ZА-ЯІЇЄҐ][\w'’-]+"
    of = lexicon.pattern("genitive") if lexicon else "(?!)"
    return re.compile(
        rf"\s+(?:{of}\s+)?(?:\w{{1,3}}\s+)?(?P<names>{word}(?:\s*,\s*{word})*(?:\s*,?\s*{joiner}\s+{word}))"
    )


def _regions_after_word(
    unit: Unit, refs: list[PlaceRef], lexicon: Lexicon, region_words: tuple[Hit, ...]
) -> list[PlaceRef]:
    """Names listed after a plural region word ("las regiones de Dnipropetrovsk, Odesa y Sumi",
    "над регіонами X і Y") are regions, not their capital cities."""
    if not region_words:
        return refs
    out = list(refs)
    for h in region_words:
        m = _names_after_re(lexicon.language).match(unit.text, h.end)
        if m is None:
            continue
        lo, hi = m.start("names"), m.end("names")
        for i, r in enumerate(out):
            if lo <= r.start < hi and r.place.kind == "settlement" and r.place.admin1:
                region = regional(r.place.admin1)
                if region is not None and _same_name(r.place.name, region.name):
                    out[i] = r.with_place(region)
    return out


def _region_if_regional(unit: Unit, ref: PlaceRef, region_words: tuple[Hit, ...]) -> PlaceRef:
    """A bare name that is both a city and a region codes the city, unless the region is plainly
    meant: "In Kharkiv, regional authorities reported three injuries" (guideline, "Places")."""
    if (
        ref.place.kind != "settlement"
        or not ref.place.admin1
        or not _same_name(ref.place.name, ref.place.admin1)
    ):
        return ref
    regional_word = any(
        0 <= h.start - ref.end <= 24 and unit.text[h.start : h.end].lower().startswith("regional")
        for h in region_words
    )
    region = regional(ref.place.admin1) if regional_word else None
    return ref.with_place(region) if region is not None else ref


_SMALL_PLACE = 20_000
_VILLAGE = 5_000


def _namesake_in_theatre(ref: PlaceRef, body: BodyPlaces, named_area: bool = False) -> PlaceRef:
    """Of several villages of one name, the one in the region the article is about ("Petrovka" in an
    article on the Belgorod region)."""
    place = ref.place
    if place.kind != "settlement" or place.population >= _SMALL_PLACE or not body.admin1_counts:
        return ref
    theatre = max(body.admin1_counts, key=lambda a: body.admin1_counts[a])
    if theatre == place.admin1 or body.admin1_counts[theatre] < 2:
        return ref
    local = geo.in_region(place.name, theatre) or geo.in_region(ref.raw, theatre)
    if (
        local is None
        and not named_area
        and place.population < _VILLAGE
        and place.country != _country_of(theatre)
    ):
        # a village of another country in an article about this region: this region's village
        local = geo.Place(
            local_spelling(ref.raw, _country_of(theatre)),
            "settlement",
            _country_of(theatre),
            theatre,
            None,
            None,
            None,
            0,
            1,
        )
    return ref.with_place(local) if local is not None else ref


def _seat_of_community(ref: PlaceRef) -> PlaceRef:
    """A hromada (community) named after its centre codes that town ("the Bilopillia community")."""
    if ref.place.kind != "district" or not ref.place.name.endswith(" hromada"):
        return ref
    seat = ref.place.name.removesuffix(" hromada")
    place = geo.lookup(seat, ref.place.country)
    if place is None or place.kind != "settlement" or place.admin1 != ref.place.admin1:
        place = geo.Place(
            seat,
            "settlement",
            ref.place.country,
            ref.place.admin1,
            ref.place.latitude,
            ref.place.longitude,
            None,
            0,
            1,
        )
    return ref.with_place(place)


_NAME = r"[A-ZА-ЯЁІЇЄҐ][\w'’]+(?:-[\w'’]+)*(?: [A-ZА-ЯЁІЇЄҐ][\w'’]+)?"


# `_NAME` whose letter runs are possessive: a run cut short leaves a letter next, which no hyphen,
# blank, comma or end of a list can follow, so the matches are the same; the engine just does not
# try every shorter run of every capitalised word of the sentence before it gives up on a list
_LIST_NAME = r"[A-ZА-ЯЁІЇЄҐ][\w'’]++(?:-[\w'’]++)*(?: [A-ZА-ЯЁІЇЄҐ][\w'’]++)?"


@cache
def _name_list_re(language: str) -> re.Pattern[str]:
    """A list of capitalised names: "Striliche, Krasne, Pylna and Borysivka"."""
    joiner = _conjunctions(language)
    return re.compile(rf"{_LIST_NAME}(?:(?:\s*,\s*(?:{joiner}\s+)?|\s+{joiner}\s+){_LIST_NAME})+")


_NAME_BEFORE_RE = re.compile(rf"(?P<name>{_NAME})\s+$")


@cache
def _name_after_re(language: str) -> re.Pattern[str]:
    """A name right after a place word: "хутор Красный", "the settlement of Robotyne"."""
    lexicon = load_lexicon(language)
    of = lexicon.pattern("genitive") if lexicon else "(?!)"
    return re.compile(rf"\s+(?:{of}\s+)?(?P<name>{_NAME})(?=[\s,.;:)]|$)")


def _unknown_named(unit: Unit, refs: list[PlaceRef], body: BodyPlaces, lexicon: Lexicon) -> list[PlaceRef]:
    """Villages the gazetteer lacks, where the text says what they are: a name in a list with known
    villages of one region ("Striliche, Krasne, Pylna and Borysivka"), or a name before
    "community". A namesake far away in a list of the article's own region is the local village."""
    text = unit.text
    out = list(refs)
    for h in unit.of("placeword"):
        # "the Verkhnia Syrovatka community", "the Lozovaya Rudka farm", "хутор Красный", "село
        # Грузское": a name next to a place word
        if h.value not in ("community", "settlement"):
            continue
        after = _name_after_re(lexicon.language).match(text, h.end)
        before = (
            _NAME_BEFORE_RE.search(text, max(0, h.start - 48), h.start) if h.value == "community" else None
        )
        m = after or before
        if m is None or m.start("name") == 0:
            continue
        s0, e0 = m.start("name"), m.end("name")
        inner = [x.start for x in unit.hits if s0 < x.start < e0]
        if inner:
            e0 = text.rfind(" ", s0, min(inner)) if text.rfind(" ", s0, min(inner)) > s0 else min(inner)
        if any(r.start <= s0 and e0 <= r.end and r.place.kind == "settlement" for r in out):
            continue
        if _lexicon_word(unit, s0, e0):
            continue
        # the region named right after it ("Отрадное Харьковской области"), else the article's
        named = [
            r
            for r in out
            if r.place.kind == "admin1"
            and r.place.admin1
            and 0 <= r.start - e0 <= 60
            and _only_names_between(unit, e0, r.start)
        ]
        # not the region of a partial reading of this very name ("Verkhnia" of "Verkhnia Syrovatka")
        around = {r.place.admin1 for r in refs if r.place.admin1 and not (r.start < e0 and s0 < r.end)}
        region = named[0].place.admin1 if named else body.main_admin1(around or set(body.admin1_counts))
        if region is None:
            continue
        country = _country_of(region)
        out = [r for r in out if not (r.start < e0 and s0 < r.end)]
        name = text[s0:e0]
        known = geo.in_region(name, region) or geo.in_region(_unmixed(name), region)
        if known is not None:
            place = known  # the region's own village of that name
        else:
            place = geo.Place(
                local_spelling(name, country), "settlement", country, region, None, None, None, 0, 1
            )
        out.append(PlaceRef(s0, e0, name, place, SITE))
    areas = [
        r
        for r in out
        if r.place.kind in ("district", "admin1")
        and r.place.country in ("UA", "RU")
        and _AREA_WORD_RE.search(r.raw)
    ]
    for r in areas:
        # "Shestakove in the Chuhuiv district", "Kivsharivka, Kupiansk district": a village of that area
        m = _BEFORE_AREA_RE.search(text[max(0, r.start - 60) : r.start])
        if m is None:
            continue
        s0 = max(0, r.start - 60) + m.start("name")
        e0 = s0 + len(m.group("name"))
        if any(o.start < e0 and s0 < o.end for o in out) or _lexicon_word(unit, s0, e0) or s0 == 0:
            continue
        name = local_spelling(m.group("name"), r.place.country)
        place = geo.Place(name, "settlement", r.place.country, r.place.admin1, None, None, None, 0, 1)
        out.append(PlaceRef(s0, e0, m.group("name"), place, SITE))
    # a list is read only for the villages the gazetteer knows in it: none, no list to look for; a
    # list that starts after the last of them has none (the villages a list adds are its own)
    last_village = -1
    for r in out:
        if r.place.kind == "settlement" and r.start > last_village:
            last_village = r.start
    if last_village < 0:
        return sorted(out, key=_start)
    for m in _name_list_re(lexicon.language).finditer(text):
        lo, hi = m.span()
        if lo > last_village:
            break
        if not any(lo <= r.start < hi and r.place.kind == "settlement" for r in out):
            continue  # no known village among its members: nothing the list could tell
        members = [
            (n.start() + m.start(), n.end() + m.start(), n.group()) for n in re.finditer(_NAME, m.group())
        ]
        joined = any(m.start() <= j.start < m.end() for j in unit.of("conjunction"))
        members = [x for x in members if not _joiner(unit, x[0])]
        if not joined and len(members) < 3:
            continue  # "the Mayor of Melitopol, Ivan Fedorov": an apposition, not a list
        if any(_adjective(name, lexicon.language) for _, _, name in members):
            continue  # "Курской, Брянской и Орловской областей": regions, told by the lexicon
        known = [r for r in out if r.place.kind == "settlement" and any(r.start == s for s, _, _ in members)]
        if not known or len(members) < 2:
            continue
        # the region the list is about: the one most of its known villages share
        counts: dict[str, int] = {}
        for r in known:
            if r.place.admin1:
                counts[r.place.admin1] = counts.get(r.place.admin1, 0) + 1
        if not counts:
            continue
        region = max(counts, key=lambda a: (counts[a], body.admin1_counts.get(a, 0)))
        theatre = body.theatre()
        if theatre is not None and (
            theatre == region
            or any(geo.in_region(name, theatre) or geo.lookup(name) is None for _, _, name in members)
        ):
            region = theatre  # villages of the region the article is about, whatever namesakes lie elsewhere
        elif counts[region] * 2 < len(known) or (len(known) > 1 and counts[region] < 2):
            continue  # towns of several regions: each keeps its own
        country = _country_of(region)
        for s, e, name in members:
            current = next((r for r in out if r.start <= s < r.end), None)
            big = current is not None and current.place.population >= _SMALL_PLACE
            if big and geo.lookup(current.raw) != current.place:
                big = False  # "Podol" read as a district of Kyiv: the text names no city
            if current is not None and (
                current.place.admin1 == region or current.place.kind != "settlement" or big
            ):
                continue
            if current is None and not (unit.has("cue") and _capital_word_ok(text, s)):
                continue
            local = geo.lookup(name, country)
            if local is None or local.admin1 != region or local.kind != "settlement":
                local = geo.Place(
                    local_spelling(name, country), "settlement", country, region, None, None, None, 0, 1
                )
            out = [r for r in out if r is not current]
            out.append(PlaceRef(s, e, name, local, SITE))
    return sorted(out, key=lambda r: r.start)


_AREA_WORD_RE = re.compile(r"\s(?!regional)\w+$")
_BEFORE_AREA_RE = re.compile(rf"(?P<name>{_NAME})(?:,\s+|\s+in\s+(?:the\s+)?|\s+(?:у|в)\s+)$")


def _unmixed(name: str) -> str:
    """A name written in two scripts, in the script most of its letters use, case kept."""
    lowered = geo.unmix_scripts(name.lower())
    return "".join(u.upper() if c.isupper() else u for c, u in zip(name, lowered, strict=True))


@lru_cache(maxsize=65_536)  # morphological analysis is the costly part; words recur
def local_spelling(name: str, country: str) -> str:
    """A village the gazetteer lacks, in English letters: Cyrillic brought to its dictionary form
    and transliterated (Ukrainian way in Ukraine, the usual Russian way in Russia, as the guideline
    asks); a Latin Ukrainian name spelt with ia, iu, ie inside the word."""
    if not name.isascii():
        name = _unmixed(name)
        cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in name)
        if not cyrillic:
            return name
        written_uk = any(ch in "іїєґІЇЄҐ" for ch in name)
        lemma = _nominative(name, "uk" if written_uk else "ru")
        if country == "UA" and not written_uk:
            lemma = ukrainian_form(lemma)  # a Ukrainian village named in Russian: its Ukrainian name
        return geo.translit_uk(lemma) if country == "UA" else geo.translit_ru(lemma)
    if country != "UA":
        return name
    return re.sub(r"(?<=[bcdfghklmnprstvzBCDFGHKLMNPRSTVZ])y(?=[aue])", "i", name)


def _first_word_no_noun(mention: geo.PlaceMention, language: str) -> bool:
    if mention.start != 0 or language not in ("uk", "ru") or " " in mention.raw:
        return False
    return not _is_noun(mention.raw, language)


@lru_cache(maxsize=65_536)
def _is_noun(word: str, language: str) -> bool:
    parses = _morph(language).parse(word)
    return not parses or "NOUN" in _grammemes(parses[0])


def _joiner(unit: Unit, start: int) -> bool:
    return any(j.start == start for j in unit.of("conjunction"))


@lru_cache(maxsize=65_536)  # morphological analysis is the costly part; words recur
def _adjective(word: str, language: str) -> bool:
    """ "Курской", "Брянской": adjectives that name regions with a region word after them."""
    if language not in ("uk", "ru"):
        return False
    parses = _morph(language).parse(word)
    return bool(parses) and "ADJF" in _grammemes(parses[0])


def _capital_word_ok(text: str, start: int) -> bool:
    # a list member at the very start of a sentence may be any capitalised word
    return start > 0


def _country_of(admin1: str) -> str:
    region = regional(admin1)
    return region.country if region is not None else "UA"


def _region_if_said(unit: Unit, ref: PlaceRef, region_words: tuple[Hit, ...]) -> PlaceRef:
    """A city named with a region word next to it ("Region Dnipropetrowsk", "Sumy oblast", "the Kursk
    border region") is the region; `region_words` are the unit's "placeword" hits of value "region"."""
    if ref.place.kind != "settlement" or not ref.place.admin1:
        return ref
    for h in region_words:
        before = 0 <= ref.start - h.end <= 4
        after = 0 <= h.start - ref.end <= 16 and bool(_LOWER_WORDS_RE.match(unit.text[ref.end : h.start]))
        if before or after:
            region = regional(ref.place.admin1)
            if region is not None and _same_name(ref.place.name, region.name):
                return ref.with_place(region)
    return ref


@lru_cache(maxsize=65_536)  # two place names: normalising them is the costly part, and names recur
def _same_name(a: str, b: str) -> bool:
    return geo.norm(a)[:4] == geo.norm(b)[:4]


_NAME_FOLLOWER_RE = re.compile(r"^ (?!Oblast|Region|Raion|Krai|District)[A-ZА-ЯІЇЄҐ][a-zа-яіїєґё'’]+")


# "west of Pokrovsk", "near the city of Pokrovsk", "not far from the town of Bakhmut"
_LANDMARK_GAP_RE = re.compile(r"^\s*(?:the\s+)?(?:(?:city|town|village|settlement|port)\s+of\s+)?$")
_BARE_FROM = frozenset({"from", "з", "із", "с", "из", "desde", "depuis", "von", "aus", "da", "z"})
_ORIGIN_GAP_RE = re.compile(
    r"^\s*(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?(?:(?:city|town|village|region)\s+of\s+)?$"
)
_DATELINE_RE = re.compile(r"^\s*(?:,|\(|—|–|-|\s\()")


def _on_a_route(hits: _RoleHits, ref: PlaceRef) -> bool:
    """ "from Crimea to Melitopol and Dniprorudne": both ends of a route, neither of them hit."""
    route = hits.route(ref)
    if route is None:
        return False
    froms, tos, joined = route
    if any(0 <= ref.start - f.end <= 6 for f in froms) and any(0 <= t.start - ref.end <= 2 for t in tos):
        return True
    # after "to", and the names joined to it by "and": "to Tokmak and Berdiansk"
    return any(0 <= ref.start - t.end <= 2 for t in joined) or any(
        0 <= ref.start - t.end <= 40 and _only_names_between(hits.unit, t.end, ref.start) for t in joined
    )


_NAMES_GAP_RE = re.compile(r"(?:\s|,|[A-ZА-ЯІЇЄҐ][\w'’-]*)*")


def _only_names_between(unit: Unit, start: int, end: int) -> bool:
    """Capitalised names and "and" between two offsets: one list."""
    gap = unit.text[start:end]
    for j in unit.of("conjunction"):
        if start <= j.start < end:
            gap = gap.replace(unit.text[j.start : j.end], " ", 1)
    return bool(_NAMES_GAP_RE.fullmatch(gap))


_QUALIFIER_OPEN_RE = re.compile(r"[\w'’.]\s*\((?:[^()]{0,60},\s*)?$")


def _role(hits: _RoleHits, ref: PlaceRef) -> str:
    # the cheap tests of a rule come first: a bracket or an apostrophe found by `str.find` spares
    # the regular expression that reads it
    text = hits.text
    start, end = ref.start, ref.end
    if (
        text.find(")", end, end + 64) >= 0
        and text.find("(", max(0, start - 64), start) >= 0
        and _QUALIFIER_OPEN_RE.search(text[max(0, start - 64) : start])
    ):
        return QUALIFIER  # "Nikopol (Nikopol raion, Dnipropetrovsk)": the district and region of a place
    if start <= 2 and ref.raw.isupper() and _DATELINE_RE.match(text[end : end + 3]):
        return DATELINE
    if (
        end < len(text)
        and text[end] in "'’"
        and _POSSESSIVE_RE.match(text[end : end + 3])
        and not any(0 <= h.start - end <= _OFFICIAL_GAP + 2 for h in hits.official)
    ):
        return OWNER
    space_after = text[end : end + 1] == " "
    if space_after and hits.announce and any(h.start - end == 1 for h in hits.announce):
        return NAME  # "Putin said", "Moscow claimed": a person, a government
    if hits.formation and any(-24 <= h.start - end <= 24 for h in hits.formation):
        return NAME  # "the Southern group of forces", "Battlegroup Vostok": a unit, not a place
    # a capitalised word after a blank: every letter `_NAME_FOLLOWER_RE` starts a word with is upper case
    follower = (
        _NAME_FOLLOWER_RE.match(text[end : end + 24])
        if space_after and text[end + 1 : end + 2].isupper()
        else None
    )
    if (
        follower
        and ref.place.kind != "country"
        and not _known_place(follower.group(0).strip())
        and not any(h.start == end + 1 for h in hits.unit.hits)
    ):
        return NAME
    if hits.front and any(0 <= h.start - end <= 2 for h in hits.front):
        return FRONT
    if hits.origin and _on_a_route(hits, ref):
        return ROUTE  # (a route starts with "from", one of the "origin" words)
    for h in hits.origin:
        if 0 <= start - h.end <= 24 and _ORIGIN_GAP_RE.match(text[h.end : start]):
            # a bare "from" is a launch site only after the weapons launched ("drones from Kursk")
            bare = text[h.start : h.end].lower() in _BARE_FROM
            if not bare or any(0 <= h.start - w.end <= 40 for w in hits.unit.of("weapon")):
                return ORIGIN
    for h in hits.reference:
        if (
            0 <= start - h.end <= 24 and _LANDMARK_GAP_RE.match(text[h.end : start])
        ) or 0 <= h.start - end <= 2:
            return REFERENCE
    for h in hits.official:
        if 0 <= h.start - end <= _OFFICIAL_GAP and _only_qualifiers(text[end : h.start]):
            return OFFICIAL  # "the Kharkiv regional governor"
        if 0 <= start - h.end <= _OFFICIAL_GAP and _OF_GAP_RE.match(text[h.end : start]):
            return OFFICIAL  # "the governor of the Odesa region", not "officials accused Kyiv"
    return SITE


_LOWER_WORDS_RE = re.compile(r"^(?:\s+[a-zа-яіїєґё-]+){0,2}\s*$")


@lru_cache(maxsize=4096)
def _known_place(word: str) -> bool:
    return geo.lookup(word) is not None


_OF_GAP_RE = re.compile(r"^\s*(?:\w{1,4}\s+)?(?:the\s+)?$")
_QUALIFIER_RE = re.compile(r"^[\s\w'’.-]{0,14}$")


def _only_qualifiers(gap: str) -> bool:
    # the words between a place and an official: "regional", "of the", "city"; no comma or clause
    return bool(_QUALIFIER_RE.match(gap)) and "," not in gap


_LEMMATISED = frozenset({"uk", "ru", "pl"})


_RU_TO_UK_ENDINGS = (
    ("овское", "івське"),
    ("евское", "івське"),
    ("ское", "ське"),
    ("овка", "івка"),
    ("евка", "івка"),
    ("ое", "е"),
    ("ый", "ий"),
    ("ая", "а"),
)


def ukrainian_form(russian: str) -> str:
    """The usual Ukrainian form of a Ukrainian place name written in Russian ("Кузьминовка" ->
    "Кузьмінівка" is read "Kuzmynivka"; "Отрадное" -> "Отрадне")."""
    out = []
    for word in russian.split():
        low = word.lower()
        for ru, uk in _RU_TO_UK_ENDINGS:
            if low.endswith(ru):
                word = word[: len(word) - len(ru)] + uk
                break
        out.append(word.replace("ы", "и").replace("э", "е").replace("ё", "е"))
    return " ".join(out)


@lru_cache(maxsize=65_536)  # morphological analysis is the costly part; words recur
def _nominative(word: str, language: str) -> str:
    """The dictionary form of an inflected place name, each word, capitalised ("Грузском" -> "Грузское")."""
    out = []
    for part in word.split():
        parses = [p for p in _morph(language).parse(part) if not {"Name", "Surn", "Patr"} & _grammemes(p)]
        lemma = part.lower()
        if parses:
            # keep gender and number: "Грузском" -> "грузское", not the masculine "грузский"
            nominative = parses[0].inflect({"nomn"})
            lemma = nominative.word if nominative is not None else parses[0].normal_form
        out.append(lemma[:1].upper() + lemma[1:])
    return " ".join(out)


def _grammemes(parse) -> set[str]:
    return set(str(parse.tag).replace(" ", ",").split(","))


@cache
def _morph(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=65536)
def _lemma_place(word: str, language: str) -> geo.Place | None:
    """An inflected name brought back to a name the gazetteer knows; persons' names are skipped."""
    candidates: list[str] = []
    if language in ("uk", "ru"):
        for parse in _morph(language).parse(word):
            grammemes = _grammemes(parse)
            # a place name is a noun; adjectives ("Українські", "Южной") and persons' names are not
            if {"Name", "Surn", "Patr"} & grammemes or "NOUN" not in grammemes:
                continue
            if language == "ru" and "Geox" not in grammemes:
                break  # Russian parses come ranked: the word is a place only if its likeliest reading is
            candidates.append(parse.normal_form)
    else:
        import simplemma

        candidates.append(simplemma.lemmatize(word, lang=language))
    for lemma in dict.fromkeys(candidates):
        if geo.norm(lemma) == geo.norm(word) or len(lemma) < 4:
            continue
        place = geo.lookup(lemma.title())
        if place is not None and place.kind in ("settlement", "admin1") and place.country in ("UA", "RU"):
            return place
    return None
