"""Disambiguation with geocode(), and the ne_places component on hand-built Docs."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsevents.models import Place
from newsevents.nlp.pipeline import register_extensions
from newsevents.resolve.places import find_places, geocode, main_location, place_for_event


def _one(text: str, name: str, nth: int = 0) -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return geocode(text, [(start, start + len(name))])[0]


def _all(text: str, names: list[str]) -> list[Place]:
    return geocode(text, [(text.index(n), text.index(n) + len(n)) for n in names])


def test_washington_alone_is_the_capital():
    place = _one("Officials in Washington said nothing.", "Washington")
    assert place.geonameid == 4140963 and place.precision == "city"


def test_washington_state_when_qualified():
    place = _one("Wildfires spread across Washington state on Monday.", "Washington state")
    assert place.precision == "admin1" and place.geonameid == 5815135


def test_paris_is_france_unless_texas_is_named():
    assert _one("Talks were held in Paris.", "Paris").country == "FR"
    text = "The storm hit Paris, Texas, overnight."
    paris, texas = _all(text, ["Paris", "Texas"])
    assert paris.country == "US" and texas.precision == "admin1"


def test_context_moves_an_ambiguous_name_to_the_article_country():
    text = "Police in Dallas, Houston and Austin said the man was arrested in Paris on Friday."
    places = _all(text, ["Dallas", "Houston", "Austin", "Paris"])
    assert places[-1].country == "US"


def test_aleppo_and_syria():
    text = "Air strikes hit eastern Aleppo, the second city of Syria."
    aleppo, syria = _all(text, ["eastern Aleppo", "Syria"])
    assert aleppo.geonameid == 170063 and syria.geonameid == 163843 and syria.precision == "country"


def test_unknown_name_backs_off_to_the_main_city_or_stays_empty():
    text = "Crowds gathered on Zorblax Street in Aleppo."
    street, _ = _all(text, ["Zorblax Street", "Aleppo"])
    assert street.name == "Aleppo" and street.text == "Zorblax Street"
    assert geocode(text, [(19, 33), (37, 43)], back_off=False)[0].geonameid is None


def test_demonym_span_resolves_to_its_country():
    assert _one("Canadian troops arrived.", "Canadian").country == "CA"


# --- hand-built Docs: no trained model needed -------------------------------------------------

@pytest.fixture(scope="module")
def vocab():
    register_extensions()
    return spacy.blank("en").vocab


def _doc(vocab, words, heads, deps, pos, lemmas, ents=(), actors=None):
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas,
              sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    doc._.ne_actors = actors
    return doc


def test_capital_as_subject_of_speech_verb_is_not_a_place(vocab):
    doc = _doc(vocab, ["Moscow", "denied", "attacking", "civilians", "in", "Idlib", "."],
               [1, 1, 1, 2, 2, 4, 1], ["nsubj", "ROOT", "xcomp", "dobj", "prep", "pobj", "punct"],
               ["PROPN", "VERB", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
               ["Moscow", "deny", "attack", "civilian", "in", "Idlib", "."],
               ents=[(0, 1, "GPE"), (5, 6, "GPE")])
    assert [p.text for p in find_places(doc)] == ["Idlib"]


def test_speaking_in_washington_is_a_place(vocab):
    doc = _doc(vocab, ["Mr", "Kerry", "was", "speaking", "in", "Washington", "."],
               [1, 3, 3, 3, 3, 4, 3], ["compound", "nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
               ["PROPN", "PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
               ["Mr", "Kerry", "be", "speak", "in", "Washington", "."],
               ents=[(1, 2, "PERSON"), (5, 6, "GPE")])
    places = find_places(doc)
    assert [(p.text, p.geonameid) for p in places] == [("Washington", 4140963)]


def test_actor_component_marks_a_government_subject(vocab):
    from newsevents.models import Actor

    doc = _doc(vocab, ["Damascus", "rejected", "the", "plan", "."], [1, 1, 3, 1, 1],
               ["nsubj", "ROOT", "det", "dobj", "punct"], ["PROPN", "VERB", "DET", "NOUN", "PUNCT"],
               ["Damascus", "reject", "the", "plan", "."], ents=[(0, 1, "GPE")],
               actors=[Actor(text="Damascus", start=0, end=8, country="SYR", sector="GOV")])
    assert find_places(doc) == []


def test_mislabelled_city_and_unlabelled_city_are_found(vocab):
    doc = _doc(vocab, ["Shelling", "hit", "Aleppo", "and", "Homs", "."], [1, 1, 1, 2, 2, 1],
               ["nsubj", "ROOT", "dobj", "cc", "conj", "punct"],
               ["NOUN", "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
               ["shelling", "hit", "Aleppo", "and", "Homs", "."], ents=[(2, 3, "NORP")])
    assert [(p.text, p.country) for p in find_places(doc)] == [("Aleppo", "SY"), ("Homs", "SY")]


def test_place_for_event_prefers_the_locative_attachment(vocab):
    words = ["Jets", "from", "Russia", "bombed", "targets", "in", "Aleppo", "."]
    doc = _doc(vocab, words, [3, 0, 1, 3, 3, 4, 5, 3],
               ["nsubj", "prep", "pobj", "ROOT", "dobj", "prep", "pobj", "punct"],
               ["NOUN", "ADP", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
               ["jet", "from", "Russia", "bomb", "target", "in", "Aleppo", "."],
               ents=[(2, 3, "GPE"), (6, 7, "GPE")])
    doc._.ne_places = find_places(doc)
    assert place_for_event(doc, doc[:], doc[3]).name == "Aleppo"


def test_place_for_event_takes_the_subject_of_a_passive(vocab):
    words = ["Aleppo", "has", "been", "subjected", "to", "air", "strikes", "."]
    doc = _doc(vocab, words, [3, 3, 3, 3, 3, 6, 4, 3],
               ["nsubjpass", "aux", "auxpass", "ROOT", "prep", "compound", "pobj", "punct"],
               ["PROPN", "AUX", "AUX", "VERB", "ADP", "NOUN", "NOUN", "PUNCT"],
               ["Aleppo", "have", "be", "subject", "to", "air", "strike", "."], ents=[(0, 1, "GPE")])
    doc._.ne_places = find_places(doc)
    assert place_for_event(doc, doc[:], doc[6]).geonameid == 170063


def test_main_location_is_the_most_mentioned_city():
    city = dict(precision="city", lat=1.0, lon=1.0)
    places = [Place("Syria", 0, 5, geonameid=1, precision="country", lat=0.0, lon=0.0),
              Place("Aleppo", 10, 16, geonameid=2, **city), Place("Homs", 20, 24, geonameid=3, **city),
              Place("Aleppo", 30, 36, geonameid=2, **city)]
    assert main_location(places).geonameid == 2
    assert main_location(places[:1]).geonameid == 1
    assert main_location([]) is None


def test_the_town_nearer_the_articles_other_towns_is_preferred():
    from newsevents.resolve.gazetteer import Candidate
    from newsevents.resolve.places import _remoteness

    def town(row, lat, lon):
        return Candidate(row, None, "Fairview", lat, lon, "US", "PPL", 5000, "", True)

    near, far = town(1, 38.9, -77.4), town(2, 35.0, -80.0)
    penalty = _remoteness([near, far], [(38.75, -77.47)])
    assert penalty[1] == 0.0 and penalty[2] > 0.0
    assert _remoteness([near], [(38.75, -77.47)]) == {}
