"""The knowledge base: files load, aliases index, dates pick the office, user folders add entries."""
from __future__ import annotations

import time

import pytest

from newsevents.errors import InputError
from newsevents.resolve.kb import load_kb, norm, person_at, plural


def test_loads_fast_and_is_cached():
    started = time.perf_counter()
    kb = load_kb()
    assert time.perf_counter() - started < 1.0
    assert load_kb() is kb


def test_files_have_the_promised_size():
    kb = load_kb()
    people = {h.entry for hits in kb.by_key.values() for h in hits if h.entry.kind == "person"}
    assert len(people) >= 400
    assert len(kb.countries) >= 240
    assert {"UN", "NATO", "EU", "ICC", "ICRC", "MSF"} <= set(kb.orgs)
    assert {"ANF", "JFS", "HTS", "ISIS", "HOUTHIS", "WAGNER"} <= set(kb.orgs)


@pytest.mark.parametrize("alias,kind,country", [
    ("Russia", "country", "RUS"), ("Syrian", "demonym", "SYR"), ("the Kremlin", "metonym", "RUS"),
    ("Downing Street", "metonym", "GBR"), ("Zhongnanhai", "metonym", "CHN"), ("Élysée", "metonym", "FRA"),
    ("Puerto Rico", "country", "USA"),
])
def test_country_aliases(alias, kind, country):
    entries = load_kb().entries(alias, kind)
    assert entries and entries[0].country == country


def test_acronyms_are_case_sensitive_and_names_need_a_capital():
    kb = load_kb()
    assert [h.entry.org for h in kb.lookup("IS")] == ["ISIS"]
    assert kb.lookup("is") == []
    assert kb.lookup("turkey") == []
    assert kb.lookup("Turkey")[0].entry.country == "TUR"


def test_renamed_group_follows_its_successor_by_date():
    kb = load_kb()
    nusra = kb.entries("Nusra Front", "group")[0]
    assert kb.org_at(nusra, "2015-01-01").org == "ANF"
    assert kb.org_at(nusra, "2016-10-07").org == "JFS"
    assert kb.org_at(nusra, "2019-01-01").org == "HTS"


def test_person_office_by_date():
    kb = load_kb()
    entry, status = person_at(kb.entries("Kerry", "person"), "2016-10-07")
    assert (entry.country, entry.sector, status) == ("USA", "GOV", "active")
    assert person_at(kb.entries("Kerry", "person"), "2018-01-01")[1] == "former"


def test_extra_folder_adds_entries(tmp_path, monkeypatch):
    (tmp_path / "orgs.tsv").write_text(
        "id\tname\taliases\tcountry\tplover_country\tsector\tparent\n"
        "ZZF\tZedland Freedom Front\tZFF|Zed Front\tKEN\t\tREB\t\n", encoding="utf-8")
    kb = load_kb([tmp_path])
    assert kb.entries("Zed Front", "org")[0].org == "ZZF"
    monkeypatch.setenv("NEWSEVENTS_KB_EXTRA", str(tmp_path))
    assert load_kb().entries("ZFF", "org")[0].country == "KEN"


def test_missing_extra_folder_is_an_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_kb([tmp_path / "nope"])


def test_norm_and_plural():
    assert norm("Jabhat Fateh al-Sham") == "jabhat fateh al sham"
    assert norm("Erdoğan") == "erdogan"
    assert plural("policeman") == "policemen"
    assert plural("militia") == "militias"
    assert plural("police") == "police"
