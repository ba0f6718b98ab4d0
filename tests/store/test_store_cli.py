"""CLI commands on a small hand-built store, with exact expected output."""
import json

from click.testing import CliRunner

from newsevents.cli.store_cmds import events, show
from newsevents.store.render import events_table

TABLE = """\
EVENT_ID  DATE        TYPE      STATUS    ACTOR    RECIPIENT  PLACE   TRIGGER
--------  ----------  --------  --------  -------  ---------  ------  -----------------
a1:E1     2016-09-19  ASSAULT   claimed   RUS-MIL  SYR-CVL    Aleppo  struck
a1:E2     2016-09-20  REJECT    asserted  RUS-GOV                     denied
b2:E2     2016-10     REQUEST   asserted  TUR                         called for
b2:E1     2016-10-05  AID       asserted  UN                  Idlib   delivered
c3:E1                 SANCTION  asserted  BLR-GOV  LTU-BUS            imposed sanctions
"""

CSV = """\
event_id,date,type,status,actor,recipient,place,trigger,article_id,mode,cameo,trigger_start,trigger_end,dead,injured,confidence
a1:E1,2016-09-19,ASSAULT,claimed,RUS-MIL,SYR-CVL,Aleppo,struck,a1,aerial,195,13,19,12,,0.8
a1:E2,2016-09-20,REJECT,asserted,RUS-GOV,,,denied,a1,,016,107,113,,,0.7
"""

SHOW = """\
Jets strike Aleppo hospital
a1 | 2016-09-20 | Test Wire

[[Russian jets](E1 actor) [struck](E1) [a hospital](E1 recipient) in Aleppo on Monday, killing 12 people](Q1), \
[the Syrian Observatory](E1 claimed by) [said](Q1 cue). [Moscow](E2 actor) [denied](E2) the report.

Events (2)
  E1  ASSAULT  claimed  aerial  2016-09-19  Aleppo
      trigger    "struck" 13-19
      actor      RUS-MIL "Russian jets" 0-12
      recipient  SYR-CVL "a hospital" 20-30
      claimed by SOHR "the Syrian Observatory" 71-93
  E2  REJECT  asserted  2016-09-20
      trigger    "denied" 107-113
      actor      RUS-GOV "Moscow" 100-106

Quotes (1)
  Q1  indirect  speaker SOHR "the Syrian Observatory" 71-93  cue "said" 94-98
      content    "Russian jets struck a hospital in Aleppo on Monday, killing 12 people" 0-69
"""


def invoke(command, *args):
    result = CliRunner().invoke(command, [str(a) for a in args])
    return result.exit_code, result.output


def test_events_table(filled_db):
    assert invoke(events, "--db", filled_db) == (0, TABLE)


def test_events_csv_with_filters(filled_db):
    assert invoke(events, "--db", filled_db, "--actor", "rus", "--format", "csv") == (0, CSV)


def test_events_json_has_participants(filled_db):
    code, out = invoke(events, "--db", filled_db, "--place", "Idlib", "--format", "json")
    (event,) = json.loads(out)
    assert code == 0 and event["event_id"] == "b2:E1"
    assert event["actor"] == [{"text": "The United Nations", "start": 0, "end": 18, "name": "United Nations",
                               "country": None, "org": "UN", "sector": None, "anaphor": None}]


def test_events_every_filter_option_reaches_the_query(filled_db):
    code, out = invoke(events, "--db", filled_db, "--recipient", "SYR", "--type", "ASSAULT", "--type", "AID",
                       "--status", "claimed", "--since", "2016-09-01", "--until", "2016-09-30",
                       "--article", "a1", "--limit", "5", "--format", "csv")
    assert code == 0 and [line.split(",")[0] for line in out.splitlines()] == ["event_id", "a1:E1"]


def test_events_none_match_and_bad_date(filled_db):
    assert invoke(events, "--db", filled_db, "--type", "PROTEST") == (0, "no events match\n")
    code, out = invoke(events, "--db", filled_db, "--since", "last week")
    assert code == 2 and "'last week' does not match the format '%Y-%m-%d'" in out


def test_events_missing_database(tmp_path):
    code, out = invoke(events, "--db", tmp_path / "none.duckdb")
    assert code == 1 and out == (f"Error: {tmp_path / 'none.duckdb'}: no such database; "
                                 f"create it with `newsevents ingest --db {tmp_path / 'none.duckdb'}`\n")


def test_table_fits_a_100_column_terminal():
    long = {"org": "VERY-LONG-ORGANISATION-ID", "sector": "GOV"}
    event = {"event_id": "a-rather-long-article-id:E12", "date": "2016-09-19", "type": "COOPERATE",
             "status": "hypothetical", "actor": [long, long], "recipient": [long],
             "location_name": "Kafr Nabudah al-Gharbiyah", "trigger_text": "agreed to work together on"}
    lines = events_table([event]).splitlines()
    assert max(len(line) for line in lines) <= 100
    assert "hypothetical" in lines[2] and "COOPERATE" in lines[2] and "…" in lines[2]


def test_show_marks_spans_with_plain_markers(filled_db):
    assert invoke(show, "a1", "--db", filled_db) == (0, SHOW)


def test_show_colours_spans_when_asked(filled_db):
    code, out = invoke(show, "a1", "--db", filled_db, "--color")
    assert code == 0
    assert "\x1b[31m\x1b[1m\x1b[4mstruck\x1b[0m" in out      # trigger inside quote content: red, bold, underlined
    assert "\x1b[36m" in out and "\x1b[35m" in out and "\x1b[32m" in out  # actor, recipient, cue
    assert "[struck]" not in out


def test_show_unknown_article(filled_db):
    code, out = invoke(show, "zz", "--db", filled_db, "--no-color")
    assert code == 1 and out.startswith("Error: zz: no such article in ")
