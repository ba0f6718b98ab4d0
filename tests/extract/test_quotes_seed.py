"""The seed article: at least 10 of its 12 reference quotes with the right speaker."""
import json

import pytest

pytestmark = pytest.mark.slow


def _components():
    try:
        from newsevents.resolve import actors  # noqa: F401
    except ImportError:
        return ("ne_quotes",)
    return ("ne_actors", "ne_quotes")


def _speaker_matches(speaker, reference):
    if speaker is None:
        return False
    if reference["speaker_code"] in (speaker.country, speaker.org):
        return True
    written = f"{speaker.text} {speaker.name or ''}"
    return reference["speaker"].split()[-1] in written


def test_seed_quotes_have_the_right_speakers(seed_article):
    from newsevents.nlp.pipeline import load_nlp

    expected = json.loads(seed_article.with_suffix(".expected.json").read_text(encoding="utf-8"))
    doc = load_nlp(components=_components())(seed_article.read_text(encoding="utf-8"))
    quotes = doc._.ne_quotes
    right = []
    for reference in expected["quotes"]:
        found = [q for q in quotes if reference["content"] in q.content.text]
        if any(_speaker_matches(q.speaker, reference) for q in found):
            right.append(reference["id"])
    assert len(right) >= 10, f"right speakers only for {right}"


def test_seed_quantities(seed_article):
    from newsevents.nlp.pipeline import load_nlp

    doc = load_nlp(components=("ne_quantities",))(seed_article.read_text(encoding="utf-8"))
    found = {(q.value, q.approximate, q.counts) for q in doc._.ne_quantities}
    assert {(275000, True, "people"), (900, True, "fighters"), (8000, True, "fighters")} <= found
