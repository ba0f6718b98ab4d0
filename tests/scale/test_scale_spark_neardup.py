"""The Spark job's near-duplicate links are the ones the one-machine ingest makes (no Spark needed here)."""
from collections import defaultdict

from newsevents.models import Article
from newsevents.scale.spark_neardup import (band_keys, band_ranges, reading_order, resolve_links, signed,
                                            similar_pairs)
from newsevents.settings import data_dir
from newsevents.store.neardup import NearDuplicates


def links_as_on_a_cluster(articles: list[Article]) -> dict[str, str]:
    groups = defaultdict(list)
    for article in articles:
        for key, item in band_keys(signed(article), band_ranges()):
            groups[key].append(item)
    pairs = {p for group in groups.values() if len(group) > 1 for p in similar_pairs(group)}
    return resolve_links(pairs)


def links_on_one_machine(articles: list[Article]) -> dict[str, str]:
    index, links = NearDuplicates(), {}
    for article in sorted(articles, key=lambda a: reading_order(a.origin)):
        _, earlier = index.check_and_add(article.id, article.text)
        if earlier:
            links[article.id] = earlier
    return links


def article(aid: str, text: str, origin: str) -> Article:
    return Article(id=aid, text=text, content_hash=aid, origin=origin)


def test_reading_order_is_path_then_record_number():
    origins = ["b.jsonl:10", "a.txt", "b.jsonl:9", "b.jsonl:100"]
    assert sorted(origins, key=reading_order) == ["a.txt", "b.jsonl:9", "b.jsonl:10", "b.jsonl:100"]


def test_a_chain_links_to_the_original_not_to_a_duplicate():
    # B is like A, C like B but not like A: B -> A; C has no earlier original like it, so it is one
    pairs = [(("f", 1), "A", ("f", 2), "B"), (("f", 2), "B", ("f", 3), "C")]
    assert resolve_links(pairs) == {"B": "A"}
    pairs.append((("f", 1), "A", ("f", 3), "C"))
    assert resolve_links(pairs) == {"B": "A", "C": "A"}


def test_same_links_as_the_one_machine_index_on_rewritten_samples():
    samples = sorted((data_dir() / "samples").glob("*.txt"))
    articles = []
    for n, path in enumerate(samples):
        text = path.read_text(encoding="utf-8")
        articles.append(article(f"o{n}", text, f"{path.name}"))
        # a re-crawl with a new footer, and one with a changed opening, later in reading order
        articles.append(article(f"f{n}", text + "\nCopyright the publisher. All rights reserved.", f"z{n}.txt"))
        articles.append(article(f"h{n}", "UPDATED: " + text[text.index(" ") + 1:], f"zz{n}.txt"))
    expected = links_on_one_machine(articles)
    assert expected, "the rewritten copies should be near duplicates"
    assert links_as_on_a_cluster(articles) == expected
