"""Every quote form on hand-written sentences, with the real spaCy model (no actor component)."""
import pytest

pytestmark = pytest.mark.slow


def _quotes(nlp, text):
    return [(q.speaker.text if q.speaker else None, q.cue.text if q.cue else None, q.content.text, q.direct)
            for q in nlp(text)._.ne_quotes]


def test_direct_quote_with_trailing_cue(nlp):
    assert _quotes(nlp, "“The harbour will reopen next week,” the port director said.") == [
        ("the port director", "said", "The harbour will reopen next week", True)]


def test_direct_quote_with_leading_cue_and_straight_marks(nlp):
    found = _quotes(nlp, 'The governor told reporters: "We have enough water for the summer."')
    assert found[0][:2] == ("The governor", "told") and found[0][3] is True
    assert found[0][2].startswith("We have enough water")


def test_cueless_quote_paragraph_takes_previous_speaker(nlp):
    text = ("“Prices are falling,” said Maria Lopez, the trade minister.\n\n"
            "“Farmers will feel it first.”")
    found = _quotes(nlp, text)
    assert len(found) == 2
    assert found[1][0] == found[0][0] and "Lopez" in found[0][0]
    assert found[1][1] is None and found[1][2].startswith("Farmers will feel")


def test_quote_over_two_paragraphs_is_one_quote(nlp):
    text = "“The plan has three parts.\n\n“The first is a ceasefire,” the envoy said."
    found = _quotes(nlp, text)
    assert len(found) == 1 and found[0][0] == "the envoy" and "ceasefire" in found[0][2]


def test_indirect_said_that(nlp):
    assert _quotes(nlp, "The company said that its profits doubled last year.") == [
        ("The company", "said", "that its profits doubled last year", False)]


def test_according_to(nlp):
    found = _quotes(nlp, "According to the health ministry, the clinic was closed on Friday.")
    assert found == [("the health ministry", "According to", "the clinic was closed on Friday", False)]


def test_denial_with_gerund(nlp):
    assert _quotes(nlp, "The army denied shelling the village.") == [
        ("The army", "denied", "shelling the village", False)]


def test_accused_of(nlp):
    found = _quotes(nlp, "The opposition accused the government of rigging the vote.")
    assert found == [("The opposition", "accused", "the government of rigging the vote", False)]


def test_says_their_forces_are(nlp):
    found = _quotes(nlp, "Both countries say their troops are defending the border.")
    assert found == [("Both countries", "say", "their troops are defending the border", False)]


def test_warned_and_insisted(nlp):
    warned = _quotes(nlp, "The agency warned that the river could flood the town.")
    insisted = _quotes(nlp, "The coach insisted the team had played well.")
    assert warned == [("The agency", "warned", "that the river could flood the town", False)]
    assert insisted == [("The coach", "insisted", "the team had played well", False)]


def test_mixed_quote_is_one_indirect_record(nlp):
    found = _quotes(nlp, "The judge said the delays were “simply unacceptable” and must end.")
    assert len(found) == 1
    speaker, cue, content, direct = found[0]
    assert (speaker, cue, direct) == ("The judge", "said", False)
    assert "“simply unacceptable”" in content and content.endswith("must end")


def test_second_verb_of_a_conjunction_borrows_the_subject(nlp):
    found = _quotes(nlp, "The ministry rejected the report and said it contained errors.")
    assert ("The ministry", "said", "it contained errors", False) in found


def test_scare_quote_and_title_are_not_quotes(nlp):
    assert _quotes(nlp, "She watched “The Long Night” on the train.") == []
    assert _quotes(nlp, "The so-called “reform” passed on Tuesday.") == []


def test_offsets_point_into_doc_text(nlp):
    doc = nlp("Officials said the road was closed.\n\n“It will stay shut,” a spokesman said.")
    for quote in doc._.ne_quotes:
        assert doc.text[quote.content.start:quote.content.end] == quote.content.text
        assert doc.text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
