"""Relation classifier: one sentence with optional actor and recipient -> ranked PLOVER types.

A multinomial logistic regression over span-aware sparse features (relation_features.py),
trained from our own corpus data/training/*.jsonl by `newsevents train`. The shipped artefact is
plain JSON + a float32 .npz (no pickle), so loading is fast and independent of the
scikit-learn version; scikit-learn is needed only to train.

The corpus has a NONE class (sentences that report no event) for the extractor. ``classify``
assumes an event is known to exist and ranks only the 16 PLOVER types unless asked otherwise.
"""
from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import InputError, ModelNotFound
from ..settings import data_dir
from .ontology import PLOVER_TYPES, read_tsv
from .relation_features import features, parse_marked, stem

NONE = "NONE"
LABELS = (*PLOVER_TYPES, NONE)
CORPUS_FIELDS = ("id", "text", "actor", "recipient", "type", "mode", "trigger", "style")
MODEL_NAME = "relation_classifier"
SEED = 13


def model_dir() -> Path:
    return data_dir() / "models"


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    actor: str | None
    recipient: str | None
    type: str


# ---------------------------------------------------------------- corpus


def read_corpus(paths: list[Path]) -> list[LabelledSentence]:
    """Read and validate corpus JSONL files; raise InputError naming the first bad line."""
    out: list[LabelledSentence] = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            out.append(_corpus_record(json.loads(line), f"{path}:{n}"))
    return out


def _corpus_record(rec: dict, origin: str) -> LabelledSentence:
    missing = [f for f in CORPUS_FIELDS if f not in rec]
    if missing:
        raise InputError(origin, f"missing field(s) {', '.join(missing)}")
    if rec["type"] not in LABELS:
        raise InputError(origin, f"unknown type {rec['type']!r}")
    for field in ("actor", "recipient", "trigger"):
        if rec[field] is not None and rec[field] not in rec["text"]:
            raise InputError(origin, f"{field} {rec[field]!r} is not a substring of the text")
    return LabelledSentence(rec["text"], rec["actor"], rec["recipient"], rec["type"])


def corpus_files(directory: Path | None = None) -> list[Path]:
    return sorted((directory or data_dir() / "training").glob("*.jsonl"))


def read_clauses(directory: Path | None = None) -> list[str]:
    """Context clauses (data/training/context_clauses_*.txt) used to augment training sentences."""
    clauses: list[str] = []
    for path in sorted((directory or data_dir() / "training").glob("context_clauses_*.txt")):
        clauses.extend(line.rstrip("\n") for line in path.read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#"))
    return clauses


def augment(corpus: list[LabelledSentence], clauses: list[str], seed: int = SEED,
            copies: int = 1) -> list[LabelledSentence]:
    """The corpus plus ``copies`` variants of each sentence with a context clause added.

    Real news sentences carry attributions, dates and background ("after weeks of fighting")
    that say nothing about the relation; seeing them on every class teaches the model to
    weigh the predicate over the surroundings. Spans stay exact substrings.
    """
    import random

    rng = random.Random(seed)
    out = list(corpus)
    for s in corpus if clauses else []:
        for _ in range(copies):
            clause = rng.choice(clauses)
            if clause.startswith("^"):
                text = f"{clause[1:]} {s.text}"
            elif s.text[-1:] in ".!?":
                text = s.text[:-1] + clause + s.text[-1]
            else:
                text = s.text + clause
            out.append(LabelledSentence(text, s.actor, s.recipient, s.type))
    return out


def trigger_lexicon() -> dict[str, tuple[str, ...]]:
    """Stemmed single-word triggers of data/ontology/triggers.tsv -> the types they can signal."""
    path = data_dir() / "ontology" / "triggers.tsv"
    lexicon: dict[str, set[str]] = {}
    if path.exists():
        for row in read_tsv(path):
            lemma = (row.get("lemma") or "").strip()
            if lemma and " " not in lemma and row.get("type") in PLOVER_TYPES:
                lexicon.setdefault(stem(lemma), set()).add(row["type"])
    return {k: tuple(sorted(v)) for k, v in sorted(lexicon.items())}


# ---------------------------------------------------------------- the model


class RelationModel:
    """Weights of the trained classifier and the lexicon snapshot it was trained with."""

    def __init__(self, classes: list[str], vocab: list[str], coef: np.ndarray, intercept: np.ndarray,
                 lexicon: dict[str, tuple[str, ...]], meta: dict | None = None):
        self.classes = list(classes)
        self.index = {f: i for i, f in enumerate(vocab)}
        self.vocab = list(vocab)
        self.coef = coef.astype(np.float32)          # (n_features, n_classes)
        self.intercept = intercept.astype(np.float32)
        self.lexicon = {k: tuple(v) for k, v in lexicon.items()}
        self.meta = meta or {}

    def scores(self, text: str, actor: str | None = None, recipient: str | None = None) -> dict[str, float]:
        """Probability of every class (NONE included) for one sentence."""
        idx = [self.index[f] for f in features(text, actor, recipient, self.lexicon) if f in self.index]
        logits = self.intercept.astype(np.float64).copy()
        if idx:
            logits += self.coef[idx].sum(axis=0) / math.sqrt(len(idx))
        logits -= logits.max()
        probs = np.exp(logits)
        probs /= probs.sum()
        return {c: float(p) for c, p in zip(self.classes, probs)}

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(directory / f"{MODEL_NAME}.npz", coef=self.coef, intercept=self.intercept)
        payload = {"classes": self.classes, "vocab": self.vocab, "lexicon": self.lexicon, "meta": self.meta}
        (directory / f"{MODEL_NAME}.json").write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True))

    @classmethod
    def load(cls, directory: Path) -> RelationModel:
        json_path, npz_path = directory / f"{MODEL_NAME}.json", directory / f"{MODEL_NAME}.npz"
        if not (json_path.exists() and npz_path.exists()):
            raise ModelNotFound(f"{directory}: no trained relation classifier; run `newsevents train`")
        payload = json.loads(json_path.read_text(encoding="utf-8"))
        arrays = np.load(npz_path)
        return cls(payload["classes"], payload["vocab"], arrays["coef"], arrays["intercept"],
                   payload["lexicon"], payload.get("meta"))


@lru_cache(maxsize=4)
def load_model(directory: str | None = None) -> RelationModel:
    return RelationModel.load(Path(directory) if directory else model_dir())


def classify(text: str, actor: str | None = None, recipient: str | None = None,
             include_none: bool = False, model: RelationModel | None = None) -> list[tuple[str, float]]:
    """Rank PLOVER types for the relation between ``actor`` and ``recipient`` in ``text``.

    ``text`` may carry PLV-style marks (<s>actor</s>, <t>recipient</t>); explicit arguments win.
    Without ``include_none`` the NONE class is dropped and the 16 scores renormalised to sum to 1.
    """
    if "<s>" in text or "<t>" in text:
        text, marked_actor, marked_recipient = parse_marked(text)
        actor = actor or marked_actor
        recipient = recipient or marked_recipient
    scores = dict.fromkeys(PLOVER_TYPES, 0.0)
    scores.update((model or load_model()).scores(text, actor, recipient))
    if not include_none:
        scores.pop(NONE, None)
        total = sum(scores.values()) or 1.0
        scores = {k: v / total for k, v in scores.items()}
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


# ---------------------------------------------------------------- training


def featurize_corpus(corpus: list[LabelledSentence], lexicon) -> list[dict[str, int]]:
    return [dict.fromkeys(sorted(features(s.text, s.actor, s.recipient, lexicon)), 1) for s in corpus]


def fit(corpus: list[LabelledSentence], lexicon: dict[str, tuple[str, ...]], c: float = 16.0,
        seed: int = SEED, clauses: list[str] | None = None) -> RelationModel:
    """Fit the logistic regression on ``corpus`` (deterministic for a given corpus and seed)."""
    corpus = augment(corpus, clauses or [], seed)
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import normalize

    vectorizer = DictVectorizer(sort=True)
    x = normalize(vectorizer.fit_transform(featurize_corpus(corpus, lexicon)))
    y = [s.type for s in corpus]
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)
    clf.fit(x, y)
    return RelationModel(list(clf.classes_), list(vectorizer.get_feature_names_out()),
                         clf.coef_.T, clf.intercept_, lexicon)


def cross_validate(corpus: list[LabelledSentence], lexicon, c: float, folds: int = 5,
                   seed: int = SEED, clauses: list[str] | None = None) -> float:
    """Macro-F1 of ``folds``-fold stratified cross-validation on our own corpus."""
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    y = [s.type for s in corpus]
    predicted = [""] * len(corpus)
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=seed).split(y, y):
        model = fit([corpus[i] for i in train_idx], lexicon, c=c, seed=seed, clauses=clauses)
        for i in test_idx:
            s = corpus[i]
            predicted[i] = max(model.scores(s.text, s.actor, s.recipient).items(), key=lambda kv: kv[1])[0]
    return float(f1_score(y, predicted, average="macro"))


def train(paths: list[Path] | None = None, out_dir: Path | None = None, c: float = 16.0,
          cv_folds: int = 0) -> RelationModel:
    """Train from the corpus files and write the artefacts; return the model (meta has the figures)."""
    paths = paths or corpus_files()
    if not paths:
        raise InputError(str(data_dir() / "training"), "no corpus *.jsonl files to train on")
    corpus = read_corpus(paths)
    lexicon = trigger_lexicon()
    clauses = read_clauses(Path(paths[0]).parent)
    model = fit(corpus, lexicon, c=c, clauses=clauses)
    digest = hashlib.sha256()
    for p in paths:
        digest.update(Path(p).read_bytes())
    counts: dict[str, int] = {}
    for s in corpus:
        counts[s.type] = counts.get(s.type, 0) + 1
    model.meta = {"corpus_sha256": digest.hexdigest(), "files": [Path(p).name for p in paths],
                  "sentences": len(corpus), "per_type": dict(sorted(counts.items())), "C": c,
                  "seed": SEED, "features": len(model.vocab), "context_clauses": len(clauses)}
    if cv_folds:
        model.meta["cv_macro_f1"] = round(cross_validate(corpus, lexicon, c, cv_folds, clauses=clauses), 4)
    model.save(out_dir or model_dir())
    load_model.cache_clear()
    return model
