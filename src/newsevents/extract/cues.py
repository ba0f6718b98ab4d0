"""The attribution cue lexicon (data/ontology/speech_cues.tsv) and lookups on tokens.

A cue is the word that introduces reported content: a reporting verb ("said", "denied",
"accused") or a phrase ("according to"). Each lexicon entry says what kind of cue it is
and how its content attaches (its frame); see the header of the data file.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from ..settings import data_dir

KINDS = ("speech", "claim", "denial", "accusation", "warning", "belief", "intent", "stance")
PREPOSITION_SLOTS = ("for", "on", "about", "of", "against", "to", "with", "at", "as", "in", "over")
SLOTS = ("clause", "xcomp", "object", "object+of", "object+for", "object+on", "object+oprd",
         "object+as", "object+to", "object+with") + PREPOSITION_SLOTS
NOUN_PREFIX = "n:"      # lexicon entries for nouns ("his claim that ...") are written n:lemma
ADJ_PREFIX = "a:"       # and for adjectives after "be" ("X is confident that ...") a:lemma
STRICT_MARK = "!"       # slots written !slot,...: the verb is a cue only with one of them
DENIAL_KINDS = frozenset({"denial"})
# Kinds whose content is something the speaker asserts (an event in it is "claimed"); intent,
# stance and belief cues report a wish, a position or an opinion instead.
CLAIM_KINDS = frozenset({"speech", "claim", "accusation", "warning"})


# Cue verbs with a common physical sense: a cue only when aimed at a person or at words and
# decisions (their kind is stance, so what they target is never marked claimed).
WORDS_OR_FORCE = frozenset({"attack", "defend"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "him", "her", "them", "me", "us"})
STANCE_OBJECTS = frozenset({
    "record", "decision", "policy", "comment", "remark", "statement", "position", "stance", "view",
    "plan", "proposal", "idea", "approach", "strategy", "choice", "vote", "action", "response", "move",
    "claim", "argument", "rhetoric", "tweet", "speech", "law", "bill", "deal", "agreement", "program",
    "handling", "use", "campaign", "candidacy", "nomination", "nominee", "administration", "president",
    "candidate", "rival", "opponent", "critic", "leadership", "judgment", "character", "integrity",
    "conduct", "behavior", "practice", "ruling", "order", "ban", "budget", "tax", "reform", "comments",
    "remarks", "views", "policies", "actions", "plans", "legacy", "right", "rights", "freedom",
})


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    kind: str
    slots: tuple[str, ...]
    strict: bool = False     # a cue only in its own frames ("ruled that ...", not "ruled the land")


def lexicon_path() -> Path:
    return data_dir() / "ontology" / "speech_cues.tsv"


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> dict[str, CueEntry]:
    """Read the cue lexicon: lemma (or lowercase phrase) -> entry. The first entry of a lemma wins."""
    path = path or lexicon_path()
    entries: dict[str, CueEntry] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        strict = len(fields) == 3 and fields[2].startswith(STRICT_MARK)
        slots = tuple(fields[2].lstrip(STRICT_MARK).split(",")) if len(fields) == 3 else ()
        if len(fields) != 3 or fields[1] not in KINDS or not set(slots) <= set(SLOTS):
            raise ValueError(f"{path}:{number}: expected lemma<TAB>kind<TAB>slots with a known kind and slots")
        entries.setdefault(fields[0], CueEntry(fields[0], fields[1], slots, strict))
    return entries


def verb_cue(token: Token) -> CueEntry | None:
    """The lexicon entry when ``token`` is a reporting verb (not an auxiliary, not a noun)."""
    if token.pos_ not in ("VERB",) and token.tag_ not in ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB"):
        return None
    if token.dep_ in ("aux", "auxpass", "amod", "compound"):
        return None
    lexicon = load_lexicon()
    lemma = token.lemma_.lower()
    entry = lexicon.get(lemma)
    if entry is None and token.lower_ in (lemma + "e", lemma + "es", lemma + "ed", lemma + "ing"):
        entry = lexicon.get(lemma + "e")      # the lemmatiser drops an e: "hopes", "hoping" -> "hop"
    if entry is not None and entry.lemma in WORDS_OR_FORCE and not _aimed_at_words(token):
        return None
    if entry is not None and entry.strict and not _has_frame(token, entry):
        return None
    return entry


def _has_frame(verb: Token, entry: CueEntry) -> bool:
    from .quotes_content import slot_tokens     # quotes_content reads this module's entries
    children = list(verb.children)
    return any(slot_tokens(children, slot) for slot in entry.slots)


def _aimed_at_words(verb: Token) -> bool:
    """ "attacked Clinton for ...", "defended his record": the verb takes a stance on a person
    or on what someone said or did, not on a place or a force ("attacked the base")."""
    children = list(verb.children)
    if any(c.dep_ == "prep" and c.lower_ in ("for", "as") for c in children):
        return True
    obj = next((c for c in children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        return False
    return (obj.ent_type_ == "PERSON" or obj.lower_ in REFLEXIVES
            or obj.lemma_.lower() in STANCE_OBJECTS)


def noun_cue(token: Token) -> CueEntry | None:
    """The lexicon entry when ``token`` is a reporting noun ("claim", "statement", "criticism")."""
    if token.pos_ != "NOUN":
        return None
    return load_lexicon().get(NOUN_PREFIX + token.lemma_.lower())


def adjective_cue(token: Token) -> CueEntry | None:
    """The lexicon entry when ``token`` is a stance adjective after a copula ("is confident")."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp":
        return None
    return load_lexicon().get(ADJ_PREFIX + token.lemma_.lower())


def according_to_cue(token: Token) -> bool:
    """True for the "according" of "according to X"."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def is_denial(entry: CueEntry | None) -> bool:
    return entry is not None and entry.kind in DENIAL_KINDS


def cue_entry_at(doc, start: int, end: int) -> CueEntry | None:
    """The lexicon entry of the cue word at characters start..end of ``doc`` (None if unknown)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if span.text.lower().startswith("according"):
        return load_lexicon().get("according to")
    lexicon = load_lexicon()
    return next((e for t in span if (e := _any_entry(lexicon, t.lemma_.lower())) is not None), None)


def _any_entry(lexicon: dict[str, CueEntry], lemma: str) -> CueEntry | None:
    return lexicon.get(lemma) or lexicon.get(NOUN_PREFIX + lemma) or lexicon.get(ADJ_PREFIX + lemma)
