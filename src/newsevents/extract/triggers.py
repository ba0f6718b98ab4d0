"""Event triggers: which tokens can report a PLOVER event, read from data/ontology/triggers.tsv.

Matching is on lower-cased lemmas; a multi-word trigger ("air strike", "hand over") is matched
with its head (the last word for nouns, the first for verbs) as the trigger token.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..settings import data_dir
from .ontology import read_tsv


@dataclass(frozen=True)
class TriggerSense:
    lemma: str
    pos: str
    type: str
    mode: str | None
    cameo: str
    recipient_preps: tuple[str, ...]


@dataclass(frozen=True)
class Trigger:
    token: Token          # the head token of the trigger
    start: int            # character span of the whole trigger (multi-word included)
    end: int
    senses: tuple[TriggerSense, ...]


@lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], tuple[TriggerSense, ...]]:
    """(pos, head lemma) -> senses; multi-word senses are keyed by their head word."""
    table: dict[tuple[str, str], list[TriggerSense]] = {}
    for row in read_tsv(data_dir() / "ontology" / "triggers.tsv"):
        sense = TriggerSense(
            lemma=row["lemma"], pos=row["pos"], type=row["type"], mode=row["mode"] or None,
            cameo=row["cameo"], recipient_preps=tuple(p for p in row["recipient_preps"].split(",") if p),
        )
        words = sense.lemma.split()
        head = words[-1] if sense.pos == "NOUN" else words[0]   # VERB and ADJ triggers lead
        table.setdefault((sense.pos, head), []).append(sense)
    # longest multi-word senses first, so "air strike" wins over "strike"
    return {k: tuple(sorted(v, key=lambda s: -len(s.lemma.split()))) for k, v in table.items()}


def _lemma(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN" and token.tag_ in ("NNS", "NNPS") and lemma == token.lower_:
        lemma = lemma[:-1] if lemma.endswith("s") and not lemma.endswith("ss") else lemma
    return lemma


def multiword_match(token: Token, sense: TriggerSense) -> tuple[int, int] | None:
    """Token index range of the sense's words around ``token``, or None when they are not there."""
    words = sense.lemma.split()
    doc = token.doc
    if len(words) == 1:
        return token.i, token.i + 1
    if sense.pos == "NOUN":
        first = token.i - len(words) + 1
        if first < 0:
            return None
        window = [_lemma(t) for t in doc[first:token.i + 1]]
        return (first, token.i + 1) if window == words else None
    # verb + particle ("hand over"): the particle is a child of the verb
    rest = set(words[1:])
    if rest <= {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}:
        return token.i, token.i + 1
    # verb + the words right after it ("let free", "join forces"), whatever the parser made of them
    following = [_lemma(t) for t in doc[token.i + 1:token.i + len(words)]]
    if following == words[1:]:
        return token.i, token.i + len(words)
    return None


def _pos_of(token: Token) -> str | None:
    if token.pos_ in ("VERB",):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    if token.pos_ == "ADJ" and any(c.dep_ == "xcomp" for c in token.children):
        return "ADJ"           # "ready to back", "willing to provide": an intent
    return None


def find_triggers(sent) -> list[Trigger]:
    table = lexicon()
    found = []
    for token in sent:
        pos = _pos_of(token)
        if pos is None or token.ent_type_ in ("DATE", "TIME"):   # "On March 24" is no march
            continue
        senses = table.get((pos, _lemma(token)))
        if not senses:
            continue
        matched = []
        span = None
        for sense in senses:
            rng = multiword_match(token, sense)
            if rng is None:
                continue
            if span is None or rng[1] - rng[0] > span[1] - span[0]:
                span = rng
            if not matched or len(sense.lemma.split()) == len(matched[0].lemma.split()):
                matched.append(sense)
        if matched:
            first, last = span
            doc = token.doc
            found.append(Trigger(token, doc[first].idx, doc[last - 1].idx + len(doc[last - 1]), tuple(matched)))
    return found
