"""Relation classifier: training on a tiny corpus, the classify API and the shipped model."""
from __future__ import annotations

import json
import time

import pytest

from newsevents.errors import InputError, ModelNotFound
from newsevents.extract import classifier
from newsevents.extract.relation_features import features, parse_marked, stem, tokens_with_slots

TINY = [
    ("Kenya met Uganda in Nairobi.", "Kenya", "Uganda", "CONSULT"),
    ("France held talks with Chad.", "France", "Chad", "CONSULT"),
    ("Peru met officials from Chile.", "Peru", "Chile", "CONSULT"),
    ("Japan sent aid to Nepal.", "Japan", "Nepal", "AID"),
    ("Norway sent food to Sudan.", "Norway", "Sudan", "AID"),
    ("Qatar sent money to Gaza.", "Qatar", "Gaza", "AID"),
    ("Rebels shelled the town.", "Rebels", "the town", "ASSAULT"),
    ("Troops shelled Bakhmut.", "Troops", "Bakhmut", "ASSAULT"),
    ("Gunmen shelled a village.", "Gunmen", "a village", "ASSAULT"),
    ("Oil prices rose on Monday.", None, None, "NONE"),
]


def write_corpus(path, rows):
    with path.open("w", encoding="utf-8") as f:
        for i, (text, actor, recipient, typ) in enumerate(rows):
            rec = {"id": f"t-{i}", "text": text, "actor": actor, "recipient": recipient, "type": typ,
                   "mode": None, "trigger": None, "style": "wire"}
            f.write(json.dumps(rec) + "\n")


@pytest.fixture()
def tiny_model(tmp_path):
    write_corpus(tmp_path / "corpus_t.jsonl", TINY)
    return classifier.train([tmp_path / "corpus_t.jsonl"], tmp_path / "model")


def test_train_on_tiny_corpus_writes_artefacts_and_ranks(tiny_model, tmp_path):
    assert (tmp_path / "model" / "relation_classifier.json").is_file()
    loaded = classifier.RelationModel.load(tmp_path / "model")
    ranked = classifier.classify("Brazil sent aid to Haiti.", "Brazil", "Haiti", model=loaded)
    assert ranked[0][0] == "AID"
    assert [t for t, _ in ranked if t == "NONE"] == []
    assert len(ranked) == 16 and abs(sum(s for _, s in ranked) - 1.0) < 1e-6


def test_training_is_reproducible(tmp_path, tiny_model):
    again = classifier.train([tmp_path / "corpus_t.jsonl"], tmp_path / "model2")
    assert again.vocab == tiny_model.vocab
    assert (again.coef == tiny_model.coef).all()


def test_include_none_keeps_the_none_class(tiny_model):
    ranked = dict(classifier.classify("Oil prices rose on Tuesday.", include_none=True, model=tiny_model))
    assert "NONE" in ranked
    assert max(ranked, key=ranked.get) == "NONE"


def test_marked_sentence_spans_are_used(tiny_model):
    ranked = classifier.classify("<s>Kenya</s> held talks with <t>Chad</t>.", model=tiny_model)
    assert ranked[0][0] == "CONSULT"
    assert parse_marked("<s>A</s> met <t>B</t>.") == ("A met B.", "A", "B")


def test_bad_corpus_line_names_file_and_reason(tmp_path):
    path = tmp_path / "corpus_bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "A met B.", "actor": "C", "recipient": None,
                                "type": "CONSULT", "mode": None, "trigger": None, "style": "wire"}) + "\n")
    with pytest.raises(InputError, match=r"corpus_bad.jsonl:1: actor 'C' is not a substring"):
        classifier.read_corpus([path])


def test_missing_model_is_an_actionable_error(tmp_path):
    with pytest.raises(ModelNotFound, match="newsevents train"):
        classifier.RelationModel.load(tmp_path)


def test_features_replace_spans_with_slots():
    tokens = tokens_with_slots("The Kenyan army met the Ugandan army.", "The Kenyan army", "the Ugandan army")
    assert tokens == ["ACT", "met", "REC", "."]
    feats = features("Kenya met Uganda.", "Kenya", "Uganda", {"met": ("CONSULT",)})
    assert {"pred:met", "btw:met", "order:AR", "lex:CONSULT", "lexpred:CONSULT"} <= feats
    assert stem("released") == "releas" and stem("stopped") == "stop" and stem("talks") == "talk"


def test_augmentation_keeps_spans_as_substrings():
    corpus = [classifier.LabelledSentence("Kenya met Uganda.", "Kenya", "Uganda", "CONSULT")]
    out = classifier.augment(corpus, ["^On Monday,", ", officials said"], copies=3)
    assert len(out) == 4
    for s in out:
        assert s.actor in s.text and s.recipient in s.text and s.type == "CONSULT"


# ---------------------------------------------------------------- the shipped model

OBVIOUS = [
    ("Egypt and Jordan held talks in Cairo on the crisis.", "Egypt", "Jordan", "CONSULT"),
    ("Germany delivered tanks to Ukraine on Friday.", "Germany", "Ukraine", "AID"),
    ("Hamas released three hostages to the Red Cross.", "Hamas", "three hostages", "RETREAT"),
    ("The UN urged Myanmar to free political prisoners.", "The UN", "Myanmar", "REQUEST"),
    ("North Korea threatened to strike Seoul if the drills went ahead.", "North Korea", "Seoul", "THREATEN"),
    ("The EU praised Kenya for its peaceful election.", "The EU", "Kenya", "SUPPORT"),
    ("The junta lifted the curfew in the capital.", "The junta", "the curfew", "CONCEDE"),
    ("Vietnam pledged to cooperate with Laos on the dam.", "Vietnam", "Laos", "AGREE"),
]


def test_shipped_model_loads_fast_and_ranks_obvious_sentences():
    classifier.load_model.cache_clear()
    started = time.perf_counter()
    model = classifier.load_model()
    assert time.perf_counter() - started < 3.0
    for text, actor, recipient, expected in OBVIOUS:
        assert classifier.classify(text, actor, recipient, model=model)[0][0] == expected, text


def test_shipped_model_is_small_and_fast():
    folder = classifier.model_dir()
    size = sum(p.stat().st_size for p in folder.glob("relation_classifier.*"))
    assert size < 50 * 1024 * 1024
    model = classifier.load_model()
    started = time.perf_counter()
    for _ in range(100):
        for text, actor, recipient, _ in OBVIOUS:
            model.scores(text, actor, recipient)
    rate = 100 * len(OBVIOUS) / (time.perf_counter() - started)
    assert rate > 300, f"{rate:.0f} sentences/s"
