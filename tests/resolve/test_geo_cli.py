"""`newsevents geocode` and `newsevents eval geo` through click's CliRunner, on files we write."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsevents.cli.main import cli

GWN_SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article file="1">
    <title/>
    <link/>
    <text>Rain fell on Paris and Lyon. Later it reached Marseille.</text>
    <toponyms>
      <toponym><extractedName>Paris</extractedName><type>Literal</type><nonLocational>No</nonLocational>
        <start>13</start><end>18</end><geonamesID>2988507</geonamesID><latitude>48.85341</latitude><longitude>2.3488</longitude></toponym>
      <toponym><extractedName>Lyon</extractedName><type>Literal</type><nonLocational>No</nonLocational>
        <start>23</start><end>27</end><geonamesID>2996944</geonamesID><latitude>45.74846</latitude><longitude>4.84671</longitude></toponym>
      <toponym><extractedName>Marseille</extractedName><type>Literal</type><nonLocational>No</nonLocational>
        <start>46</start><end>55</end><geonamesID>1</geonamesID><latitude>-33.0</latitude><longitude>151.0</longitude></toponym>
      <toponym><extractedName>Rain</extractedName><type>Non_Toponym</type><nonLocational>Yes</nonLocational>
        <start>0</start><end>4</end><geonamesID/><latitude/><longitude/></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_geocode_reads_jsonl_and_writes_places():
    line = json.dumps({"id": "a1", "text": "Shelling hit Aleppo, Syria.", "spans": [[13, 19], [21, 26]]})
    result = CliRunner().invoke(cli, ["geocode", "-"], input=line + "\n")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["id"] == "a1"
    assert [(p["start"], p["end"], p["geonameid"]) for p in record["places"]] == [(13, 19, 170063), (21, 26, 163843)]


def test_geocode_reports_bad_lines_and_goes_on():
    lines = "not json\n" + json.dumps({"id": 2, "text": "Aleppo", "spans": [[0, 99]]}) + "\n" + \
        json.dumps({"id": 3, "text": "Aleppo", "spans": [[0, 6]]}) + "\n"
    result = CliRunner().invoke(cli, ["geocode", "-"], input=lines)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["id"] == 3
    assert "<stdin>:1: malformed JSON" in result.stderr
    assert "<stdin>:2: span [0, 99] is outside the text (length 6)" in result.stderr


def test_eval_geo_on_a_tiny_gwn_file(tmp_path):
    gwn = tmp_path / "mini.xml"
    gwn.write_text(GWN_SAMPLE, encoding="utf-8")
    out = tmp_path / "geo.json"
    result = CliRunner().invoke(cli, ["eval", "geo", str(gwn), "--out", str(out)])
    assert result.exit_code == 0, result.output
    scores = json.loads(out.read_text())
    # Paris and Lyon right; the third gold point is deliberately on the far side of the world
    assert scores["n"] == 3 and scores["accuracy_161km"] == round(2 / 3, 4)
    assert scores["exact_id"] == round(2 / 3, 4) and scores["median_error_km"] < 1
    assert "accuracy@161km 0.6667" in result.output


def test_eval_geo_explains_a_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["eval", "geo", "--out", str(tmp_path / "x.json"),
                                      str(tmp_path / "absent.xml")])
    assert result.exit_code == 2 and "does not exist" in result.output
