"""Span matching of the end-to-end extraction score (no model needed)."""
from newsevents.eval.extraction import _span, row_found
from newsevents.models import Actor, EventRecord, Span


def test_a_gold_name_is_matched_as_whole_words():
    sentence = "Kenyan Somalis fled to Somalia on Monday."
    start, end = _span(sentence, "Somalia")
    assert sentence[start:end] == "Somalia" and start == sentence.index("Somalia ")


def test_a_gold_text_only_inside_a_word_still_matches():
    assert _span("The Kenyan-led force", "Kenyan") == (4, 10)
    assert _span("no such text", "Uganda") is None


def test_a_row_needs_type_actor_and_recipient():
    sentence = "Kenya attacked Somalia."
    event = EventRecord(type="ASSAULT", mode=None, cameo="190", quad_class=4,
                        sentence=Span(sentence, 0, len(sentence)), trigger=Span("attacked", 6, 14),
                        actor=[Actor("Kenya", 0, 5)], recipient=[Actor("Somalia", 15, 22)], status="asserted")
    assert row_found([event], sentence, "Kenya", "Somalia", "ASSAULT")
    assert not row_found([event], sentence, "Kenya", "Somalia", "COERCE")
