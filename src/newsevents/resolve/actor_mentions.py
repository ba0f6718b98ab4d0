"""find_actors' machinery: knowledge-base pieces -> grouped mentions -> resolved Actors.

Stages, in order:
  1. match_pieces over the Doc's tokens; lone surnames ("Kerry") need corroboration: an earlier
     full name, an honorific or title just before, or spaCy's PERSON tag.
  2. group_pieces: adjacent pieces form one mention (title + name, possessives, coordinated
     nationality adjectives before a sector noun, "X from/of Y" complements).
  3. spaCy PERSON/ORG entities no piece covers; "Mr X" for unknown X; pronouns.
  4. One pass in text order resolves each mention against what came before (alias chaining,
     "the minister", "the jihadists", "the regime", he/she/they/it).
Knowledge-base evidence wins over spaCy's labels (the small model tags "Staffan de Mistura" ORG).
"""
from __future__ import annotations

from ..models import Actor
from .actor_rules import LOCATIVE, Codes, Part, combine, part_kind
from .actors import (DETERMINERS, FORMER, HONORIFICS, OTHER_PRONOUNS, PERSON_PRONOUNS,
                     POSSESSIVE_PRONOUNS, Mention, Piece, Tok, _part, doc_tokens, match_pieces)
from .kb import KnowledgeBase, norm

POSSESSIVE = {"'s", "’s", "'", "’"}
COORDINATORS = (["and"], [","], [",", "and"], ["or"])
ENTITY_KINDS = {"person", "org", "group", "country", "metonym"}
COMPLEMENT_PREPS = {"of", "from", "for"}
ORGANISED = {"GOV", "MIL", "REB", "COP", "PRM", "SPY", "UAF", "LEG", "JUD"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NOMINAL = {"NOUN", "PROPN"}


class MentionFinder:
    def __init__(self, doc, kb: KnowledgeBase, date: str | None):
        self.doc, self.kb, self.date = doc, kb, date
        self.text = doc.text
        self.toks: list[Tok] = doc_tokens(doc)

    def run(self) -> list[Actor]:
        pieces = self._corroborate(match_pieces(self.toks, self.text, self.kb, require_cap=True))
        mentions: list[Mention] = []
        for group in self._group(pieces):
            mentions.extend(self._to_mentions(group))
        mentions = self._add(mentions, self._honorific_names(mentions))
        mentions = self._add(mentions, self._entities())
        mentions = self._add(mentions, self._pronouns())
        return Resolver(self).resolve(sorted(mentions, key=lambda m: m.i))

    # -- stage 1 ---------------------------------------------------------------------------
    def _corroborate(self, pieces: list[Piece]) -> list[Piece]:
        seen: set[str] = set()
        kept = []
        for n, p in enumerate(pieces):
            if p.kind == "person":
                if all(h.weak for h in p.hits if h.entry.kind == "person") and not self._confirmed(p, pieces[:n], seen):
                    p.hits = [h for h in p.hits if h.entry.kind != "person"]
                    if not p.hits:
                        continue
                    p.kind = part_kind(p.hits, p.raw)
                else:
                    seen.update(h.entry.name for h in p.hits if not h.weak)
            if p.kind == "sector" and not self._nominal_sector(p, pieces[n + 1:n + 2]):
                continue
            kept.append(p)
        return kept

    def _confirmed(self, p: Piece, before: list[Piece], seen: set[str]) -> bool:
        if any(h.entry.name in seen for h in p.hits):
            return True
        prev = self.toks[p.i - 1] if p.i else None
        if prev is not None and prev.lower.rstrip(".") in HONORIFICS:
            return True
        if before and before[-1].j == p.i and before[-1].kind == "sector":
            return True
        return all(self.toks[k].ent == "PERSON" for k in range(p.i, p.j))

    def _nominal_sector(self, p: Piece, following: list[Piece]) -> bool:
        last = self.toks[p.j - 1]
        if last.pos in NOMINAL or not last.pos:
            return True
        return bool(following) and following[0].i == p.j and following[0].kind == "sector"

    # -- stage 2 ---------------------------------------------------------------------------
    def _group(self, pieces: list[Piece]) -> list[list[tuple[Piece, str | None]]]:
        groups: list[list[tuple[Piece, str | None]]] = []
        for p in pieces:
            if groups:
                cur = groups[-1]
                prep = self._joins(cur, p)
                if prep is not False:
                    cur.append((p, prep or cur[-1][1]))
                    continue
            groups.append([(p, None)])
        return groups

    def _joins(self, cur: list[tuple[Piece, str | None]], p: Piece) -> str | None | bool:
        """False when p starts a new mention; else the complement preposition (or None)."""
        prev = cur[-1][0]
        gap = self.toks[prev.j:p.i]
        words = [t.lower for t in gap]
        if prev.kind == "person" or len(gap) > 4:
            return False
        if not gap:
            if prev.kind in ENTITY_KINDS and p.kind in ENTITY_KINDS:
                return None if prev.kind == "country" and p.kind in ("person", "org") else False
            return None
        if p.kind == "sector" and all(w in POSSESSIVE or t.pos == "ADJ" or w in FORMER or w == "-"
                                      for w, t in zip(words, gap)):
            return None if prev.kind != "sector" or all(w in FORMER for w in words) else False
        if all(w in POSSESSIVE for w in words) and prev.kind in ("country", "metonym", "org", "group"):
            return None if p.kind in ("sector", "org") else False
        if words in COORDINATORS and prev.kind in ("demonym", "country") and p.kind in ("demonym", "country"):
            return None
        if words == [","] and prev.kind == "sector" and p.kind == "person":
            return None
        if words[0] in COMPLEMENT_PREPS and all(w in DETERMINERS for w in words[1:]) and prev.kind == "sector" \
                and all(c is None for _, c in cur) and p.kind in ("org", "group", "country", "metonym", "sector"):
            return words[0]
        return False

    def _to_mentions(self, group: list[tuple[Piece, str | None]]) -> list[Mention]:
        toks = self.toks
        parts = [_part(p, toks, c) for p, c in group]
        i, j = group[0][0].i, group[-1][0].j
        for (a, _), (b, _) in zip(group, group[1:]):
            if any(t.lower in FORMER for t in toks[a.j:b.i]):
                parts.append(Part("former", "former", toks[a.j].idx, toks[a.j].end))
        last = group[-1][0]
        if last.kind == "sector" and group[-1][1] is None and _is_title(last):
            j = self._name_after(j, parts)
        i, possessor = self._left_context(i, parts)
        if not self._is_actor(i, j, parts, group):
            return []
        return self._split_coordination(Mention(i, j, parts, possessor))

    def _name_after(self, j: int, parts: list[Part]) -> int:
        toks = self.toks
        k = j + 1 if j < len(toks) and toks[j].lower == "," else j
        end = k
        while end < len(toks) and end - k < 4 and toks[end].text[:1].isupper() and toks[end].pos == "PROPN":
            end += 1
        if end == k:
            return j
        parts.append(Part("name", self.text[toks[k].idx:toks[end - 1].end], toks[k].idx, toks[end - 1].end))
        return end

    def _left_context(self, i: int, parts: list[Part]) -> tuple[int, str | None]:
        k = i - 1
        while k >= 0 and (self.toks[k].lower in FORMER or self.toks[k].pos == "ADJ" and self.toks[k].text.islower()):
            if self.toks[k].lower in FORMER:
                parts.append(Part("former", self.toks[k].text, self.toks[k].idx, self.toks[k].end))
            k -= 1
        if k >= 0 and self.toks[k].lower in POSSESSIVE_PRONOUNS and self.toks[k].tag == "PRP$":
            return k, self.toks[k].lower
        return i, None

    def _is_actor(self, i: int, j: int, parts: list[Part], group) -> bool:
        head = {p.kind for p in parts if p.complement is None}
        if head & {"person", "name", "org", "group"}:
            return True
        before = self._token_before(i)
        if head <= {"country", "metonym", "demonym"}:
            if before in LOCATIVE and (before != "at" or "metonym" in head):
                return False   # "in Syria" is a place; "fired at Syria" names a target
            after = self.toks[j] if j < len(self.toks) else None
            if after is not None and after.pos in NOMINAL and after.lower not in POSSESSIVE \
                    and not _names_an_event(self.doc, j):
                return False   # "the Syrian city" is no actor; "Russian air strikes", "US talks" are
            if head == {"demonym"}:
                return self.toks[j - 1].tag in ("NNS", "NNPS")
            return True
        sector_piece = next((p for p, _ in reversed(group) if p.kind == "sector"), None)
        after = self.toks[j] if j < len(self.toks) else None
        if sector_piece is not None and after is not None and after.pos in NOMINAL and after.text.islower():
            code = sector_piece.hits[0].entry.sector if sector_piece.hits else None
            return code in ORGANISED and self.toks[sector_piece.j - 1].pos in NOMINAL
        return True

    def _token_before(self, i: int) -> str | None:
        """The word before a name, past determiners and modifiers ("in war-torn Syria" -> "in")."""
        k = i - 1
        while k >= 0 and i - k <= 4 and (self.toks[k].lower in DETERMINERS or self.toks[k].text == "-"
                                         or self.toks[k].pos in ("ADJ", "DET", "ADV")
                                         or self.toks[k].tag == "VBN" or self.toks[k + 1].text == "-"):
            k -= 1
        return self.toks[k].lower if k >= 0 else None

    def _split_coordination(self, m: Mention) -> list[Mention]:
        nations = [p for p in m.parts if p.kind in ("country", "demonym") and p.complement is None]
        if len(nations) < 2:
            return [m]
        rest = [p for p in m.parts if p not in nations]
        out = []
        for p in nations[:-1]:
            ti = self._tok_at(p.start)
            out.append(Mention(ti, self._tok_at(p.end - 1) + 1, [p, *rest]))
        last = nations[-1]
        out.append(Mention(self._tok_at(last.start), m.j, [last, *rest], m.possessor))
        return out

    def _tok_at(self, char: int) -> int:
        return self.doc.char_span(char, char + 1, alignment_mode="expand").start

    # -- stage 3 ---------------------------------------------------------------------------
    @staticmethod
    def _add(mentions: list[Mention], new: list[Mention]) -> list[Mention]:
        taken = set()
        for m in mentions:
            taken.update(range(m.i, m.j))
        for m in new:
            if not taken.intersection(range(m.i, m.j)):
                mentions.append(m)
                taken.update(range(m.i, m.j))
        return mentions

    def _honorific_names(self, mentions: list[Mention]) -> list[Mention]:
        starts = {m.i: m for m in mentions}
        out = []
        for k, tok in enumerate(self.toks[:-1]):
            if tok.lower.rstrip(".") not in HONORIFICS or not tok.text[:1].isupper():
                continue
            nxt = k + 2 if self.toks[k + 1].text == "." else k + 1
            if nxt in starts:
                starts[nxt].i = k
                continue
            end = nxt
            while end < len(self.toks) and (self.toks[end].text[:1].isupper() or self.toks[end].lower in {"de", "al", "van", "von", "-"}):
                end += 1
            if end > nxt:
                name = self.text[self.toks[nxt].idx:self.toks[end - 1].end]
                out.append(Mention(k, end, [Part("name", name, self.toks[nxt].idx, self.toks[end - 1].end)]))
        return out

    def _entities(self) -> list[Mention]:
        out = []
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                out.append(Mention(ent.start, ent.end, [Part("name", ent.text, ent.start_char, ent.end_char)]))
            elif ent.label_ == "ORG" and not (ent.text.isupper() and len(ent.text) > 5):  # datelines
                sector = self.kb.entries(ent[-1].text, "sector")
                codes = Codes(name=ent.text, sector=sector[0].sector if sector else None)
                out.append(Mention(ent.start, ent.end, [], codes=codes))
        return out

    def _pronouns(self) -> list[Mention]:
        out = []
        for k, tok in enumerate(self.toks):
            if tok.lower in PERSON_PRONOUNS | OTHER_PRONOUNS and tok.dep != "expl" and tok.pos == "PRON":
                if tok.lower == "it" and _expletive_it(self.doc[k]):
                    continue   # "it is time", "it was clear that": not an actor
                out.append(Mention(k, k + 1, [], anaphoric=True))
        return out


def _is_title(piece: Piece) -> bool:
    return any(h.entry.kind == "sector" and h.entry.role == "title" for h in piece.hits)


class Resolver:
    """Resolves mentions in text order, keeping the history anaphora and alias chains need."""

    def __init__(self, finder: MentionFinder):
        self.f = finder
        self.history: list[tuple[Actor, Codes, bool, str]] = []   # actor, codes, is_subject, kind
        self.names: dict[str, Codes] = {}
        self.prev: Mention | None = None

    def resolve(self, mentions: list[Mention]) -> list[Actor]:
        actors = []
        for m in mentions:
            codes = self._codes(m)
            if codes is None or not (codes.country or codes.org or codes.sector or codes.name):
                continue
            toks = self.f.toks
            actor = Actor(text=self.f.text[toks[m.i].idx:toks[m.j - 1].end], start=toks[m.i].idx,
                          end=toks[m.j - 1].end, name=codes.name, country=codes.country, org=codes.org,
                          sector=codes.sector)
            actors.append(actor)
            self._remember(m, actor, codes)
            self.prev = m
        return actors

    def _codes(self, m: Mention) -> Codes | None:
        if m.anaphoric and not m.parts:
            return self._pronoun(self.f.toks[m.i].lower)
        codes = m.codes or combine(m.parts, self.f.kb, self.f.date)
        if codes.person and codes.name and not any(p.kind == "person" for p in m.parts):
            known = self.names.get(norm(codes.name.split()[-1])) or self._kb_surname(codes.name)
            if known is not None:
                codes = Codes(known.name, known.country or codes.country, known.org, known.sector or codes.sector, True)
        if codes.anaphor and self.f.toks[m.i - 1].lower == "the" if m.i else False:
            codes = self._definite(codes) or codes
        if m.possessor and not (codes.country or codes.org):
            ante = self._pronoun(m.possessor)
            if ante is not None:
                codes = Codes(None, ante.country, ante.org, codes.sector)
        return self._apposition(m, codes)

    def _kb_surname(self, name: str) -> Codes | None:
        from .actors import person_codes
        return person_codes(self.f.kb, name.split()[-1], self.f.date) if " " not in name else None

    def _apposition(self, m: Mention, codes: Codes) -> Codes:
        prev = self.prev
        if prev is None or codes.person or not self.history or not self.history[-1][1].person:
            return codes
        gap = [t.lower for t in self.f.toks[prev.j:m.i]]
        last = self.history[-1][1]
        if gap and gap[0] == "," and all(w in DETERMINERS for w in gap[1:]) and \
                (codes.org == last.org or codes.country == last.country):
            return Codes(last.name, codes.country or last.country, codes.org or last.org, codes.sector or last.sector, True)
        return codes

    def _definite(self, codes: Codes) -> Codes | None:
        for actor, c, _, kind in reversed(self.history):
            if codes.anaphor == "person" and c.person and (c.sector == codes.sector or codes.sector is None):
                return c
            if codes.anaphor == "group" and kind == "group":
                return c
            if codes.anaphor == "government" and kind == "government":
                return c
        return None

    def _pronoun(self, word: str) -> Codes | None:
        if word in PERSON_PRONOUNS:
            return next((c for _, c, _, _ in reversed(self.history) if c.person), None)
        return next((c for _, c, _, _ in reversed(self.history[-8:]) if not c.person and (c.country or c.org)),
                    None)

    def _remember(self, m: Mention, actor: Actor, codes: Codes) -> None:
        subject = any(t.dep in SUBJECT_DEPS for t in self.f.toks[m.i:m.j])
        kb = self.f.kb
        if codes.person:
            kind = "person"
            if codes.name:
                self.names[norm(codes.name.split()[-1])] = codes
        elif codes.org and kb.orgs.get(codes.org) is not None and kb.orgs[codes.org].kind == "group":
            kind = "group"
        elif codes.sector == "GOV" and codes.country and any(p.kind == "sector" for p in m.parts):
            kind = "government"
        else:
            kind = "other"
        self.history.append((actor, codes, subject, kind))


EXTRAPOSED = {"ccomp", "xcomp", "csubj", "advcl"}


def _expletive_it(token) -> bool:
    """ "it is clear that ...", "it is time to ...": "it" stands for a clause, not a party.
    "it was ready to back the plan" keeps "it" (the infinitive belongs to the adjective)."""
    head = token.head
    if head.lemma_ != "be":
        return False
    attr = [c for c in head.children if c.dep_ in ("attr", "acomp")]
    if any(c.dep_ in EXTRAPOSED and c.i > token.i for c in head.children):
        return True
    return any(a.lower_ in ("time", "clear", "likely", "possible", "important", "unclear", "true", "necessary",
                            "impossible", "unlikely", "hard", "difficult", "easy", "essential", "vital")
               for a in attr)


def _names_an_event(doc, j: int) -> bool:
    """The nominal group starting at token j ends in an event noun of the trigger lexicon."""
    from ..extract.triggers import lexicon

    k = j
    while k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "PROPN") and doc[k].pos_ in ("NOUN", "PROPN", "ADJ"):
        k += 1
    head = doc[k]
    lemma = head.lemma_.lower()
    return head.pos_ in ("NOUN", "PROPN") and ("NOUN", lemma) in lexicon()
