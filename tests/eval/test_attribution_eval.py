"""PolNeAR-format scoring on tiny hand-written folders in tmp_path."""
import json

import pytest

from newsevents.eval.attribution import Predicted, role_counts, spans_match, trimmed
from newsevents.eval.brat import GoldAttribution, annotation_files, read_ann

TEXT = "The mayor said the bridge was safe. “It opens Monday,” she added.\n"


def _write_folder(root, ann_lines, annotator="aaaa"):
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / f"doc1_{annotator}.ann").write_text("\n".join(ann_lines) + "\n", encoding="utf-8")
    return root


def _ann():
    return [
        "T1\tSource 0 9\tThe mayor", "T2\tCue 10 14\tsaid", "T3\tContent 15 34\tthe bridge was safe",
        "T4\tAttribution 10 14\tsaid", "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tSource 56 59\tshe", "T6\tCue 60 65\tadded", "T7\tContent 36 54;54 55\t“It opens Monday,”",
        "T8\tAttribution 60 65\tadded", "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
    ]


def test_read_ann_and_discontinuous_spans(tmp_path):
    folder = _write_folder(tmp_path / "split", _ann())
    gold = read_ann(folder / "attributions" / "doc1_aaaa.ann")
    assert gold[0] == GoldAttribution(((0, 9),), ((10, 14),), ((15, 34),))
    assert gold[1].content == ((36, 54), (54, 55))


def test_first_listed_annotator_is_chosen(tmp_path):
    folder = _write_folder(tmp_path / "split", _ann(), annotator="bbbb")
    (folder / "attributions" / "doc1_aaaa.ann").write_text("", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text("compartment\tfilename\tannotators\nsplit\tdoc1\tbbbb|aaaa\n")
    assert annotation_files(folder, tmp_path / "metadata.tsv")["doc1"].name == "doc1_bbbb.ann"


def test_exact_match_ignores_quotation_marks_and_edge_punctuation():
    assert trimmed(TEXT, ((36, 55),)) == (37, 52)
    assert spans_match(TEXT, ((36, 55),), ((37, 52),), "exact")
    assert not spans_match(TEXT, ((0, 9),), ((4, 9),), "exact")
    assert spans_match(TEXT, ((0, 9),), ((4, 9),), "overlap")


def test_role_counts_precision_and_recall():
    gold = [GoldAttribution(((0, 9),), ((10, 14),), ((15, 34),))]
    pred = [Predicted(((4, 9),), ((10, 14),), ((15, 34),)), Predicted(None, ((60, 65),), ((37, 52),))]
    counts = role_counts(TEXT, gold, pred, "cue", "exact")
    assert counts.scores()["precision"] == 0.5 and counts.scores()["recall"] == 1.0
    assert role_counts(TEXT, gold, pred, "source", "exact").scores()["f1"] == 0.0


@pytest.mark.slow
def test_cli_eval_attribution_on_a_tiny_folder(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli.eval_cmds import eval_group

    folder = _write_folder(tmp_path / "split", _ann())
    out = tmp_path / "result.json"
    result = CliRunner().invoke(eval_group, ["attribution", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    scores = json.loads(out.read_text())["scores"]
    assert scores["cue/overlap"]["recall"] == 1.0
    assert scores["content/exact"]["f1"] == 1.0
    assert "source/exact" in result.output
