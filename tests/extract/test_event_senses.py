"""Sense rules that follow the PLOVER manual, on hand-written sentences (real model, slow)."""
from __future__ import annotations

import pytest

from newsevents.ingest import article_from_text

pytestmark = pytest.mark.slow


def types(pipeline, text):
    article = article_from_text(text, date="2021-03-02", first_line_title=False, origin="test")
    return {(e.type, e.trigger.text) for e in next(pipeline.process([article])).events}


def test_a_finished_agreement_is_support(pipeline):
    assert ("SUPPORT", "agreement") in types(pipeline, "Chile and Peru reached an agreement on fishing rights on Friday.")
    assert ("SUPPORT", "agreed") in types(pipeline, "Norway and Iceland agreed a new fisheries pact in Oslo.")


def test_agreeing_to_act_stays_agree(pipeline):
    assert ("AGREE", "agreed") in types(pipeline, "Chile agreed to open its ports to Peruvian ships.")


def test_failing_to_reach_a_deal_is_a_rejection(pipeline):
    assert any(t == "REJECT" for t, _ in types(pipeline, "Chile and Peru failed to reach a deal on fishing rights."))


def test_pledged_support_is_support(pipeline):
    assert ("SUPPORT", "support") in types(pipeline, "Norway pledged its full support for the Chilean government.")


def test_withdrawn_envoys_and_observers_are_a_sanction(pipeline):
    assert ("SANCTION", "withdrew") in types(pipeline, "Canada withdrew its observers from Haiti on Monday.")
    assert ("RETREAT", "withdrew") in types(pipeline, "Turkish troops withdrew from the Syrian town of Afrin.")


def test_expelled_inspectors_are_a_sanction(pipeline):
    assert ("SANCTION", "expelled") in types(pipeline, "Iran expelled the nuclear inspectors of the United Nations.")


def test_peacekeepers_sent_are_aid(pipeline):
    assert ("AID", "deployed") in types(pipeline, "Ghana deployed 500 soldiers to Mali as peacekeepers on Sunday.")


def test_a_meeting_announced_for_the_future_is_an_intent(pipeline):
    found = types(pipeline, "The Chilean president will meet the Peruvian president in Lima next month.")
    assert ("AGREE", "meet") in found
    assert ("CONSULT", "met") in types(pipeline, "The Chilean president met the Peruvian president in Lima.")


def test_announced_restrictions_and_boycotts_are_threats(pipeline):
    assert ("THREATEN", "boycott") in types(pipeline, "The Bolivian opposition said it would boycott the referendum.")
    assert ("THREATEN", "curfew") in types(pipeline, "The Kenyan government will extend the curfew in Nairobi.")


def test_lifting_a_state_of_emergency_is_a_concession(pipeline):
    assert ("CONCEDE", "lifted") in types(pipeline, "Peru lifted the state of emergency in Lima on Monday.")


def test_taking_in_refugees_is_aid(pipeline):
    assert ("AID", "accepted") in types(pipeline, "Canada accepted 2,000 Afghan refugees last year.")


def test_a_cancelled_visit_is_a_rejection(pipeline):
    assert ("REJECT", "cancelled") in types(pipeline, "The Chilean president cancelled a planned visit to Argentina.")


def test_violating_a_ceasefire_is_an_assault(pipeline):
    assert ("ASSAULT", "violated") in types(pipeline, "Azerbaijani troops violated the ceasefire near the Armenian border.")


def test_opening_borders_to_refugees_is_aid(pipeline):
    assert ("AID", "opened") in types(pipeline, "Jordan opened its borders to Iraqi refugees in 2003.")


def test_let_free_is_a_release(pipeline):
    assert ("RETREAT", "let free") in types(pipeline, "Belarus let free several opposition leaders on Friday.")


def test_join_forces_names_the_partner(pipeline):
    article = article_from_text("Kenya joined forces with Uganda against the rebels.", date="2021-03-02",
                                first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.trigger.text == "joined forces")
    assert event.type == "COOPERATE"
    assert {a.country for a in event.recipient} == {"UGA"}


def test_ending_mediation_efforts_is_a_sanction(pipeline):
    assert ("SANCTION", "ended") in types(pipeline, "Norway ended its mediation efforts between Colombia and the rebels.")


def test_reinstating_an_official_is_a_concession_but_not_a_ban(pipeline):
    assert ("CONCEDE", "reinstated") in types(pipeline, "The Kenyan president reinstated the sacked police chief.")
    assert ("CONCEDE", "reinstated") not in types(pipeline, "Kenya reinstated its ban on Somali imports.")


def parties(pipeline, text, trigger):
    article = article_from_text(text, date="2021-03-02", first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.trigger.text == trigger)
    return event.type, {a.country for a in event.recipient}


def test_a_phone_call_on_a_weekday_is_a_consultation(pipeline):
    assert parties(pipeline, "President Ruto called Ugandan President Museveni on Monday.", "called")[0] == "CONSULT"


def test_discussing_a_topic_with_someone_names_the_partner(pipeline):
    assert parties(pipeline, "Kenya discussed the drought with Uganda in Nairobi.", "discussed") == ("CONSULT", {"UGA"})


def test_what_a_party_agrees_to_build_is_no_recipient(pipeline):
    assert parties(pipeline, "Japan agreed to build two new schools in Kenya.", "agreed") == ("AGREE", {"KEN"})


def test_an_invitation_is_an_intent_to_meet(pipeline):
    assert parties(pipeline, "Kenya invited the Ugandan president to Nairobi.", "invited")[0] == "AGREE"


def test_banning_a_newspaper_or_a_politician_is_coercion(pipeline):
    assert ("COERCE", "banned") in types(pipeline, "Egypt banned two opposition newspapers on Sunday.")
    assert ("COERCE", "banned") in types(pipeline, "Egypt banned Mohamed Salem from running for office.")


def test_a_prison_sentence_is_also_an_arrest(pipeline):
    assert ("COERCE", "sentenced") in types(pipeline, "A Cairo court sentenced the Egyptian activist to five years in prison.")


def test_a_named_conjunct_the_resolver_missed_is_still_a_party(pipeline):
    article = article_from_text("Macron and Xi agreed to share data on the virus.", date="2021-03-02",
                                first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.type == "AGREE")
    assert {"Macron", "Xi"} <= {a.text for a in event.actor}


def test_his_rival_is_not_the_one_his_points_to(pipeline):
    article = article_from_text("Kenyan police arrested Odinga's ally and his rival John Mbadi in Kisumu.",
                                date="2021-03-02", first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.type == "COERCE")
    assert "John Mbadi" in " ".join(a.text for a in event.recipient)


def test_closing_borders_with_a_neighbour_is_directed_at_the_neighbour(pipeline):
    assert parties(pipeline, "Kenya closed its borders with Somalia on Monday.", "closed") == ("COERCE", {"SOM"})


def test_an_announced_military_operation_is_a_threat(pipeline):
    found = types(pipeline, "Turkey will begin a military operation against Kurdish fighters in Syria next week.")
    assert ("THREATEN", "military operation") in found


def test_ceasing_operations_and_a_cessation_of_hostilities_are_ceasefires(pipeline):
    assert ("RETREAT", "ceased") in types(pipeline, "The Sudanese army ceased its military operations in Darfur.")
    assert ("RETREAT", "cessation") in types(pipeline, "Sudan declared a cessation of hostilities in Darfur.")


def test_setting_a_deadline_is_a_threat(pipeline):
    assert ("THREATEN", "set") in types(pipeline, "Kenya set a deadline for the Somali rebels to leave Lamu.")


def test_who_is_responsible_for_an_act_did_it(pipeline):
    article = article_from_text("The Gulf cartel was responsible for the killings of ten farmers in Tamaulipas.",
                                date="2021-03-02", first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.type == "ASSAULT")
    assert "Gulf cartel" in " ".join(a.text for a in event.actor)


def test_the_country_expelled_from_is_the_actor_of_a_passive_expulsion(pipeline):
    article = article_from_text("Three French inspectors were expelled from Iran on Tuesday.", date="2021-03-02",
                                first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.trigger.text == "expelled")
    assert {a.country for a in event.actor} == {"IRN"}


def test_a_refusal_until_a_party_acts_is_directed_at_that_party(pipeline):
    article = article_from_text("Kenya said it will not lift the ban until Somalia releases the hostages.",
                                date="2021-03-02", first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.type == "REJECT")
    assert {a.country for a in event.recipient} == {"SOM"}


def test_rolling_back_tariffs_is_a_concession(pipeline):
    assert ("CONCEDE", "rolled") in types(pipeline, "Canada rolled back tariffs on Mexican steel on Friday.")


def test_a_ban_lifted_on_a_group_is_directed_at_the_group(pipeline):
    article = article_from_text("Egypt lifted the ban on Sudanese traders on Friday.", date="2021-03-02",
                                first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.type == "CONCEDE")
    assert "traders" in " ".join(a.text for a in event.recipient)


def test_peacekeepers_arriving_are_aid_and_other_arrivals_nothing(pipeline):
    assert ("AID", "arrived") in types(pipeline, "Ghanaian peacekeepers arrived in Mali on Sunday.")
    assert not any(w == "arrived" for _, w in types(pipeline, "The Ghanaian president arrived in Mali on Sunday."))


def test_forcing_someone_to_act_is_coercion(pipeline):
    assert ("COERCE", "forced") in types(pipeline, "Greek jets forced a Turkish plane to land in Crete.")


def test_a_donor_gives_aid(pipeline):
    assert parties(pipeline, "Japan is the largest donor to Cambodia.", "donor") == ("AID", {"KHM"})


def test_an_announced_release_is_a_concession(pipeline):
    assert ("CONCEDE", "release") in types(pipeline, "The rebels said they will release the two Kenyan nurses.")


def test_an_announced_recognition_is_an_intent(pipeline):
    assert ("AGREE", "recognize") in types(pipeline, "Nicaragua said it would recognize the new government of Chad.")


def test_criticism_offered_is_an_accusation_not_an_offer(pipeline):
    found = types(pipeline, "The Kenyan delegation offered sharp criticism of the Ugandan government.")
    assert ("ACCUSE", "criticism") in found and not any(t == "AGREE" for t, _ in found)


def test_a_scathing_attack_is_verbal(pipeline):
    assert ("ACCUSE", "attack") in types(pipeline, "The Kenyan president launched a scathing attack on the Ugandan government.")


def test_an_investigation_into_claims_names_the_party_inside(pipeline):
    article = article_from_text("Kenyan police opened an investigation into claims that Ugandan soldiers beat farmers.",
                                date="2021-03-02", first_line_title=False, origin="test")
    event = next(e for e in next(pipeline.process([article])).events if e.type == "ACCUSE")
    assert {a.country for a in event.recipient} == {"UGA"}


def test_a_party_that_must_act_is_asked_to_even_without_an_event(pipeline):
    found = types(pipeline, "Kenya says Uganda must respect the border agreement.")
    assert any(t == "REQUEST" for t, _ in found)


def test_saying_a_party_was_responsible_blames_it(pipeline):
    article = article_from_text("The Kenyan government said Somali militants were responsible.", date="2021-03-02",
                                first_line_title=False, origin="test")
    events = [e for e in next(pipeline.process([article])).events if e.type == "ACCUSE"]
    assert events and "militants" in " ".join(a.text for a in events[0].recipient)


def test_pressuring_someone_to_act_is_a_request(pipeline):
    assert ("REQUEST", "pressured") in types(pipeline, "Kenyan police pressured the striking nurses to return to work.")
