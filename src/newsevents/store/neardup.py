"""Near-duplicate linking for the store, over ingest/dedupe.py's MinHash index.

The store keeps each original article's MinHash signature (as bytes) so a later run can
rebuild the index and still link a near-duplicate to an article stored days before.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import MinHash

from ..ingest import dedupe
from ..ingest.dedupe import NearDuplicateIndex, signature, signature_to_bytes


class NearDuplicates:
    """check_and_add(id, text) -> (signature bytes, id of the earlier near-duplicate or None)."""

    def __init__(self, stored: Iterable[tuple[str, bytes]] = (), threshold: float = 0.8):
        self.index = NearDuplicateIndex(threshold=threshold)
        for article_id, blob in stored:
            self._add_stored(article_id, blob)

    def check_and_add(self, article_id: str, text: str) -> tuple[bytes, str | None]:
        minhash = signature(text)
        earlier = self.index.query_signature(minhash)
        if earlier is None:
            self.index.add(article_id, text)
        return signature_to_bytes(minhash), earlier

    def _add_stored(self, article_id: str, blob: bytes) -> None:
        try:
            self.index.add_signature(article_id, blob)
        except ValueError:
            # datasketch >= 2.0 refuses hash values without a named scheme, which
            # dedupe.signature_from_bytes does not pass; rebuild with the scheme in use.
            values = np.frombuffer(blob, dtype="<u8")
            minhash = MinHash(num_perm=len(values), seed=dedupe.SEED, hashvalues=values,
                              scheme=signature("").scheme)
            self.index._insert(article_id, minhash)  # noqa: SLF001 (no public twin)
