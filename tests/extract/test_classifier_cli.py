"""`newsevents classify` and `newsevents train` with click's CliRunner on real files."""
from __future__ import annotations

import json

from click.testing import CliRunner

from newsevents.cli.main import cli
from newsevents.extract import classifier


def test_classify_reads_jsonl_from_stdin_and_adds_type_and_scores():
    lines = [json.dumps({"id": "1", "text": "Japan sent relief supplies to Nepal.", "actor": "Japan",
                         "recipient": "Nepal"}),
             json.dumps({"text": "<s>Iran</s> held talks with <t>Oman</t> in Muscat."})]
    result = CliRunner().invoke(cli, ["classify", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert out[0]["id"] == "1" and out[0]["type"] == "AID"
    assert out[1]["type"] == "CONSULT"
    assert len(out[0]["scores"]) == 16 and "NONE" not in out[0]["scores"]


def test_classify_top_limits_scores(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "Rebels freed ten hostages."}) + "\n")
    result = CliRunner().invoke(cli, ["classify", str(path), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["scores"]) == 3


def test_classify_bad_line_is_a_one_line_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok"}\n{not json\n')
    result = CliRunner().invoke(cli, ["classify", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: malformed JSON" in result.output


def test_train_command_writes_a_loadable_model(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    rows = [("A met B.", "CONSULT"), ("C met D.", "CONSULT"), ("E sent aid to F.", "AID"),
            ("G sent aid to H.", "AID")]
    with (corpus / "corpus_x.jsonl").open("w") as f:
        for i, (text, typ) in enumerate(rows):
            f.write(json.dumps({"id": str(i), "text": text, "actor": text[0], "recipient": None,
                                "type": typ, "mode": None, "trigger": None, "style": "wire"}) + "\n")
    out = tmp_path / "model"
    result = CliRunner().invoke(cli, ["train", "--corpus", str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("trained on 4 sentences from 1 files")
    model = classifier.RelationModel.load(out)
    assert set(model.classes) == {"AID", "CONSULT"}
