"""What a cue verb reports: its content tokens, from the lexicon frame's slots, fallbacks that
any cue verb has, and shapes the parser gives reported clauses (for extract/quotes.py).
"""
from __future__ import annotations

from spacy.tokens import Token

from .cues import CueEntry
from .quote_speakers import subject_of

# Slots every verb cue falls back on after its own: annotators mark what any cue verb reports,
# whatever its frame ("predicted a win", "said so", "wants them to go").
FALLBACK_SLOTS = ("clause", "xcomp", "object", "about", "on")
# ... except an open complement where the verb only says how something goes on ("continues to
# grow") or is passive ("was supposed to end").
NO_XCOMP_FALLBACK = frozenset({"continue"})
ANSWER_WORDS = frozenset({"yes", "no", "so", "otherwise"})
QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "question"})


def content_tokens(verb: Token, entry: CueEntry, limit: tuple[int, int]) -> tuple[str, list[Token]]:
    """What the cue verb reports: (slot, tokens) for the first content slot of its entry it has.

    Only dependents with words in the cue's paragraph count (``limit``): the parser's sentences
    can run over a paragraph break and give the verb a second, unrelated complement.
    """
    children = [c for c in verb.children if any(limit[0] <= t.idx < limit[1] for t in c.subtree)]
    for slot in entry.slots + _fallback_slots(verb, entry):
        tokens = slot_tokens(children, slot)
        if tokens:
            return slot, tokens
    if _parenthetical(verb) or _as_clause(verb):
        own = {t.i for t in verb.subtree}
        return "clause", [t for t in verb.head.subtree if t.i not in own]
    if any(c.dep_ == "agent" for c in children):
        return "object", _passive_object(verb)
    if _object_gap(verb):
        own = {t.i for t in verb.subtree}
        return "object", [t for t in verb.head.subtree if t.i not in own]
    subjects = [c for c in children if c.dep_ == "nsubj"]
    if len(subjects) > 1 and subjects[0].i < verb.i:
        return "object", list(subjects[0].subtree)     # the parser made the reported clause a subject
    return "", []


def _passive_object(verb: Token) -> list[Token]:
    """What a passive cue with an agent reports: its subject ("The bill was opposed by X"), or
    the noun it qualifies ("a bill opposed by X")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        return list(subject.subtree)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        own = {t.i for t in verb.subtree}
        return [t for t in verb.head.subtree if t.i not in own and t.i < verb.i]
    return []


def _fallback_slots(verb: Token, entry: CueEntry) -> tuple[str, ...]:
    if entry.strict:
        return ()
    no_xcomp = entry.lemma in NO_XCOMP_FALLBACK or is_passive(verb)
    return tuple(s for s in FALLBACK_SLOTS if s not in entry.slots and not (s == "xcomp" and no_xcomp))


def _as_clause(verb: Token) -> bool:
    """ "As the paper reported, ...", "..., as some hope": the cue reports the clause it hangs from."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _object_gap(verb: Token) -> bool:
    """ "everything the mayor said", "a plan the union opposes": a relative clause whose object
    is the noun it qualifies (its subject is someone else)."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PRON", "PROPN"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("who", "which", "that"):
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is None or obj.lower_ in ("that", "which", "what", "whom")


def _parenthetical(verb: Token) -> bool:
    """A cue set into or after the clause it reports ("The plan, a source said, is ...")."""
    if subject_of(verb) is None or verb.head.i == verb.i:
        return False
    if verb.dep_ == "conj" and _inverted(verb):
        return True                     # "The bridge will ease traffic, said the engineer"
    return verb.dep_ in ("parataxis", "ccomp") and (verb.i > verb.head.i or verb.dep_ == "parataxis")


def _inverted(verb: Token) -> bool:
    """ "..., said X": the verb comes right after a comma and its own subject follows it."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.i > verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == ","


def slot_tokens(children: list[Token], slot: str) -> list[Token]:
    def child(deps: tuple[str, ...], word: str | None = None) -> Token | None:
        return next((c for c in children if c.dep_ in deps and (word is None or c.lower_ == word)), None)

    if slot == "clause":
        found = child(("ccomp",)) or _question_clause(children)
    elif slot == "xcomp":
        found = child(("xcomp",))
    elif slot == "object":
        found = child(("dobj",)) or _answer_word(children)
    elif slot.startswith("object+"):
        obj = child(("dobj",))
        rest = slot.split("+", 1)[1]
        extra = child(("oprd",)) if rest == "oprd" else child(("prep",), rest)
        if rest == "of" and extra is None:
            extra = child(("prep",), "for")
        return list(obj.subtree) + list(extra.subtree) if obj is not None and extra is not None else []
    else:
        # "calling for the army to withdraw": the parser makes "for" the mark of a clause
        found = child(("prep",), slot) or next((c for c in children if c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == slot for m in c.children)), None)
    return list(found.subtree) if found is not None else []


def _answer_word(children: list[Token]) -> Token | None:
    """ "said yes", "said no", "said so": the one-word answer is what was said."""
    return next((c for c in children if c.dep_ in ("intj", "advmod") and c.lower_ in ANSWER_WORDS), None)


def _question_clause(children: list[Token]) -> Token | None:
    """ "Asked if/whether ...": the parser hangs the question on the verb as an adverbial clause."""
    verb = children[0].head if children else None
    if verb is None or verb.lemma_.lower() not in QUESTION_VERBS:
        return None
    return next((c for c in children if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)), None)


def is_passive(verb: Token) -> bool:
    """ "was asked", "is expected to", "a bill opposed by X": the subject is not the doer."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children)
