"""Attribution classes added for PolNeAR recall (adjectives, passives with an agent, fallback
slots, quotation edges), on hand-written sentences with the real spaCy model."""
import pytest

from newsevents.extract.quote_marks import find_quoted

pytestmark = pytest.mark.slow


def _quotes(nlp, text):
    return [(q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text)
            for q in nlp(text)._.ne_quotes]


def test_adjective_after_be_is_a_cue(nlp):
    found = _quotes(nlp, "The mayor is confident that the ferry will run again by June.")
    assert found and found[0][:2] == ("The mayor", "is confident")
    assert "the ferry will run again" in found[0][2]


def test_adjective_with_infinitive(nlp):
    found = _quotes(nlp, "The dockworkers were eager to return to the harbour.")
    assert found and found[0][0] == "The dockworkers" and "return to the harbour" in found[0][2]


def test_passive_cue_with_agent_reports_its_subject(nlp):
    found = _quotes(nlp, "The new tariff was opposed by the farmers' union.")
    assert found and found[0][:2] == ("the farmers' union", "opposed") and found[0][2] == "The new tariff"


def test_any_cue_verb_reports_its_object(nlp):
    found = _quotes(nlp, "The coach predicted a narrow win for the visitors.")
    assert found and found[0][:2] == ("The coach", "predicted") and "a narrow win" in found[0][2]


def test_continue_to_is_not_a_cue(nlp):
    assert _quotes(nlp, "Prices continue to climb across the region.") == []


def test_curly_quote_closed_by_a_straight_mark():
    text = "“The river is rising,\" the warden said."
    assert [text[q.start:q.end] for q in find_quoted(text)] == ["The river is rising,"]


def test_cue_in_the_sentence_after_the_quotation(nlp):
    found = _quotes(nlp, "“We will rebuild the pier!” the harbour master said on Monday.")
    assert found and found[0][:2] == ("the harbour master", "said")


def test_colon_paragraph_gives_cue_and_speaker(nlp):
    found = _quotes(nlp, "The harbour master said:\n\n“The pier will open in May. The boats are ready.”")
    assert found and found[-1][:2] == ("The harbour master", "said") and found[-1][2].startswith("The pier")


def test_embed_markup_is_not_an_attribution(nlp):
    text = '<tweet id="12345" author="@harbour">The pier opens today</tweet>.'
    assert all(cue != "tweet" for _, cue, _ in _quotes(nlp, text))


def test_ing_adjunct_borrows_the_main_subject(nlp):
    found = _quotes(nlp, "The minister left the meeting early, saying the budget was settled.")
    assert found and found[0][:2] == ("The minister", "saying")


def test_noun_with_ing_cue_is_the_source(nlp):
    found = _quotes(nlp, "Farmers opposing the new canal marched to the capital.")
    assert found and found[0][:2] == ("Farmers", "opposing")


def test_as_clause_reports_the_main_clause(nlp):
    found = _quotes(nlp, "As the local paper reported, the mill will close in March.")
    assert found and found[0][:2] == ("the local paper", "reported") and "the mill will close" in found[0][2]


def test_asked_if_is_a_question(nlp):
    found = _quotes(nlp, "Asked whether the strike would end soon, the mayor shrugged.")
    assert any(cue == "Asked" and "the strike would end soon" in content for _, cue, content in found)


def test_noun_cue_about_a_wh_clause(nlp):
    found = _quotes(nlp, "The auditors raised questions about how the money was spent.")
    assert found and found[0] == ("The auditors", "raised questions", "how the money was spent")


def test_hearsay_adverb_has_no_source(nlp):
    found = _quotes(nlp, "The envoy reportedly met the rebel commanders in the hills.")
    assert any(cue == "reportedly" and source is None and "met the rebel commanders" in content
               for source, cue, content in found)


def test_poll_after_the_clause_is_the_source(nlp):
    found = _quotes(nlp, "The mayor led her rival by ten points in the latest poll.")
    assert any(cue == "in" and source == "the latest poll" for source, cue, _ in found)


def test_statement_saying_is_its_issuer(nlp):
    found = _quotes(nlp, "The port authority issued a statement saying the cranes were repaired.")
    assert any(cue == "saying" and source == "The port authority" for source, cue, _ in found)


def test_quick_to_add_borrows_through_the_adjective(nlp):
    found = _quotes(nlp, "The mayor was quick to add that the ferry would keep running.")
    assert found and found[0][:2] == ("The mayor", "add")


def test_said_yes_reports_the_answer(nlp):
    found = _quotes(nlp, "Asked about the ferry, the mayor said yes.")
    assert any(cue == "said" and content == "yes" for _, cue, content in found)


def test_calling_for_someone_to_act(nlp):
    found = _quotes(nlp, "The union is calling for the port to reopen the north gate.")
    assert found and found[0][:2] == ("The union", "calling") and "reopen the north gate" in found[0][2]


def test_opening_mark_typed_for_the_closing_one():
    text = "“The tide is late,“ the pilot said."
    assert [text[q.start:q.end] for q in find_quoted(text)] == ["The tide is late,"]


def test_clause_parsed_as_a_subject_before_said(nlp):
    found = _quotes(nlp, "The new bridge will ease traffic on the coast road, said the engineer in charge.")
    assert any(cue == "said" and source.startswith("the engineer") and "ease traffic" in content
               for source, cue, content in found if source)


def test_idioms_of_saying(nlp):
    assert _quotes(nlp, "The mayor made it clear that the ferry would stay.")[0][:2] == ("The mayor", "made it clear")
    assert _quotes(nlp, "As the mayor put it, the ferry is the town's lifeline.")[0][:2] == ("the mayor", "put it")


def test_relative_clause_reports_the_noun_it_qualifies(nlp):
    found = _quotes(nlp, "The council rejected the plan the mayor proposed in May.")
    assert any(cue == "proposed" and source == "the mayor" and "the plan" in content for source, cue, content in found)
