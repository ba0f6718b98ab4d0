"""Actor resolution: short phrases (resolve_actor) and every actor mention in an article (find_actors).

Matching is kept apart from resolving: ``match_pieces`` finds knowledge-base aliases over tokens
(longest match, proper names need a capital, acronyms match case-sensitively), ``group_pieces``
joins adjacent pieces into one mention ("US Secretary of State John Kerry", "Russia's Foreign
Minister, Sergei Lavrov", "fighters from the rebel group Jabhat Fateh al-Sham"), and
actor_rules.combine turns a mention's parts into codes. Coordinated nationality adjectives
("Syrian and Russian forces") give one Actor per country: the first conjunct's span is the
adjective alone ("Syrian"), the last one spans adjective + head ("Russian forces").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..models import Actor
from .actor_rules import LOCATIVE, Codes, Part, combine, org_name_sector, part_kind
from .kb import Entry, Hit, KnowledgeBase, load_kb, norm, person_at

PREPOSITIONS = LOCATIVE | {"of", "for", "with", "to", "on", "by", "against", "under", "over", "into"}
FORMER = {"former", "ex", "ousted", "deposed", "exiled", "late"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "dame", "madam"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
OTHER_PRONOUNS = {"they", "them", "their", "it", "its"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_PHRASE_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?=['’]s\b)|['’]s\b|\w+(?:['’]\w+)*|[^\w\s]")


class Tok(NamedTuple):
    idx: int
    end: int
    text: str
    lower: str
    pos: str = ""
    tag: str = ""
    dep: str = ""
    ent: str = ""


@dataclass
class Piece:
    i: int                         # first token
    j: int                         # one past the last token
    kind: str
    hits: list[Hit]
    raw: str


@dataclass
class Mention:
    i: int
    j: int
    parts: list[Part]
    possessor: str | None = None   # possessive pronoun before the mention ("their forces")
    codes: Codes | None = None
    anaphoric: bool = False
    extra: list[Mention] = field(default_factory=list)


# -- matching ---------------------------------------------------------------------------------
def phrase_tokens(text: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group(), m.group().lower()) for m in _PHRASE_TOKEN.finditer(text)]


def doc_tokens(doc) -> list[Tok]:
    return [Tok(t.idx, t.idx + len(t.text), t.text, t.lower_, t.pos_, t.tag_, t.dep_, t.ent_type_)
            for t in doc]


def match_pieces(toks: list[Tok], text: str, kb: KnowledgeBase, require_cap: bool) -> list[Piece]:
    """Longest knowledge-base matches, left to right, never overlapping."""
    pieces: list[Piece] = []
    wordy = [any(c.isalnum() for c in t.text) for t in toks]
    i = 0
    while i < len(toks):
        words = kb.first_words.get(norm(toks[i].text).split(" ")[0]) if wordy[i] else None
        if words is None:
            i += 1
            continue
        for j in range(min(len(toks), i + words * 2 + 1), i, -1):
            if not wordy[j - 1]:
                continue
            raw = text[toks[i].idx:toks[j - 1].end]
            hits = kb.lookup(raw, require_cap)
            if hits:
                pieces.append(Piece(i, j, part_kind(hits, raw), hits, raw))
                i = j
                break
        else:
            i += 1
    return pieces


def _part(piece: Piece, toks: list[Tok], complement: str | None = None) -> Part:
    return Part(piece.kind, piece.raw, toks[piece.i].idx, toks[piece.j - 1].end, piece.hits, complement)


# -- short phrases ----------------------------------------------------------------------------
def resolve_actor(text: str, date: str | None = None, kb: KnowledgeBase | None = None) -> Actor:
    """Resolve one short actor phrase ("a Turkish policeman", "Russia's Foreign Minister")."""
    kb = kb or load_kb()
    toks = phrase_tokens(text)
    # Proper names need a capital unless the whole phrase is lower case ("russian troops").
    pieces = {p.i: p for p in match_pieces(toks, text, kb, require_cap=not text.islower())}
    parts: list[Part] = []
    prep: str | None = None
    i = 0
    while i < len(toks):
        tok = toks[i]
        name_end = _name_run(toks, i, pieces, parts)
        if name_end > i:
            raw = text[tok.idx:toks[name_end - 1].end]
            parts.append(_place_or_name(raw, tok.idx, toks[name_end - 1].end, prep, kb))
            i = name_end
            continue
        if i in pieces:
            piece = pieces[i]
            parts.append(_part(piece, toks, prep))
            i = piece.j
            continue
        if tok.lower in PREPOSITIONS and parts:
            prep = tok.lower
        elif tok.lower in FORMER:
            parts.append(Part("former", tok.text, tok.idx, tok.end))
        i += 1
    parts = _drop_lone_names(parts)
    codes = combine(parts, kb, date) if parts else Codes()
    return Actor(text=text, start=0, end=len(text), name=codes.name, country=codes.country,
                 org=codes.org, sector=codes.sector)


def _name_run(toks: list[Tok], i: int, pieces: dict[int, Piece], parts: list[Part]) -> int:
    """End of an unknown proper name starting at i, or i. Capitalised words after a title are a
    name even when they look like words we know ("Foreign Minister Park Jin"); a known surname
    inside a longer unknown name ("Mohammed Hussein Roble") does not make it that person."""
    def capital(k: int) -> bool:
        return k < len(toks) and toks[k].text[:1].isupper() and toks[k].lower not in DETERMINERS | HONORIFICS

    def open_(k: int) -> bool:
        piece = pieces.get(k)
        return piece is None or piece.kind == "sector" and titled or piece.kind == "person" and _weak(piece)

    titled = bool(parts) and parts[-1].kind == "sector" and parts[-1].entry is not None \
        and parts[-1].entry.role == "title"
    if not capital(i) or not open_(i) or any(p.start <= toks[i].idx < p.end for p in parts):
        return i
    k = i
    while capital(k) and (open_(k) or k == i):
        k = pieces[k].j if k in pieces else k + 1
    covered = [pieces[n] for n in range(i, k) if n in pieces]
    if not titled and covered and k - i == covered[0].j - covered[0].i:
        return i     # just the known piece itself: let it resolve as usual
    return k


def _weak(piece: Piece) -> bool:
    return all(h.weak for h in piece.hits if h.entry.kind == "person")


def _place_or_name(raw: str, start: int, end: int, prep: str | None, kb: KnowledgeBase) -> Part:
    """An unknown capitalised name: a populated place gives its country (as a settlement, CVL)."""
    from .places_lookup import city_country

    iso3 = city_country(raw)
    if iso3 is not None:
        entry = Entry("place", raw, country=iso3, sector=None if prep else "CVL")
        return Part("place", raw, start, end, [Hit(entry)], prep)
    org = _unknown_org(raw, kb)
    if org is not None:
        return Part("org", raw, start, end, [Hit(org)], prep)
    known = _known_surname(raw, kb)
    if known is not None:
        return Part("person", raw, start, end, [Hit(e) for e in known], prep)
    return Part("name", raw, start, end, complement=prep)


def _unknown_org(raw: str, kb: KnowledgeBase) -> Entry | None:
    """An unknown name with organisation words ("Aboriginal Medical Services Alliance Northern
    Territory"): an organisation with the sector its words give and the country a place in it names."""
    words = raw.split()
    sector = org_name_sector(raw) if len(words) > 1 else None
    if sector is None:
        return None
    return Entry("org", raw, country=_country_in_name(words, kb), sector=sector)


def _country_in_name(words: list[str], kb: KnowledgeBase) -> str | None:
    from .places_lookup import city_country

    for size in range(len(words), 0, -1):
        for k in range(len(words) - size + 1):
            window = " ".join(words[k:k + size])
            if not window[:1].isupper() or org_name_sector(window) is not None and size == 1:
                continue
            hits = [h.entry for h in kb.lookup(window) if h.entry.kind in ("country", "demonym", "metonym")]
            country = hits[0].country if hits else city_country(window)
            if country:
                return country
    return None


def _known_surname(raw: str, kb: KnowledgeBase) -> list[Entry] | None:
    """Office holders whose surname ends this unknown full name (other spelling of the first names)."""
    words = raw.split()
    people = kb.entries(words[-1], "person")
    if len(words) == 1:       # a titled surname: the office held at the date decides
        return people or None
    return people if len({e.name for e in people}) == 1 else None


def _drop_lone_names(parts: list[Part]) -> list[Part]:
    """A capitalised word is a personal name only after a title or when it is the whole phrase."""
    kept = []
    for n, p in enumerate(parts):
        if p.kind != "name":
            kept.append(p)
            continue
        prev = parts[n - 1] if n else None
        titled = prev is not None and prev.kind == "sector" and prev.entry and prev.entry.role == "title"
        if titled or len(parts) == 1 or " " in p.text and not any(q.kind == "person" for q in parts):
            kept.append(p)
    return kept


# -- articles ---------------------------------------------------------------------------------
def find_actors(doc) -> list[Actor]:
    """Every actor mention in the article, resolved, in text order, never overlapping."""
    from .actor_mentions import MentionFinder

    article = getattr(doc._, "ne_article", None)
    date = getattr(article, "date", None) if article is not None else None
    return MentionFinder(doc, load_kb(), date).run()


def person_codes(kb: KnowledgeBase, name: str, date: str | None) -> Codes | None:
    entry, status = person_at(kb.entries(name, "person"), date)
    if entry is None:
        return None
    sector = "ELI" if status == "former" else entry.sector if status == "active" else None
    return Codes(name=entry.name, country=entry.country, org=entry.org, sector=sector, person=True)
