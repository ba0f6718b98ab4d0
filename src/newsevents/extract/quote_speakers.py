"""Who is speaking: the subject of a cue verb, matched to the actor mentions of the Doc.

The actor component (doc._.ne_actors) resolves names, pronouns and short forms to codes; the
speaker is the actor mention that covers the head of the cue's subject, else any mention that
overlaps the subject. Without actor mentions (or none that fits) the speaker is a bare Actor
made from the subject's text, with no codes.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..models import Actor

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
RELATIVE_PRONOUNS = ("who", "which", "that")
DASHES = ("—", "–", "--")
ISSUED_NOUNS = frozenset({"statement", "letter", "tweet", "post", "message", "release", "memo", "report", "ad",
                          "video", "email", "note", "op-ed", "editorial", "column", "speech"})


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from the verb it is conjoined with or governed by
    ("Moscow denied ... and said ...", "X wants to say ..."), and resolved past a relative pronoun."""
    for _ in range(3):
        # of two subjects ("The plan will fail, said Lee"), the one nearest the verb speaks
        subject = min((c for c in verb.children if c.dep_ in SUBJECT_DEPS), key=lambda c: abs(c.i - verb.i),
                      default=None)
        if subject is not None:
            if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return _doer_of_noun(verb.head)
        if not _borrows_subject(verb) or verb.head is verb:
            return None
        verb = verb.head
    return None


def _doer_of_noun(noun: Token) -> Token:
    """Who an -ing cue on ``noun`` speaks for: the noun ("groups backing the bill"), or for a
    statement someone issued, its issuer ("X released a statement saying ...")."""
    if noun.lemma_.lower() in ISSUED_NOUNS and noun.dep_ == "dobj":
        issuer = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None:
            return issuer
    return noun


def _borrows_subject(verb: Token) -> bool:
    """A verb without a subject of its own whose doer is the subject of the verb it hangs from:
    conjoined, an open complement, or an -ing / to- adjunct ("..., saying that ...")."""
    if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "acomp" and verb.pos_ == "ADJ"):
        return True                     # "... was quick to add": through "quick" to "was"
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB") and not any(c.dep_ == "mark" for c in verb.children)


def relative_subject(verb: Token) -> Token | None:
    """The "who" of "X, who said ...", when ``verb`` is such a relative clause."""
    if verb.dep_ != "relcl":
        return None
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS), None)


def subject_span(subject: Token, limit: tuple[int, int], verb: Token | None = None) -> tuple[int, int]:
    """Character span of the subject's noun phrase (appositions included, as annotators mark
    sources; relative clauses before the cue, a leading "Of X," or "even", a date phrase left
    out), inside ``limit``
    (the paragraph), after a dateline; the cue ``verb`` is left out when it hangs from the subject."""
    dropped = {t.i for c in subject.children if _left_out(c, subject, verb) for t in c.subtree}
    if verb is not None and verb.head.i == subject.i:
        dropped |= {t.i for t in verb.subtree}     # "groups backing the bill": the cue is no source
    tokens = [t for t in subject.subtree if limit[0] <= t.idx < limit[1] and t.i not in dropped]
    tokens = _contiguous_around(tokens, subject)
    dashes = [k for k, t in enumerate(tokens) if t.text in DASHES and t.i < subject.i]
    if dashes:
        tokens = tokens[dashes[-1] + 1:]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _left_out(child: Token, head: Token, verb: Token | None = None) -> bool:
    if child.dep_ == "relcl":
        return not _kept_relative(child, head, verb)
    if child.i < head.i:
        return child.dep_ == "prep" or (child.dep_ == "advmod" and child.lower_ == "even")
    # "X on Monday said": the date says when, not who
    return child.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in child.children if c.dep_ == "pobj")


def _kept_relative(clause: Token, head: Token, verb: Token | None) -> bool:
    """PolNeAR sources keep a who-clause after the cue ("..., said X, who led the talks") and a
    restrictive one ("those who back her"); one between subject and cue is left out as often as
    kept, so it stays out."""
    if verb is None or verb.i in {t.i for t in clause.subtree}:
        return False
    pronoun = next((t.lower_ for t in clause.subtree if t.i < clause.i and t.tag_ in ("WP", "WDT")), None)
    if pronoun not in ("who", "which"):
        return False
    after_cue = head.i > verb.i
    restrictive = clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text not in (",", *DASHES)
    return after_cue or (restrictive and pronoun == "who")


def _contiguous_around(tokens: list[Token], head: Token) -> list[Token]:
    """The unbroken run of token positions that contains ``head``."""
    index = tokens.index(head)
    lo = hi = index
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi < len(tokens) - 1 and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    return tokens[lo:hi + 1]


def doc_actors(doc: Doc) -> list[Actor]:
    """doc._.ne_actors when the actor component ran, else an empty list."""
    if not Doc.has_extension("ne_actors"):
        return []
    return list(doc._.ne_actors or [])


def speaker_for(doc: Doc, span: tuple[int, int], head_idx: int, actors: list[Actor]) -> Actor:
    """The actor mention for the subject at ``span`` (head token starting at ``head_idx``)."""
    start, end = span
    overlapping = [a for a in actors if a.start < end and start < a.end]
    covering_head = [a for a in overlapping if a.start <= head_idx < a.end]
    for group in (covering_head, overlapping):
        if group:
            return max(group, key=lambda a: (bool(a.country or a.org), a.end - a.start))
    return Actor(text=doc.text[start:end], start=start, end=end)
