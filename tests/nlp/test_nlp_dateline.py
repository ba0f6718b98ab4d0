"""Wire datelines start their own sentence, so the city is never the subject of the story."""
from __future__ import annotations

import pytest

from newsevents.nlp.dateline import dateline_ends


@pytest.mark.parametrize("text, start_of_story", [
    ("ALGIERS, Algeria - Police arrested ten people.", "Police"),
    ("KHARTOUM, August 17, 2023 (Newswire) - A convoy reached the town.", "A convoy"),
    ("GENEVA (Reuters) -- Delegations met on Tuesday.", "Delegations"),
    ("Headline\n\nKYIV \u2014 Drones hit the capital overnight.", "Drones"),
    ("MOGADISHU (Local Radio): Militants attacked a checkpoint.", "Militants"),
    ("NEW DELHI: The court granted bail to the activist.", "The court"),
    ("LAGOS, Nigeria: Fuel prices rose again.", "Fuel"),
])
def test_dateline_is_found(text, start_of_story):
    ends = dateline_ends(text)
    assert len(ends) == 1 and text[ends[0]:].startswith(start_of_story)


@pytest.mark.parametrize("text", [
    "US and Russian talks - which began in May - have cooled.",
    "Russia and Syria say their forces are attacking militants.",
    "NATO - the alliance - met in Brussels.",
    "UPDATE: The talks were postponed.",
    "WARNING: This story contains graphic details.",
])
def test_ordinary_sentences_have_no_dateline(text):
    assert dateline_ends(text) == []


@pytest.mark.slow
def test_first_event_of_a_wire_story_has_its_real_actor(pipeline):
    from newsevents.ingest import article_from_text

    article = article_from_text("KHARTOUM, August 17, 2023 (Newswire) - Sudanese soldiers shelled a market "
                                "in Omdurman on Thursday, witnesses said.", first_line_title=False)
    record = next(pipeline.process([article]))
    assault = next(e for e in record.events if e.type == "ASSAULT")
    assert [a.country for a in assault.actor] == ["SDN"]
