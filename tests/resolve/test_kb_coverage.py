"""Knowledge-base coverage: named agencies, armed groups with renamings, companies, media,
central banks, courts and parliaments resolve to their country and sector."""
import pytest

from newsevents.resolve.actors import resolve_actor

CASES = [
    # phrase, date, country, sector, org
    ("the Commerce Department", None, "USA", "GOV", "COMMERCE_USA"),
    ("the Office of the Director of National Intelligence", None, "USA", "SPY", "ODNI"),
    ("the Home Office", None, "GBR", "GOV", "HOME_OFFICE"),
    ("the Crown Prosecution Service", None, "GBR", "JUD", "CPS"),
    ("the Investigative Committee", None, "RUS", "COP", "SK_RUS"),
    ("the Enforcement Directorate", None, "IND", "COP", "ED_IND"),
    ("SEDENA", None, "MEX", "MIL", "SEDENA"),
    ("the EFCC", None, "NGA", "COP", "EFCC"),
    ("Iran's Atomic Energy Organization", None, "IRN", "GOV", "AEOI"),
    ("Workers' Party of Korea", None, "PRK", "PTY", "WPK"),
    ("the Badr Organization", None, "IRQ", "PRM", "BADR"),
    ("the Free Papua Movement", None, "IDN", "REB", "OPM"),
    ("People's Liberation Army of Manipur", None, "IND", "REB", "PLA_MANIPUR"),
    ("Los Choneros", None, "ECU", "CRM", "CHONEROS"),
    ("Sberbank", None, "RUS", "BUS", "SBERBANK"),
    ("Al-Manar", None, "LBN", "JRN", "ALMANAR"),
    ("Fatah", None, "PSE", "PTY", "FATAH"),
    ("the Syrian National Army", None, "SYR", "REB", "SNA_SYR"),
    ("the Gulf Cartel", None, "MEX", "CRM", "GULF_CARTEL"),
    # renamings follow the date
    ("al-Qaeda in Iraq", "2005-06-01", "IRQ", "REB", "AQI"),
    ("al-Qaeda in Iraq", "2008-06-01", "IRQ", "REB", "ISI_IRQ"),
    ("the GSPC", "2005-01-01", "DZA", "REB", "GSPC"),
    ("the GSPC", "2012-01-01", "DZA", "REB", "AQIM"),
    ("MUJAO", "2015-01-01", "MLI", "REB", "MOURABITOUN"),
    # rules: a state's "Bank of" is its central bank; another state's "Congress" is its own
    ("the Bank of Uganda", None, "UGA", "GOV", None),
    ("the Bank of China", None, "CHN", "BUS", "BANK_OF_CHINA"),
    ("Peru's Congress", None, "PER", "LEG", None),
    ("Congress", None, "USA", "LEG", "USCONGRESS"),
]


@pytest.mark.parametrize("phrase,date,country,sector,org", CASES)
def test_kb_coverage(phrase, date, country, sector, org):
    actor = resolve_actor(phrase, date or "2023-06-30")
    assert (actor.country, actor.sector, actor.org) == (country, sector, org)
