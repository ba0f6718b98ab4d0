"""Score the relation classifier on PLV (sentences with a marked source and target, gold PLOVER root).

PLV labels use YIELD where PLOVER 2 has CONCEDE and RETREAT, so predictions are mapped before
scoring. Penta codes follow the PLV paper: 1 verbal cooperation, 2 material cooperation (YIELD
included), 3 verbal conflict, 4 material conflict; binary = cooperation (1, 2) vs conflict (3, 4).
"""
from __future__ import annotations

import csv
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..settings import shared_dir

TO_PLV = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
PLV_PENTA = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "AID": 2, "COOPERATE": 2, "YIELD": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def default_path() -> Path:
    return shared_dir() / "data" / "plover" / "PLV_train.tsv"


@dataclass(frozen=True)
class PlvRow:
    sentence_id: str
    sentence: str
    source: str
    target: str
    gold_root: str
    gold_penta: int


def read_plv(path: Path) -> list[PlvRow]:
    """Rows of a PLV TSV file (CRLF line endings, quoted fields allowed)."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
    except OSError as e:
        raise InputError(str(path), f"cannot read PLV file ({e.strerror})") from e
    needed = {"sentence", "source", "target", "gold_root", "gold_penta"}
    if rows and not needed <= set(rows[0]):
        raise InputError(str(path), f"not a PLV file: needs columns {', '.join(sorted(needed))}")
    return [PlvRow(r.get("sentence_id", str(i)), r["sentence"], r["source"], r["target"],
                   r["gold_root"].strip(), int(r["gold_penta"])) for i, r in enumerate(rows)]


def prf_table(gold: list, predicted: list, labels: list) -> dict:
    """Per-label precision/recall/F1/support, macro-F1 over ``labels`` and accuracy."""
    per = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        n_pred = sum(1 for p in predicted if p == label)
        n_gold = sum(1 for g in gold if g == label)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[str(label)] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                           "support": n_gold}
    accuracy = sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold) if gold else 0.0
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return {"per_label": per, "macro_f1": round(macro, 4), "accuracy": round(accuracy, 4)}


def confusion(gold: list[str], predicted: list[str]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter] = {}
    for g, p in zip(gold, predicted):
        table.setdefault(g, Counter())[p] += 1
    return {g: dict(sorted(c.items())) for g, c in sorted(table.items())}


def evaluate_plv(path: Path | None = None, classify=None) -> dict:
    """Run ``classify(text, actor, recipient)`` over PLV and return the full report."""
    if classify is None:
        from ..extract.classifier import classify
    rows = read_plv(Path(path) if path else default_path())
    started = time.perf_counter()
    predicted = []
    for row in rows:
        best = classify(row.sentence, row.source or None, row.target or None)[0][0]
        predicted.append(TO_PLV.get(best, best))
    seconds = time.perf_counter() - started
    gold = [r.gold_root for r in rows]
    labels = sorted(set(gold))
    gold_penta = [r.gold_penta for r in rows]
    pred_penta = [PLV_PENTA.get(p, 0) for p in predicted]
    binary = lambda xs: ["coop" if x in (1, 2) else "conflict" for x in xs]  # noqa: E731
    return {
        "file": str(path or default_path()), "rows": len(rows), "labels": labels,
        "root": prf_table(gold, predicted, labels),
        "penta": prf_table(gold_penta, pred_penta, [1, 2, 3, 4]),
        "binary": prf_table(binary(gold_penta), binary(pred_penta), ["coop", "conflict"]),
        "confusion": confusion(gold, predicted),
        "sentences_per_second": round(len(rows) / seconds, 1) if seconds else None,
    }


def summary_lines(report: dict) -> list[str]:
    """A short human summary of an evaluate_plv report."""
    root, penta, binary = report["root"], report["penta"], report["binary"]
    lines = [f"PLV {report['rows']} rows: root macro-F1 {root['macro_f1']:.3f}, accuracy {root['accuracy']:.3f}",
             f"penta macro-F1 {penta['macro_f1']:.3f}, accuracy {penta['accuracy']:.3f}; "
             f"binary macro-F1 {binary['macro_f1']:.3f}, accuracy {binary['accuracy']:.3f}",
             f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}"]
    for label, v in root["per_label"].items():
        lines.append(f"{label:<10} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['support']:5d}")
    return lines
