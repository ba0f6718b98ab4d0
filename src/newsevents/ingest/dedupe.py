"""Near-duplicate articles (the same wire story on two sites, a re-crawl with a new footer).

Exact duplicates share Article.content_hash. Near duplicates are found with MinHash over word
3-shingles and an LSH index (datasketch): two texts whose estimated Jaccard similarity is at least
the threshold (0.8 by default) are near duplicates. Signatures serialise to bytes so a store can
keep them and rebuild the index when a run resumes.
"""
from __future__ import annotations

import inspect
import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
SEED = 1
SCHEME = "affine32"
THRESHOLD = 0.8   # estimated Jaccard similarity from which two texts are near duplicates
_HAS_SCHEME = "scheme" in inspect.signature(MinHash.__init__).parameters
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    words = WORD.findall(text.casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = _new_minhash()
    minhash.update_batch([s.encode("utf-8") for s in shingles(text)])
    return minhash


def signature_to_bytes(minhash: MinHash) -> bytes:
    """NUM_PERM little-endian 8-byte values (whatever width this datasketch version uses)."""
    return np.asarray(minhash.hashvalues, dtype="<u8").tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    if len(data) != NUM_PERM * 8:
        raise ValueError(f"a signature has {NUM_PERM} 8-byte values ({NUM_PERM * 8} bytes), got {len(data)} bytes")
    values = np.frombuffer(data, dtype="<u8")
    return _new_minhash(values.astype(_new_minhash().hashvalues.dtype))


def _new_minhash(hashvalues: np.ndarray | None = None) -> MinHash:
    options: dict = {"num_perm": NUM_PERM, "seed": SEED}
    if _HAS_SCHEME:  # datasketch >= 2 has several hashing schemes; signatures must agree on one
        options["scheme"] = SCHEME
    if hashvalues is not None:
        options["hashvalues"] = hashvalues
    return MinHash(**options)


class NearDuplicateIndex:
    """Articles seen so far; query() names an earlier near duplicate of a new text."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._signatures

    def add(self, article_id: str, text: str) -> bytes:
        """Index ``text`` under ``article_id``; returns its signature as bytes (for the store)."""
        minhash = signature(text)
        self._insert(article_id, minhash)
        return signature_to_bytes(minhash)

    def add_signature(self, article_id: str, data: bytes) -> None:
        """Index a stored signature (rebuilding the index when a run resumes)."""
        self._insert(article_id, signature_from_bytes(data))

    def query(self, text: str) -> str | None:
        """The earliest indexed article that is a near duplicate of ``text``, else None."""
        return self.query_signature(signature(text))

    def query_signature(self, minhash: MinHash) -> str | None:
        candidates = [
            found for found in self._lsh.query(minhash)
            if self._signatures[found].jaccard(minhash) >= self.threshold
        ]
        return min(candidates, key=self._order.__getitem__) if candidates else None

    def check_and_add(self, article_id: str, text: str) -> str | None:
        """query() then add() when it is new: the earlier id for a near duplicate, else None."""
        minhash = signature(text)
        earlier = self.query_signature(minhash)
        if earlier is None and article_id not in self._signatures:
            self._insert(article_id, minhash)
        return earlier

    def _insert(self, article_id: str, minhash: MinHash) -> None:
        if article_id in self._signatures:
            return
        self._lsh.insert(article_id, minhash)
        self._signatures[article_id] = minhash
        self._order[article_id] = len(self._order)
