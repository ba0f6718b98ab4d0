"""Event status: is an event reported as happening, negated, possible, planned, or only claimed?

Two pure functions for the event extractor, called once per event trigger token:

  event_status(token) -> "asserted" | "negated" | "hypothetical" | "future"
      From the trigger's own clause: negation, modals, conditionals, future tense and
      intention or readiness verbs governing it.
  attribution_of(doc, token, quotes) -> (status | None, speaker Actor | None)
      "claimed" (or "denied") with the speaker when the trigger lies in a quote's content.
  status_of(doc, token, quotes) combines them (see its docstring for the precedence).

Nothing here changes the Doc; both read the parse only.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from ..models import Actor, Quote
from .cues import CLAIM_KINDS, cue_entry_at, is_denial

NEGATORS = frozenset({"not", "n't", "never", "no", "without", "nor", "neither"})
MODALS = frozenset({"may", "might", "could", "would", "should", "must", "can", "ought"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
CONDITIONALS = frozenset({"if", "unless", "whether", "lest"})
# verb or adjective + to-infinitive: "refused to attack" -> the attack is negated
NEGATING_HEADS = frozenset({"refuse", "decline", "fail", "deny", "reject", "stop", "cease", "halt",
                            "avoid", "prevent", "abandon"})
FUTURE_HEADS = frozenset({"plan", "intend", "threaten", "prepare", "prepared", "ready", "set", "poised",
                          "due", "vow", "pledge", "promise", "aim", "schedule", "expect", "going",
                          "agree", "decide", "seek", "want", "hope", "will", "about", "likely"})
HYPOTHETICAL_HEADS = frozenset({"consider", "propose", "offer", "try", "attempt", "able", "possible",
                                "suggest", "ask", "urge", "call", "demand", "may", "could", "willing"})
NOUN_FUTURE = frozenset({"planned", "proposed", "upcoming", "future", "imminent", "impending", "scheduled"})
NOUN_HYPOTHETICAL = frozenset({"possible", "potential", "alleged", "threatened", "suspected", "likely", "probable"})
CLIMB_DEPS = frozenset({"xcomp", "acomp", "pcomp", "auxpass", "conj"})
NOUN_CLIMB_DEPS = frozenset({"dobj", "nsubjpass", "attr"})   # "will launch an attack", "no strike was made"
# Verbs whose to-infinitive did happen ("managed to escape"); any other infinitive is unrealised.
IMPLICATIVES = frozenset({"manage", "begin", "start", "continue", "happen", "seem", "appear", "use",
                          "tend", "get", "come", "go", "have", "need", "help"})


def event_status(token: Token) -> str:
    """Status of the event whose trigger is ``token`` (a verb, or an event noun like "attack").

    Order of precedence: negated > hypothetical > future > asserted.
      negated:      "not"/"never"/"no" on the trigger or its governing verb; "refused/failed to X"
                    (X is negated; the refusal itself stays asserted and is a REJECT event).
      hypothetical: a modal (may, might, could, would, should, must, can); the trigger inside or
                    governing an if/unless clause; "consider/offer/try/urge ... to X"; "possible X".
      future:       will/shall; "going to", "is to"; "plans/threatened/ready/prepared/vowed to X";
                    "planned/upcoming X".
    Climbs from the trigger through open complements ("was ready to back", "wants to try to
    attack") but not into the clause of a reporting verb: "he said he would attack" is
    hypothetical because of "would", not because of "said".
    """
    flags = set()
    for depth, node in enumerate(_governors(token)):
        flags |= _own_flags(node, depth)
    for status in ("negated", "hypothetical", "future"):
        if status in flags:
            return status
    return "asserted"


def _governors(token: Token) -> list[Token]:
    """The trigger, then the words above it through open complements (at most four)."""
    chain = [token]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOUN_CLIMB_DEPS and token.head.pos_ in ("VERB", "AUX"):
        chain.append(token.head)
    while len(chain) < 5 and chain[-1].dep_ in CLIMB_DEPS and chain[-1].head is not chain[-1]:
        if chain[-1].dep_ == "conj" and chain[-1].head.pos_ != chain[-1].pos_:
            break
        chain.append(chain[-1].head)
    return chain


def _own_flags(node: Token, depth: int) -> set[str]:
    flags = set()
    lemma = node.lemma_.lower()
    for child in node.children:
        word = child.lower_
        if child.dep_ == "neg" or (word in NEGATORS and child.dep_ in ("det", "advmod", "neg", "preconj")):
            flags.add("negated")
        elif child.dep_ in ("aux", "auxpass") and word in MODALS:
            flags.add("hypothetical")
        elif child.dep_ in ("aux", "auxpass") and (word in FUTURE_AUX or child.lemma_ == "will"):
            flags.add("future")
        elif child.dep_ == "advcl" and any(g.lower_ in CONDITIONALS for g in child.children if g.dep_ == "mark"):
            flags.add("hypothetical")
        elif child.dep_ == "amod" and word in NOUN_FUTURE:
            flags.add("future")
        elif child.dep_ == "amod" and word in NOUN_HYPOTHETICAL:
            flags.add("hypothetical")
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in node.children):
        flags.add("hypothetical")
    if depth > 0:
        flags |= _governor_flags(node, lemma)
    elif _unrealised_infinitive(node):
        flags.add("future")
    return flags


def _unrealised_infinitive(node: Token) -> bool:
    """A to-infinitive ("selected to buy", "to be released in 2011"), unless its verb implies it happened."""
    if node.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return False
    if node.dep_ not in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
        return False
    return node.head.lemma_.lower() not in IMPLICATIVES


def _governor_flags(node: Token, lemma: str) -> set[str]:
    """Flags a governing word ("refused", "ready", "plans", "is" of "is to") passes down."""
    if lemma in NEGATING_HEADS:
        return {"negated"}
    if lemma in HYPOTHETICAL_HEADS:
        return {"hypothetical"}
    if (lemma in FUTURE_HEADS or node.lower_ in FUTURE_HEADS) and node.pos_ != "ADP":
        return {"future"}   # "about to attack", not "an explanation about why they keep hitting"
    if lemma == "be" and node.dep_ != "aux":
        return {"future"}   # "the minister is to visit Paris"
    return set()


def _quote_holding(token: Token, quotes: Iterable[Quote]) -> Quote | None:
    """The innermost quote whose content holds the token."""
    holding = [q for q in quotes if q.content.start <= token.idx < q.content.end]
    return min(holding, key=lambda q: q.content.end - q.content.start) if holding else None


def attribution_of(doc: Doc, token: Token, quotes: Iterable[Quote]) -> tuple[str | None, Actor | None]:
    """Whether the event at ``token`` is reported on someone's word.

    Returns ("denied", speaker) when the token lies in the content of a denial cue ("Moscow
    denied attacking civilians": the attacking), ("claimed", speaker) when it lies in the content
    of any other saying, claiming, accusing or warning cue, direct or indirect, and (None, None)
    otherwise, including content of intent, stance and belief cues ("X backed the plan").
    ``quotes`` are doc._.ne_quotes; the speaker is the quote's speaker Actor (may be None).
    """
    quote = _quote_holding(token, quotes)
    if quote is None:
        return None, None
    entry = cue_entry_at(doc, quote.cue.start, quote.cue.end) if quote.cue else None
    if is_denial(entry):
        return "denied", quote.speaker
    if entry is None or entry.kind in CLAIM_KINDS:
        return "claimed", quote.speaker
    return None, None


def status_of(doc: Doc, token: Token, quotes: Iterable[Quote]) -> tuple[str, Actor | None]:
    """The status to record for the event at ``token`` and who claims it (for claimed_by).

    A negated, hypothetical or future reading wins over "claimed" ("Russia said it was ready to
    back the plan" is future, claimed by Russia); the speaker is returned either way. "denied"
    wins over everything; otherwise "claimed" replaces "asserted".
    """
    own = event_status(token)
    attributed, speaker = attribution_of(doc, token, quotes)
    if attributed == "denied":
        return "denied", speaker
    if attributed == "claimed" and own == "asserted":
        return "claimed", speaker
    return own, speaker
