"""Sub-national officials via the gazetteer, unknown organisation names, media, companies, central
banks, security services and more armed groups; and the eval's convention classes. Hand-written phrases."""
from __future__ import annotations

import pytest

from newsevents.eval.actors import convention
from newsevents.resolve.actor_rules import org_name_sector
from newsevents.resolve.actors import resolve_actor
from newsevents.resolve.places_lookup import city_country


@pytest.mark.parametrize("text,country,sector", [
    ("the governor of Kandahar province", "AFG", "GOV"),
    ("the mayor of Kharkiv", "UKR", "GOV"),
    ("Texas Governor Greg Abbott", "USA", "GOV"),
    ("the Punjab chief minister", "PAK", "GOV"),
    ("the governor of Lagos State", "NGA", "GOV"),
    ("Belgorod governor", "RUS", "GOV"),
    ("the Sindh government", "PAK", "GOV"),
    ("Punjab Police", "PAK", "COP"),
    ("residents of Aleppo", "SYR", "CVL"),
    ("Nigerian Farmers Association", "NGA", "AGR"),
    ("Lagos State University", "NGA", "EDU"),
    ("Ukraine's Security Service", "UKR", "SPY"),
    ("the Treasury", None, "GOV"),
])
def test_places_and_titles(text, country, sector):
    actor = resolve_actor(text, "2023-06-30")
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize("text,country,org,sector", [
    ("the Associated Press", "USA", "AP", "JRN"),
    ("Al Jazeera", "QAT", "ALJAZEERA", "JRN"),
    ("Xinhua", "CHN", "XINHUA", "JRN"),
    ("Huawei", "CHN", "HUAWEI", "BUS"),
    ("Shell", "GBR", "SHELL", "BUS"),
    ("the Bank of England", "GBR", "BOE", "GOV"),
    ("Bank of America", "USA", "BOFA", "BUS"),
    ("the Reserve Bank of India", "IND", "RBI", "GOV"),
    ("the Shin Bet", "ISR", "SHIN_BET", "SPY"),
    ("Rosgvardia", "RUS", "ROSGVARDIA", "MIL"),
    ("the Kurdistan Regional Government", "IRQ", "KRG", "GOV"),
    ("Clan del Golfo", "COL", "AGC", "CRM"),
    ("Ansarul Islam", "BFA", "ANSARUL_ISLAM", "REB"),
    ("Wazalendo fighters", "COD", "WAZALENDO", "PRM"),
    ("the TNLA", "MMR", "TNLA", "REB"),
    ("Asa'ib Ahl al-Haq", "IRQ", "AAH", "PRM"),
    ("Tren de Aragua", "VEN", "TREN_ARAGUA", "CRM"),
])
def test_named_bodies(text, country, org, sector):
    actor = resolve_actor(text, "2023-06-30")
    assert (actor.country, actor.org, actor.sector) == (country, org, sector)


def test_region_words_alone_are_not_places():
    assert city_country("Northern") is None
    assert city_country("Northern Territory") == "AUS"
    assert city_country("Kandahar province") == "AFG"


def test_organisation_words():
    assert org_name_sector("Riverside Medical Services Alliance") == "MED"
    assert org_name_sector("Central Bank of Somewhere") == "GOV"
    assert org_name_sector("Lakeside Workers Coalition") == "LAB"
    assert org_name_sector("John Smith") is None
    person = resolve_actor("Minister Jane Doe")
    assert (person.name, person.sector) == ("Jane Doe", "GOV")


def test_convention_classes():
    got = {"country": "VAT", "sector": "ELI", "sector_2": "", "wiki": "x"}
    assert convention("country", "", got, {}) is not None
    assert convention("sector", "LEG", got, {}) == "former office holder is ELI"
    assert convention("sector", "JNK", {**got, "sector": ""}, {}) == "code outside our scheme"
    assert convention("sector", "GOV", {**got, "sector": "JRN"}, {"sector_2": "JRN"}) == "one sector per actor"
    assert convention("sector", "MIL", {**got, "sector": "GOV"}, {}) is None
    assert convention("country", "USA", {**got, "country": "CAN"}, {}) is None
