"""Score extract/status.py against MEANTIME factuality (CoNLL: token, event, certainty, polarity, time).

Each sentence is parsed with the spaCy model alone (the gold tokens are kept as they are) and
event_status() runs on the first token of every gold event. Gold values map to our statuses:
  polarity NEG -> negated; certainty POSSIBLE/PROBABLE -> hypothetical; time FUTURE -> future;
  CERTAIN + POS + NON_FUTURE -> asserted; first match in that order. Events whose remaining
  values are UNDERSPECIFIED map to nothing and are counted as skipped.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..settings import shared_dir

CLASSES = ("asserted", "negated", "hypothetical", "future")


def default_path() -> Path:
    return shared_dir() / "data" / "factuality" / "meantime_en.conll"


@dataclass
class GoldEvent:
    token: int          # index of the event's first token in its sentence
    certainty: str
    polarity: str
    time: str


def gold_status(event: GoldEvent) -> str | None:
    if event.polarity == "NEG":
        return "negated"
    if event.certainty in ("POSSIBLE", "PROBABLE"):
        return "hypothetical"
    if event.time == "FUTURE":
        return "future"
    if (event.certainty, event.polarity, event.time) == ("CERTAIN", "POS", "NON_FUTURE"):
        return "asserted"
    return None


def _value(tag: str) -> str:
    """"B-CERTAIN-8" -> "CERTAIN" (values may contain underscores: B-NON_FUTURE-8)."""
    return tag.split("-", 1)[1].rsplit("-", 1)[0]


def read_sentences(path: Path) -> Iterator[tuple[list[str], list[GoldEvent]]]:
    """(words, gold events) per sentence; sentences are separated by blank lines."""
    words: list[str] = []
    events: list[GoldEvent] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("#file:"):
            continue
        fields = line.split("\t")
        if len(fields) < 6:
            if words:
                yield words, events
            words, events = [], []
            continue
        if fields[2].startswith("B-"):
            events.append(GoldEvent(len(words), _value(fields[3]) if fields[3] != "_" else "UNDERSPECIFIED",
                                    _value(fields[4]) if fields[4] != "_" else "UNDERSPECIFIED",
                                    _value(fields[5]) if fields[5] != "_" else "UNDERSPECIFIED"))
        words.append(fields[1])


def per_class_scores(pairs: list[tuple[str, str]]) -> dict:
    scores = {}
    for cls in CLASSES:
        tp = sum(1 for g, p in pairs if g == cls and p == cls)
        predicted = sum(1 for _, p in pairs if p == cls)
        gold = sum(1 for g, _ in pairs if g == cls)
        prec = tp / predicted if predicted else 0.0
        rec = tp / gold if gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        scores[cls] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                       "gold": gold, "predicted": predicted}
    return scores


def evaluate_factuality(path: Path, nlp=None, limit: int | None = None) -> dict:
    """Run event_status on every gold event of the file and score it; returns a JSON-ready dict."""
    from spacy.tokens import Doc

    from ..extract.status import event_status
    from ..nlp.pipeline import load_nlp

    nlp = nlp or load_nlp(components=())
    pairs: list[tuple[str, str]] = []
    skipped = Counter()
    for number, (words, events) in enumerate(read_sentences(path)):
        if limit is not None and number >= limit:
            break
        if not events:
            continue
        doc = Doc(nlp.vocab, words=words)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for event in events:
            gold = gold_status(event)
            if gold is None:
                skipped["underspecified"] += 1
                continue
            pairs.append((gold, event_status(doc[event.token])))
    accuracy = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    per_class = per_class_scores(pairs)
    return {
        "path": str(path),
        "events": len(pairs),
        "skipped": dict(skipped),
        "accuracy": round(accuracy, 4),
        "macro_f1": round(sum(s["f1"] for s in per_class.values()) / len(CLASSES), 4),
        "per_class": per_class,
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(Counter(pairs).items())},
    }
