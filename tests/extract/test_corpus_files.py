"""Checks on the labelled training corpus (data/training/corpus_*.jsonl, both halves).

Each line is one sentence with a PLOVER event label: actor, recipient and trigger must be exact
substrings of the text, the mode must belong to the type, ids and texts must be unique across
all files, and once both halves exist every type must have enough examples to train on.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsevents.settings import data_dir

TRAINING = data_dir() / "training"
CORPUS_FILES = sorted(TRAINING.glob("corpus_*.jsonl"))

FIELDS = ("id", "text", "actor", "recipient", "type", "mode", "trigger", "style")
STYLES = {"wire", "broadcast", "local", "analysis", "headline", "feature", "speech"}
SHARED_REQUEST_MODES = {"assist", "change", "yield", "meet"}
# Modes per type, as tabled in the PLOVER manual; types without a table take no mode.
MODES: dict[str, set[str]] = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": SHARED_REQUEST_MODES,
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": SHARED_REQUEST_MODES,
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional"},
    "NONE": set(),
}
MIN_PER_EVENT_TYPE = 150
MIN_NONE = 500
NEAR_DUPLICATE_JACCARD = 0.8


def read_rows(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            pytest.fail(f"{path.name}:{number}: not valid JSON ({e})")
    return rows


def problems_in_row(row: dict) -> list[str]:
    """Everything wrong with one labelled line, as short reasons (empty when the line is fine)."""
    missing = [field for field in FIELDS if field not in row]
    if missing:
        return [f"missing fields {missing}"]
    problems = []
    text, event_type = row["text"], row["type"]
    if not isinstance(text, str) or not text.strip():
        return ["empty text"]
    if event_type not in MODES:
        return [f"unknown type {event_type!r}"]
    if row["mode"] is not None and row["mode"] not in MODES[event_type]:
        problems.append(f"mode {row['mode']!r} is not a mode of {event_type}")
    if row["style"] not in STYLES:
        problems.append(f"unknown style {row['style']!r}")
    for field in ("actor", "recipient", "trigger"):
        span = row[field]
        if span is not None and (not isinstance(span, str) or not span or span not in text):
            problems.append(f"{field} {span!r} is not a substring of the text")
    # NONE lines may mark the decoy words (the "attacked" of a football report) but carry no mode.
    if event_type == "NONE" and row["mode"] is not None:
        problems.append("a NONE line carries a mode")
    if event_type != "NONE" and row["trigger"] is None:
        problems.append("an event line has no trigger")
    return problems


def all_rows() -> list[tuple[str, dict]]:
    return [(path.name, row) for path in CORPUS_FILES for row in read_rows(path)]


def test_corpus_files_exist():
    assert CORPUS_FILES, f"no corpus_*.jsonl files under {TRAINING}"


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_line_is_well_formed(path):
    bad = []
    for row in read_rows(path):
        bad += [f"{row.get('id', '?')}: {reason}" for reason in problems_in_row(row)]
    assert not bad, f"{path.name}: {len(bad)} bad lines, first: {bad[:5]}"


def test_ids_are_unique_across_files():
    counts = Counter(row.get("id") for _, row in all_rows())
    repeated = [row_id for row_id, n in counts.items() if n > 1]
    assert not repeated, f"repeated ids: {repeated[:10]}"


def test_texts_are_unique_across_files():
    seen: dict[str, str] = {}
    repeated = []
    for name, row in all_rows():
        key = " ".join(str(row.get("text", "")).lower().split())
        if key in seen:
            repeated.append(f"{row.get('id')} ({name}) repeats {seen[key]}")
        seen[key] = str(row.get("id"))
    assert not repeated, f"{len(repeated)} repeated texts, first: {repeated[:5]}"


def word_set(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9']+", text.lower()))


def test_no_near_duplicate_texts():
    """Two helpers write in parallel: sentences that differ by a word or two teach nothing new."""
    from datasketch import MinHash, MinHashLSH

    rows = all_rows()
    words = {str(row.get("id")): word_set(str(row.get("text", ""))) for _, row in rows}
    index = MinHashLSH(threshold=NEAR_DUPLICATE_JACCARD, num_perm=64)
    close = []
    for row_id, row_words in words.items():
        sketch = MinHash(num_perm=64)
        for word in row_words:
            sketch.update(word.encode())
        for other in index.query(sketch):
            shared = len(row_words & words[other]) / max(1, len(row_words | words[other]))
            if shared >= NEAR_DUPLICATE_JACCARD:
                close.append(f"{row_id} ~ {other} ({shared:.2f})")
        index.insert(row_id, sketch)
    assert not close, f"{len(close)} near-duplicate pairs, first: {close[:5]}"


def test_every_type_has_enough_examples_once_both_halves_exist():
    halves = {path.name.split("_")[1] for path in CORPUS_FILES}
    if not {"a", "b"} <= halves:
        pytest.skip("the class balance is checked once corpus_a_* and corpus_b_* both exist")
    counts = Counter(row["type"] for _, row in all_rows())
    short = {t: counts[t] for t in MODES if t != "NONE" and counts[t] < MIN_PER_EVENT_TYPE}
    assert not short, f"types below {MIN_PER_EVENT_TYPE} examples: {short}"
    assert counts["NONE"] >= MIN_NONE, f"only {counts['NONE']} NONE lines (need {MIN_NONE})"


def test_the_checks_catch_bad_lines():
    good = {"id": "x-1", "text": "Police detained two reporters in Minsk.", "actor": "Police",
            "recipient": "two reporters", "type": "COERCE", "mode": "arrest", "trigger": "detained",
            "style": "wire"}
    assert problems_in_row(good) == []
    assert problems_in_row({**good, "actor": "The police"})
    assert problems_in_row({**good, "mode": "aerial"})
    assert problems_in_row({**good, "type": "ARREST"})
    assert problems_in_row({**good, "type": "NONE"})
    assert problems_in_row({**good, "trigger": None})
    assert problems_in_row({k: v for k, v in good.items() if k != "style"})
