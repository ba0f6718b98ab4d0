"""`newsevents resolve` and `newsevents eval actors`, with real files."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsevents.cli.main import cli


def test_resolve_reads_json_lines_and_adds_actor():
    stdin = '{"id": "a", "text": "Kerry", "date": "2016-05-01"}\n{"text": "a Turkish policeman"}\n'
    result = CliRunner().invoke(cli, ["resolve", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0] == {"id": "a", "text": "Kerry", "date": "2016-05-01",
                       "actor": {"text": "Kerry", "start": 0, "end": 5, "name": "John Kerry",
                                 "country": "USA", "org": None, "sector": "GOV",
                                 "anaphor": None}}
    assert rows[1]["actor"]["country"] == "TUR" and rows[1]["actor"]["sector"] == "COP"


def test_resolve_reports_bad_lines_and_goes_on(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('not json\n{"text": ""}\n{"text": "Moscow"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1: malformed JSON" in result.stderr
    assert f'{path}:2: record has no non-empty "text" field' in result.stderr
    assert json.loads(result.stdout)["actor"]["country"] == "RUS"


def test_resolve_with_extra_kb_folder(tmp_path):
    (tmp_path / "people.tsv").write_text(
        "name\taliases\tcountry\torg\tsector\trole\tstart\tend\n"
        "Zara Quill\tQuill\tKEN\t\tGOV\tForeign Minister\t2020-01-01\t\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve", "--kb", str(tmp_path), "--date", "2021-01-01"],
                                input='{"text": "Minister Quill"}\n')
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["actor"]["country"] == "KEN"


def test_eval_actors_on_a_small_file(tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text("\n".join(json.dumps(c) for c in [
        {"id": "c1", "kind": "actor", "text": "Russian troops", "date": None,
         "expect": {"country": "RUS", "sector": "MIL"}, "status": "active"},
        {"id": "c2", "kind": "actor", "text": "UN peacekeepers", "date": None,
         "expect": {"country": ["UNO", "IGO"], "sector": "MIL"}, "status": "active"},
        {"id": "c3", "kind": "actor", "text": "a Kenyan farmer", "date": None,
         "expect": {"country": "KEN", "sector": "LAB"}, "status": "xfail"},
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["eval", "actors", str(cases), "--out", str(out)])
    assert result.exit_code == 0, result.output
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["active"]["per_key"]["country"] == {"right": 2, "n": 2, "accuracy": 1.0}
    assert saved["overall"]["all_keys"] == {"right": 2, "n": 3, "accuracy": 0.6667}
    assert [f["id"] for f in saved["failures"]] == ["c3"]
    assert "active" in result.output and f"written to {out}" in result.output


def test_commands_and_options_are_documented():
    from newsevents.cli.eval_cmds import eval_actors
    from newsevents.cli.resolve_cmd import resolve
    from newsevents.settings import data_dir

    doc = (data_dir().parent / "docs" / "actors.md").read_text(encoding="utf-8")
    for name, command in (("newsevents resolve", resolve), ("newsevents eval actors", eval_actors)):
        assert name in doc
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in doc, f"{name} {opt} is not in docs/actors.md"
