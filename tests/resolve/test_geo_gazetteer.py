"""Gazetteer lookups on the real packaged data, and the GeoNames dump loader on a file we write."""
from __future__ import annotations

import pytest

from newsevents.resolve.gazetteer import Gazetteer, load_dump, load_gazetteer, normalise


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_normalise_drops_accents_dots_and_the():
    assert normalise("The Hague") == "hague"
    assert normalise("Washington, D.C.") == "washington dc"
    assert normalise("Québec") == "quebec"


def test_city_country_and_admin1_lookups(gaz):
    aleppo = [c for c in gaz.lookup("Aleppo") if c.feature.startswith("PPL")]
    assert aleppo[0].geonameid == 170063 and aleppo[0].country == "SY"
    syria = gaz.lookup("Syria")
    assert [c.geonameid for c in syria] == [163843] and syria[0].precision == "country"
    texas = [c for c in gaz.lookup("Texas") if c.feature == "ADM1"]
    assert texas[0].geonameid == 4736286 and texas[0].precision == "admin1"


def test_aliases_and_abbreviations(gaz):
    assert gaz.lookup("U.S.")[0].geonameid == 6252001
    assert gaz.lookup("Britain")[0].country == "GB"
    assert any(c.name == "California" for c in gaz.lookup("Calif."))


def test_countries_have_centres_not_capitals(gaz):
    us = gaz.country("US")
    assert us.geonameid == 6252001 and 35 < us.lat < 42 and -102 < us.lon < -94


def test_no_town_named_like_a_short_code_alias(gaz):
    # all-capital 3-letter alternate names are airport codes; they are not indexed
    assert all(c.geonameid != 170063 for c in gaz.lookup("ALP"))


DUMP_ROWS = [
    # geonameid name asciiname alternatenames lat lon fclass fcode cc cc2 admin1 admin2 admin3 admin4 pop elev dem tz date
    ["99000001", "Zzyzxville", "Zzyzxville", "Zzyzx Town,Zyx", "35.1", "-116.1", "P", "PPL", "US", "", "CA",
     "", "", "", "1200", "", "300", "America/Los_Angeles", "2020-01-01"],
    ["99000002", "Qwerty Hill", "Qwerty Hill", "", "10.0", "20.0", "T", "HLL", "TD", "", "00",
     "", "", "", "0", "", "500", "Africa/Ndjamena", "2020-01-01"],
]


def _write_dump(path):
    path.write_text("".join("\t".join(row) + "\n" for row in DUMP_ROWS), encoding="utf-8")
    return path


def test_dump_loader_reads_geonames_format(tmp_path):
    gaz = Gazetteer()
    assert load_dump(gaz, _write_dump(tmp_path / "mini.txt")) == 2
    town = gaz.lookup("Zzyzx Town")[0]
    assert (town.geonameid, town.feature, town.population, town.admin1) == (99000001, "PPL", 1200, "CA")
    hill = gaz.lookup("qwerty hill")[0]
    assert hill.feature == "HLL" and hill.lat == 10.0


def test_dump_loader_rejects_other_formats(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("just\tthree\tcolumns\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.txt:1: not a GeoNames dump row"):
        load_dump(Gazetteer(), bad)


def test_load_gazetteer_with_dump_keeps_the_plain_one_apart(tmp_path, gaz):
    with_dump = load_gazetteer(_write_dump(tmp_path / "extra.txt"))
    assert with_dump.lookup("Zzyzxville") and not gaz.lookup("Zzyzxville")
    assert with_dump.lookup("Aleppo")
