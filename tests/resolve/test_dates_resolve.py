"""Date expressions resolved against a publication date (Friday 2016-10-07)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsevents.models import Article
from newsevents.nlp.pipeline import register_extensions
from newsevents.resolve.dates import event_date, resolve_date

ANCHOR = "2016-10-07"


@pytest.mark.parametrize("expression, expected", [
    ("on Monday", ("2016-10-03", "day")),
    ("Friday", ("2016-10-07", "day")),
    ("Tuesday night", ("2016-10-04", "day")),
    ("yesterday", ("2016-10-06", "day")),
    ("two days ago", ("2016-10-05", "day")),
    ("October 7", ("2016-10-07", "day")),
    ("on 3 October", ("2016-10-03", "day")),
    ("Oct. 7, 2016", ("2016-10-07", "day")),
    ("in September", ("2016-09", "month")),
    ("December", ("2015-12", "month")),
    ("September 2015", ("2015-09", "month")),
    ("last month", ("2016-09", "month")),
    ("2016", ("2016", "year")),
    ("last year", ("2015", "year")),
    ("earlier this year", ("2016", "year")),
    ("last week", ("2016-09-26/2016-10-02", "range")),
    ("this week", ("2016-10-03/2016-10-07", "range")),
    ("recent weeks", ("2016-09-16/2016-10-07", "range")),
    ("in recent weeks", ("2016-09-16/2016-10-07", "range")),
    ("the past two weeks", ("2016-09-23/2016-10-07", "range")),
    ("between 16 and 20 September", ("2016-09-16/2016-09-20", "range")),
    ("from October 1 to October 3", ("2016-10-01/2016-10-03", "range")),
])
def test_resolve_date(expression, expected):
    assert resolve_date(expression, ANCHOR) == expected


@pytest.mark.parametrize("expression", ["four years", "the 1990s", "several months", ""])
def test_durations_and_decades_are_no_date(expression):
    assert resolve_date(expression, ANCHOR) == (None, None)


def test_relative_expressions_need_an_anchor():
    assert resolve_date("yesterday", None) == (None, None)
    assert resolve_date("October 7", None) == (None, None)
    assert resolve_date("7 October 2016", None) == ("2016-10-07", "day")


def _doc(words, date_span, article_date):
    register_extensions()
    doc = Doc(spacy.blank("en").vocab, words=words)
    if date_span:
        doc.ents = [Span(doc, *date_span, label="DATE")]
    doc._.ne_article = Article(id="a", text=doc.text, content_hash="x", date=article_date)
    return doc


def test_event_date_uses_the_sentence_date_entity():
    doc = _doc(["Jets", "bombed", "Aleppo", "on", "Monday", "."], (4, 5), ANCHOR)
    assert event_date(doc, doc[:]) == ("2016-10-03", "day")


def test_event_date_falls_back_to_the_article_date():
    doc = _doc(["Jets", "bombed", "Aleppo", "."], None, ANCHOR)
    assert event_date(doc, doc[:]) == (ANCHOR, "day")
    undated = _doc(["Jets", "bombed", "Aleppo", "."], None, None)
    assert event_date(undated, undated[:]) == (None, None)
