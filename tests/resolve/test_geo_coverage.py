"""Second-order divisions, demonyms inside names, named regions as context and the back-offs for
names the gazetteer lacks (hand-written sentences; real packaged gazetteer)."""
from __future__ import annotations

import pytest

from newsevents.resolve.gazetteer import load_gazetteer
from newsevents.resolve.places import geocode


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _all(text: str, names: list[str]):
    return geocode(text, [(text.index(n), text.index(n) + len(n)) for n in names])


def test_us_county_is_an_admin2_in_its_state_with_its_geonames_id(gaz):
    bergen = [c for c in gaz.lookup("Bergen County") if c.admin1 == "NJ"]
    assert bergen and bergen[0].feature == "ADM2" and bergen[0].geonameid is not None
    assert 40.7 < bergen[0].lat < 41.2 and -74.3 < bergen[0].lon < -73.8


def test_admin1_regions_carry_their_geonames_ids(gaz):
    assert [c.geonameid for c in gaz.lookup("Ontario") if c.feature == "ADM1"] == [6093943]
    assert gaz.lookup("Karnataka")[0].geonameid is not None


def test_a_bare_county_name_is_not_the_county(gaz):
    assert not [c for c in gaz.lookup("Bergen") if c.feature == "ADM2" and c.admin1 == "NJ"]


def test_english_county_beats_a_small_namesake_town():
    place = geocode("Flooding closed roads across Devon.", [(29, 34)])[0]
    assert place.feature == "ADM2" and place.country == "GB" and place.precision == "admin1"


def test_plain_form_of_a_province_is_indexed_but_the_city_wins(gaz):
    assert any(c.feature == "ADM2" and c.country == "IT" for c in gaz.lookup("Cosenza"))
    assert geocode("A quake shook Cosenza.", [(14, 21)])[0].feature.startswith("PPL")


def test_a_county_holding_most_of_its_people_in_one_namesake_place_is_not_added(gaz):
    # a county is skipped when an entry of its bare name in its state holds half its people
    assert not [c for c in gaz.lookup("Dallas County") if c.admin1 == "TX" and c.population < 2_000_000]
    assert [c for c in gaz.lookup("Cook County") if c.admin1 == "IL"]


def test_demonym_of_a_constituent_country():
    place = geocode("He moved to an English village.", [(15, 22)])[0]
    assert place.geonameid == 6269131 and place.name == "England"


def test_demonym_inside_an_organisation_name():
    text = "The European Central Bank and the Russian Academy of Sciences met."
    bank, academy = _all(text, ["European Central Bank", "Russian Academy of Sciences"])
    assert bank.name == "Europe" and academy.geonameid == 2017370


def test_inner_place_with_most_weight_wins():
    place = geocode("She studied at Trinity College Dublin.", [(15, 37)])[0]
    assert place.name == "Dublin" and place.country == "IE"


def test_unknown_name_takes_the_place_named_beside_it():
    text = "Protesters met on Quillfeather Square in Ljubljana before marching to Vienna and Vienna."
    square, *_ = _all(text, ["Quillfeather Square", "Ljubljana", "Vienna"])
    assert square.name == "Ljubljana"
    text = 'They were taken to the "Zorblat Centre" in the southern city of Guangzhou.'
    assert _all(text, ["Zorblat Centre", "Guangzhou"])[0].name == "Guangzhou"


def test_unknown_name_backs_off_to_the_main_country_without_a_city():
    text = "Villagers near the Zorblat hills fled. Officials in Syria and Syria again said so."
    hills, _ = _all(text, ["Zorblat hills", "Syria"])
    assert hills.geonameid == 163843


def test_a_named_state_pulls_a_small_namesake_town_into_it():
    text = "Snow fell on Portland overnight, officials in Maine said."
    portland, state = _all(text, ["Portland", "Maine"])
    assert state.precision == "admin1" and portland.country == "US"
    assert 43 < portland.lat < 44.5 and -71 < portland.lon < -69.5  # Portland, Maine, not Oregon


def test_a_small_town_named_like_a_division_of_its_country_is_not_a_candidate():
    from newsevents.resolve.gazetteer import Candidate
    from newsevents.resolve.places import _without_small_namesakes

    division = Candidate(1, None, "Wales", 52.3, -3.7, "GB", "ADM1", 3_000_000, "WLS", True)
    village = Candidate(2, None, "Wales", 53.3, -1.3, "GB", "PPL", 6_000, "ENG", True)
    abroad = Candidate(3, None, "Wales", 44.3, -70.0, "US", "PPL", 2_000, "ME", True)
    assert _without_small_namesakes([division, village, abroad]) == [division, abroad]
    text = "Rain is forecast for Wales and Scotland tomorrow."
    assert _all(text, ["Wales", "Scotland"])[0].feature == "ADM1"


def test_a_name_with_a_division_word_is_the_division():
    text = "Floods hit villages in Jalisco State, Mexico."
    assert _all(text, ["Jalisco State", "Mexico"])[0].feature == "ADM1"


def test_a_short_name_after_its_county_form_is_the_county():
    text = ("Police in Westchester County said the van was found near Yonkers, New York. "
            "Westchester detectives asked for help.")
    short = text.rindex("Westchester")
    spans = [(10, 28), (text.index("Yonkers"), text.index("Yonkers") + 7), (short, short + 11)]
    county, _, again = geocode(text, spans)
    assert county.feature == "ADM2" and again.geonameid == county.geonameid


def test_a_nigerian_local_government_area_is_its_admin2():
    text = "Flooding displaced families in Kosofe Local Government Area of Lagos State on Monday."
    lga, state = _all(text, ["Kosofe Local Government Area", "Lagos State"])
    assert lga.feature == "ADM2" and lga.country == "NG" and state.feature == "ADM1"


def test_a_small_town_inside_a_name_is_found_in_the_articles_own_region():
    text = "Crews from Leesburg and Purcellville helped after a fire at the Lovettsville Community Center."
    *_, centre = _all(text, ["Leesburg", "Purcellville", "Lovettsville Community Center"])
    assert centre.name == "Lovettsville" and centre.country == "US"


def test_a_seat_of_government_is_placed_in_its_city():
    text = "Reporters waited outside the Kremlin and later at Downing Street."
    kremlin, downing = _all(text, ["Kremlin", "Downing Street"])
    assert kremlin.country == "RU" and abs(kremlin.lat - 55.75) < 0.3 and kremlin.geonameid is None
    assert downing.country == "GB" and abs(downing.lon + 0.12) < 0.3
