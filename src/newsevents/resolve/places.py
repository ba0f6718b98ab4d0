"""Toponyms -> GeoNames places: geocoding given spans, and the ne_places pipeline component.

Disambiguation scores each gazetteer candidate of a mention by
  prior    log10(population) plus a bonus by feature (countries and continents dominate their
           namesakes, a country's capital beats a region of the same name),
  context  the share of the article's other mentions that resolve into the candidate's country,
           mentions within a few sentences counting more, and the "Paris, Texas" pattern,
and repeats once so that the context comes from resolved mentions rather than priors.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..models import Place
from .gazetteer import (ADMIN1_FEATURE, ADMIN2_FEATURE, ADMIN3_FEATURE, CAPITAL_FEATURE, LANDMARK_FEATURE, CONTINENT_FEATURE, REGION_FEATURE, Candidate,
                        Gazetteer, load_gazetteer, normalise)

FEATURE_BONUS = {"PCLI": 2.0, CONTINENT_FEATURE: 2.0, REGION_FEATURE: 9.0, LANDMARK_FEATURE: 9.0, CAPITAL_FEATURE: 1.5,
                 ADMIN1_FEATURE: -2.0, ADMIN2_FEATURE: -1.5, ADMIN3_FEATURE: -1.5}
MAIN_NAME_BONUS = 2.0
COUNTRY_SHARE_WEIGHT = 2.0
NEARBY_WEIGHT = 0.25
CONFIDENT_CONTEXT_SIZE = 4
REGION_SHARE_WEIGHT = 3.0
NAMED_REGION_BONUS = 1.0
INNER_MIN_POPULATION = 5_000
INNER_REGION_BONUS = 3.0  # "Ontario Chamber of Commerce" is about Ontario, not a town called Commerce
DEMONYM_OVER_PLACE_BELOW = 100_000  # "Canadian" is the demonym, not Canadian, Texas
NEARBY_CHARS = 300
NAMESAKE_RATIO = 100
FULLER_FORM_BONUS = 3.0
LOCAL_REGION_MENTIONS = 2
PROXIMITY_WEIGHT = 1.0
PROXIMITY_KM = 1000.0
DIVISION_WORDS = frozenset("county parish borough district province prefecture governorate".split())
DIVISION_WORD = re.compile(r"\s(?:State|Province|Region|Governorate|Oblast|County|Prefecture|Local Government Area|LGA)$", re.I)
QUALIFIER_BONUS = 5.0
DIRECTION_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|"
    r"greater|upper|lower|inner|outer|rural|downtown|metropolitan|old)\s+)+", re.I)
OFFICIAL_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:Republic|Kingdom|State|Commonwealth|Principality|Emirate|"
                             r"Sultanate|City|Province|County|Municipality)\s+of\s+)", re.I)
GENERIC_WORDS = frozenset("""
    street st road rd avenue ave boulevard lane way drive square plaza center centre college university
    school academy institute hospital clinic medical church cathedral chapel mosque temple court
    district county parish republic kingdom state city town village tower wing hall house park
    gardens garden fields field estate station airport port harbour harbor bridge stadium arena
    lake river creek bay beach coast island islands mountain mountains mount hill hills valley
    forest lagoon point east west north south eastern western northern southern central new old
    great little upper lower grand saint fort commission union senate council assembly parliament
    ministry department bank investment federal reserve national international royal world cup
    career tech company group office embassy club chamber chambers commerce trade industry
    quarter inn hotel library museum theatre theater canal plantation market complex mall metro
    cemetery graveyard golf cargo air high middle gateway foreign base camp prison jail zoo
""".split())
SUFFIXES = (" city", " county", " province", " state", " region", " governorate", " district",
            " municipality", " oblast", " island", " islands", " local government area", " lga")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    candidates: list[Candidate]
    demonym: bool = False
    chosen: Candidate | None = None
    direct: bool = True   # found by its own name, not by a place inside it ("Manila Cathedral")


def candidates_for(name: str, gaz: Gazetteer) -> tuple[list[Candidate], bool]:
    """Gazetteer candidates of a surface form, trying plainer variants; (candidates, via demonym)."""
    name = name.strip().strip("\"'\u2018\u2019\u201c\u201d")
    demonym_row = gaz.demonyms.get(normalise(name))
    for variant in _variants(name):
        found = _without_small_namesakes(gaz.lookup(variant))
        if len(variant) <= 3 and variant.isupper():  # "SA", "EU": abbreviations name no town
            found = [c for c in found if c.precision != "city"]
        if variant != name and DIVISION_WORD.search(name):  # "Jalisco State" is the state
            found = [c for c in found if c.precision != "city"] or found
        if found and (demonym_row is None or _is_major(found)):
            return found, False
    if demonym_row is not None:
        return [gaz.candidate(demonym_row)], True
    return _inner_toponym(name, gaz), False


def _without_small_namesakes(found: list[Candidate]) -> list[Candidate]:
    """Leave out towns that share the name of a division of their country a hundred times their
    size: "Wales" is the constituent country, not the village of Wales, South Yorkshire."""
    divisions = [c for c in found if c.precision == "admin1" and c.country]
    if not divisions:
        return found
    return [c for c in found if c.precision != "city" or not any(
        d.country == c.country and d.population > NAMESAKE_RATIO * c.population for d in divisions)]


def _inner_toponym(name: str, gaz: Gazetteer, local: frozenset[tuple[str, str]] = frozenset()) -> list[Candidate]:
    """Back-off for facilities and streets: the longest run of capitalised words in the name that is
    a known place of some size ("Manila Cathedral" -> Manila, "Colorado State University" -> Colorado),
    or any town in the ``local`` (country, admin1) regions that the article's places lie in."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        found_parts = []
        for i in range(len(words) - size + 1):
            part = words[i: i + size]
            if not all(w[:1].isupper() for w in part) or all(w.lower() in GENERIC_WORDS for w in part):
                continue
            short = len(normalise(" ".join(part))) < 3  # "No. 2 Centre" is not in Ho, Ghana; "US" is a country
            found = [c for c in gaz.lookup(" ".join(part)) if _inner_candidate(c, short, local)]
            if found:
                found_parts.append(found)
        if found_parts:  # "Trinity College Dublin": the part naming the best-known place
            return max(found_parts, key=lambda found: max(_inner_salience(c) for c in found))
    return _inner_demonym(words, gaz)


def _inner_candidate(c: Candidate, short: bool, local: frozenset[tuple[str, str]]) -> bool:
    if c.precision == "country":
        return True
    if c.population < INNER_MIN_POPULATION and (c.country, c.admin1) not in local:
        return False  # a hamlet inside a hotel's or a district's name
    return c.precision == "admin1" or not short


def _inner_salience(c: Candidate) -> float:
    # a region counts more than a town of its size, but a parish of 3,000 people is no region
    region = c.precision == "country" or (c.precision == "admin1" and c.population >= DEMONYM_OVER_PLACE_BELOW)
    return math.log10(c.population + 1) + (INNER_REGION_BONUS if region else 0.0)


def _inner_demonym(words: list[str], gaz: Gazetteer) -> list[Candidate]:
    """"European Central Bank", "Russian Academy of Sciences": the country or region of a
    demonym in the name."""
    for word in words:
        row = gaz.demonyms.get(normalise(word)) if word[:1].isupper() else None
        if row is not None:
            return [gaz.candidate(row)]
    return []


def _is_major(found: list[Candidate]) -> bool:
    return any(c.population >= DEMONYM_OVER_PLACE_BELOW or c.precision == "country" for c in found)


def _variants(name: str) -> Iterable[str]:
    yield name
    official = OFFICIAL_PREFIX.sub("", name)
    if official != name:
        yield official
    for possessive in ("'s", "\u2019s", "'"):
        if name.endswith(possessive):
            name = name[: -len(possessive)]
            yield name
    bare = DIRECTION_PREFIX.sub("", name)
    if bare and bare != name:
        yield bare
    for suffix in SUFFIXES:
        if bare.lower().endswith(suffix) and len(bare) > len(suffix) + 2:
            yield bare[: -len(suffix)]


def prior(c: Candidate) -> float:
    return (math.log10(c.population + 1) + FEATURE_BONUS.get(c.feature, 0.0)
            + (MAIN_NAME_BONUS if c.main_name else 0.0))


def _country_of(c: Candidate | None) -> str:
    return c.country if c is not None else ""


def _qualifier(text: str, m: Mention, by_start: dict[int, Mention]) -> Candidate | None:
    """The mention right after 'm, ' (as in 'Paris, Texas'): it names m's region or country."""
    gap = text[m.end: m.end + 3]
    if not gap.startswith(","):
        return None
    following = by_start.get(m.end + 2) or by_start.get(m.end + 1)
    return following.chosen if following is not None else None


def _score(c: Candidate, context: Context, qualifier: Candidate | None) -> float:
    score = prior(c)
    if c.country:
        score += COUNTRY_SHARE_WEIGHT * context.shares.get(c.country, 0.0)
        score += NEARBY_WEIGHT if c.country in context.nearby else 0.0
        if c.admin1:  # a named state fits an article about its towns too
            score += REGION_SHARE_WEIGHT * context.region_shares.get((c.country, c.admin1), 0.0)
            score += NAMED_REGION_BONUS if (c.country, c.admin1) in context.named_regions else 0.0
    if qualifier is not None and qualifier.row != c.row:
        same_country = qualifier.country == c.country
        if qualifier.feature == ADMIN1_FEATURE and same_country and qualifier.admin1 == c.admin1:
            score += QUALIFIER_BONUS
        elif qualifier.feature.startswith("PCL") and same_country:
            score += QUALIFIER_BONUS
    return score


def _closeness(c: Candidate, points: list[tuple[float, float]]) -> float:
    """1 for a town at one of the article's other towns, falling to 0 at PROXIMITY_KM."""
    cos_lat = math.cos(math.radians(c.lat))
    nearest = min(math.hypot(lat - c.lat, (lon - c.lon) * cos_lat) for lat, lon in points) * 111.2
    return max(0.0, 1.0 - math.log10(1 + nearest) / math.log10(1 + PROXIMITY_KM))


def _remoteness(candidates: list[Candidate], points: list[tuple[float, float]]) -> dict[int, float]:
    """Row -> a penalty for a town further from the article's other towns than a namesake is
    (a Springfield in an article on Illinois towns); countries and regions are not compared."""
    towns = [c for c in candidates if c.precision == "city"]
    if len(towns) < 2 or not points:
        return {}
    closeness = {c.row: _closeness(c, points) for c in towns}
    best = max(closeness.values())
    return {row: PROXIMITY_WEIGHT * (best - near) for row, near in closeness.items()}


@dataclass
class Context:
    """What the other mentions of the article resolve to: country and region shares, nearby countries."""

    shares: dict[str, float]
    region_shares: dict[tuple[str, str], float]
    nearby: set[str]
    named_regions: set[tuple[str, str]]   # first-order divisions the article names ("Louisiana")
    points: list[tuple[float, float]] = field(default_factory=list)  # towns the article names


def _context(mentions: list[Mention], i: int) -> Context:
    counts: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    nearby: set[str] = set()
    named: set[tuple[str, str]] = set()
    points: set[tuple[float, float]] = set()
    here = mentions[i]
    for j, other in enumerate(mentions):
        cc = _country_of(other.chosen)
        if j == i or not cc or _same_name(normalise(other.text), normalise(here.text)):
            continue
        counts[cc] += 1
        if other.chosen.feature == ADMIN1_FEATURE:
            named.add((cc, other.chosen.admin1))
        if other.chosen.admin1:
            regions[(cc, other.chosen.admin1)] += 1
        if abs(other.start - here.start) <= NEARBY_CHARS:
            nearby.add(cc)
        if other.chosen.precision == "city" and other.direct:
            points.add((other.chosen.lat, other.chosen.lon))
    total = sum(counts.values())
    if not total:
        return Context({}, {}, nearby, named, sorted(points))
    evidence = min(1.0, total / CONFIDENT_CONTEXT_SIZE)  # one other mention is weak evidence
    return Context({cc: evidence * n / total for cc, n in counts.items()},
                   {key: evidence * n / total for key, n in regions.items()}, nearby, named, sorted(points))


def _is_fuller(full: str, key: str) -> bool:
    return full.startswith(key + " ") and full[len(key) + 1:] in DIVISION_WORDS


def _same_name(a: str, b: str) -> bool:
    """Names of one place, which are no evidence for each other: equal, or "Westchester County" and "Westchester"."""
    return a == b or _is_fuller(a, b) or _is_fuller(b, a)


def _fuller_forms(m: Mention, mentions: list[Mention]) -> list[Candidate]:
    """The divisions that a fuller name in the article may refer to: "Westchester" after "Westchester
    County" (not "Kansas" after "Kansas City")."""
    key = normalise(m.text)
    for other in mentions:
        full = normalise(other.text)
        if other.direct and _is_fuller(full, key):
            return [c for c in other.candidates if c.precision == "admin1"]
    return []


def disambiguate(text: str, mentions: list[Mention], rounds: int = 2) -> None:
    """Set ``chosen`` on every mention that has candidates."""
    fuller = {}
    for m in mentions:
        fuller[m.start] = _fuller_forms(m, mentions)
    for m in mentions:
        m.candidates += [c for c in fuller[m.start] if c not in m.candidates]
        fuller[m.start] = {c.row for c in fuller[m.start]}
    for m in mentions:
        m.chosen = max(m.candidates, key=prior) if m.candidates else None
    by_start = {m.start: m for m in mentions}
    for _ in range(rounds):
        choices = []
        for i, m in enumerate(mentions):
            if not m.candidates or m.demonym:
                choices.append(m.chosen)
                continue
            context = _context(mentions, i)
            qualifier = _qualifier(text, m, by_start)
            rows = fuller[m.start]
            far = _remoteness(m.candidates, context.points)
            choices.append(max(m.candidates, key=lambda c: _score(c, context, qualifier) - far.get(c.row, 0.0)
                               + (FULLER_FORM_BONUS if c.row in rows else 0.0)))
        for m, chosen in zip(mentions, choices):
            m.chosen = chosen


def to_place(m: Mention) -> Place:
    c = m.chosen
    if c is None:
        return Place(text=m.text, start=m.start, end=m.end)
    return Place(text=m.text, start=m.start, end=m.end, name=c.name, geonameid=c.geonameid,
                 lat=round(c.lat, 5), lon=round(c.lon, 5), country=c.country or None,
                 feature=c.feature, precision=c.precision)


NEXT_PLACE_GAP = re.compile(r"^[\"'\u201d\u2019)]?(?:\s*,\s*|\s+)(?:(?:in|at|near|outside|of)\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,3}$")
NEXT_PLACE_CHARS = 45
POSSESSIVE_GAP = re.compile(r"^['\u2019]s?\s+$")


def _named_beside(text: str, i: int, mentions: list[Mention]) -> Candidate | None:
    """The place named right beside an unknown name: "Kamenne Square in Bratislava", "X Hospital,
    Leeds", "in the northeastern city of Tianjin", "Nashville's Y Street"."""
    m = mentions[i]
    if i + 1 < len(mentions):
        following = mentions[i + 1]
        gap = text[m.end: following.start]
        if (following.chosen is not None and following.direct and len(gap) <= NEXT_PLACE_CHARS
                and NEXT_PLACE_GAP.match(gap)):
            return following.chosen
    if i > 0:
        before = mentions[i - 1]
        if before.chosen is not None and POSSESSIVE_GAP.match(text[before.end: m.start]):
            return before.chosen
    return None


def _main_city(mentions: list[Mention]) -> Candidate | None:
    cities = Counter(m.chosen.row for m in mentions if m.chosen is not None and m.chosen.precision == "city")
    if not cities:
        return None
    row = cities.most_common(1)[0][0]
    return next(m.chosen for m in mentions if m.chosen is not None and m.chosen.row == row)


def _main_country(mentions: list[Mention], gaz: Gazetteer) -> Candidate | None:
    countries = Counter(m.chosen.country for m in mentions if m.chosen is not None and m.chosen.country)
    return gaz.country(countries.most_common(1)[0][0]) if countries else None


def _back_off(text: str, mentions: list[Mention], gaz: Gazetteer) -> None:
    """Unknown names (streets, buildings) are most likely in the place named beside them, else
    in the article's most mentioned city, else in its most mentioned country."""
    in_order = sorted(mentions, key=lambda m: m.start)
    unknown = [i for i, m in enumerate(in_order) if m.chosen is None]
    beside = {i: _named_beside(text, i, in_order) for i in unknown}
    fallback = _main_city(mentions) or _main_country(mentions, gaz)
    for i in unknown:
        in_order[i].chosen = beside[i] or fallback


def geocode(text: str, spans: Sequence[Sequence[int]], gaz: Gazetteer | None = None,
            back_off: bool = True) -> list[Place]:
    """Resolve given toponym spans (character offsets) in text; one Place per span, in order.

    With ``back_off``, a span the gazetteer does not know gets the place named beside it, else the
    article's most mentioned city (the usual home of its streets and buildings), else its most
    mentioned country; otherwise, and when the article names no place, it comes back as a Place
    with only text/start/end.
    """
    gaz = gaz or load_gazetteer()
    mentions = []
    for start, end in spans:
        found, demonym = candidates_for(text[start:end], gaz)
        mentions.append(Mention(start, end, text[start:end], found, demonym,
                                direct=any(gaz.lookup(v) for v in _variants(text[start:end].strip()))))
    disambiguate(text, mentions)
    if _add_local_towns(mentions, gaz):
        disambiguate(text, mentions)
    if back_off:
        _back_off(text, mentions, gaz)
    return [to_place(m) for m in mentions]


def _add_local_towns(mentions: list[Mention], gaz: Gazetteer) -> bool:
    """Names found only through a place inside them look again, now also among the small towns of
    the regions that two or more of the article's own place names lie in ("Lovettsville Community
    Center" in an article on Leesburg and Purcellville); True when any found more."""
    regions = Counter((m.chosen.country, m.chosen.admin1) for m in mentions
                      if m.direct and m.chosen is not None and m.chosen.admin1)
    local = frozenset(region for region, n in regions.items() if n >= LOCAL_REGION_MENTIONS)
    changed = False
    for m in mentions:
        if m.direct or m.demonym or not local:
            continue
        found = _inner_toponym(m.text.strip(), gaz, local)
        if {c.row for c in found} != {c.row for c in m.candidates}:
            m.candidates, changed = found, True
    return changed


# --- the ne_places component -------------------------------------------------------------------

PLACE_LABELS = ("GPE", "LOC", "FAC")
RELABEL_LABELS = ("NORP", "ORG", "PERSON")  # the small model calls "Aleppo" NORP now and then
STRONG_CITY_POPULATION = 100_000
SUBJECT_DEPS = ("nsubj", "csubj", "agent")
GOVERNMENT_VERBS = frozenset("""
    say tell state add claim deny reject accuse allege announce insist warn urge call condemn agree
    refuse demand respond threaten send impose sanction support back oppose welcome criticise criticize
    blame argue propose offer ask want plan decide sign veto vote recognise recognize expel summon
    protest dismiss vow pledge launch approve order suggest believe hope fear owe keep confirm
    acknowledge admit stress express seek push press negotiate attack target strike bomb invade deploy
    retaliate join help provide give announce insist hit accept refute counter dispute
""".split())
ACTOR_NOUNS = frozenset("""
    secretary minister president official officials government governments forces force troops army
    military navy envoy ambassador authorities authority leader leaders spokesman spokeswoman
    spokesperson embassy diplomat diplomats administration regime prime chancellor premier
    delegation representative counterpart police
""".split())


def _strong(found: list[Candidate]) -> bool:
    """A name worth reading as a place without the NER's word for it."""
    return any(c.main_name and (c.precision != "city" or c.population >= STRONG_CITY_POPULATION)
               for c in found)


def _exact_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    found, demonym = candidates_for(text, gaz)
    return [] if demonym else found


def _mentions_from_entities(doc, gaz: Gazetteer) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS and ent.label_ not in RELABEL_LABELS:
            continue
        found = _exact_candidates(ent.text, gaz)
        if found and (ent.label_ in PLACE_LABELS or _strong(found)):
            mentions.append(Mention(ent.start_char, ent.end_char, ent.text, found))
    return mentions


def _mentions_from_tokens(doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """Capitalised proper-noun runs outside any entity that name a well-known place."""
    mentions = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or token.ent_type_ or token.pos_ != "PROPN" or not token.is_title:
            i += 1
            continue
        for size in (3, 2, 1):
            span = doc[i: i + size]
            if len(span) < size or any(t.i in taken or t.ent_type_ or not t.is_title for t in span):
                continue
            found = _exact_candidates(span.text, gaz)
            if found and _strong(found):
                mentions.append(Mention(span.start_char, span.end_char, span.text, found))
                i += size - 1
                break
        i += 1
    return mentions


def _subject_of_government_verb(token) -> bool:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in GOVERNMENT_VERBS


def _modifies_actor(token) -> bool:
    """'US Secretary of State', "Russia's Foreign Minister": the toponym qualifies an actor."""
    head = token.head
    while token.dep_ == "conj" and head is not token:
        token, head = head, head.head
    return token.dep_ in ("compound", "nmod", "poss", "amod") and head.lemma_.lower() in ACTOR_NOUNS


def _actor_metonym(m: Mention, actors, root) -> bool:
    for actor in actors or ():
        if actor.start < m.end and m.start < actor.end and actor.sector == "GOV":
            if root.dep_ in SUBJECT_DEPS or _subject_of_government_verb(root):
                return True
    return False


def is_metonym(doc, m: Mention) -> bool:
    """A country or capital used for its government ('Moscow denied', 'Russia said'), or a toponym
    that only qualifies an actor; 'Mr Kerry was speaking in Washington' stays a place."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or m.chosen is None:
        return False
    root = span.root
    if _actor_metonym(m, getattr(doc._, "ne_actors", None), root):
        return True
    government_like = m.chosen.precision == "country" or m.chosen.feature == CAPITAL_FEATURE
    return government_like and (_subject_of_government_verb(root) or _modifies_actor(root))


def find_places(doc, gaz: Gazetteer | None = None) -> list[Place]:
    """Toponyms in the Doc used as places, resolved; metonyms and demonyms are left out."""
    gaz = gaz or load_gazetteer()
    mentions = _mentions_from_entities(doc, gaz)
    taken = {t.i for m in mentions for t in doc.char_span(m.start, m.end, alignment_mode="expand") or ()}
    mentions += _mentions_from_tokens(doc, gaz, taken)
    mentions.sort(key=lambda m: m.start)
    disambiguate(doc.text, mentions)  # metonyms still tell which countries the article is about
    return [to_place(m) for m in mentions if m.chosen is not None and not is_metonym(doc, m)]


# --- helpers for the event extractor -----------------------------------------------------------

EVENT_PREPOSITIONS = frozenset("in on at near across from inside outside around throughout over into "
                               "outside within".split())
PRECISION_RANK = {"city": 0, "admin1": 1, "country": 2}
OBJECT_DEPS = ("dobj", "obj", "attr", "pobj", "npadvmod", "oprd")


def _char_bounds(sentence_span) -> tuple[int, int]:
    if hasattr(sentence_span, "start_char"):
        return sentence_span.start_char, sentence_span.end_char
    return sentence_span.start, sentence_span.end


def _ancestors_and_self(token) -> list:
    return [token, *token.ancestors]


def _attachment_rank(place_root, trigger) -> int | None:
    """How directly a place is tied to the event: 0 a locative preposition on the trigger, 1 on
    the trigger's object or the clause around it, or the subject of a passive clause that contains
    the trigger ('Aleppo has been subjected to air strikes'); 'from' counts less (it names an
    origin); None when the place is not attached (e.g. inside the subject: 'jets from Russia')."""
    head = place_root.head
    event_chain = _ancestors_and_self(trigger)
    if place_root.dep_ == "nsubjpass":
        return 1 if head in event_chain else None
    if place_root.dep_ != "pobj" or head.lower_ not in EVENT_PREPOSITIONS:
        return None
    attached_to = head.head
    if attached_to is trigger:
        rank = 0
    elif attached_to.head is trigger and attached_to.dep_ in OBJECT_DEPS:
        rank = 1
    elif attached_to in event_chain:
        rank = 1
    else:
        return None
    return rank + (2 if head.lower_ == "from" else 0)


def place_for_event(doc, sentence_span, trigger_token) -> Place | None:
    """The place where the event of ``trigger_token`` happened, from doc._.ne_places, or None:
    the place most directly attached to the trigger, else the most precise place in the sentence."""
    start, end = _char_bounds(sentence_span)
    places = [p for p in (doc._.ne_places or []) if start <= p.start and p.end <= end and p.lat is not None]
    if not places:
        return None
    trigger_at = trigger_token.idx
    attached = []
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        rank = _attachment_rank(span.root, trigger_token) if span is not None else None
        if rank is not None:
            attached.append((rank, abs(place.start - trigger_at), place))
    if attached:
        return min(attached, key=lambda item: item[:2])[2]
    return min(places, key=lambda p: (PRECISION_RANK.get(p.precision or "", 3), abs(p.start - trigger_at)))


def main_location(places: Iterable[Place]) -> Place | None:
    """The article's most salient place: its most mentioned city, else region, else country."""
    places = [p for p in places if p.lat is not None]
    for precision in ("city", "admin1", "country"):
        same = [p for p in places if p.precision == precision]
        if same:
            counts = Counter(p.geonameid or (p.lat, p.lon) for p in same)
            best = max(counts.values())
            return next(p for p in same if counts[p.geonameid or (p.lat, p.lon)] == best)
    return None
