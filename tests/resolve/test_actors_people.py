"""Office holders in people.tsv resolve by date: in office GOV (or their group), out of office ELI."""
from __future__ import annotations

import re

import pytest

from newsevents.resolve.actors import resolve_actor
from newsevents.settings import data_dir


@pytest.mark.parametrize("text,date,country,org,sector", [
    ("President Kikwete", "2010-05-01", "TZA", None, "GOV"),
    ("Kikwete", "2019-01-01", "TZA", None, "ELI"),
    ("Prime Minister Youssef Chahed", "2019-03-01", "TUN", None, "GOV"),
    ("Youssef Chahed", "2022-03-01", "TUN", None, "ELI"),
    ("Interior Minister Suleyman Soylu", "2020-01-15", "TUR", None, "GOV"),
    ("Kevin Rudd", "2011-06-01", "AUS", None, "GOV"),
    ("Iyad Ag Ghaly", "2019-01-01", "MLI", "JNIM", "REB"),
    ("Iyad Ag Ghaly", "2013-01-01", "MLI", "ANSARDINE", "REB"),
    ("Hemedti", "2015-01-01", "SDN", "RSF", "PRM"),
    ("Hemedti", "2021-01-01", "SDN", None, "GOV"),
    ("Nechirvan Barzani", "2020-01-01", "IRQ", None, "GOV"),
    ("Qais al-Khazali", "2020-01-01", "IRQ", "AAH", "PRM"),
    ("Mahdi al-Mashat", "2020-01-01", "YEM", "HOUTHIS", "REB"),
    ("Abdullah Ocalan", "2016-01-01", "TUR", "PKK", "REB"),
    ("Nicolae Ciuca", "2022-06-01", "ROU", None, "GOV"),
    ("Nicolae Ciuca", "2024-06-01", "ROU", None, "ELI"),
])
def test_office_holder_at_date(text, date, country, org, sector):
    actor = resolve_actor(text, date)
    assert (actor.country, actor.org, actor.sector) == (country, org, sector), actor


def test_one_surname_two_people_needs_the_full_name():
    # Amber Rudd (Home Secretary) must not take Kevin Rudd's surname, and vice versa.
    assert resolve_actor("Amber Rudd", "2017-01-01").name == "Amber Rudd"
    assert resolve_actor("Kevin Rudd", "2012-01-01").name == "Kevin Rudd"
    assert resolve_actor("Ricardo Maduro", "2003-01-01").country == "HND"
    assert resolve_actor("Nicolás Maduro", "2015-01-01").country == "VEN"


def test_people_rows_have_iso_dates_and_no_duplicates():
    path = data_dir() / "kb" / "people.tsv"
    lines = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    header, rows = lines[0], lines[1:]
    assert header[:8] == ["name", "aliases", "country", "org", "sector", "role", "start", "end"]
    assert len(rows) > 2000
    iso = re.compile(r"\d{4}-\d{2}-\d{2}")
    seen = set()
    for row in rows:
        row = row + [""] * (8 - len(row))
        name, _, _, _, sector, role, start, end = row[:8]
        assert sector and iso.fullmatch(start), row
        assert not end or (iso.fullmatch(end) and start <= end), row
        assert (name, role, start) not in seen, row
        seen.add((name, role, start))
