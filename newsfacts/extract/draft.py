"""Stage 3, fill slots: one draft event per place a sentence names for its incident.

Guideline, "Splitting": one event per named place; a tally of interceptions naming regions
gives one event per region; with no place named, one country-level event. "Debris and hits":
debris that kills or injures codes the strike; damage after an interception is a strike
unless the text blames debris.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from datetime import date

from newsfacts import geo
from newsfacts.extract import detect as d
from newsfacts.extract.lexicon import Lexicon
from newsfacts.extract.segment import Unit
from newsfacts.extract.slots import actors, dates, numbers, places, weapons

EXPLOSIONS = "Explosions/Remote violence"
STRATEGIC = "Strategic developments"
BATTLES = "Battles"
PROTESTS = "Protests"
RIOTS = "Riots"
VIOLENCE = "Violence against civilians"

_TERRITORY = frozenset({d.CAPTURE, d.LIBERATE})
_STRIKE_LIKE = frozenset({d.STRIKE, d.DAMAGE, d.CASUALTY})
# When two cues are equally near a place, the more specific one codes it.
_PRIORITY = (
    d.EXCHANGE,
    d.CEASEFIRE,
    d.CAPTURE,
    d.LIBERATE,
    d.ABDUCTION,
    d.EXECUTION,
    d.SABOTAGE,
    d.RIOT,
    d.PROTEST,
    d.ARREST,
    d.INTERCEPT,
    d.STRIKE,
    d.CLASH,
    d.REPEL,
    d.DAMAGE,
    d.CASUALTY,
)


@dataclass(frozen=True, slots=True)
class Where:
    country: str
    admin1: str | None
    location: str | None
    place: geo.Place | None
    raw: str | None
    unnamed: bool = False  # "a village near Kramatorsk": a place in that region the text does not name


@dataclass(slots=True)
class Draft:
    family: str
    event_type: str
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    where: Where
    weapon: str | None
    killed: int | None
    injured: int | None
    when: dates.DateRef
    units: list[Unit] = field(default_factory=list)
    country_level: bool = False

    @property
    def unit(self) -> Unit:
        return self.units[0]


@dataclass(frozen=True, slots=True)
class ArticleContext:
    language: str
    published: date | None
    families: frozenset[str]  # every cue family the article uses: context for tolls and arrests
    body: places.BodyPlaces
    talks: geo.Place | None = None  # where the article's talks were held
    first_party: str | None = None  # the side the article names first (headline, then body)


def where_of(place: geo.Place, raw: str | None) -> Where:
    if place.kind == "country":
        return Where(place.country, None, None, place, raw)
    if place.kind == "admin1":
        return Where(place.country, place.admin1, None, place, raw)
    return Where(place.country, place.admin1, place.name, place, raw)


def drafts_for(
    unit: Unit, cues: list[d.Cue], lexicon: Lexicon, ctx: ArticleContext, previous: list[Draft]
) -> list[Draft]:
    """The drafts of one sentence, from the cues detected in it, one per place and day."""
    return split_by_day(unit, _drafts_for(unit, cues, lexicon, ctx, previous), ctx)


def split_by_day(unit: Unit, drafts: list[Draft], ctx: ArticleContext) -> list[Draft]:
    """ "One event per place and day": a sentence that gives its strikes several days ("airstrikes
    overnight on Tuesday, then drone attacks on Wednesday and Thursday") codes one event for each
    day, each with the weapon named before its day."""
    found = dates.days(unit, ctx.published)
    if len({value for _, _, value in found}) < 2:
        return drafts
    out: list[Draft] = []
    for x in drafts:
        if x.family not in _STRIKE_LIKE or x.when.value is None:
            out.append(x)
            continue
        previous_end = 0
        for start, end, value in found:
            weapon = weapons.first_weapon(unit, previous_end, start)
            means = weapons.first_means(unit, previous_end, start)
            if weapon is None and means is None:
                weapon, sub = (
                    (out[-1].weapon, out[-1].sub_event_type)
                    if out and out[-1].where == x.where
                    else (
                        x.weapon,
                        x.sub_event_type,
                    )
                )
            else:
                sub = weapons.strike_sub_type(weapon, means)
            # the constructor, not dataclasses.replace: it is called for every day of every draft
            out.append(
                Draft(
                    x.family,
                    x.event_type,
                    sub,
                    x.actor1,
                    x.actor2,
                    x.where,
                    weapon,
                    x.killed,
                    x.injured,
                    dates.DateRef(value, "weekday", 1),
                    list(x.units),
                    x.country_level,
                )
            )
            previous_end = end
    return out


def _drafts_for(
    unit: Unit, cues: list[d.Cue], lexicon: Lexicon, ctx: ArticleContext, previous: list[Draft]
) -> list[Draft]:
    if not cues:
        return []
    families = {c.family for c in cues}
    if families <= {d.CASUALTY, d.DAMAGE} and not (ctx.families & {d.STRIKE, d.INTERCEPT}):
        return []  # a toll or damage with no attack anywhere in the article: an accident, a disease
    if _old_month(unit, ctx.published):
        return []  # "in August", "in March last year": a month before this one is told as history
    refs = places.find(unit, lexicon, ctx.body)
    # the cue of a place depends on its span only: _site_for and the drafts below share it
    cue_of: dict[tuple[int, int], d.Cue] = {}
    sites: list[places.PlaceRef] = []
    for r in _sites(unit, refs):
        cue = cue_of.get((r.start, r.end))
        if cue is None:
            cue = cue_of[r.start, r.end] = _cue_for(cues, r.start, r.end)
        if _site_for(unit, r, cues, cue):
            sites.append(r)
    if families & {d.EXCHANGE, d.CEASEFIRE}:
        # an exchange happens where the text puts it, not by a landmark ("sailors rescued near Odesa")
        sites = [r for r in sites if r.role == places.SITE]
    sites = [r for r in sites if _near_a_cue(unit, r, cues, sites)]
    out: list[Draft] = []
    if sites:
        # a place named twice in one sentence is one site per action told there ("shot down over
        # Belgorod, but a building in Belgorod was damaged": an interception and a strike)
        seen: set[tuple[str | None, str | None, str, str]] = set()
        for ref in sites:
            cue = cue_of[ref.start, ref.end]
            key = (
                ref.place.admin1,
                ref.place.name if ref.place.kind != "admin1" else None,
                ref.place.kind,
                cue.family,
            )
            if key in seen:
                continue
            seen.add(key)
            where = where_of(ref.place, ref.raw)
            if ref.role == places.UNNAMED or (ref.place.kind == "admin1" and _unnamed_settlement(unit)):
                # "a Belgorod region village": named later, if at all
                where = Where(where.country, where.admin1, where.location, where.place, where.raw, True)
            others = tuple(s.start for s in sites if s is not ref)
            out.append(_draft(unit, cue, where, cues, ctx, others, ref))
        return [x for x in out if x is not None]
    where = _fallback_where(unit, refs, cues, ctx, previous)
    if where is None:
        return []
    cue = _cue_for(cues, 0, len(unit.text))
    draft = _draft(unit, cue, where, cues, ctx, (), None)
    if draft is None:
        return []
    draft.country_level = where.admin1 is None and where.location is None
    told = next((p for p in reversed(previous[-3:]) if p.where == where), None)
    if draft.when.value is None and told is not None:
        draft.when = told.when  # a follow-up sentence tells the day of the incident it completes
    return [draft]


def _sites(unit: Unit, refs: list[places.PlaceRef]) -> list[places.PlaceRef]:
    if not refs:
        return []  # many incident sentences name no place
    sites = [r for r in refs if r.role == places.SITE and r.place.kind != "country"]
    if not sites:
        sites = [r for r in refs if r.role == places.FRONT and r.place.kind != "country"]
    # a landmark after a named village is only its landmark ("Udachne, west of Pokrovsk"); "near X"
    # with nothing named before it is the place ("a drone hit a car near Krasnopillia")
    for r in refs:
        if (
            r.role == places.REFERENCE
            and r.place.kind == "settlement"
            and not any(s.place.kind == "settlement" and s.start < r.start for s in sites)
        ):
            region = places.regional(r.place.admin1) if r.place.admin1 and _unnamed_settlement(unit) else None
            # "a village on the fringes of Kramatorsk": an unnamed place in that region
            sites.append(replace(r, place=region, role=places.UNNAMED) if region is not None else r)
    sites.sort(key=lambda r: r.start)
    if not sites:
        # a landmark is the place only where nothing else is named ("fighting near Pokrovsk")
        sites = [r for r in refs if r.role == places.REFERENCE and r.place.kind != "country"][:1]
        if sites and _unnamed_settlement(unit) and sites[0].place.admin1:
            # "a village on the fringes of Kramatorsk": an unnamed place in that region
            region = places.regional(sites[0].place.admin1)
            if region is not None:
                sites = [replace(sites[0], place=region, role=places.UNNAMED)]
    # "Kizomys in the Bilozerka hromada", "Nova Sloboda, Konotop district": the village is the place,
    # its community or district only locates it
    communities = unit.of("placeword", "community") + unit.of("placeword", "district")
    sites = [
        r
        for r in sites
        if not (
            any(0 <= h.start - r.end <= 2 for h in communities)
            and any(s.place.kind == "settlement" and 0 < r.start - s.end <= 40 for s in sites)
        )
    ]
    settlements = [r for r in sites if r.place.kind == "settlement"]
    kept = []
    for r in sites:
        if r.place.kind in ("admin1", "district") and any(
            actors.same_region_group(s.place.admin1) == actors.same_region_group(r.place.admin1)
            and not _namesake(s.place, r.place)
            for s in settlements
        ):
            continue  # "Bila Tserkva in the Kyiv region", "Nova Sloboda, Konotop district": one place
        if r.place.kind == "admin1" and any(
            o is not r and o.place.kind == "district" and o.place.admin1 == r.place.admin1 for o in sites
        ):
            continue
        kept.append(r)
    # "в Куйбышевском районе Донецка": a district of the city named right after it codes the city
    kept = [
        r
        for r in kept
        if not (
            r.place.kind == "district"
            and any(0 < s.start - r.end <= 2 and s.place.kind == "settlement" for s in kept)
        )
    ]
    return kept


_FOREIGN_FAMILIES = frozenset({d.PROTEST, d.RIOT, d.EXCHANGE, d.CEASEFIRE, d.ARREST, d.INTERCEPT})
_ACTION_FAMILIES = frozenset({d.STRIKE, d.INTERCEPT, d.CAPTURE, d.LIBERATE})


def _site_for(unit: Unit, ref: places.PlaceRef, cues: list[d.Cue], cue: d.Cue) -> bool:
    """Places outside the war's two countries are sites of talks, protests and arrests only; a
    capital is a site where the text puts something in it or aims something at it, not where it
    stands for its government ("Moscow said", "talks between Kyiv and Moscow"). `cue` is the place's
    `_cue_for`."""
    if ref.role == places.FRONT and cue.family not in (d.CLASH, d.CAPTURE, d.LIBERATE):
        return False  # "offensive actions in the Kharkiv direction" is no strike on Kharkiv
    foreign = ref.place.country not in ("UA", "RU")
    if (
        foreign
        and cue.family not in _FOREIGN_FAMILIES
        and not (cue.family == d.STRIKE and ref.place.kind == "settlement")
    ):
        return False
    if foreign and cue.family == d.STRIKE and max(ref.start - cue.end, cue.start - ref.end) > _FOREIGN_REACH:
        return False
    if ref.place.kind == "settlement" and (
        ref.place.name in _CAPITALS or (foreign and cue.family == d.STRIKE)
    ):
        aimed = any(0 <= ref.start - c.end <= 2 for c in cues if c.family in _ACTION_FAMILIES)
        if aimed or _OF_PLACE_RE.search(unit.text[max(0, ref.start - 24) : ref.start]):
            return True
        # the locative words are a lazy category (a regex pass over the sentence): read last
        return any(
            0 <= ref.start - h.end <= 5
            or (0 <= ref.start - h.end <= 16 and _ONE_WORD_RE.match(unit.text[h.end : ref.start]))
            for h in unit.of("locative")
        )
    return True


_ONE_WORD_RE = re.compile(r"^\s+[a-zа-яіїєґ]+\s+$")  # "in central Moscow"
_FOREIGN_REACH = 25  # "drones struck a fuel depot in Port Sudan": a foreign town close to its strike
_COUNTRY_REACH = 40  # "detained in Russia at the protests": the country of a nationwide protest

_CAPITALS = frozenset(
    {
        "Kyiv",
        "Moscow",
        "Washington",
        "Minsk",
        "Warsaw",
        "Berlin",
        "Paris",
        "London",
        "Beijing",
        "Brussels",
        "Geneva",
        "Ankara",
        "Tehran",
        "Pyongyang",
        "Budapest",
        "Tbilisi",
        "Chisinau",
    }
)
_OF_PLACE_RE = re.compile(
    r"(?:city|capital|outskirts|suburbs?|centre|center|district|region) of (?:the )?$", re.I
)


def _old_month(unit: Unit, published: date | None) -> bool:
    if published is None:
        return False
    for h in unit.of("month"):
        day_near = _DAY_NUMBER_RE.search(unit.text[max(0, h.start - 6) : h.end + 5])
        if not day_near and int(h.value) != published.month:
            return True
    return False


_DAY_NUMBER_RE = re.compile(r"(?<!\d)\d{1,2}(?!\d)")  # "May 5", "5 мая": a day near a month


def _namesake(settlement: geo.Place, region: geo.Place) -> bool:
    return geo.norm(settlement.name)[:5] == geo.norm(region.name)[:5]


def _cue_for(cues: list[d.Cue], start: int, end: int) -> d.Cue:
    # "19 drones were shot down over Belgorod, but a building in Belgorod was damaged": damage told
    # after an interception is a strike where it is reported (guideline, "Debris and hits")
    shot = shot_after = False
    hit = None
    for c in cues:  # one pass for what three comprehensions would ask
        if c.family == d.INTERCEPT:
            shot = shot or c.end <= start
            shot_after = shot_after or c.start >= end
        elif c.family == d.DAMAGE and hit is None and c.start >= end:
            hit = c
    if shot and hit is not None and not shot_after:
        return hit
    best = None
    best_key = -1
    for c in cues:
        gap = start - c.end if c.end <= start else c.start - end if c.start >= end else 0
        # an action word outranks a toll or damage word at the same distance, and a tally's
        # "shot down" reads over the places listed after it; (distance, priority) packed in one int
        key = (max(gap, 0) + (40 if c.family in _TOLL_FAMILIES else 0)) * _RANKS + _RANK[c.family]
        if best is None or key < best_key:
            best, best_key = c, key
    assert best is not None
    return best


_RANK = {family: i for i, family in enumerate(_PRIORITY)}
_RANKS = len(_PRIORITY)
_TOLL_FAMILIES = frozenset({d.CASUALTY, d.DAMAGE})


def _fallback_where(
    unit: Unit, refs: list[places.PlaceRef], cues: list[d.Cue], ctx: ArticleContext, previous: list[Draft]
) -> Where | None:
    families = {c.family for c in cues}
    if families & {d.ABDUCTION, d.ARREST, d.PROTEST}:
        # "abducted the mayor of Melitopol", "a protest at the building, the Melitopol council said"
        for r in refs:
            if r.role == places.OFFICIAL and r.place.kind == "settlement":
                return where_of(r.place, r.raw)
    # "Khmelnytskyi regional head said four people were killed": the official's region
    toll = numbers.casualties(unit, 0, d.horizon(unit), language=ctx.language)
    hurt = bool(toll.killed) or bool(toll.injured)
    for r in refs:
        official = r.role == places.OFFICIAL and r.place.kind in ("admin1", "settlement") and r.place.admin1
        if official and hurt and families & (_STRIKE_LIKE | {d.INTERCEPT}):
            # "the city council in Kramatorsk" speaks for the city, "the Kyiv regional head" for the region
            regional = (
                r.place.kind == "admin1"
                or any(abs(h.start - r.end) <= 3 for h in unit.of("placeword", "region"))
                or any(0 <= h.start - r.end <= 24 for h in unit.of("official", "regional"))
            )
            place = places.regional(r.place.admin1) if regional else r.place
            recent = _recent(unit, previous, r.place.admin1)
            if recent is not None and recent.family in _STRIKE_LIKE:
                return recent.where  # the toll of the attack just told, given by the region's official
            if place is not None:
                return where_of(place, r.raw)
    if unit.has("capital"):
        named = {r.place.name for r in refs if r.place.kind == "settlement"}
        capital = geo.lookup("Moscow" if "Moscow" in named else "Kyiv")
        if capital is not None:
            return where_of(capital, None)
    # a follow-up sentence ("The man died of his injuries") belongs to the incident just told
    reach = 4 if _unnamed_settlement(unit) else 2
    for p in reversed(previous):
        if (
            unit.paragraph - p.unit.paragraph <= reach - 1
            and unit.index - p.unit.index <= reach
            and not p.country_level
        ):
            if p.family in _STRIKE_LIKE and families & _STRIKE_LIKE and families <= _STRIKE_LIKE and hurt:
                if _unnamed_settlement(unit) and p.where.admin1:
                    # "in a nearby village, four were injured": somewhere in that region
                    region = places.regional(p.where.admin1)
                    if region is not None:
                        return replace(where_of(region, None), unnamed=True)
                return p.where
            break
    theatre = ctx.body.theatre() if hurt and families & _STRIKE_LIKE and unit.has("anaphora") else None
    if theatre is not None:
        # "killing two people at an evacuation point in a part of the region": the article's region
        region = places.regional(theatre)
        if region is not None:
            return replace(where_of(region, None), unnamed=True)
    if families & {d.PROTEST, d.RIOT}:
        # "1,386 people were detained at protests in Russia": nationwide protests, coded to the country
        protest_countries = [
            r
            for r in refs
            if r.place.kind == "country"
            and any(0 <= r.start - h.end <= 5 for h in unit.of("locative"))
            and any(
                abs(r.start - c.start) <= _COUNTRY_REACH for c in cues if c.family in (d.PROTEST, d.ARREST)
            )
        ]
        if protest_countries and protest_countries[0].place.country:
            return Where(protest_countries[0].place.country, None, None, None, None)
    if families & {d.EXCHANGE, d.CEASEFIRE} and unit.has("agreed", "deal") and ctx.talks is not None:
        # "a deal reached at talks is an Agreement at the place of the talks"
        return where_of(ctx.talks, None)
    countries = [r for r in refs if r.place.kind == "country" and r.role == places.SITE]
    owners = [r for r in refs if r.place.kind == "country" and r.role == places.OWNER]
    if d.INTERCEPT in families and not countries and owners and owners[0].place.country in ("UA", "RU"):
        return Where(owners[0].place.country, None, None, None, None)  # "Ukraine's air force shot down 40"
    if families & ({d.STRIKE, d.INTERCEPT, d.EXCHANGE, d.CEASEFIRE}):
        target = _target_country(unit, countries, families)
        if target is not None:
            return Where(target, None, None, None, None)
    return None


def _target_country(unit: Unit, countries: list[places.PlaceRef], families: set[str]) -> str | None:
    """The country a wave, a tally or an exchange is coded to when no place in it is named."""
    if families & {d.EXCHANGE, d.CEASEFIRE}:
        return "UA" if unit.has("military") or unit.has("cue", d.EXCHANGE) else None
    wave = unit.of("wave")
    for r in countries:
        if r.place.country in ("UA", "RU") and any(abs(w.start - r.start) <= 12 for w in wave):
            return r.place.country
    if not countries and wave and d.STRIKE in families:
        # "Russian strikes on Ukrainian energy infrastructure": the attacker's enemy
        attacker = actors.named_side(unit)
        return {actors.RUSSIA: "UA", actors.UKRAINE: "RU"}.get(attacker or "")
    if not countries and not wave:
        if d.INTERCEPT in families:
            # "Ukrainian drones were shot down overnight": over Russia; "Russian air defence": Russia
            interceptor, launcher = actors.interceptor_and_launcher(unit)
            side = interceptor or actors.other(launcher)
            return {actors.RUSSIA: "RU", actors.UKRAINE: "UA"}.get(side or "")
        return None
    names = {r.place.country for r in countries}
    aimed = [r for r in countries if any(0 <= r.start - c.end <= 2 for c in unit.of("cue", d.STRIKE))]
    if d.STRIKE in families and aimed and aimed[0].place.country in ("UA", "RU"):
        return aimed[0].place.country  # "Russia attacked Ukraine overnight": the country attacked
    located = [r for r in countries if any(0 <= r.start - h.end <= 5 for h in unit.of("locative"))]
    if located and located[0].place.country in ("UA", "RU"):
        return located[0].place.country  # "refineries in Russia": there
    if d.STRIKE in families and names == {"RU"}:
        return "UA"  # "Russia launched 400 drones overnight": at Ukraine
    if d.INTERCEPT in families and names == {"UA"}:
        return "RU" if actors.named_side(unit) == actors.UKRAINE else "UA"
    if len(names) == 1 and wave:
        return next(iter(names))
    return None


def _draft(
    unit: Unit,
    cue: d.Cue,
    where: Where,
    cues: list[d.Cue],
    ctx: ArticleContext,
    others: tuple[int, ...],
    ref: places.PlaceRef | None,
) -> Draft | None:
    """The event a cue codes at one place; `others` are where the sentence's other places start."""
    family = cue.family
    if (
        family == d.STRIKE
        and unit.has("military")
        and any(c.family in (d.CLASH, d.REPEL) and 0 <= cue.start - c.end <= 20 for c in cues)
    ):
        family = d.CLASH  # "repelled Russian attacks near X": ground fighting, the attacker's
    if (
        family == d.STRIKE
        and any(c.family == d.INTERCEPT for c in cues)
        and not any(c.family in (d.DAMAGE, d.CASUALTY) for c in cues)
    ):
        family = d.INTERCEPT  # "attacked with 18 drones, 16 were shot down" and nothing hit: an interception
    if family == d.DAMAGE and _weapons_destroyed(unit, cue):
        family = d.INTERCEPT  # "air defence destroyed 16 Shahed drones"
    span = _clause_span(unit, ref, bool(others))
    span = (span[0], min(span[1], d.horizon(unit)))
    toll = numbers.casualties(unit, *span, language=ctx.language)
    if any(span[0] <= o < span[1] for o in others):
        # "shelling of Kostiantynivka and Druzhkivka killed four": a total over places, no one's figure
        toll = numbers.Casualties(None if toll.killed else 0, None if toll.injured else 0)
    debris = unit.has("debris")
    hurt = (toll.killed or 0) > 0 or (toll.injured or 0) > 0
    if family == d.INTERCEPT and ((hurt and debris) or (hurt and not debris)):
        family = d.STRIKE  # debris that kills or injures codes the attack
    if family == d.DAMAGE and any(c.family == d.INTERCEPT for c in cues) and debris and not hurt:
        family = d.INTERCEPT  # debris that only damages property leaves the interception
    if family == d.SABOTAGE and unit.has("weapon"):
        family = d.STRIKE  # "a drone attack set fire to an oil depot": a strike, not arson
    if family == d.ARREST and (
        unit.has("cue", d.PROTEST) or (d.PROTEST in ctx.families and not unit.has("agency"))
    ):
        family = d.PROTEST  # protesters detained: a protest with intervention
    when = dates.resolve(unit, ctx.published)
    weapon = weapons.first_weapon(unit, *span)
    if weapon is None and span != (0, len(unit.text)) and not any(span[0] <= c.start < span[1] for c in cues):
        weapon = weapons.first_weapon(unit)  # a place in a list the sentence's attack governs
    owner = actors.owner(where.place, where.country)
    named = actors.named_side(unit, cue.start)
    if family in _STRIKE_LIKE:
        actor1 = named or actors.other(owner)
        sub = weapons.strike_sub_type(weapon, weapons.first_means(unit, *span))
        if weapon is None and any(h.value == "explosive" for h in unit.of("weapon")):
            weapon = "explosive"
        actor2 = actors.CIVILIANS if hurt and not unit.has("military") else None
        return Draft(
            family, EXPLOSIONS, sub, actor1, actor2, where, weapon, toll.killed, toll.injured, when, [unit]
        )
    if family == d.INTERCEPT:
        # what was shot down is what follows the shooting down ("anti-aircraft missile units destroyed
        # 16 Shaheds": drones)
        weapon = weapons.first_weapon(unit, cue.end, cue.end + 60) or weapon
        interceptor, launcher = actors.interceptor_and_launcher(unit)
        launcher = launcher or actors.other(interceptor) or actors.other(owner)
        interceptor = interceptor or actors.other(launcher) or owner
        if where.country not in ("UA", "RU") and named is None:
            return None
        return Draft(
            family,
            STRATEGIC,
            "Disrupted weapons use",
            interceptor,
            launcher,
            where,
            weapon,
            0,
            0,
            when,
            [unit],
        )
    if family in _TERRITORY:
        if _people_taken(unit, cue):
            return None  # "captured two soldiers": prisoners, not ground
        if named:
            actor1 = named
        elif family == d.CAPTURE:
            actor1 = actors.other(owner)
        else:
            actor1 = actors.RUSSIA if ctx.language == "ru" and owner == actors.UKRAINE else owner
        sub = "Government regains territory" if actor1 == owner else "Non-state actor overtakes territory"
        return Draft(family, BATTLES, sub, actor1, actors.other(actor1), where, None, 0, 0, when, [unit])
    if family in (d.REPEL, d.CLASH):
        # "Ukrainian troops repelled 12 assaults near Toretsk": the clash of the side repelled
        actor1 = actors.other(named or owner) if family == d.REPEL else named or actors.other(owner)
        return Draft(
            d.CLASH,
            BATTLES,
            "Armed clash",
            actor1,
            actors.other(actor1),
            where,
            None,
            toll.killed,
            toll.injured,
            when,
            [unit],
        )
    if family == d.PROTEST:
        intervened = unit.has("cue", d.ARREST)
        sub = "Protest with intervention" if intervened else "Peaceful protest"
        return Draft(family, PROTESTS, sub, actors.PROTESTERS, None, where, None, 0, 0, when, [unit])
    if family == d.RIOT:
        sub = "Mob violence" if hurt else "Violent demonstration"
        return Draft(
            family, RIOTS, sub, actors.RIOTERS, None, where, None, toll.killed, toll.injured, when, [unit]
        )
    if family == d.ARREST:
        actor1 = actors.agency_side(unit) or owner
        return Draft(family, STRATEGIC, "Arrests", actor1, actors.CIVILIANS, where, None, 0, 0, when, [unit])
    if family in (d.EXCHANGE, d.CEASEFIRE):
        if not unit.has("agreed") or any(0 <= t.start - cue.end <= 2 for t in unit.of("talks")):
            return None  # talks about a ceasefire or an exchange with no outcome are not an event
        first = _first_party(unit) or ctx.first_party or actors.UKRAINE
        return Draft(
            family, STRATEGIC, "Agreement", first, actors.other(first), where, None, 0, 0, when, [unit]
        )
    if family == d.SABOTAGE:
        return Draft(
            family,
            STRATEGIC,
            "Looting/property destruction",
            named or actors.other(owner),
            None,
            where,
            None,
            0,
            0,
            when,
            [unit],
        )
    if family == d.ABDUCTION:
        actor1 = named or actors.other(owner) or actors.RUSSIA
        return Draft(
            family,
            VIOLENCE,
            "Abduction/forced disappearance",
            actor1,
            actors.CIVILIANS,
            where,
            None,
            0,
            0,
            when,
            [unit],
        )
    if family == d.EXECUTION:
        if not unit.has("military"):
            return None
        actor1 = named or actors.RUSSIA
        return Draft(
            family,
            VIOLENCE,
            "Attack",
            actor1,
            actors.CIVILIANS,
            where,
            "small arms",
            toll.killed,
            0,
            when,
            [unit],
        )
    return None


def _unnamed_settlement(unit: Unit) -> bool:
    """ "a village", "a nearby town": a place the text does not name."""
    return unit.remember("unnamed_settlement", lambda: _find_unnamed_settlement(unit))


def _find_unnamed_settlement(unit: Unit) -> bool:
    settlements = unit.of("placeword", "settlement")
    if not settlements:
        return False  # no place word: the article words ("a", "an") need not be looked up
    # the article words are a lazy category (a regex pass over the sentence): read last
    return any(
        not any(0 <= n.start - h.end <= 3 for n in settlements)
        and not _NAMED_AFTER_RE.match(unit.text[h.end : h.end + 24])
        and any(0 <= h.start - a.end <= _INDEFINITE_GAP for a in unit.of("indefinite"))
        for h in settlements
    )


_INDEFINITE_GAP = 14  # "a village", "a nearby village", "un pueblo cercano"
# "a village called X", "the village of Novoselivka": the place is named after all
_NAMED_AFTER_RE = re.compile(r"^\s+(?:of|called|named|de|di|du|von|do|da)\s+[A-ZА-ЯІЇЄҐ]")


def talks_place(units: list[Unit], lexicon: Lexicon) -> geo.Place | None:
    """The town the article's talks were held in ("peace talks in Istanbul")."""
    for unit in units:
        for h in lexicon.scan(unit.text, unit.folded):
            if h.category != "talks":
                continue
            for m in geo.find_places(unit.text):
                if m.place.kind == "settlement" and 0 <= m.start - h.end <= 24:
                    return m.place
    return None


def _recent(unit: Unit, previous: list[Draft], admin1: str | None = None) -> Draft | None:
    """The incident told just before (in that region): an official's toll a few sentences on
    belongs to it."""
    for p in reversed(previous[-3:]):
        close = unit.paragraph - p.unit.paragraph <= 2 and unit.index - p.unit.index <= 4
        if close and not p.country_level and (admin1 is None or p.where.admin1 == admin1):
            return p
    return None


def _people_taken(unit: Unit, cue: d.Cue) -> bool:
    return any(
        h.category in ("military", "person") and 0 <= h.start - cue.end <= 25 for h in unit.hits
    ) and not any(h.category == "placeword" and 0 <= h.start - cue.end <= 25 for h in unit.hits)


_LIST_GAP = 60
_CUE_REACH = 140  # a place further than this from every cue of its sentence is not where it happened


def _near_a_cue(unit: Unit, ref: places.PlaceRef, cues: list[d.Cue], sites: list[places.PlaceRef]) -> bool:
    for c in cues:  # a gap of at most _CUE_REACH on either side, without the minimum over all cues
        if ref.start - c.end <= _CUE_REACH and c.start - ref.end <= _CUE_REACH:
            return True
    # a member of a list that starts near a cue ("targeting the Dnipro, Zhytomyr, ... regions"), or
    # of a tally ("34 over the Volgograd region, 23 over the Rostov region, ...")
    before = [s for s in sites if s.end <= ref.start]
    return (
        bool(before)
        and ref.start - before[-1].end <= _LIST_GAP
        and _near_a_cue(unit, before[-1], cues, before[:-1])
    )


def _weapons_destroyed(unit: Unit, cue: d.Cue) -> bool:
    """ "destroyed 16 Shahed drones", "уничтожили 15 дронов": a count of weapons right after the
    verb (not "hit by a drone")."""
    counts = [h for h in unit.hits if h.category in ("number", "vague")]
    for w in unit.of("weapon"):
        gap = unit.text[cue.end : w.start]
        if 0 <= w.start - cue.end <= 40 and (
            any(ch.isdigit() for ch in gap) or any(cue.end <= q.start < w.start for q in counts)
        ):
            return True
    return False


_SEMICOLON_RE = re.compile(";")


def _clause_cuts(unit: Unit) -> list[int]:
    """Where a sentence's clauses part: semicolons, and clause words after a comma, in order."""
    text = unit.text
    return sorted(
        [m.start() for m in _SEMICOLON_RE.finditer(text)]
        + [
            h.start
            for h in unit.of("clause")
            if h.start > 0 and (text[h.start - 2 : h.start] == ", " or h.value == "strong")
        ]
    )


def _clause_span(unit: Unit, ref: places.PlaceRef | None, several: bool) -> tuple[int, int]:
    """Where the figures of one of several places are read: between its neighbours' separators."""
    if ref is None or not several:
        return 0, len(unit.text)
    text = unit.text
    cuts = unit.remember("clause_cuts", lambda: _clause_cuts(unit))  # the same for every place
    # the cuts are sorted: the nearest on each side of the place is found by bisection
    before = bisect_right(cuts, ref.start)
    after = bisect_left(cuts, ref.end)
    start = cuts[before - 1] if before else 0
    end = cuts[after] if after < len(cuts) else len(text)
    return start, end


def _first_party(unit: Unit) -> str | None:
    """An agreement's actor1 is the party named first (guideline, "Actors")."""
    for h in unit.hits:
        if h.category == "side":
            return str(h.value)
    return None
