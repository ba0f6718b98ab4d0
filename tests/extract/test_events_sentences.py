"""The event extractor on hand-written sentences, with the real model (slow)."""
from __future__ import annotations

import pytest

from newsevents.ingest import article_from_text

pytestmark = pytest.mark.slow


def code(pipeline, text, date="2019-05-02"):
    article = article_from_text(text, date=date, first_line_title=False, origin="test")
    return next(pipeline.process([article]))


def codes(actors):
    return {c for a in actors for c in (a.country, a.org) if c}


def only(record, type_):
    found = [e for e in record.events if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in record.events]
    return found[0]


def test_active_voice(pipeline):
    event = only(code(pipeline, "Turkish troops shelled Kurdish positions near the Syrian border on Tuesday."), "ASSAULT")
    assert "TUR" in codes(event.actor)
    assert event.status == "asserted"


def test_passive_voice_with_agent(pipeline):
    event = only(code(pipeline, "Two Iranian tankers were seized by British marines off Gibraltar."), "COERCE")
    assert "GBR" in codes(event.actor)
    assert "IRN" in codes(event.recipient)


def test_coordinated_actors(pipeline):
    event = only(code(pipeline, "France and Germany condemned Russia over the poisoning."), "ACCUSE")
    assert {"FRA", "DEU"} <= codes(event.actor)
    assert "RUS" in codes(event.recipient)


def test_nominal_event_with_by_phrase(pipeline):
    event = only(code(pipeline, "The town was hit by air strikes by Israeli jets overnight."), "ASSAULT")
    assert "ISR" in codes(event.actor)
    assert event.mode == "aerial"


def test_denial_is_a_reject_and_the_denied_act_is_denied(pipeline):
    record = code(pipeline, "Moscow has repeatedly denied bombing hospitals in Syria.")
    reject = only(record, "REJECT")
    assert "RUS" in codes(reject.actor)
    assaults = [e for e in record.events if e.type == "ASSAULT"]
    assert all(e.status == "denied" for e in assaults)


def test_reported_attack_is_claimed_and_makes_an_accusation(pipeline):
    record = code(pipeline, "The Ukrainian foreign minister said Russian forces shelled a school in Kharkiv.")
    assault = only(record, "ASSAULT")
    assert assault.status == "claimed"
    assert "UKR" in codes(assault.claimed_by)
    accuse = only(record, "ACCUSE")
    assert "UKR" in codes(accuse.actor) and "RUS" in codes(accuse.recipient)


def test_future_and_negated(pipeline):
    future = only(code(pipeline, "Japan will send aid to the Philippines next week."), "AID")
    assert future.status == "future"
    negated = only(code(pipeline, "China did not impose sanctions on Australia."), "SANCTION")
    assert negated.status == "negated"


def test_sentences_without_political_events(pipeline):
    record = code(pipeline, "Liverpool attacked down the left wing and struck the post twice in the first half. "
                            "Shares in the carmaker rose after it agreed a deal with its suppliers.")
    assert [e for e in record.events if e.type in ("ASSAULT", "AGREE", "PROTEST")] == []


def test_two_events_in_one_sentence(pipeline):
    record = code(pipeline, "Egypt hosted Israeli and Palestinian negotiators and urged Hamas to free the hostages.")
    types = {e.type for e in record.events}
    assert {"CONSULT", "REQUEST"} <= types
