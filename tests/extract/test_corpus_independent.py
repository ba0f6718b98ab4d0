"""The training corpus is our own writing: no line may paraphrase a sentence of the gold sets."""
from __future__ import annotations

import pytest

from newsevents.eval.leakage import find_overlaps, gold_sentences

pytestmark = pytest.mark.shared


def test_no_corpus_line_is_close_to_a_gold_sentence(shared, data):
    gold = gold_sentences(shared / "data")
    overlaps = find_overlaps(sorted((data / "training").glob("*.jsonl")), gold)
    assert overlaps == [], "\n".join(f"{o.corpus_file} {o.corpus_id}: {o.text!r} ~ {o.gold!r}" for o in overlaps[:20])


def test_the_check_catches_a_paraphrase(tmp_path):
    gold = ["The foreign ministry summoned the ambassador to protest against the border incident on Monday."]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "x", "text": "The foreign ministry summoned the ambassador to protest the border incident."}\n'
                      '{"id": "y", "text": "Rebels shelled a market town in the north at dawn."}\n')
    assert [o.corpus_id for o in find_overlaps([corpus], gold)] == ["x"]
