"""MEANTIME-format factuality scoring on a tiny hand-written CoNLL file in tmp_path."""
import json

import pytest

from newsevents.eval.factuality import GoldEvent, gold_status, per_class_scores, read_sentences

ROWS = [
    "#file: tiny.conll",
    "1\tTroops\t_\t_\t_\t_",
    "2\tdid\t_\t_\t_\t_",
    "3\tnot\t_\t_\t_\t_",
    "4\tattack\tB-E-1\tB-CERTAIN-1\tB-NEG-1\tB-NON_FUTURE-1",
    "5\t.\t_\t_\t_\t_",
    "",
    "6\tThe\t_\t_\t_\t_",
    "7\tminister\t_\t_\t_\t_",
    "8\twill\t_\t_\t_\t_",
    "9\tvisit\tB-E-2\tB-CERTAIN-2\tB-POS-2\tB-FUTURE-2",
    "10\tParis\t_\t_\t_\t_",
    "11\t.\t_\t_\t_\t_",
    "",
]


def _write(tmp_path):
    path = tmp_path / "tiny.conll"
    path.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return path


def test_read_sentences_and_gold_mapping(tmp_path):
    sentences = list(read_sentences(_write(tmp_path)))
    assert [words for words, _ in sentences][0] == ["Troops", "did", "not", "attack", "."]
    assert sentences[1][1] == [GoldEvent(3, "CERTAIN", "POS", "FUTURE")]
    assert gold_status(sentences[0][1][0]) == "negated"
    assert gold_status(GoldEvent(0, "PROBABLE", "POS", "FUTURE")) == "hypothetical"
    assert gold_status(GoldEvent(0, "UNDERSPECIFIED", "POS", "NON_FUTURE")) is None


def test_per_class_scores():
    scores = per_class_scores([("asserted", "asserted"), ("future", "asserted")])
    assert scores["asserted"]["precision"] == 0.5 and scores["future"]["recall"] == 0.0


@pytest.mark.slow
def test_cli_eval_factuality(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli.eval_cmds import eval_group

    out = tmp_path / "result.json"
    result = CliRunner().invoke(eval_group, ["factuality", str(_write(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["events"] == 2 and data["accuracy"] == 1.0
    assert "negated" in result.output
