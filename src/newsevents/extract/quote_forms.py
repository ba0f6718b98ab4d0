"""Attribution forms without a reporting verb of their own, for extract/quotes.py.

- nominal cues: "his claim that ...", "Clinton expressed confidence that ...", "criticism of X";
- adjective cues after "be": "X is confident that ...", "X was eager to ...", "X is worried about";
- idioms of saying on "make"/"put": "X made (it) clear that ...", "as X put it, ...", "X made no
  secret of ...";
- hearsay adverbs: "The envoy reportedly met the rebels" (no source);
- phrase cues: "according to X, ...", "In a poll released Monday, ..." (a document as source);
- colon cues: a paragraph "Name: what they said" (headlines, interview transcripts).

Each finder returns a ``Form``: content tokens (or characters), the cue's characters, and the
source's head token (or characters) when the form names one. Matching only; quotes.py turns
forms into records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .cues import CueEntry, adjective_cue, noun_cue, verb_cue

# Things that can "say" something in an "In a ..., ..." phrase.
DOCUMENT_NOUNS = frozenset({
    "poll", "survey", "study", "report", "statement", "interview", "letter", "memo", "op-ed", "column",
    "editorial", "speech", "post", "tweet", "email", "filing", "lawsuit", "book", "ad", "advertisement",
    "video", "release", "analysis", "essay", "article", "op", "piece", "note", "memoir", "complaint",
    "testimony", "message", "document", "affidavit", "ruling", "opinion", "brief", "transcript",
})
# Adverbs that attribute their clause to someone unnamed ("He reportedly met the envoy").
HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "reputedly", "seemingly"})
# Documents that find things out: after the clause too ("Kasich was at 25 percent in the poll").
FINDING_NOUNS = frozenset({"poll", "survey", "study", "report", "analysis"})
CLAUSE_DEPS = ("acl", "ccomp", "relcl")
NOUN_FALLBACK_SLOTS = ("clause", "about", "on")    # what any reporting noun can be about
WH_WORDS = frozenset({"what", "who", "whom", "how", "why", "when", "where", "which", "whether"})
AGENT_PREPOSITIONS = ("by", "from")                # "a claim by X", "criticism from X"
COLON_HEAD = re.compile(r"([^:\n]{2,60}?)\s*:\s+(\S.*)", re.S)
MAX_COLON_SOURCE_WORDS = 7


@dataclass
class Form:
    content: list[Token] | tuple[int, int]
    cue: tuple[int, int]
    cue_token: int
    source: Token | tuple[int, int] | None
    kind: str = "speech"


def nominal(token: Token) -> Form | None:
    """A reporting noun with its content: "the claim that ...", "his criticism of ..."."""
    entry = noun_cue(token)
    if entry is None:
        return None
    content = _noun_content(token, entry)
    if not content:
        return None
    head = token.head
    cue = (token.idx, token.idx + len(token.text))
    poss = next((c for c in token.children if c.dep_ == "poss"), None)
    if poss is not None:
        return Form(content, cue, token.i, poss, entry.kind)
    if token.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        if verb_cue(head) is not None:
            return None                 # "expressed concern that": the verb cue has it already
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return Form(content, (head.idx, cue[1]), token.i, subject, entry.kind)
    agent = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in AGENT_PREPOSITIONS), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return Form(content, cue, token.i, by, entry.kind)


def adjective(token: Token) -> Form | None:
    """ "X is confident that ...": the copula and adjective are the cue, X the source."""
    entry = adjective_cue(token)
    if entry is None:
        return None
    content = _adjective_content(token, entry)
    if not content:
        return None
    copula = token.head
    start = copula.idx if copula.i < token.i else token.idx
    subject = next((c for c in copula.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return Form(content, (start, token.idx + len(token.text)), token.i, subject, entry.kind)


def _adjective_content(adjective: Token, entry: CueEntry) -> list[Token]:
    deps = {"clause": ("ccomp",), "xcomp": ("xcomp",)}
    for slot in entry.slots:
        found = next((c for c in adjective.children if c.dep_ in deps.get(slot, ("prep",))
                      and (slot in deps or c.lower_ == slot)), None)
        if found is not None:
            return [t for t in found.subtree if t is not found] if slot not in deps else list(found.subtree)
    return []


def _noun_content(noun: Token, entry: CueEntry) -> list[Token]:
    for slot in entry.slots + tuple(s for s in NOUN_FALLBACK_SLOTS if s not in entry.slots):
        if slot == "clause":
            found = next((c for c in noun.children if c.dep_ in CLAUSE_DEPS and _content_clause(c)), None)
        elif slot == "xcomp":
            found = next((c for c in noun.children if c.dep_ == "acl"
                          and any(m.dep_ == "aux" and m.lower_ == "to" for m in c.children)), None)
        else:
            found = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == slot
                          and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
            if found is not None:
                return [t for t in found.subtree if t is not found]
        if found is not None:
            return list(found.subtree)
    return []


def _content_clause(clause: Token) -> bool:
    """A that-, whether- or wh-clause on a noun ("the question of who ...", "the claim that ...");
    not a relative clause ("the statement that he made")."""
    if any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for m in clause.children):
        return True
    first = min(clause.subtree, key=lambda t: t.i)
    return clause.dep_ != "relcl" and first.lower_ in WH_WORDS


def idiom(token: Token) -> Form | None:
    """ "made (it) clear that ...", "as X put it, ...", "made no secret of ...": the verb and its
    fixed words are the cue, the verb's subject the source."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in ("make", "put"):
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    kids = list(token.children)
    if lemma == "put":
        as_mark = any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
        obj = next((c for c in kids if c.dep_ == "dobj" and c.lower_ == "it"), None)
        if not as_mark or obj is None or token.dep_ != "advcl":
            return None
        own = {t.i for t in token.subtree}
        content = [t for t in token.head.subtree if t.i not in own]
        return Form(content, (token.idx, obj.idx + len(obj.text)), token.i, subject, "speech")
    clear = next((c for c in kids if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "xcomp")), None)
    if clear is not None:
        clause = next((c for c in clear.children if c.dep_ in ("advcl", "ccomp")), None)
        if clause is None:
            return None
        return Form(list(clause.subtree), (token.idx, clear.idx + len(clear.text)), token.i, subject, "claim")
    secret = next((c for c in kids if c.dep_ == "dobj" and c.lemma_.lower() == "secret"), None)
    of = next((c for c in secret.children if c.dep_ == "prep" and c.lower_ == "of"), None) if secret is not None else None
    if of is None:
        return None
    return Form([t for t in of.subtree if t is not of], (token.idx, of.idx + len(of.text)), token.i, subject, "claim")


def hearsay_adverb(token: Token) -> Form | None:
    """ "The envoy reportedly met the rebels": the adverb is the cue of its clause, with no source."""
    if token.lower_ not in HEARSAY_ADVERBS or token.dep_ != "advmod" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    content = [t for t in token.head.subtree if t.i != token.i]
    return Form(content, (token.idx, token.idx + len(token.text)), token.i, None, "claim")


def according_to(according: Token) -> Form:
    """ "according to X, ...": X is the source, the rest of the sentence the content."""
    to = according.nbor(1)
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase = {t.i for t in according.subtree} | {t.i for t in to.subtree}
    content = [t for t in according.sent if t.i not in phrase]
    return Form(content, (according.idx, to.idx + len(to.text)), according.i, source)


def document_phrase(token: Token) -> Form | None:
    """ "In a poll released Monday, Clinton held a lead" (or "... in the latest poll"): the document
    is the source, "in" the cue."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    document = next((c for c in token.children if c.dep_ == "pobj"), None)
    if document is None or document.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    if verb_cue(token.head) is not None:
        return None                     # "said in a statement": the verb is the cue
    if token.i > token.head.i and document.lemma_.lower() not in FINDING_NOUNS:
        return None                     # "... rose in a survey" yes, "... was set out in a letter" no
    phrase = {t.i for t in token.subtree}
    content = [t for t in token.head.subtree if t.i not in phrase]
    return Form(content, (token.idx, token.idx + len(token.text)), token.i, document)


def colon_paragraph(doc, start: int, end: int) -> Form | None:
    """ "Rubio: I still believe ..." : a short name, a colon, and what the name says."""
    text = doc.text[start:end]
    match = COLON_HEAD.fullmatch(text.rstrip())
    if match is None:
        return None
    head = doc.char_span(start, start + match.end(1), alignment_mode="expand")
    if head is None or not 0 < len(head) <= MAX_COLON_SOURCE_WORDS:
        return None
    if not any(t.pos_ == "PROPN" for t in head) or any(t.pos_ in ("VERB", "AUX") for t in head):
        return None
    colon = start + text.index(":", match.end(1))
    content = (start + match.start(2), start + len(text.rstrip()))
    source = (start + match.start(1), start + match.end(1))
    colon_token = doc.char_span(colon, colon + 1, alignment_mode="expand")
    return Form(content, (colon, colon + 1), colon_token.start if colon_token else head.end, source)
