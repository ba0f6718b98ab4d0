"""Score attribution (quotes) against PolNeAR-format folders: text/*.txt + attributions/*.ann.

Per role (source, cue, content): span precision/recall/F1, under character overlap and under
exact match. Exact match compares spans after trimming whitespace, quotation marks and edge
punctuation on both sides (PolNeAR content spans keep the marks; ours hold the words inside).
Attribution level: a gold attribution is found when one predicted quote has an overlapping cue
and a matching content and source (a gold attribution without a source needs no source match).
PolNeAR is univocal (each token has one label), so it never marks an attribution nested inside
another's content; only the outermost predicted quotes are scored (extract.quotes.outermost).
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..models import Quote
from ..settings import shared_dir
from .brat import ROLES, GoldAttribution, Pieces, annotation_files, read_ann

EDGE_CHARS = " \t\n\r“”\"‘’'«».,;:!?()[]—–-"


def default_folder() -> Path:
    return shared_dir() / "data" / "attribution" / "polnear" / "dev"


@dataclass
class Counts:
    """True positives counted from both sides, since several spans may match one."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.matched_pred += other.matched_pred
        self.pred += other.pred
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    def scores(self) -> dict[str, float]:
        p = self.matched_pred / self.pred if self.pred else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "predicted": self.pred, "gold": self.gold}


@dataclass
class Predicted:
    source: Pieces | None
    cue: Pieces | None
    content: Pieces | None


def predicted_from(quotes: Iterable[Quote]) -> list[Predicted]:
    result = []
    for q in quotes:
        source = ((q.speaker.start, q.speaker.end),) if q.speaker else None
        cue = ((q.cue.start, q.cue.end),) if q.cue else None
        result.append(Predicted(source, cue, ((q.content.start, q.content.end),)))
    return result


def trimmed(text: str, pieces: Pieces) -> tuple[int, int]:
    start, end = pieces[0][0], pieces[-1][1]
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def spans_match(text: str, a: Pieces, b: Pieces, mode: str) -> bool:
    if mode == "exact":
        return trimmed(text, a) == trimmed(text, b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def role_counts(text: str, gold: list[GoldAttribution], pred: list[Predicted], role: str, mode: str) -> Counts:
    gold_spans = {getattr(g, role) for g in gold if getattr(g, role)}
    pred_spans = {getattr(p, role) for p in pred if getattr(p, role)}
    return Counts(
        matched_pred=sum(any(spans_match(text, p, g, mode) for g in gold_spans) for p in pred_spans),
        pred=len(pred_spans),
        matched_gold=sum(any(spans_match(text, g, p, mode) for p in pred_spans) for g in gold_spans),
        gold=len(gold_spans),
    )


def _same_attribution(text: str, g: GoldAttribution, p: Predicted, mode: str) -> bool:
    if g.cue and not (p.cue and spans_match(text, g.cue, p.cue, "overlap")):
        return False
    if not (g.content and p.content and spans_match(text, g.content, p.content, mode)):
        return False
    return g.source is None or (p.source is not None and spans_match(text, g.source, p.source, mode))


def attribution_counts(text: str, gold: list[GoldAttribution], pred: list[Predicted], mode: str) -> Counts:
    return Counts(
        matched_pred=sum(any(_same_attribution(text, g, p, mode) for g in gold) for p in pred),
        pred=len(pred),
        matched_gold=sum(any(_same_attribution(text, g, p, mode) for p in pred) for g in gold),
        gold=len(gold),
    )


@dataclass
class Totals:
    roles: dict[str, Counts] = field(default_factory=dict)
    articles: int = 0
    parse_seconds: float = 0.0
    quote_seconds: float = 0.0

    def add_article(self, text: str, gold: list[GoldAttribution], pred: list[Predicted]) -> None:
        self.articles += 1
        for mode in ("overlap", "exact"):
            for role in ROLES:
                self.roles.setdefault(f"{role}/{mode}", Counts()).add(role_counts(text, gold, pred, role, mode))
            self.roles.setdefault(f"attribution/{mode}", Counts()).add(attribution_counts(text, gold, pred, mode))

    def report(self, folder: Path) -> dict:
        return {
            "folder": str(folder),
            "articles": self.articles,
            "scores": {key: counts.scores() for key, counts in sorted(self.roles.items())},
            "seconds": {"parse_and_actors": round(self.parse_seconds, 2), "quotes": round(self.quote_seconds, 2)},
        }


def evaluate_attribution(folder: Path, nlp=None, limit: int | None = None, with_actors: bool = False) -> dict:
    """Run quote extraction over a PolNeAR-format folder and score it; returns a JSON-ready dict.

    By default the actor component does not run: PolNeAR scores the source phrase as written,
    which is what quotes report without actor mentions (with them, the speaker is the resolved
    mention, often shorter than the annotated phrase).
    """
    from ..extract.quotes import find_quotes, outermost

    nlp = nlp or attribution_nlp(with_actors)
    files = annotation_files(folder, folder.parent / "metadata.tsv")
    totals = Totals()
    for name, ann in list(files.items())[:limit]:
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        started = time.perf_counter()
        doc = nlp(text)
        parsed = time.perf_counter()
        quotes = outermost(find_quotes(doc))
        totals.quote_seconds += time.perf_counter() - parsed
        totals.parse_seconds += parsed - started
        totals.add_article(text, read_ann(ann), predicted_from(quotes))
    return totals.report(folder)


def attribution_nlp(with_actors: bool = False):
    """The spaCy model, plus the actor component when asked for and available."""
    from ..nlp.pipeline import load_nlp

    if with_actors:
        try:
            from ..resolve import actors  # noqa: F401
        except ImportError:
            with_actors = False
    return load_nlp(components=("ne_actors",) if with_actors else ())
