"""Debris cleaning, headline splitting, identity and the seed article."""
from __future__ import annotations

import hashlib

import pytest
from ingest_samples import STORY

from newsevents.errors import InputError
from newsevents.ingest import article_from_text, clean_text, content_hash
from newsevents.ingest.clean import DEBRIS, debris_kind


def test_clean_text_is_a_no_op_on_clean_text():
    messy_but_clean = "  Indented first line.\r\n\r\n\r\nTwo blank lines above.\u00a0\n\tTabbed.  \n"
    for text in (STORY, messy_but_clean, "One line only"):
        assert clean_text(text).text is text


def test_jsonl_style_text_comes_back_byte_for_byte():
    article = article_from_text(STORY, title="Shelling kills six", first_line_title=False)
    assert article.text == STORY
    start = STORY.index("Karvel")
    assert article.text[start:start + 6] == "Karvel"


@pytest.mark.parametrize("debris", [
    "Related Topics", "Media playback is unsupported on your device", "Getty Images", "Advertisement",
    "Read more: Why the talks failed", "We use cookies to improve your experience on our site.",
    "Accept all cookies", "Share this with", "Image copyright Reuters", "Published 7 October 2016",
])
def test_each_debris_line_is_removed(debris):
    text = f"First paragraph of the story.\n\n{debris}\n\nSecond paragraph of the story."
    assert clean_text(text).text == "First paragraph of the story.\n\nSecond paragraph of the story."


def test_caption_and_credit_lines_after_markers_are_removed():
    text = (
        "A minister speaks in the capital, March 3, 2020.Image copyright\nAFP Photo Desk\n\n"
        "Image caption\n\nThe minister spoke after the meeting\n\n"
        "The minister said the talks would resume.\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == "The minister said the talks would resume."
    assert "AFP Photo Desk" in cleaned.dropped


def test_share_run_drops_button_labels_but_keeps_the_story():
    text = "Share this with\nEmail\nFacebook\nTwitter\n\nThe army said it had withdrawn."
    assert clean_text(text).text == "The army said it had withdrawn."


def test_repeated_headline_is_removed_but_other_lines_stay():
    article = article_from_text("Talks collapse\n\nTalks collapse\n\nThe talks collapsed on Monday.")
    assert article.title == "Talks collapse"
    assert article.text == "The talks collapsed on Monday."


def test_headline_repeated_without_the_site_name_is_removed():
    text = "Talks collapse\n\nThe talks collapsed on Monday."
    assert clean_text(text, "Talks collapse | Example Wire").text == "The talks collapsed on Monday."
    assert clean_text(text, "Other story - Example Wire").text is text


def test_long_sentence_mentioning_cookies_is_kept():
    line = "Bakers said the price of cookies had doubled. " * 12
    assert debris_kind(line) is None


def test_debris_patterns_are_data_rows():
    assert all(kind in {"line", "next", "run"} and why for kind, _pattern, why in DEBRIS)


def test_plain_text_first_line_is_the_headline_and_ids_come_from_the_hash():
    article = article_from_text("Shelling kills six\n\n" + STORY)
    assert article.title == "Shelling kills six"
    assert article.text == STORY.strip()
    expected = hashlib.sha1(" ".join(STORY.split()).encode("utf-8")).hexdigest()
    assert article.content_hash == expected
    assert article.id == expected[:16]
    assert article_from_text(STORY, ext_id="wire-42", first_line_title=False).id == "wire-42"


def test_long_first_line_is_not_taken_as_a_headline():
    paragraph = "Government forces shelled the town. " * 10
    article = article_from_text(paragraph + "\n\nSecond paragraph.")
    assert article.title is None
    assert article.text.startswith("Government forces")


def test_content_hash_ignores_whitespace_and_unicode_form():
    assert content_hash("caf\u00e9  said\nthis") == content_hash("cafe\u0301 said this")


def test_text_that_is_only_debris_is_refused():
    with pytest.raises(InputError, match="empty input"):
        article_from_text("Advertisement\n\nGetty Images\n", first_line_title=False)


def test_seed_article_cleaned(seed_article):
    raw = seed_article.read_text(encoding="utf-8")
    article = article_from_text(raw, origin=str(seed_article))
    assert article.title == "Syria conflict: US calls for Russia and Syria war crimes probe"
    assert article.text.startswith("Russia and the Syrian government should be investigated")
    assert article.date == "2016-10-07" and article.date_source == "dateline"
    story = [p.strip() for p in raw.split("\n\n")[6:] if p.strip()]
    assert len(story) == 17
    assert article.text.split("\n\n") == story
    for debris in ("Image caption", "Related Topics", "Reuters\n", "John Kerry called for"):
        assert debris not in article.text
