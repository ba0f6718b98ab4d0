"""resolve_actor on short phrases: titles, nationality words, possessives, dates."""
from __future__ import annotations

import pytest

from newsevents.resolve.actors import resolve_actor


@pytest.mark.parametrize("text,date,country,org,sector", [
    ("U.S. Secretary of State John Kerry", "2016-10-07", "USA", None, "GOV"),
    ("Kerry", "2016-03-01", "USA", None, "GOV"),
    ("Kerry", "2019-06-01", "USA", None, "ELI"),
    ("Russia's Foreign Minister", None, "RUS", None, "GOV"),
    ("Russia's Foreign Minister, Sergei Lavrov", "2016-10-07", "RUS", None, "GOV"),
    ("a Turkish policeman", None, "TUR", None, "COP"),
    ("Syrian government forces", None, "SYR", None, "MIL"),
    ("rebel forces", None, None, None, "REB"),
    ("the Kremlin", None, "RUS", None, "GOV"),
    ("Washington", None, "USA", None, "GOV"),
    ("the Pentagon", None, "USA", "PENTAGON", "MIL"),
    ("UN special envoy", None, None, "UN", "IGO"),
    ("the UN Security Council", None, None, "UN", "IGO"),
    ("the Nusra Front", "2016-10-07", "SYR", "JFS", "REB"),
    ("Jabhat al-Nusra", "2014-01-01", "SYR", "ANF", "REB"),
    ("fighters from the rebel group Jabhat Fateh al-Sham", "2016-10-07", "SYR", "JFS", "REB"),
    ("Boko Haram gunmen", None, "NGA", "BOKO", "REB"),
    ("spokesman for the Taliban", "2015-01-01", "AFG", "TALIBAN", "REB"),
    ("the Taliban", "2022-05-01", "AFG", "TALIBAN", "GOV"),
    ("an amusement park in Kabul", None, "AFG", None, "CVL"),
    ("former president", None, None, None, "ELI"),
    ("Ukrainian agricultural workers", None, "UKR", None, "AGR"),
    ("Western powers", None, None, "WST", "GOV"),
    ("South Ossetia", None, "GEO", "SOSSETIA", "PRE"),
])
def test_codes(text, date, country, org, sector):
    actor = resolve_actor(text, date)
    assert (actor.country, actor.org, actor.sector) == (country, org, sector)


def test_office_holder_keeps_the_name_and_the_whole_phrase_offsets():
    actor = resolve_actor("French Foreign Minister Jean-Marc Ayrault", "2016-10-07")
    assert actor.name == "Jean-Marc Ayrault"
    assert (actor.start, actor.end) == (0, len("French Foreign Minister Jean-Marc Ayrault"))


def test_same_surname_different_office_holder_by_date():
    assert resolve_actor("Secretary of State Rice", "2006-01-01").name == "Condoleezza Rice"
    assert resolve_actor("Rice", "2014-01-01").name == "Susan Rice"


def test_unknown_person_keeps_name_and_what_the_text_says():
    actor = resolve_actor("Turkish policeman Ahmet Yilmaz")
    assert (actor.name, actor.country, actor.sector) == ("Ahmet Yilmaz", "TUR", "COP")


def test_title_then_unknown_name_is_not_a_sector_word():
    actor = resolve_actor("Foreign Minister Park Jin", "2022-08-01")
    assert (actor.country, actor.sector) == ("KOR", "GOV")


def test_lower_case_text_never_names_a_person():
    assert resolve_actor("car - borne youths").sector == "CVL"
    assert resolve_actor("car - borne youths").country is None


def test_nothing_known():
    actor = resolve_actor("yesterday")
    assert (actor.country, actor.org, actor.sector) == (None, None, None)
