"""Score end-to-end event extraction on PETRARCH-2 style CAMEO validation records.

The validation file is XML-like but not well-formed (self-closed <Sentence/> tags followed by
</Sentence>, '#' comment lines), so records are read with regular expressions. Each sentence is
run through ``newsevents.extract(text, date=...)``; its events are compared with the gold
<EventCoding>s at three levels:

- root: the CAMEO root (first two digits) of each event;
- plover: the PLOVER type, gold codes mapped with a CAMEO->PLOVER table;
- triple: (CAMEO root, source country, target country), countries being the first three
  characters of CAMEO actor codes and our actors' ISO alpha-3 country (IGO for organisations).

Sentences marked ``noevents`` count every predicted event as a false positive.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..settings import shared_dir

SENTENCE_RE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>", re.S)
ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
CODING_RE = re.compile(r"<EventCoding\b([^>]*?)/?>")
TEXT_RE = re.compile(r"<Text>(.*?)</Text>", re.S)
TABLE_LINE_RE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")


def default_path() -> Path:
    return shared_dir() / "data" / "cameo" / "PETR2_GSR_validation.xml"


def default_table() -> Path:
    return shared_dir() / "data" / "plover" / "CAMEO2PLOVER-2021.txt"


@dataclass(frozen=True)
class Coding:
    event: str
    source: str
    target: str


@dataclass
class ValidationSentence:
    id: str
    date: str | None
    text: str
    codings: list[Coding] = field(default_factory=list)
    noevents: bool = False


def read_validation(path: Path) -> list[ValidationSentence]:
    """Records of a PETRARCH validation file (only those with evaluate="true" or no such flag)."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(str(path), f"cannot read validation file ({e.strerror})") from e
    out = []
    for attrs_raw, body in SENTENCE_RE.findall(raw):
        attrs = dict(ATTR_RE.findall(attrs_raw))
        if attrs.get("evaluate", "true").lower() != "true":
            continue
        text = TEXT_RE.search(body)
        if not text:
            continue
        sent = ValidationSentence(attrs.get("id", str(len(out))), _iso(attrs.get("date")),
                                  " ".join(text.group(1).split()))
        for coding_raw in CODING_RE.findall(body):
            c = dict(ATTR_RE.findall(coding_raw))
            if c.get("noevents", "").lower() == "true":
                sent.noevents = True
            elif "eventcode" in c:
                sent.codings.append(Coding(c["eventcode"], c.get("sourcecode", ""), c.get("targetcode", "")))
        out.append(sent)
    if not out:
        raise InputError(str(path), "no <Sentence> records with <Text> found")
    return out


def _iso(date: str | None) -> str | None:
    if date and re.fullmatch(r"\d{8}", date):
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    return None


def read_cameo_table(path: Path | None = None) -> dict[str, str]:
    """CAMEO code -> PLOVER type from a 'CODE: CATEGORY, mode, context # ...' table."""
    path = path or default_table()
    table: dict[str, str] = {}
    if Path(path).is_file():
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            m = TABLE_LINE_RE.match(line.strip())
            if m:
                table[m.group(1)] = m.group(2)
    return table


def to_plover(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code, falling back to shorter prefixes."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _country(actors) -> str:
    for a in actors:
        if a.country:
            return a.country[:3].upper()
        if a.org:
            return "IGO"
    return ""


def predicted_codings(record) -> list[Coding]:
    """(cameo, source country, target country) for each event of an ArticleRecord."""
    return [Coding(e.cameo or "", _country(e.actor), _country(e.recipient)) for e in record.events]


def _matches(gold: list, predicted: list) -> int:
    """Size of the multiset intersection (each gold item matched at most once)."""
    return sum((Counter(gold) & Counter(predicted)).values())


def score(sentences: list[ValidationSentence], predictions: list[list[Coding]], table: dict[str, str]) -> dict:
    """Counts and P/R/F1 at the root, PLOVER and triple levels, plus root agreement."""
    keys = {
        "root": lambda c: c.event[:2],
        "plover": lambda c: to_plover(c.event, table) if c.event else None,
        "triple": lambda c: (c.event[:2], c.source[:3], c.target[:3]),
    }
    levels = {}
    for name, key in keys.items():
        tp = n_gold = n_pred = 0
        for sent, pred in zip(sentences, predictions):
            gold_keys = [key(c) for c in sent.codings]
            pred_keys = [key(c) for c in pred]
            tp += _matches(gold_keys, pred_keys)
            n_gold += len(gold_keys)
            n_pred += len(pred_keys)
        levels[name] = _prf(tp, n_gold, n_pred)
    agree = [any(p.event[:2] == g.event[:2] for p in pred)
             for sent, pred in zip(sentences, predictions) for g in sent.codings]
    noevent_fp = sum(len(pred) for sent, pred in zip(sentences, predictions) if sent.noevents)
    return {"levels": levels,
            "root_agreement": round(sum(agree) / len(agree), 4) if agree else 0.0,
            "gold_events": len(agree), "noevents_sentences": sum(s.noevents for s in sentences),
            "noevents_false_positives": noevent_fp}


def _prf(tp: int, n_gold: int, n_pred: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "gold": n_gold, "predicted": n_pred,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _codings_or_none(extract, sentence) -> list:
    """A sentence the reader refuses (e.g. nothing left after cleaning) predicts no events."""
    from ..errors import InputError

    try:
        return predicted_codings(extract(sentence.text, date=sentence.date))
    except InputError:
        return []


def evaluate_cameo(path: Path | None = None, extract=None, table_path: Path | None = None) -> dict:
    """Run ``extract(text, date=...)`` over the validation sentences and score the events."""
    if extract is None:
        from .. import extract
    sentences = read_validation(Path(path) if path else default_path())
    started = time.perf_counter()
    predictions = [_codings_or_none(extract, s) for s in sentences]
    report = score(sentences, predictions, read_cameo_table(table_path))
    report["sentences"] = len(sentences)
    report["seconds"] = round(time.perf_counter() - started, 2)
    report["items"] = [{"id": s.id, "gold": [c.__dict__ for c in s.codings], "noevents": s.noevents,
                        "predicted": [c.__dict__ for c in p]} for s, p in zip(sentences, predictions)]
    return report
