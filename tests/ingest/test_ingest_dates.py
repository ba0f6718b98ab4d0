"""Publication dates: metadata formats, datelines, captions and the resolution order."""
from __future__ import annotations

import pytest

from newsevents.errors import InputError
from newsevents.ingest import article_from_text
from newsevents.ingest.dates import find_text_date, parse_date


@pytest.mark.parametrize("value, expected", [
    ("2016-10-07", "2016-10-07"),
    ("2016-10-07T14:03:00Z", "2016-10-07"),
    ("2016-10-07 14:03:00+02:00", "2016-10-07"),
    ("October 7, 2016", "2016-10-07"),
    ("7 Oct 2016", "2016-10-07"),
    ("Fri, 07 Oct 2016 09:15:00 GMT", "2016-10-07"),
    ("10/07/2016", "2016-10-07"),
    ("2016-02-30", None),
    ("yesterday-ish", None),
    ("", None),
    (None, None),
    (20161007, None),
])
def test_parse_date_accepts_many_formats(value, expected):
    assert parse_date(value) == expected


def test_reuters_dateline_without_year_takes_the_year_from_the_text():
    text = "WASHINGTON, Oct 7 (Reuters) - The United States said on Friday that talks begun in 2016 failed."
    assert find_text_date(text, []) == "2016-10-07"


def test_dateline_with_year():
    assert find_text_date("BEIRUT, March 3, 2020 (AP) \u2014 Shelling resumed.", []) == "2020-03-03"


def test_caption_date_found_only_in_debris_lines():
    body = "Talks began on 1 May 2019 in the capital."
    assert find_text_date(body, []) is None
    assert find_text_date(body, ["A minister in the capital, 2 May 2019.Image copyright"]) == "2019-05-02"


def test_resolution_order_option_then_metadata_then_dateline():
    text = "LONDON, Jan 5, 2018 (Reuters) - Ministers met."
    assert article_from_text(text, first_line_title=False).date_source == "dateline"
    from_meta = article_from_text(text, first_line_title=False, metadata_date="3 February 2019")
    assert (from_meta.date, from_meta.date_source) == ("2019-02-03", "metadata")
    chosen = article_from_text(text, first_line_title=False, metadata_date="2019-02-03", date="2020-04-05")
    assert (chosen.date, chosen.date_source) == ("2020-04-05", "option")


def test_no_date_anywhere_gives_none():
    article = article_from_text("Ministers met on Tuesday.", first_line_title=False)
    assert (article.date, article.date_source) == (None, None)


def test_an_option_that_is_not_a_date_is_an_error():
    with pytest.raises(InputError, match="not a date"):
        article_from_text("Ministers met.", date="tuesday-ish")
