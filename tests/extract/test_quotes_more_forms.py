"""Attribution forms beyond reporting verbs (nouns, phrases, colons, beliefs), on hand-written
sentences with the real spaCy model (no actor component)."""
import pytest

from newsevents.extract.quote_marks import find_quoted

pytestmark = pytest.mark.slow


def _quotes(nlp, text):
    return [(q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text)
            for q in nlp(text)._.ne_quotes]


def test_possessive_claim_that(nlp):
    found = _quotes(nlp, "The mayor's claim that the bridge was safe angered residents.")
    assert found and found[0][:2] == ("The mayor's", "claim") and found[0][2].startswith("that the bridge was safe")


def test_noun_object_of_a_plain_verb_takes_the_subject(nlp):
    found = _quotes(nlp, "The minister voiced concern that the talks would fail.")
    assert found and found[0][0] == "The minister" and found[0][1].startswith("voiced")
    assert "the talks would fail" in found[0][2]


def test_document_phrase_is_the_source(nlp):
    found = _quotes(nlp, "In a report released on Monday, the port lost money for a third year.")
    assert found and found[0][:2] == ("a report released on Monday", "In")
    assert "the port lost money for a third year" in found[0][2]


def test_said_in_a_statement_keeps_the_verb_as_cue(nlp):
    found = _quotes(nlp, "The ministry said in a statement that the border would reopen.")
    assert [f[1] for f in found] == ["said"]


def test_colon_headline(nlp):
    found = _quotes(nlp, "Okafor: The Port Will Reopen Within a Month\n\nThe port has been shut since May.")
    assert found[0] == ("Okafor", ":", "The Port Will Reopen Within a Month")


def test_parenthetical_cue_inside_the_clause(nlp):
    found = _quotes(nlp, "The plan, an aide said, is to cut the deficit by half.")
    assert found and found[0][:2] == ("an aide", "said") and "cut the deficit" in found[0][2]


def test_belief_and_intent_verbs(nlp):
    assert _quotes(nlp, "The senator suspected the figures were inflated.")[0][:2] == ("The senator", "suspected")
    assert _quotes(nlp, "The union hopes to settle before the summer.")[0][:2] == ("The union", "hopes")


def test_seem_has_no_source(nlp):
    found = _quotes(nlp, "The governor seemed to be losing patience with the council.")
    assert found and found[0][0] is None and found[0][1] == "seemed"


def test_passive_cue_takes_the_agent_not_the_subject(nlp):
    found = _quotes(nlp, "The coach was asked by reporters whether the team would appeal.")
    assert found and found[0][0] != "The coach"


def test_relative_pronoun_is_the_source_and_keeps_its_antecedent(nlp):
    doc = nlp("Farmers, who say the rules are unfair, marched on the capital.")
    quote = doc._.ne_quotes[0]
    assert (quote.speaker.text, quote.speaker.name) == ("who", "Farmers")


def test_physical_attack_is_not_an_attribution(nlp):
    assert _quotes(nlp, "Rebels attacked the airport and defended the town.") == []


def test_doubled_apostrophes_are_quotation_marks():
    text = "''We will not leave,'' he said."
    quoted = find_quoted(text)
    assert [text[q.start:q.end] for q in quoted] == ["We will not leave,"]
    assert (quoted[0].outer_start, quoted[0].outer_end) == (0, 22)


def test_source_keeps_a_who_clause_after_the_cue_and_drops_date_and_even(nlp):
    found = _quotes(nlp, "The harbour will close in May, said Anna Berg, who runs the ferry company.")
    assert found and found[0][0] == "Anna Berg, who runs the ferry company"
    found = _quotes(nlp, "Anna Berg, who runs the ferry company, said the harbour will close in May.")
    assert found and found[0][0] == "Anna Berg"
    found = _quotes(nlp, "Even the harbour master said the ferry was too old.")
    assert found and found[0][0] == "the harbour master"


def test_one_word_answer_in_quotation_marks_is_a_quote_not_a_title(nlp):
    found = _quotes(nlp, 'Asked whether the ferry would run again, the captain said, "Certainly."')
    assert any(f[0] == "the captain" and "Certainly" in f[2] for f in found)
    found = _quotes(nlp, "“Never,” the captain said.")
    assert found and found[0][:2] == ("the captain", "said")


def test_attack_and_defend_are_stance_cues_only_when_aimed_at_people_or_words(nlp):
    found = _quotes(nlp, "The senator attacked the governor for raising fares.")
    assert found and found[0][:2] == ("The senator", "attacked")
    found = _quotes(nlp, "The minister defended her decision to close the port.")
    assert found and found[0][1] == "defended" and found[0][2].startswith("her decision")
    assert _quotes(nlp, "Gunmen attacked a police convoy near the border.") == []


def test_strict_frames_rule_that_and_push_for(nlp):
    found = _quotes(nlp, "The court ruled that the fare increase was unlawful.")
    assert found and found[0][:2] == ("The court", "ruled")
    assert _quotes(nlp, "The old king ruled the island for forty years.") == []
    found = _quotes(nlp, "Local activists pushed for a ban on plastic bags.")
    assert found and found[0][1] == "pushed" and "a ban on plastic bags" in found[0][2]
    assert _quotes(nlp, "The nurses pushed the beds into the corridor.") == []


def test_cast_as_is_a_stance_cue(nlp):
    found = _quotes(nlp, "The challenger cast the mayor as a friend of developers.")
    assert found and found[0][:2] == ("The challenger", "cast")
    assert _quotes(nlp, "The fishermen cast their nets at dawn.") == []


def test_strict_perception_and_stance_verbs_need_their_own_frame(nlp):
    assert _quotes(nlp, "The crew continued to repair the bridge.") == []
    assert _quotes(nlp, "Residents spoke to the council on Tuesday.") == []
    found = _quotes(nlp, "The inspectors found that the bridge was unsafe.")
    assert found and found[0][:2] == ("The inspectors", "found")
