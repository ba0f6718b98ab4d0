"""The cheap sentence screen: ranges that partition the text, and what it keeps."""
from __future__ import annotations

import pytest

from newsevents.scale.screen import SentenceScreen, inflections, split_sentences

TEXT = (
    "Rebels shelled the town on Monday, officials said. Mr. Smith was not there.\n\n"
    "The weather was mild.  \"We will not leave,\" one resident told reporters. "
    "Prices rose in Kenya. It was a quiet day"
)


def test_ranges_partition_the_text_exactly():
    ranges = split_sentences(TEXT)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(not TEXT[start].isspace() for start, _ in ranges[1:])


def test_sentences_split_at_ends_not_at_titles():
    sentences = [TEXT[s:e].strip() for s, e in split_sentences(TEXT)]
    assert sentences == [
        "Rebels shelled the town on Monday, officials said.",
        "Mr. Smith was not there.",
        "The weather was mild.",
        "\"We will not leave,\" one resident told reporters.",
        "Prices rose in Kenya.",
        "It was a quiet day",
    ]


def test_lower_case_after_a_period_does_not_split():
    assert len(split_sentences("He met officials, e.g. the mayor, on Monday. Then he left.")) == 2


def test_empty_and_single_sentence_texts():
    assert split_sentences("") == []
    text = "One sentence without an end"
    assert split_sentences(text) == [(0, len(text))]


def test_inflections_cover_regular_and_irregular_forms():
    assert {"attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"said", "says", "saying"} <= inflections("say")
    assert {"banned", "banning"} <= inflections("ban")
    assert {"denied", "denies"} <= inflections("deny")


@pytest.fixture(scope="module")
def screen(data):
    return SentenceScreen(data)


@pytest.mark.parametrize("sentence, kept", [
    ("Rebels shelled the town on Monday, officials said.", True),   # trigger and cue
    ("\u201cWe will not leave,\u201d one resident added.", True),      # quotation marks
    ("Prices rose in Kenya.", True),                                  # a country
    ("Voters in Iowa were undecided.", True),                         # a US state
    ("The weather was mild.", False),
    ("It was a quiet day", False),
])
def test_screen_keeps_sentences_that_may_hold_an_event_quote_or_place(screen, sentence, kept):
    assert screen.keep(sentence) is kept
