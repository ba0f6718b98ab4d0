"""Guard against gold data leaking into the training corpus.

The shipped models are trained only on sentences written for this project. This module finds
corpus lines that are too close to a sentence of the gold sets in ../shared/data (paraphrases),
by word 3-gram and word-set Jaccard similarity over a shingle index.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

WORD = re.compile(r"[a-z0-9]+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
SHINGLE_LIMIT = 0.15     # share of word 3-grams in common ...
MIN_SHARED = 4           # ... and at least this many of them
WORDSET_LIMIT = 0.45     # or this share of distinct words in common
MIN_WORDS = 8            # gold fragments shorter than this are too generic to compare


@dataclass(frozen=True)
class Overlap:
    corpus_file: str
    corpus_id: str
    text: str
    gold: str
    shingles: float
    words: float


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def _shingles(words: list[str], n: int = 3) -> set[str]:
    return {" ".join(words[i:i + n]) for i in range(len(words) - n + 1)}


def gold_sentences(shared_data: Path) -> list[str]:
    """Sentences of every text-bearing gold set under ../shared/data."""
    out: list[str] = []
    plv = shared_data / "plover" / "PLV_train.tsv"
    if plv.exists():
        from .plv import read_plv

        out += [row.sentence for row in read_plv(plv)]
    petr = shared_data / "cameo" / "PETR2_GSR_validation.xml"
    if petr.exists():
        out += re.findall(r"<Text>\s*(.*?)\s*</Text>", petr.read_text(encoding="utf-8"), re.S)
    for text_file in sorted((shared_data / "attribution").glob("polnear/*/text/*.txt")):
        out += SENTENCE_END.split(text_file.read_text(encoding="utf-8"))
    gwn = shared_data / "geo" / "GWN.xml"
    if gwn.exists():
        for text in re.findall(r"<text>(.*?)</text>", gwn.read_text(encoding="utf-8"), re.S):
            out += SENTENCE_END.split(text)
    return [s.strip() for s in out if len(_words(s)) >= MIN_WORDS]


def find_overlaps(corpus_files: list[Path], gold: list[str]) -> list[Overlap]:
    index: dict[str, set[int]] = {}
    gold_sets = []
    for i, sentence in enumerate(gold):
        words = _words(sentence)
        gold_sets.append((_shingles(words), set(words)))
        for shingle in gold_sets[-1][0]:
            index.setdefault(shingle, set()).add(i)
    found = []
    for path in corpus_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            hit = _closest(record["text"], index, gold_sets)
            if hit is not None:
                i, sh, ws = hit
                found.append(Overlap(path.name, record.get("id", ""), record["text"], gold[i], sh, ws))
    return found


def _closest(text: str, index, gold_sets) -> tuple[int, float, float] | None:
    words = _words(text)
    shingles, wordset = _shingles(words), set(words)
    candidates = set().union(*(index.get(s, set()) for s in shingles)) if shingles else set()
    for i in sorted(candidates):
        g_sh, g_words = gold_sets[i]
        shared = len(shingles & g_sh)
        sh = shared / max(1, len(shingles | g_sh))
        ws = len(wordset & g_words) / max(1, len(wordset | g_words))
        if (sh > SHINGLE_LIMIT and shared >= MIN_SHARED) or ws > WORDSET_LIMIT:
            return i, round(sh, 3), round(ws, 3)
    return None
