"""Attribution: who said, claimed, denied or accused what (direct, indirect and mixed quotes).

find_quotes(doc) -> list[Quote], in text order. Rule-based over the dependency parse, in stages:
  1. quoted stretches from the quotation marks (extract/quote_marks.py), joined over paragraphs;
  2. cue words from the lexicon (data/ontology/speech_cues.tsv), outside quotation marks, each
     with its content (that-clause, object, "of"-phrase; see the lexicon's frames and
     extract/quotes_content.py) and subject, and cue forms without a reporting verb
     (extract/quote_forms.py);
  3. each quoted stretch gets the nearest cue in its sentence; a quoted fragment inside a
     sentence with no cue is a scare quote or a title and is dropped; a cue whose content holds
     the quotation and more is a mixed quote (indirect, one record);
  4. quotes still without a speaker (a paragraph that is all quotation) take the cue and speaker
     of a paragraph ending in a colon before them, else the speaker of the previous quote, else
     of the next one.
Spans never cross a paragraph break: the parser's sentences sometimes do.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..models import Actor, Quote, Span
from .cues import according_to_cue, verb_cue
from .quote_forms import (Form, according_to, adjective, colon_paragraph, document_phrase, hearsay_adverb, idiom,
                          nominal)
from .quote_marks import Quoted, find_quoted, paragraphs
from .quote_speakers import doc_actors, relative_subject, speaker_for, subject_of, subject_span
from .quotes_content import content_tokens, is_passive

CARRY_OVER_PARAGRAPHS = 2   # a cue-less quote paragraph inherits a speaker at most this far back
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "it", "we"})
SOURCELESS = frozenset({"seem", "appear"})   # "X seemed to ...": an impression with no one named
MARKUP = re.compile(r"<[^<>\n]{1,300}>")   # embed tags left in scraped text (<tweet id=... author=...>)
MAX_CUE_DISTANCE = 12       # tokens between a quotation and a cue in the same sentence


@dataclass
class _Found:
    content: tuple[int, int]
    cue: tuple[int, int] | None
    cue_token: int | None          # token index of the cue word
    speaker: Actor | None
    direct: bool
    kind: str = "speech"


class _Context:
    """What the stages share: the Doc, its paragraphs, quotations and actor mentions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs(doc.text)
        self.starts = [p[0] for p in self.paragraphs]
        self.quoted = find_quoted(doc.text)
        self.actors = doc_actors(doc)
        self.markup = [(m.start(), m.end()) for m in MARKUP.finditer(doc.text)]
        self.markup_starts = [m[0] for m in self.markup]

    def paragraph_of(self, pos: int) -> int:
        return max(bisect.bisect_right(self.starts, pos) - 1, 0)

    def paragraph_span(self, pos: int) -> tuple[int, int]:
        return self.paragraphs[self.paragraph_of(pos)] if self.paragraphs else (0, len(self.text))

    def in_markup(self, pos: int) -> bool:
        index = bisect.bisect_right(self.markup_starts, pos) - 1
        return index >= 0 and pos < self.markup[index][1]

    def in_quotation(self, pos: int) -> Quoted | None:
        return next((q for q in self.quoted if q.outer_start <= pos < q.outer_end), None)

    def speaker(self, verb: Token) -> Actor | None:
        subject = subject_of(verb)
        if is_passive(verb):
            # "X was asked / is expected to": X is not the one speaking; the agent ("by Y") is.
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subject is None:
            return None
        span = subject_span(subject, self.paragraph_span(subject.idx), verb)
        actor = speaker_for(self.doc, span, subject.idx, self.actors)
        relative = relative_subject(verb)
        if relative is None:
            return actor
        # "X, who said ...": annotators mark the pronoun; it stands for X, whose codes it keeps.
        return replace(actor, text=relative.text, start=relative.idx, end=relative.idx + len(relative.text),
                       name=actor.name or actor.text)


def find_quotes(doc: Doc) -> list[Quote]:
    """Every attribution in ``doc`` as a Quote; offsets are character offsets into doc.text."""
    ctx = _Context(doc)
    indirect = [f for token in doc if (f := _indirect(ctx, token)) is not None] + _colon_quotes(ctx)
    direct = [f for q in ctx.quoted if (f := _direct(ctx, q)) is not None]
    found = _merge(direct, indirect)
    _carry_over_speakers(ctx, found)
    _resolve_bare_pronouns(doc, found)
    return [_to_quote(ctx.text, f) for f in found]


def outermost(quotes: list[Quote]) -> list[Quote]:
    """The quotes whose cue is inside no other quote's content: the univocal view of PolNeAR,
    which labels each token once and so never marks an attribution nested in another's content
    ("X said rebels claimed ..." keeps only "said"). Status rules want the nested ones too."""
    def nested(q: Quote, outer: Quote) -> bool:
        return (outer is not q and q.cue is not None and outer.content.start <= q.cue.start < outer.content.end
                and not (outer.cue is not None and q.content.start <= outer.cue.start < q.content.end))
    return [q for q in quotes if not any(nested(q, o) for o in quotes)]


# ---- indirect quotes: a cue word and its content ------------------------------------------

def _indirect(ctx: _Context, token: Token) -> _Found | None:
    if ctx.in_quotation(token.idx) or ctx.in_markup(token.idx):
        return None
    if according_to_cue(token):
        return _from_form(ctx, according_to(token))
    entry = verb_cue(token)
    if entry is None:
        form = (document_phrase(token) or nominal(token) or adjective(token) or hearsay_adverb(token)
                or idiom(token))
        return _from_form(ctx, form) if form is not None else None
    slot, content = content_tokens(token, entry, ctx.paragraph_span(token.idx))
    if not content:
        return None
    span = _token_span(ctx, content, token)
    if span is None or (slot == "clause" and not _has_verb(ctx.doc, span)):
        return None
    if not any(ch.isalpha() for ch in ctx.text[span[0]:span[1]]):
        return None                     # a tweet's id or date left over from an embed
    cue = (token.idx, token.idx + len(token.text))
    speaker = None if entry.lemma in SOURCELESS else ctx.speaker(token)
    return _Found(span, cue, token.i, speaker, False, entry.kind)


def _from_form(ctx: _Context, form: Form) -> _Found | None:
    """A nominal, phrase or colon cue as a record (quote_forms.py finds them)."""
    cue_token = ctx.doc[form.cue_token]
    if isinstance(form.content, tuple):
        span = form.content
    else:
        span = _token_span(ctx, form.content, cue_token)
    if span is None:
        return None
    speaker = None
    if isinstance(form.source, tuple):
        speaker = speaker_for(ctx.doc, form.source, form.source[0], ctx.actors)
    elif form.source is not None:
        sspan = subject_span(form.source, ctx.paragraph_span(form.source.idx))
        speaker = speaker_for(ctx.doc, sspan, form.source.idx, ctx.actors)
    return _Found(span, form.cue, form.cue_token, speaker, False, form.kind)


def _colon_quotes(ctx: _Context) -> list[_Found]:
    found = []
    for start, end in ctx.paragraphs:
        if ":" in ctx.text[start:end] and (form := colon_paragraph(ctx.doc, start, end)) is not None:
            if (f := _from_form(ctx, form)) is not None:
                found.append(f)
    return found


def _has_verb(doc: Doc, span: tuple[int, int]) -> bool:
    tokens = doc.char_span(*span, alignment_mode="expand")
    return tokens is not None and any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _token_span(ctx: _Context, tokens: list[Token], cue: Token) -> tuple[int, int] | None:
    """Character span of ``tokens`` in the cue's paragraph, on one side of the cue, edges trimmed."""
    limit = ctx.paragraph_span(cue.idx)
    tokens = sorted((t for t in tokens if limit[0] <= t.idx < limit[1]), key=lambda t: t.i)
    if tokens and tokens[0].i < cue.i < tokens[-1].i:
        after = [t for t in tokens if t.i > cue.i]
        before = [t for t in tokens if t.i < cue.i]
        tokens = after if len(after) >= len(before) else before
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and tokens[-1].text not in "”\"":
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].is_space) and tokens[0].text not in "“\"":
        tokens.pop(0)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


# ---- direct quotes: a quotation and the cue that introduces it ---------------------------

def _direct(ctx: _Context, quoted: Quoted) -> _Found | None:
    if ctx.in_markup(quoted.outer_start):
        return None
    inner = ctx.doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if inner is None or not len(inner) or (_is_title(inner) and not _whole_utterance(ctx, quoted)):
        return None
    content = (quoted.start, _trim_end(ctx.text, quoted.start, quoted.end))
    cue = _nearest_cue(ctx, quoted)
    if cue is None:
        # Only a quotation that opens its paragraph stands on its own (its speaker is carried
        # over later); one inside a sentence with no cue is a scare quote or a title.
        if quoted.outer_start != ctx.paragraph_span(quoted.outer_start)[0]:
            return None
        return _Found(content, None, None, None, True)
    entry = verb_cue(cue)
    cue_span = (cue.idx, cue.idx + len(cue.text))
    return _Found(content, cue_span, cue.i, ctx.speaker(cue), True, entry.kind if entry else "speech")


def _nearest_cue(ctx: _Context, quoted: Quoted) -> Token | None:
    """The closest cue verb outside the quotation, in the sentences and paragraphs at its edges."""
    doc = ctx.doc
    first = doc.char_span(quoted.outer_start, quoted.outer_start + 1, alignment_mode="expand")
    last = doc.char_span(quoted.outer_end - 1, quoted.outer_end, alignment_mode="expand")
    candidates = []
    for edge, sent in _edge_sentences(first, last):
        limit = ctx.paragraph_span(edge.start_char)
        for token in sent:
            if not limit[0] <= token.idx < limit[1] or ctx.in_quotation(token.idx) or ctx.in_markup(token.idx):
                continue
            if verb_cue(token) is None:
                continue
            distance = min(abs(token.i - first.start), abs(token.i - last.end))
            if distance <= MAX_CUE_DISTANCE:
                candidates.append((distance, token.i > last.start, token))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], not c[1]))[2]


def _edge_sentences(first, last) -> list:
    """The sentences at the quotation's two edges, and the one after it when the parser ended a
    sentence at the closing mark ("“We won!” she said." split in two)."""
    if not first or not last:
        return []
    found = [(first, first.sent), (last, last.sent)]
    doc = last.doc
    if last.end == last.sent.end and last.end < len(doc):
        found.append((last, doc[last.end].sent))
    return found


def _is_title(inner) -> bool:
    """A short all-capitalised quotation is a title or a name, not something said."""
    words = [t for t in inner if t.is_alpha]
    return 0 < len(words) <= 4 and all(t.text[0].isupper() for t in words) and len(inner) > 1


def _whole_utterance(ctx: _Context, quoted: Quoted) -> bool:
    """A short quotation that ends in its own punctuation and opens or closes its sentence is
    an answer or a cry (“Okay,” she said; he said, "Probably."), not a title."""
    if ctx.text[quoted.start:quoted.end].rstrip()[-1:] not in ",.!?":
        return False
    first = ctx.doc.char_span(quoted.outer_start, quoted.outer_start + 1, alignment_mode="expand")
    last = ctx.doc.char_span(quoted.outer_end - 1, quoted.outer_end, alignment_mode="expand")
    if first is None or last is None:
        return False
    after = [t for t in ctx.doc[last.end:last.sent.end] if not t.is_space]
    return first.start == first.sent.start or all(t.is_punct for t in after)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",“"):
        end -= 1
    return end


# ---- combining and filling in ------------------------------------------------------------

def _merge(direct: list[_Found], indirect: list[_Found]) -> list[_Found]:
    """One record per attribution: a quotation and the cue clause around it are the same one."""
    kept_direct = []
    for d in direct:
        partner = next((i for i in indirect if _overlaps(i.content, d.content)), None)
        if partner is None:
            kept_direct.append(d)
        elif _covers(d.content, partner.content):
            indirect.remove(partner)
            kept_direct.append(replace(d, cue=partner.cue, cue_token=partner.cue_token,
                                       speaker=partner.speaker or d.speaker, kind=partner.kind))
    return sorted(kept_direct + indirect, key=lambda f: f.content)


def _carry_over_speakers(ctx: _Context, found: list[_Found]) -> None:
    for index, f in enumerate(found):
        if f.speaker is not None:
            continue
        para = ctx.paragraph_of(f.content[0])
        verb = _colon_verb(ctx, para)
        if verb is not None and f.cue is None:
            # "He said:" closing the paragraph before: its verb is this quotation's cue.
            f.speaker = ctx.speaker(verb)
            if verb_cue(verb) is not None:
                f.cue, f.cue_token = (verb.idx, verb.idx + len(verb.text)), verb.i
        if f.speaker is not None or (f.cue is not None and not f.direct):
            continue                    # an indirect cue without a subject has no one to borrow
        before = [g for g in found[:index] if g.speaker is not None
                  and para - ctx.paragraph_of(g.content[0]) <= CARRY_OVER_PARAGRAPHS]
        if before:
            f.speaker = before[-1].speaker
            continue
        after = [g for g in found[index + 1:] if g.speaker is not None
                 and ctx.paragraph_of(g.content[0]) - para <= 1]
        f.speaker = after[0].speaker if after else None


def _resolve_bare_pronouns(doc: Doc, found: list[_Found]) -> None:
    """A pronoun speaker the actor component left unresolved gets a name: for "he"/"she" the
    closest person named before it, else the last named speaker before it.

    Only a fallback for when no actor mention covers the pronoun; the span stays on the pronoun.
    """
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")]
    last_named: Actor | None = None
    for f in found:
        speaker = f.speaker
        if speaker is None:
            continue
        if speaker.text.lower() not in PERSONAL_PRONOUNS:
            last_named = speaker
            continue
        if speaker.name or speaker.country or speaker.org:
            continue
        person = next((e for e in reversed(people) if e.end_char <= speaker.start), None)
        if speaker.text.lower() in ("he", "she") and person is not None:
            f.speaker = replace(speaker, name=person.text)
        elif last_named is not None:
            f.speaker = replace(speaker, name=last_named.name or last_named.text, country=last_named.country,
                                org=last_named.org, sector=last_named.sector)


def _colon_verb(ctx: _Context, para: int) -> Token | None:
    """The main verb of a paragraph that ends with a colon, introducing the quotation after it."""
    if para == 0:
        return None
    start, end = ctx.paragraphs[para - 1]
    if not ctx.text[start:end].rstrip().endswith(":"):
        return None
    last = ctx.doc.char_span(end - 1, end, alignment_mode="expand")
    return last.sent.root if last is not None else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _covers(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """``outer`` holds nearly all of ``inner`` (a cue clause lying inside its quotation marks)."""
    shared = min(outer[1], inner[1]) - max(outer[0], inner[0])
    return shared >= 0.8 * (inner[1] - inner[0])


def _to_quote(text: str, f: _Found) -> Quote:
    content = Span(text[f.content[0]:f.content[1]], *f.content)
    cue = Span(text[f.cue[0]:f.cue[1]], *f.cue) if f.cue else None
    return Quote(content=content, speaker=f.speaker, cue=cue, direct=f.direct)
