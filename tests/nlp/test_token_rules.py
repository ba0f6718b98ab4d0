"""The fast attribute rules and lemma cache annotate exactly as the model's own components."""
from pathlib import Path

import pytest
import spacy

from newsevents.nlp.pipeline import available_model
from newsevents.nlp.token_rules import speed_up_token_rules
from newsevents.settings import data_dir

TRICKY = [
    "Y'all ain't gonna believe it, but there is a deal: let's see if they're doin' it right.",
    "I told you it was over, and you gave it to me anyway.  \n\n  They did the job; had they?",
    "There were protests in Kyiv.\tThe minister has resigned, officials said.",
    "",
]


def annotations(doc):
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def models():
    name = available_model()
    return spacy.load(name), speed_up_token_rules(spacy.load(name))


def texts():
    samples = sorted(Path(data_dir(), "samples").glob("*.txt"))
    return TRICKY + [p.read_text(encoding="utf-8") for p in samples]


def test_same_annotations_as_the_models_components(models):
    original, fast = models
    for a, b in zip(original.pipe(texts()), fast.pipe(texts())):
        assert annotations(b) == annotations(a)


def test_components_keep_their_names(models):
    original, fast = models
    assert fast.pipe_names == original.pipe_names
    assert type(fast.get_pipe("attribute_ruler")) is not type(original.get_pipe("attribute_ruler"))


def test_a_lemmatizer_it_cannot_cache_is_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer = nlp.get_pipe("lemmatizer")
    speed_up_token_rules(nlp)
    assert nlp.get_pipe("lemmatizer") is lemmatizer
