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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..models import Place
from .gazetteer import (ADMIN1_FEATURE, CAPITAL_FEATURE, CONTINENT_FEATURE, REGION_FEATURE, Candidate,
                        Gazetteer, load_gazetteer, normalise)

FEATURE_BONUS = {"PCLI": 2.0, CONTINENT_FEATURE: 2.0, REGION_FEATURE: 9.0, CAPITAL_FEATURE: 1.5,
                 ADMIN1_FEATURE: -2.0}
MAIN_NAME_BONUS = 2.0
COUNTRY_SHARE_WEIGHT = 2.0
NEARBY_WEIGHT = 0.75
REGION_SHARE_WEIGHT = 3.0
INNER_MIN_POPULATION = 5_000
DEMONYM_OVER_PLACE_BELOW = 100_000  # "Canadian" is the demonym, not Canadian, Texas
NEARBY_CHARS = 300
QUALIFIER_BONUS = 5.0
DIRECTION_PREFIX = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|"
    r"greater|upper|lower|inner|outer|rural|downtown|metropolitan|old)\s+)+", re.I)
SUFFIXES = (" city", " county", " province", " state", " region", " governorate", " district",
            " municipality", " oblast", " island", " islands")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    candidates: list[Candidate]
    demonym: bool = False
    chosen: Candidate | None = None


def candidates_for(name: str, gaz: Gazetteer) -> tuple[list[Candidate], bool]:
    """Gazetteer candidates of a surface form, trying plainer variants; (candidates, via demonym)."""
    name = name.strip().strip("\"'\u2018\u2019\u201c\u201d")
    demonym_row = gaz.demonyms.get(normalise(name))
    for variant in _variants(name):
        found = gaz.lookup(variant)
        if len(variant) <= 3 and variant.isupper():  # "SA", "EU": abbreviations name no town
            found = [c for c in found if c.precision != "city"]
        if found and (demonym_row is None or _is_major(found)):
            return found, False
    if demonym_row is not None:
        return [gaz.candidate(demonym_row)], True
    return _inner_toponym(name, gaz), False


def _inner_toponym(name: str, gaz: Gazetteer) -> list[Candidate]:
    """Back-off for facilities and streets: the longest run of capitalised words in the name that is
    a known place of some size ("Manila Cathedral" -> Manila, "Colorado State University" -> Colorado)."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = words[i: i + size]
            if not all(w[:1].isupper() for w in part):
                continue
            found = [c for c in gaz.lookup(" ".join(part))
                     if c.population >= INNER_MIN_POPULATION or c.precision != "city"]
            if found:
                return found
    return []


def _is_major(found: list[Candidate]) -> bool:
    return any(c.population >= DEMONYM_OVER_PLACE_BELOW or c.precision == "country" for c in found)


def _variants(name: str) -> Iterable[str]:
    yield name
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
        if c.admin1 and c.feature != ADMIN1_FEATURE:
            score += REGION_SHARE_WEIGHT * context.region_shares.get((c.country, c.admin1), 0.0)
    if qualifier is not None and qualifier.row != c.row:
        same_country = qualifier.country == c.country
        if qualifier.feature == ADMIN1_FEATURE and same_country and qualifier.admin1 == c.admin1:
            score += QUALIFIER_BONUS
        elif qualifier.feature.startswith("PCL") and same_country:
            score += QUALIFIER_BONUS
    return score


@dataclass
class Context:
    """What the other mentions of the article resolve to: country and region shares, nearby countries."""

    shares: dict[str, float]
    region_shares: dict[tuple[str, str], float]
    nearby: set[str]


def _context(mentions: list[Mention], i: int) -> Context:
    counts: Counter[str] = Counter()
    regions: Counter[tuple[str, str]] = Counter()
    nearby: set[str] = set()
    here = mentions[i]
    for j, other in enumerate(mentions):
        cc = _country_of(other.chosen)
        if j == i or not cc or normalise(other.text) == normalise(here.text):
            continue
        counts[cc] += 1
        if other.chosen.admin1:
            regions[(cc, other.chosen.admin1)] += 1
        if abs(other.start - here.start) <= NEARBY_CHARS:
            nearby.add(cc)
    total = sum(counts.values())
    if not total:
        return Context({}, {}, nearby)
    return Context({cc: n / total for cc, n in counts.items()},
                   {key: n / total for key, n in regions.items()}, nearby)


def disambiguate(text: str, mentions: list[Mention], rounds: int = 2) -> None:
    """Set ``chosen`` on every mention that has candidates."""
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
            choices.append(max(m.candidates, key=lambda c: _score(c, context, qualifier)))
        for m, chosen in zip(mentions, choices):
            m.chosen = chosen


def to_place(m: Mention) -> Place:
    c = m.chosen
    if c is None:
        return Place(text=m.text, start=m.start, end=m.end)
    return Place(text=m.text, start=m.start, end=m.end, name=c.name, geonameid=c.geonameid,
                 lat=round(c.lat, 5), lon=round(c.lon, 5), country=c.country or None,
                 feature=c.feature, precision=c.precision)


def _back_off_to_main_city(mentions: list[Mention]) -> None:
    """Unknown names (streets, buildings) are most likely in the article's most mentioned city."""
    cities = Counter(m.chosen.row for m in mentions if m.chosen is not None and m.chosen.precision == "city")
    if not cities:
        return
    row = cities.most_common(1)[0][0]
    city = next(m.chosen for m in mentions if m.chosen is not None and m.chosen.row == row)
    for m in mentions:
        if m.chosen is None:
            m.chosen = city


def geocode(text: str, spans: Sequence[Sequence[int]], gaz: Gazetteer | None = None,
            back_off: bool = True) -> list[Place]:
    """Resolve given toponym spans (character offsets) in text; one Place per span, in order.

    With ``back_off``, a span the gazetteer does not know gets the article's most mentioned city
    (the usual home of its streets and buildings); otherwise, and when the article names no city,
    it comes back as a Place with only text/start/end.
    """
    gaz = gaz or load_gazetteer()
    mentions = []
    for start, end in spans:
        found, demonym = candidates_for(text[start:end], gaz)
        mentions.append(Mention(start, end, text[start:end], found, demonym))
    disambiguate(text, mentions)
    if back_off:
        _back_off_to_main_city(mentions)
    return [to_place(m) for m in mentions]
