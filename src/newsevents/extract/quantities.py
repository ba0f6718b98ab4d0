"""Counted quantities: how many of what, whether approximate, and whether dead or injured.

find_quantities(doc) -> list[Quantity], in text order. Rule-based over tokens and the parse:
  - numbers in digits ("275,000", "1.2 million"), in words ("three", "twenty-five") and vague
    counts ("dozens", "hundreds of", "tens of thousands", "a dozen");
  - skipped: dates, times, years, ages, money, percentages and ordinals (entity labels and
    shapes), since they count nothing an event record needs;
  - ``counts``: the noun the number modifies ("12 soldiers"), or the noun of its of-phrase
    ("900 of the 8,000 fighters", "dozens of people"), lowercased as written;
  - ``approximate``: a hedge before the number (about, some, nearly, at least, up to, an
    estimated ...), "estimated" on the counted noun, or a vague count;
  - ``role``: "dead" or "injured" when a kill/die/wound word governs the number or its noun.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..models import Quantity

WORD_VALUES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "tens": 10,
         "millions": 1_000_000}
HEDGES_ONE = {"about", "around", "approximately", "roughly", "nearly", "almost", "some",
              "over", "estimated", "approx", "up", "more", "fewer", "less", "least", "most",
              "upwards", "close", "than", "to", "as", "many", "much", "an", "only", "at"}
HEDGE_PHRASES = ("about", "around", "approximately", "roughly", "nearly", "almost", "some",
                 "over", "estimated", "at least", "at most", "more than", "fewer than",
                 "less than", "up to", "as many as", "close to", "upwards of", "approx")
SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
DEAD_WORDS = {"kill", "die", "dead", "death", "killing", "slay", "execute", "massacre", "toll",
              "fatality", "casualty", "body", "life"}
INJURED_WORDS = {"wound", "injure", "hurt", "injury", "injured", "wounded"}
NUMBER_SHAPE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
YEAR_SHAPE = re.compile(r"^(1[89]|20)\d\d$")


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every counted quantity in ``doc``; offsets are character offsets into doc.text."""
    found, used = [], set()
    for token in doc:
        if token.i in used or not _starts_number(token):
            continue
        tokens = _number_tokens(token)
        used.update(t.i for t in tokens)
        value, vague = _value(tokens)
        if value is None or _skipped(tokens):
            continue
        counted = _counted_noun(tokens[-1])
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        found.append(Quantity(
            text=doc.text[start:end], start=start, end=end, value=value,
            approximate=vague or _hedged(tokens[0], counted),
            counts=counted.lower_ if counted is not None else None,
            role=_role(tokens[-1], counted),
        ))
    return found


def _starts_number(token: Token) -> bool:
    lower = token.lower_
    return (bool(NUMBER_SHAPE.match(token.text)) or lower in WORD_VALUES or lower in VAGUE
            or (lower == "a" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "dozen"))


def _number_tokens(first: Token) -> list[Token]:
    """The number starting at ``first``: "1.2 million", "tens of thousands", "twenty - five"."""
    doc, tokens = first.doc, [first]
    i = first.i + 1
    while i < len(doc):
        token, lower = doc[i], doc[i].lower_
        if lower in SCALES or (lower in WORD_VALUES and tokens[-1].lower_ in ("-", "a")):
            tokens.append(token)
        elif lower == "-" and tokens[-1].lower_ in WORD_VALUES and i + 1 < len(doc) and doc[i + 1].lower_ in WORD_VALUES:
            tokens.append(token)
        elif lower == "of" and tokens[-1].lower_ in VAGUE and i + 1 < len(doc) and doc[i + 1].lower_ in VAGUE | SCALES.keys():
            tokens.extend([token, doc[i + 1]])
            i += 1
        else:
            break
        i += 1
    return tokens


def _value(tokens: list[Token]) -> tuple[float | int | None, bool]:
    """Numeric value and whether the count is vague ("dozens", "tens of thousands")."""
    value: float | None = None
    vague = False
    for token in tokens:
        lower = token.lower_
        if NUMBER_SHAPE.match(token.text):
            value = float(token.text.replace(",", ""))
        elif lower in VAGUE:
            vague = True
            value = VAGUE[lower] if value is None else value * VAGUE[lower]
        elif lower in SCALES:
            value = SCALES[lower] if value is None else value * SCALES[lower]
        elif lower in WORD_VALUES:
            value = WORD_VALUES[lower] if value is None else value + WORD_VALUES[lower]
    if value is None:
        return None, vague
    return (int(value) if float(value).is_integer() else value), vague


def _skipped(tokens: list[Token]) -> bool:
    """Dates, years, times, ages, money, percentages: not counts of people or things."""
    first, last = tokens[0], tokens[-1]
    if any(t.ent_type_ in SKIP_ENTS for t in tokens) and first.lower_ not in VAGUE:
        return True
    if len(tokens) == 1 and YEAR_SHAPE.match(first.text):
        return True
    doc = first.doc
    before = doc[first.i - 1].lower_ if first.i > 0 else ""
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else ""
    if before in ("aged", "age", "$", "£", "€", "at") or after in ("%", "percent", "year", "years", "-", "pm", "am"):
        return before != "at" or after in ("pm", "am", "%")
    return first.lower_ in ("one",) and first.dep_ not in ("nummod",)


def _counted_noun(last: Token) -> Token | None:
    """The noun the number counts: its head ("12 soldiers") or its of-phrase ("900 of the fighters")."""
    of_phrase = next((c for c in last.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of_phrase is not None:
        noun = next((c for c in of_phrase.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
            return noun
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.lower_ == "of" and nxt.i + 1 < len(last.doc):
        return next((c for c in nxt.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
    return None


def _hedged(first: Token, counted: Token | None) -> bool:
    doc = first.doc
    window = " ".join(t.lower_ for t in doc[max(first.i - 3, 0):first.i])
    if any(window.endswith(h) or f" {h} " in f" {window} " for h in HEDGE_PHRASES):
        return True
    return counted is not None and any(c.lower_ in ("estimated", "approximately") for c in counted.children)


def _role(last: Token, counted: Token | None) -> str | None:
    """'dead' or 'injured' when a kill/die/wound word governs the number or its counted noun.

    The nearest words decide: the number's and noun's own dependents first, then their head,
    then the head's head. Climbing stops at a conjunction ("12 killed and 30 wounded").
    """
    levels: list[list[Token]] = [[], [], []]
    for token in filter(None, (last, counted)):
        levels[0].extend(token.children)
        levels[0].append(token)
        ancestor = token
        for depth in (1, 2):
            if ancestor.head is ancestor or ancestor.dep_ == "conj":
                break
            ancestor = ancestor.head
            levels[depth].append(ancestor)
            levels[depth].extend(c for c in ancestor.children if c.dep_ in ("nsubj", "acomp", "attr"))
    for near in levels:
        words = {t.lemma_.lower() for t in near} | {t.lower_ for t in near}
        if words & DEAD_WORDS:
            return "dead"
        if words & INJURED_WORDS:
            return "injured"
    return None
