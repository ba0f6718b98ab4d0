"""Datelines credit any agency in parentheses, not only a fixed list."""
from newsevents.ingest import article_from_text


def test_dateline_with_any_agency_name():
    text = "Headline here\n\nKHARTOUM, August 17, 2023 (Newswire) - A convoy reached the town on Thursday."
    assert article_from_text(text).date == "2023-08-17"


def test_dateline_with_two_word_agency():
    text = "Headline here\n\nANKARA, May 2, 2021 (Anadolu Agency) - Turkish forces said on Sunday ..."
    assert article_from_text(text).date == "2021-05-02"
