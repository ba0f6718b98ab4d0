"""Near-duplicate linking for the store, over ingest/dedupe.py's MinHash index.

The store keeps each original article's MinHash signature (as bytes) so a later run can
rebuild the index and still link a near-duplicate to an article stored days before.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..ingest.dedupe import THRESHOLD, NearDuplicateIndex, signature, signature_to_bytes


class NearDuplicates:
    """check_and_add(id, text) -> (signature bytes, id of the earlier near-duplicate or None)."""

    def __init__(self, stored: Iterable[tuple[str, bytes]] = (), threshold: float = THRESHOLD):
        self.index = NearDuplicateIndex(threshold=threshold)
        for article_id, blob in stored:
            self.index.add_signature(article_id, blob)

    def check_and_add(self, article_id: str, text: str) -> tuple[bytes, str | None]:
        minhash = signature(text)
        blob = signature_to_bytes(minhash)
        earlier = self.index.query_signature(minhash)
        if earlier is None:
            self.index.add_signature(article_id, blob)
        return blob, earlier
