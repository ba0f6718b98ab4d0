"""Near-duplicate linking for the store, over ingest/dedupe.py's MinHash index.

The store keeps each original article's MinHash signature (as bytes) so a later run can
rebuild the index and still link a near-duplicate to an article stored days before.
"""
from __future__ import annotations

from collections.abc import Iterable


class NearDuplicates:
    """check_and_add(id, text) -> (signature bytes, id of the earlier near-duplicate or None)."""

    def __init__(self, stored: Iterable[tuple[str, bytes]] = (), threshold: float | None = None):
        from ..ingest.dedupe import NearDuplicateIndex

        self.index = NearDuplicateIndex() if threshold is None else NearDuplicateIndex(threshold=threshold)
        for article_id, blob in stored:
            self.index.add(article_id, self.index.signature_from_bytes(blob))

    def check_and_add(self, article_id: str, text: str) -> tuple[bytes, str | None]:
        signature = self.index.signature(text)
        blob = self.index.signature_to_bytes(signature)
        matches = self.index.query(signature)
        if matches:
            return blob, sorted(matches)[0]
        self.index.add(article_id, signature)
        return blob, None
