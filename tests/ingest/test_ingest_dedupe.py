"""Near-duplicate detection with MinHash LSH, and signatures that survive a round trip."""
from __future__ import annotations

import pytest
from ingest_samples import GERMAN, STORY

from newsevents.ingest.dedupe import NearDuplicateIndex, shingles, signature, signature_from_bytes

OTHER = (
    "The central bank raised its main interest rate by half a point on Thursday, saying inflation "
    "had stayed above its target for a third quarter. Exporters warned the move would hurt sales."
)


def test_reworded_copy_is_a_near_duplicate_and_other_stories_are_not():
    index = NearDuplicateIndex()
    index.add("a", STORY)
    index.add("b", OTHER)
    copy = STORY.replace("Tuesday", "Tuesday afternoon") + "\nCopyright Example Wire"
    assert index.query(copy) == "a"
    assert index.query(OTHER.upper()) == "b"
    assert index.query(GERMAN) is None
    half = STORY[: len(STORY) // 2]
    assert index.query(half) is None


def test_check_and_add_returns_the_earliest_id():
    index = NearDuplicateIndex()
    assert index.check_and_add("first", STORY) is None
    assert index.check_and_add("second", STORY + " Officials said.") == "first"
    assert "second" not in index and len(index) == 1


def test_signatures_round_trip_and_rebuild_an_index():
    index = NearDuplicateIndex()
    stored = {"a": index.add("a", STORY), "b": index.add("b", OTHER)}
    assert all(len(data) == 128 * 8 for data in stored.values())
    rebuilt = NearDuplicateIndex()
    for article_id, data in stored.items():
        rebuilt.add_signature(article_id, data)
    assert rebuilt.query(STORY) == "a" and rebuilt.query(OTHER) == "b"
    assert signature_from_bytes(stored["a"]).jaccard(signature(STORY)) == 1.0


def test_bad_signature_bytes_are_refused():
    with pytest.raises(ValueError, match="signature"):
        signature_from_bytes(b"\x00" * 10)


def test_shingles_are_word_trigrams_ignoring_case():
    assert shingles("The army SAID it withdrew") == {"the army said", "army said it", "said it withdrew"}
    assert shingles("Two words") == {"two words"}
    assert shingles("") == set()
