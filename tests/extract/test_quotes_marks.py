"""Quotation-mark scanning and the cue lexicon: no spaCy model needed."""
from newsevents.extract.cues import load_lexicon
from newsevents.extract.quote_marks import find_quoted, paragraphs


def _texts(text):
    return [text[q.start:q.end] for q in find_quoted(text)]


def test_curly_and_straight_quotes():
    text = 'The mayor said "the bridge is open" today.\n\n“We are ready,” the chief said.'
    assert _texts(text) == ["the bridge is open", "We are ready,"]


def test_quote_running_over_two_paragraphs_is_one_quote():
    text = "“The first part goes on.\n\n“And the second part ends,” she said.\n\nAfter."
    quoted = find_quoted(text)
    assert len(quoted) == 1
    assert text[quoted[0].start:quoted[0].end].startswith("The first part")
    assert text[quoted[0].start:quoted[0].end].endswith("ends,")


def test_stray_straight_mark_in_curly_paragraph_is_ignored():
    text = '"The spokesman said “we will return” soon.'
    assert _texts(text) == ["we will return"]


def test_unclosed_quote_ends_with_its_paragraph():
    text = "“An unfinished thought\n\nA plain paragraph."
    assert _texts(text) == ["An unfinished thought"]


def test_paragraphs_skip_blank_lines():
    assert paragraphs("a b\n\n\nc d\n") == [(0, 3), (6, 9)]


def test_lexicon_has_kinds_and_slots():
    lexicon = load_lexicon()
    assert lexicon["say"].kind == "speech" and lexicon["say"].slots[0] == "clause"
    assert lexicon["deny"].kind == "denial"
    assert lexicon["accuse"].slots[0] == "object+of"
    assert "according to" in lexicon
