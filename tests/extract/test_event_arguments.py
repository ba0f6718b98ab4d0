"""Actors and recipients of events on hand-written sentences, with the real model (slow)."""
from __future__ import annotations

import pytest

from newsevents.ingest import article_from_text

pytestmark = pytest.mark.slow


def events(pipeline, text, type_):
    article = article_from_text(text, date="2021-03-04", first_line_title=False, origin="test")
    record = next(pipeline.process([article]))
    found = [e for e in record.events if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in record.events]
    return found


def codes(actors):
    return {c for a in actors for c in (a.country, a.org) if c}


def texts(actors):
    return [a.text for a in actors]


def test_two_people_of_one_government_are_actor_and_recipient(pipeline):
    event = events(pipeline, "The Indonesian president pardoned the former governor of Aceh, Irwandi Yusuf.",
                   "CONCEDE")[0]
    assert "IDN" in codes(event.actor) and event.recipient


def test_a_host_receives_a_visitor(pipeline):
    event = events(pipeline, "The Kenyan president received the Ugandan foreign minister in Nairobi on Monday.",
                   "CONSULT")[0]
    assert codes(event.actor) == {"KEN"} and codes(event.recipient) == {"UGA"}


def test_given_thing_carries_the_to_phrase(pipeline):
    event = events(pipeline, "Germany will provide a fresh loan of 50 million euros to Moldova.", "AID")[0]
    assert codes(event.recipient) == {"MDA"}


def test_a_lawsuit_accusing_someone_is_one_accusation_by_the_filer(pipeline):
    accusations = events(pipeline, "The parents filed a lawsuit accusing the Colombian army of killing their son.",
                         "ACCUSE")
    assert len(accusations) == 1
    assert texts(accusations[0].actor) == ["parents"] and codes(accusations[0].recipient) == {"COL"}


def test_a_pronoun_actor_is_shown_by_its_antecedent(pipeline):
    text = "The Iraqi army said on Sunday that it had shelled positions of Islamic State fighters near Tikrit."
    event = events(pipeline, text, "ASSAULT")[0]
    actor = event.actor[0]
    assert actor.text == "Iraqi army" and text[actor.start:actor.end] == "Iraqi army"
    assert actor.anaphor is not None and actor.anaphor.text == "it"
    assert text[actor.anaphor.start:actor.anaphor.end] == "it"


def test_a_proper_name_keeps_its_own_offsets(pipeline):
    event = events(pipeline, "Turkish troops shelled Kurdish positions near the Syrian border.", "ASSAULT")[0]
    assert event.actor[0].anaphor is None


def test_a_name_misread_as_an_adverb_is_the_object(pipeline):
    text = "Kenyan President William Ruto arrived in Addis Ababa. The president met Ethiopian Prime Minister Abiy Ahmed."
    event = events(pipeline, text, "CONSULT")[0]
    assert codes(event.recipient) == {"ETH"}
    assert event.actor[0].text == "Kenyan President William Ruto" and event.actor[0].anaphor.text == "president"


def test_the_party_of_the_thing_acted_on(pipeline):
    event = events(pipeline, "Bhutan has established diplomatic relations with Costa Rica.", "SUPPORT")[0]
    assert codes(event.recipient) == {"CRI"}


def test_a_stance_towards_a_partys_act_is_towards_the_party(pipeline):
    event = events(pipeline, "The Chilean foreign minister criticized Argentina's decision to close the border.",
                   "ACCUSE")[0]
    assert codes(event.recipient) == {"ARG"}


def test_a_stance_keeps_the_thing_it_is_about(pipeline):
    event = events(pipeline, "The Moroccan government condemned the bombings on Sunday.", "ACCUSE")[0]
    assert texts(event.recipient) == ["bombings"] and not codes(event.recipient)


def test_the_actors_own_thing_is_not_the_recipient(pipeline):
    event = events(pipeline, "Chad agreed to open its borders to Sudanese refugees.", "AGREE")[0]
    assert codes(event.recipient) == {"SDN"}


def test_a_returned_things_destination_inside_its_clause(pipeline):
    event = events(pipeline, "Italian police returned a statue that had been stolen in 1985 to Greece.", "RETREAT")[0]
    assert codes(event.recipient) == {"GRC"}


def test_calling_off_a_strike_is_a_concession(pipeline):
    events(pipeline, "Dock workers in Rotterdam called off their strike on Monday.", "CONCEDE")


def test_a_deadline_given_to_a_party_is_a_threat_to_it(pipeline):
    event = events(pipeline, "The Chilean government gave Bolivia a deadline to withdraw its troops.", "THREATEN")[0]
    assert codes(event.actor) == {"CHL"} and codes(event.recipient) == {"BOL"}


def test_civilians_held_as_human_shields_are_assaulted(pipeline):
    event = events(pipeline, "Islamist militants held the villagers as human shields.", "ASSAULT")[0]
    assert texts(event.recipient) == ["villagers"]


def test_cutting_tariffs_is_a_concession(pipeline):
    events(pipeline, "Canada reduced tariffs on Mexican steel.", "CONCEDE")


def test_a_one_sided_act_is_directed_at_the_place_it_is_done_in(pipeline):
    event = events(pipeline, "The army imposed a curfew in parts of southern Peru.", "COERCE")[0]
    assert codes(event.recipient) == {"PER"}
    event = events(pipeline, "The rebels declared a unilateral ceasefire in Mali on Sunday.", "RETREAT")[0]
    assert codes(event.recipient) == {"MLI"}


def test_a_meeting_place_is_no_recipient(pipeline):
    event = events(pipeline, "The Turkish foreign minister held talks in Geneva on Monday.", "CONSULT")[0]
    assert event.recipient == []


def test_an_uncoded_named_actor_acting_on_a_party_is_kept(pipeline):
    event = events(pipeline, "The Harbour Trust returned two paintings to their owners on Friday.", "RETREAT")[0]
    assert texts(event.actor) == ["The Harbour Trust"] and event.actor[0].country is None


def test_an_uncoded_actor_with_no_party_to_act_on_is_dropped(pipeline):
    article = article_from_text("The Harbour Trust returned on Friday.", date="2021-03-04", first_line_title=False,
                                origin="test")
    assert next(pipeline.process([article])).events == []


def test_a_stance_towards_a_named_partys_call_is_towards_the_party(pipeline):
    event = events(pipeline, "Serbia rejected EU calls for a new vote in the north.", "REJECT")[0]
    assert codes(event.recipient) == {"EU"}


def test_refuge_sought_in_a_country_is_asked_of_that_country(pipeline):
    event = events(pipeline, "Thousands of Malian families sought refuge in Niger last year.", "REQUEST")[0]
    assert codes(event.recipient) == {"NER"}


def test_a_hyphenated_cease_fire_with_a_party(pipeline):
    event = events(pipeline, "The Nigerian president announced a weeklong cease-fire with the rebels.", "RETREAT")[0]
    assert "NGA" in codes(event.actor) and texts(event.recipient) == ["rebels"]


def test_they_in_a_reported_clause_are_the_reporters(pipeline):
    event = events(pipeline, "Dock workers said they will release the two drivers on Monday.", "CONCEDE")[0]
    assert texts(event.actor) == ["workers"]


def test_a_word_of_a_partys_name_is_no_trigger(pipeline):
    article = article_from_text("The Organization of Islamic Cooperation met in Jeddah.", date="2021-03-04",
                                first_line_title=False, origin="test")
    assert "COOPERATE" not in {e.type for e in next(pipeline.process([article])).events}


def test_permission_granted_to_a_party_misread_as_a_compound(pipeline):
    event = events(pipeline, "Brussels granted the Greek government permission to borrow more money.", "CONCEDE")[0]
    assert codes(event.recipient) == {"GRC"}


def test_a_thing_returned_with_a_description_before_its_destination(pipeline):
    event = events(pipeline, "The museum board returned a carved mask, missing since 1970, to Nigeria.", "RETREAT")[0]
    assert codes(event.recipient) == {"NGA"}


def test_welcoming_a_party_to_act_welcomes_the_party(pipeline):
    event = events(pipeline, "Norway welcomed Japan to host the next round of talks.", "SUPPORT")[0]
    assert codes(event.recipient) == {"JPN"}


def test_a_strike_called_off_is_conceded_to_the_party_it_was_against(pipeline):
    event = events(pipeline, "Port workers called off their strike after a deal with the Greek government.", "CONCEDE")[0]
    assert codes(event.recipient) == {"GRC"}


def test_a_region_with_no_single_country_is_the_place_acted_on(pipeline):
    event = events(pipeline, "Indian police imposed a curfew in several districts of Kashmir on Friday.", "COERCE")[0]
    assert texts(event.recipient) == ["Kashmir"]


def test_a_word_of_a_longer_trigger_is_no_event_of_its_own(pipeline):
    found = events(pipeline, "Kenya let free some 74 political leaders and members of a small rebel group.", "RETREAT")
    assert len(found) == 1 and codes(found[0].actor) == {"KEN"} and found[0].recipient


def test_a_party_granted_leave_to_act_receives_the_concession(pipeline):
    event = events(pipeline, "The EU granted the Greek government to postpone the vote by two months.", "CONCEDE")[0]
    assert codes(event.recipient) == {"GRC"}


def test_an_order_granted_goes_to_the_party_that_sought_it(pipeline):
    event = events(pipeline, "A federal judge granted a temporary restraining order sought by Amnesty International.",
                   "CONCEDE")[0]
    assert texts(event.recipient) == ["Amnesty International"]


def test_an_object_pronoun_names_the_person_before_it_not_the_subject(pipeline):
    event = events(pipeline, "Maria Kolesnikova was freed on Monday after President Tokayev pardoned her together "
                             "with 20 other prisoners.", "CONCEDE")[0]
    assert texts(event.recipient) == ["Maria Kolesnikova"] and event.recipient[0].anaphor.text == "her"


def test_an_object_pronoun_skips_a_party_inside_a_phrase(pipeline):
    event = events(pipeline, "A Kenyan court convicted a Somali-born al-Shabaab fighter of joining a terror group "
                             "and sentenced him to ten years in prison.", "COERCE")[0]
    assert "fighter" in texts(event.recipient)[0]


def test_a_mediation_is_directed_at_the_parties_it_stands_between(pipeline):
    event = events(pipeline, "Qatar launched a mediation effort to end the dispute between Eritrea and Djibouti.",
                   "CONSULT")[0]
    assert codes(event.recipient) == {"ERI", "DJI"}


def test_two_parties_that_broke_a_truce_broke_it_against_each_other(pipeline):
    event = events(pipeline, "Hamas and Fatah were guilty of violating the ceasefire agreement in Gaza.", "ASSAULT")[0]
    assert texts(event.recipient) == ["Fatah", "Hamas"]


def test_a_nationality_inside_a_thing_names_the_party(pipeline):
    event = events(pipeline, "Japan has agreed to lift a ban on imports of Brazilian chicken.", "AGREE")[0]
    assert codes(event.recipient) == {"BRA"}


def test_the_speaker_avows_the_support_of_the_country_he_speaks_for(pipeline):
    event = events(pipeline, "Putin reiterated Russia's support for the government of Venezuela.", "SUPPORT")[0]
    assert texts(event.actor) == ["Putin"] and codes(event.recipient) == {"VEN"}


def test_a_commitment_to_support_a_party_is_directed_at_it(pipeline):
    event = events(pipeline, "The Kenyan army reiterated its commitment to support the Somali police with training.",
                   "SUPPORT")[0]
    assert codes(event.recipient) == {"SOM"}


def test_a_restriction_kept_in_place_is_directed_at_whom_it_was_imposed_on(pipeline):
    event = events(pipeline, "Canada says it will not lift the embargo it has imposed on the regime.", "REJECT")[0]
    assert texts(event.recipient) == ["regime"]


def test_troops_contributed_to_a_force_abroad_go_to_the_country_it_serves_in(pipeline):
    event = events(pipeline, "Ghana is ready to contribute troops to the UN peacekeeping force in Mali.", "AGREE")[0]
    assert codes(event.recipient) == {"MLI"}


def test_a_thing_returned_with_a_long_description_still_goes_to_its_destination(pipeline):
    event = events(pipeline, "The FBI returned a painting engraved with the image of a saint to Italian authorities "
                             "in Rome on March 4, 2012.", "RETREAT")[0]
    assert texts(event.recipient) == ["Italian authorities"]
