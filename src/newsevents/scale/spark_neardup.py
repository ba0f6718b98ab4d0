"""Near-duplicate links for the Spark job, the same ones `newsevents ingest` makes on one machine.

One machine reads articles in order and keeps an LSH index of the originals seen so far: an
article whose MinHash shares an LSH band with an indexed original and whose estimated Jaccard
similarity with it reaches the threshold is a near duplicate of the earliest such original.
Here the banding runs on the cluster (articles grouped by each band's hash values, pairs within
a group checked for the threshold), and only the pairs that pass come back to the driver, which
replays the one-machine rule over them in reading order. Articles in no such pair are originals.

Reading order is (input path, record number within the file), the order of a sorted folder walk.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

import numpy as np

from ..ingest.dedupe import NUM_PERM, THRESHOLD, signature, signature_from_bytes, signature_to_bytes
from ..models import Article

_RECORD_NUMBER = re.compile(r"^(.*):(\d+)$")

Signed = tuple[tuple[str, int], str, bytes]   # (reading order, article id, signature bytes)


def reading_order(origin: str | None) -> tuple[str, int]:
    """'folder/wire.jsonl:12' -> ('folder/wire.jsonl', 12); a whole file is record 0."""
    match = _RECORD_NUMBER.match(origin or "")
    return (match.group(1), int(match.group(2))) if match else (origin or "", 0)


def band_ranges(threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """The LSH bands datasketch uses for this threshold, so candidates are the same as on one machine."""
    from datasketch import MinHashLSH

    return list(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def signed(article: Article) -> Signed:
    return reading_order(article.origin), article.id, signature_to_bytes(signature(article.text))


def band_keys(item: Signed, ranges: list[tuple[int, int]]) -> Iterator[tuple[tuple[int, bytes], Signed]]:
    values = np.frombuffer(item[2], dtype="<u8")
    for band, (start, end) in enumerate(ranges):
        yield (band, values[start:end].tobytes()), item


def similar_pairs(group: Iterable[Signed], threshold: float = THRESHOLD) -> Iterator[tuple]:
    """(earlier order, earlier id, later order, later id) for each pair of a band group that passes."""
    members = [(order, article_id, signature_from_bytes(blob)) for order, article_id, blob in sorted(group)]
    for i, (order_a, id_a, sig_a) in enumerate(members):
        for order_b, id_b, sig_b in members[i + 1:]:
            if sig_a.jaccard(sig_b) >= threshold:   # the test NearDuplicateIndex applies
                yield order_a, id_a, order_b, id_b


def resolve_links(pairs: Iterable[tuple]) -> dict[str, str]:
    """Replay reading order: an article is a duplicate of its earliest similar earlier original."""
    earlier: dict[str, list[tuple]] = defaultdict(list)
    order: dict[str, tuple] = {}
    for order_a, id_a, order_b, id_b in pairs:
        earlier[id_b].append((order_a, id_a))
        order[id_a], order[id_b] = order_a, order_b
    originals: set[str] = set()
    links: dict[str, str] = {}
    for article_id in sorted(order, key=lambda i: (order[i], i)):
        found = [o for o in earlier.get(article_id, ()) if o[1] in originals]
        if found:
            links[article_id] = min(found)[1]
        else:
            originals.add(article_id)
    return links


def near_duplicate_links(articles, threshold: float = THRESHOLD) -> dict[str, str]:
    """{article id: id of the original it nearly duplicates} for an RDD of Articles."""
    ranges = band_ranges(threshold)
    pairs = (articles.map(signed)
             .flatMap(lambda item: band_keys(item, ranges))
             .groupByKey()
             .flatMap(lambda kv: similar_pairs(kv[1], threshold))
             .distinct())
    return resolve_links(pairs.collect())
