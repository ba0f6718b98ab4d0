"""Event status and attribution status on hand-written sentences, with the real spaCy model."""
import pytest

pytestmark = pytest.mark.slow


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, word, expected", [
    ("Rebels attacked the town.", "attacked", "asserted"),
    ("Rebels did not attack the town.", "attack", "negated"),
    ("The police never arrested him.", "arrested", "negated"),
    ("There were no strikes overnight.", "strikes", "negated"),
    ("The army refused to withdraw its troops.", "withdraw", "negated"),
    ("The army refused to withdraw its troops.", "refused", "asserted"),
    ("Troops may enter the city.", "enter", "hypothetical"),
    ("The talks could collapse.", "collapse", "hypothetical"),
    ("He will sign the treaty if parliament agrees.", "sign", "hypothetical"),
    ("The minister will visit Cairo.", "visit", "future"),
    ("The minister is to visit Cairo.", "visit", "future"),
    ("They are going to close the border.", "close", "future"),
    ("The group threatened to bomb the bridge.", "bomb", "future"),
    ("The state said it was ready to sign the deal.", "sign", "future"),
    ("The union plans to strike.", "strike", "future"),
])
def test_event_status(nlp, text, word, expected):
    from newsevents.extract.status import event_status

    assert event_status(_token(nlp(text), word)) == expected


def test_claimed_with_speaker(nlp):
    from newsevents.extract.status import attribution_of, status_of

    doc = nlp("The ministry said rebels shelled the market.")
    shelled = _token(doc, "shelled")
    status, speaker = attribution_of(doc, shelled, doc._.ne_quotes)
    assert status == "claimed" and speaker.text == "The ministry"
    assert status_of(doc, _token(doc, "said"), doc._.ne_quotes) == ("asserted", None)


def test_denied(nlp):
    from newsevents.extract.status import status_of

    doc = nlp("The army denied shelling the market.")
    status, speaker = status_of(doc, _token(doc, "shelling"), doc._.ne_quotes)
    assert status == "denied" and speaker.text == "The army"


def test_future_wins_over_claimed_but_keeps_the_speaker(nlp):
    from newsevents.extract.status import status_of

    doc = nlp("The government said it would hold elections.")
    status, speaker = status_of(doc, _token(doc, "hold"), doc._.ne_quotes)
    assert status == "hypothetical" and speaker.text == "The government"


def test_stance_content_is_not_a_claim(nlp):
    from newsevents.extract.status import attribution_of

    doc = nlp("The council backed the plan to rebuild the bridge.")
    assert attribution_of(doc, _token(doc, "rebuild"), doc._.ne_quotes) == (None, None)
