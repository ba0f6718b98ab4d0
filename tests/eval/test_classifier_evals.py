"""PLV and CAMEO scorers on tiny files written here (the real gold data is not needed)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsevents.cli.main import cli
from newsevents.eval import cameo, plv
from newsevents.models import Actor, ArticleRecord, EventRecord, Span

PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tgold_root"


def write_plv(path, rows):
    lines = [PLV_HEADER] + [f"\t{i}\t{s}\t\t{a}\t{b}\t{p}\t{r}" for i, (s, a, b, p, r) in enumerate(rows)]
    path.write_bytes("\r\n".join(lines).encode("utf-8"))  # CRLF, no final newline, as PLV ships


def fake_classify(answers):
    return lambda text, actor, recipient: [(answers[text], 0.9), ("AGREE", 0.1)]


def test_plv_scores_map_concede_and_retreat_to_yield(tmp_path):
    path = tmp_path / "plv.tsv"
    write_plv(path, [("A freed B.", "A", "B", 2, "YIELD"), ("A met B.", "A", "B", 1, "CONSULT"),
                     ("A hit B.", "A", "B", 4, "ASSAULT"), ("A lifted B.", "A", "B", 2, "YIELD")])
    answers = {"A freed B.": "RETREAT", "A met B.": "CONSULT", "A hit B.": "ACCUSE", "A lifted B.": "CONCEDE"}
    report = plv.evaluate_plv(path, classify=fake_classify(answers))
    assert report["rows"] == 4
    assert report["root"]["accuracy"] == 0.75
    assert report["root"]["per_label"]["YIELD"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 2}
    assert report["root"]["per_label"]["ASSAULT"]["recall"] == 0.0
    assert report["confusion"]["ASSAULT"] == {"ACCUSE": 1}
    assert report["penta"]["accuracy"] == 0.75          # ACCUSE is penta 3, gold 4
    assert report["binary"]["accuracy"] == 1.0          # still conflict
    assert report["root"]["macro_f1"] == pytest.approx((1 + 1 + 0) / 3, abs=1e-3)


def test_prf_table_counts_false_positives():
    table = plv.prf_table(["A", "A", "B"], ["A", "B", "B"], ["A", "B"])
    assert table["per_label"]["A"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert table["per_label"]["B"]["precision"] == 0.5


def test_eval_plv_command_writes_json(tmp_path):
    path = tmp_path / "plv.tsv"
    write_plv(path, [("Japan sent aid to Nepal.", "Japan", "Nepal", 2, "AID")])
    out = tmp_path / "res" / "plv.json"
    result = CliRunner().invoke(cli, ["eval", "plv", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("PLV 1 rows: root macro-F1 1.000, accuracy 1.000")
    assert json.loads(out.read_text())["root"]["per_label"]["AID"]["f1"] == 1.0


VALIDATION = """# a comment line outside elements
<Sentences>
<Sentence category="TEST" date="20150609" id="S_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USAGOV" targetcode="CHN" />
<EventCoding eventcode="190" sourcecode="RUS" targetcode="UKR" />
<Text>
Obama visited China.
</Text>
</Sentence>
<Sentence category="TEST" date="20150610" id="S_2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
It rained in Paris.
</Text>
</Sentence>
<Sentence category="TEST" date="20150611" id="S_3" evaluate="false"/>
<EventCoding eventcode="010" sourcecode="USA" targetcode="USA" />
<Text>
Skipped.
</Text>
</Sentence>
</Sentences>
"""


def record_with(events):
    return ArticleRecord(article=None, events=events)  # the scorer reads only .events


def event(code, src, tgt):
    span = Span("x", 0, 1)
    return EventRecord(type="CONSULT", sentence=span, trigger=span, cameo=code,
                       actor=[Actor("a", 0, 1, country=src)], recipient=[Actor("b", 0, 1, country=tgt)])


def test_cameo_reader_and_scores(tmp_path):
    path = tmp_path / "val.xml"
    path.write_text(VALIDATION)
    sentences = cameo.read_validation(path)
    assert [s.id for s in sentences] == ["S_1", "S_2"]
    assert sentences[0].date == "2015-06-09" and sentences[0].text == "Obama visited China."
    assert sentences[1].noevents and not sentences[1].codings

    outputs = {"Obama visited China.": [event("040", "USA", "CHN")],
               "It rained in Paris.": [event("010", "FRA", None)]}
    report = cameo.evaluate_cameo(path, extract=lambda text, date: record_with(outputs[text]),
                                  table_path=tmp_path / "absent.txt")
    assert report["root_agreement"] == 0.5
    assert report["levels"]["root"] == {"tp": 1, "gold": 2, "predicted": 2, "precision": 0.5,
                                        "recall": 0.5, "f1": 0.5}
    assert report["levels"]["triple"]["tp"] == 1
    assert report["noevents_false_positives"] == 1


def test_cameo_table_maps_codes_with_prefix_fallback(tmp_path):
    table_path = tmp_path / "table.txt"
    table_path.write_text("# header\n04: CONSULT\n042: CONSULT,  visit, # Make a visit\n19: ASSAULT\n")
    table = cameo.read_cameo_table(table_path)
    assert cameo.to_plover("042", table) == "CONSULT"
    assert cameo.to_plover("1953", table) == "ASSAULT"
    assert cameo.to_plover("99", table) is None
