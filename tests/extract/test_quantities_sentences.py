"""Quantities on hand-written sentences, with the real spaCy model."""
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from newsevents.nlp.pipeline import load_nlp

    return load_nlp(components=("ne_quantities",))


def _found(nlp, text):
    return [(q.text, q.value, q.approximate, q.counts, q.role) for q in nlp(text)._.ne_quantities]


def test_digits_with_hedge_and_dead_role(nlp):
    assert _found(nlp, "At least 156 people were killed in the floods.") == [("156", 156, True, "people", "dead")]


def test_killing_n_soldiers(nlp):
    assert _found(nlp, "The bomb exploded near a checkpoint, killing 12 soldiers.") == [
        ("12", 12, False, "soldiers", "dead")]


def test_wounded_after_killed_is_injured(nlp):
    found = _found(nlp, "Four guards died and 12 people were wounded.")
    assert ("Four", 4, False, "guards", "dead") in found
    assert ("12", 12, False, "people", "injured") in found


def test_scaled_and_vague_numbers(nlp):
    found = _found(nlp, "Some 1.2 million residents fled, and dozens of families returned.")
    assert ("1.2 million", 1_200_000, True, "residents", None) in found
    assert ("dozens", 12, True, "families", None) in found


def test_of_phrase_counts_the_noun_after_it(nlp):
    found = _found(nlp, "Only about 300 of the estimated 2,500 volunteers stayed.")
    assert ("300", 300, True, "volunteers", None) in found
    assert ("2,500", 2500, True, "volunteers", None) in found


def test_word_numbers_and_compounds(nlp):
    found = _found(nlp, "Twenty-five nurses and three doctors arrived.")
    assert ("Twenty-five", 25, False, "nurses", None) in found
    assert ("three", 3, False, "doctors", None) in found


def test_dates_years_money_and_percentages_are_skipped(nlp):
    text = "In 2015 the town spent $40 million, and prices rose 5 percent on 3 March."
    assert _found(nlp, text) == []
