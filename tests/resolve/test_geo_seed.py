"""The seed article end to end with the real spaCy model: its places and where its events happened."""
from __future__ import annotations

import importlib.util

import pytest

from newsevents.models import Article
from newsevents.resolve.places import main_location, place_for_event

pytestmark = pytest.mark.slow


def _annotate(text: str, components: tuple[str, ...]):
    from newsevents.nlp.pipeline import load_nlp

    nlp = load_nlp(components=components)
    doc = nlp.make_doc(text)
    doc._.ne_article = Article(id="seed", text=text, content_hash="seed", date="2016-10-07")
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@pytest.fixture(scope="module")
def seed_doc(seed_article):
    text = seed_article.read_text(encoding="utf-8")
    # The actor component runs first when it is there and works (it is another area's, and may
    # be mid-change); ne_places copes with doc._.ne_actors being None.
    if importlib.util.find_spec("newsevents.resolve.actors") is not None:
        try:
            return _annotate(text, ("ne_actors", "ne_places"))
        except ImportError:
            pass
    return _annotate(text, ("ne_places",))


def test_seed_places_resolve_to_the_expected_geonames_ids(seed_doc):
    ids = {p.text.split()[-1]: p.geonameid for p in seed_doc._.ne_places}
    assert ids["Aleppo"] == 170063
    assert ids["Washington"] == 4140963
    assert ids["Syria"] == 163843


def test_seed_metonyms_are_not_places(seed_doc):
    text = seed_doc.text
    moscow = text.index("Moscow has repeatedly denied")
    russia_said = text.index("Russia said it was ready")
    starts = {p.start for p in seed_doc._.ne_places}
    assert moscow not in starts and russia_said not in starts


def test_seed_main_location_and_air_strike_location(seed_doc):
    assert main_location(seed_doc._.ne_places).geonameid == 170063
    sent = next(s for s in seed_doc.sents if "air strikes" in s.text)
    trigger = next(t for t in sent if t.text == "strikes")
    assert place_for_event(seed_doc, sent, trigger).geonameid == 170063


def test_seed_speaking_in_washington_is_the_event_place(seed_doc):
    sent = next(s for s in seed_doc.sents if "speaking in Washington" in s.text)
    trigger = next(t for t in sent if t.text == "conference")
    assert place_for_event(seed_doc, sent, trigger).geonameid == 4140963
