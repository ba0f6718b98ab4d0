"""End-to-end extraction scored on PLV-format files: raw sentences in, events out.

A gold row (sentence, source, target, root type) counts as found when some event extracted
from the sentence has the gold type (PLV's YIELD = CONCEDE or RETREAT) and its actor and
recipient texts overlap the gold source and target. Also reported: the mean number of events
per distinct sentence, and per-type found rates.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from ..ingest import article_from_text
from .plv import TO_PLV, default_path, read_plv


def _span(sentence: str, part: str) -> tuple[int, int] | None:
    """The first occurrence of the gold text as whole words ("Sudan" is not inside "Sudanese"),
    else its first occurrence anywhere."""
    if not part:
        return None
    left = r"\b" if part[0].isalnum() else ""
    right = r"\b" if part[-1].isalnum() else ""
    match = re.search(left + re.escape(part) + right, sentence)
    at = match.start() if match else sentence.find(part)
    return (at, at + len(part)) if at >= 0 else None


def _overlaps(actors, span) -> bool:
    return span is not None and any(a.start < span[1] and span[0] < a.end for a in actors)


def row_found(events, sentence: str, source: str, target: str, gold: str) -> bool:
    src, tgt = _span(sentence, source), _span(sentence, target)
    return any(TO_PLV.get(e.type, e.type) == gold and _overlaps(e.actor, src) and _overlaps(e.recipient, tgt)
               for e in events)


def evaluate_extraction(path: Path | None = None, pipeline=None, limit: int | None = None) -> dict:
    from ..nlp.pipeline import Pipeline

    rows = read_plv(path or default_path())
    sentences = list(dict.fromkeys(r.sentence for r in rows))[:limit]
    pipeline = pipeline or Pipeline()
    articles = [article_from_text(s, first_line_title=False, origin=f"plv:{i}") for i, s in enumerate(sentences)]
    events_of = {s: rec.events for s, rec in zip(sentences, pipeline.process(articles))}
    found, total, by_type = 0, 0, defaultdict(Counter)
    for row in rows:
        if row.sentence not in events_of:
            continue
        hit = row_found(events_of[row.sentence], row.sentence, row.source, row.target, row.gold_root)
        found += hit
        total += 1
        by_type[row.gold_root]["found" if hit else "missed"] += 1
    n_events = sum(len(v) for v in events_of.values())
    return {
        "file": str(path or default_path()),
        "rows": total,
        "sentences": len(events_of),
        "found": found,
        "found_rate": round(found / total, 4) if total else 0.0,
        "events": n_events,
        "events_per_sentence": round(n_events / len(events_of), 3) if events_of else 0.0,
        "per_type": {t: {"found": c["found"], "rows": c["found"] + c["missed"],
                         "rate": round(c["found"] / (c["found"] + c["missed"]), 3)} for t, c in sorted(by_type.items())},
    }
