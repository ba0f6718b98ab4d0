"""The actor knowledge base: TSV files in data/kb/ read once into alias indexes.

Files (columns documented in docs/actors.md and in each file's header comments):
  countries.tsv, orgs.tsv, armed_groups.tsv, people.tsv, sectors.tsv
Users add entries with extra folders holding files of the same names and columns:
``NEWSEVENTS_KB_EXTRA=/path/a:/path/b`` or ``load_kb(extra=[...])`` (CLI: ``--kb``).
Entries from extra folders are looked up before the built-in ones.
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import InputError
from ..settings import data_dir

KB_FILES = ("countries.tsv", "orgs.tsv", "armed_groups.tsv", "people.tsv", "sectors.tsv")
ENV_EXTRA = "NEWSEVENTS_KB_EXTRA"
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": " ", "—": " ", "-": " ", ".": "", ",": " "})


@dataclass(frozen=True)
class Entry:
    """One thing an alias can name: a country, metonym, demonym, organisation, armed group,
    office holder (one row per office) or sector word."""

    kind: str                    # country | metonym | demonym | org | group | person | sector
    name: str
    country: str | None = None   # ISO alpha-3
    org: str | None = None       # organisation id as emitted on Actor.org
    sector: str | None = None
    start: str | None = None     # ISO date the name/office began
    end: str | None = None
    role: str | None = None      # office (people) or sector kind: title | noun
    successor: str | None = None  # armed groups: id this name was renamed to
    plover: str | None = None    # PLOVER entity code for international actors (UNO, EUR, IGO, IMG ...)
    anaphor: str | None = None   # sector words: person | group | government
    ident: str | None = None     # own id (orgs, groups)


@dataclass(frozen=True)
class Hit:
    """An alias match; ``weak`` marks automatic surname aliases (need corroboration in running text)."""

    entry: Entry
    weak: bool = False


def norm(text: str) -> str:
    """Matching key: lower case, no accents, hyphens and dots dropped, spaces collapsed."""
    text = text.translate(_TRANSLATE)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.lower().split())


def is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def _full_date(value: str, end: bool) -> str | None:
    if not value:
        return None
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-28" if end else "-01")
    return value


class KnowledgeBase:
    def __init__(self) -> None:
        self.by_key: dict[str, list[Hit]] = {}      # norm(alias) -> hits, case-insensitive
        self.by_exact: dict[str, list[Hit]] = {}    # acronyms, matched case-sensitively
        self.capitalised: set[str] = set()          # keys all of whose aliases start upper-case
        self.lowercase_ok: set[str] = set()
        self.first_words: dict[str, int] = {}       # first word of an alias -> most words after it
        self.max_words = 1
        self.orgs: dict[str, Entry] = {}            # org and armed-group id -> entry
        self.countries: dict[str, Entry] = {}       # iso3 -> country entry

    # -- building -------------------------------------------------------------------------
    def add(self, alias: str, entry: Entry, weak: bool = False) -> None:
        alias = " ".join(alias.split())
        if alias[:4].lower() == "the " and entry.kind != "sector":
            alias = alias[4:]   # mentions never include the article: "the Kremlin" -> "Kremlin"
        if not alias:
            return
        hit = Hit(entry, weak)
        if is_acronym(alias) and entry.kind != "sector":
            self._append(self.by_exact, alias, hit)
            self._first_word(norm(alias))
            return
        key = norm(alias)
        if not key:
            return
        self._append(self.by_key, key, hit)
        if alias[0].isupper() and entry.kind != "sector":
            self.capitalised.add(key)
        else:
            self.lowercase_ok.add(key)
        self._first_word(key)

    def _first_word(self, key: str) -> None:
        words = key.split(" ")
        self.first_words[words[0]] = max(self.first_words.get(words[0], 1), len(words))
        bare = words[0].split("'")[0]
        if bare != words[0]:   # "People's ...", "Workers' ...": a token stops before the apostrophe
            self.first_words[bare] = max(self.first_words.get(bare, 1), len(words) + 1)
        self.max_words = max(self.max_words, len(words))

    @staticmethod
    def _append(index: dict[str, list[Hit]], key: str, hit: Hit) -> None:
        hits = index.setdefault(key, [])
        if hit not in hits:
            hits.append(hit)

    # -- lookup ---------------------------------------------------------------------------
    def lookup(self, raw: str, require_cap: bool = True) -> list[Hit]:
        """Entries an exact piece of text names. With ``require_cap`` a proper-name alias
        only matches text that starts with a capital ("Turkey", not "turkey")."""
        raw = " ".join(raw.split())
        hits = list(self.by_exact.get(raw, ()))
        key = norm(raw)
        found = self.by_key.get(key)
        if found:
            if raw[:1].isupper() or key in self.lowercase_ok:
                hits.extend(found)
            elif require_cap:
                hits.extend(h for h in found if h.entry.kind == "sector")
            else:   # lower-case phrases may still name places and groups, never people
                hits.extend(h for h in found if h.entry.kind != "person")
        return hits

    def entries(self, raw: str, kind: str) -> list[Entry]:
        if raw[:4].lower() == "the " and kind != "sector":
            raw = raw[4:]
        return [h.entry for h in self.lookup(raw, require_cap=False) if h.entry.kind == kind]

    def org_at(self, entry: Entry, date: str | None) -> Entry:
        """Follow renamings: a name used after it was dropped means its successor."""
        seen = set()
        while date and entry.end and date > entry.end and entry.successor and entry.ident not in seen:
            seen.add(entry.ident)
            nxt = self.orgs.get(entry.successor)
            if nxt is None:
                break
            entry = nxt
        return entry


def person_at(entries: Iterable[Entry], date: str | None) -> tuple[Entry | None, str]:
    """Pick the office an ambiguous person alias means at ``date``.

    Returns (entry, status): status is "active" (in office at the date, or latest office when
    no date), "former" (all offices ended before the date) or "before" (none begun yet).
    """
    rows = [e for e in entries if e.kind == "person"]
    if not rows:
        return None, "none"
    if date is None:
        return max(rows, key=lambda e: e.start or ""), "active"
    active = [e for e in rows if (e.start or "") <= date and (e.end is None or date <= e.end)]
    if active:
        return max(active, key=lambda e: e.start or ""), "active"
    ended = [e for e in rows if e.end and e.end < date]
    if ended:
        return max(ended, key=lambda e: e.end or ""), "former"
    return min(rows, key=lambda e: e.start or ""), "before"


# -- reading the TSV files ------------------------------------------------------------------
def _rows(path: Path) -> Iterator[dict[str, str]]:
    header: list[str] | None = None
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            if len(cells) > len(header):
                raise InputError(f"{path}:{n}", f"{len(cells)} columns, header has {len(header)}")
            yield dict(zip(header, cells + [""] * (len(header) - len(cells))))


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _load_countries(kb: KnowledgeBase, path: Path) -> None:
    for r in _rows(path):
        iso3 = r["part_of"] or r["iso3"]
        entry = Entry("country", r["short_name"] or r["name"], country=iso3, ident=r["iso3"])
        kb.countries.setdefault(r["iso3"], entry)
        for alias in {r["name"], r["short_name"], *_split(r["aliases"])}:
            kb.add(alias, entry)
        demonym = Entry("demonym", entry.name, country=iso3)
        for alias in _split(r["demonyms"]):
            kb.add(alias, demonym)
        metonym = Entry("metonym", entry.name, country=iso3, sector="GOV")
        for alias in _split(r["metonyms"]):
            kb.add(alias, metonym)


def _load_orgs(kb: KnowledgeBase, path: Path, kind: str) -> None:
    rows = list(_rows(path))
    parents = {r["id"]: r.get("parent", "") for r in rows}
    for r in rows:
        top = r["id"]
        while parents.get(top):
            top = parents[top]
        entry = Entry(kind, r["name"], country=r["country"] or None, org=top, sector=r["sector"] or None,
                      start=_full_date(r.get("start", ""), False), end=_full_date(r.get("end", ""), True),
                      successor=r.get("successor") or None, plover=r["plover_country"] or None, ident=r["id"])
        kb.orgs.setdefault(r["id"], entry)
        for alias in {r["name"], *_split(r["aliases"])}:
            kb.add(alias, entry)


def _load_people(kb: KnowledgeBase, path: Path) -> None:
    for r in _rows(path):
        entry = Entry("person", r["name"], country=r["country"] or None, org=_org_code(kb, r["org"]),
                      sector=r["sector"] or None, start=_full_date(r["start"], False),
                      end=_full_date(r["end"], True), role=r["role"] or None)
        aliases = r["aliases"]
        exact_only = aliases.startswith("!")
        kb.add(r["name"], entry)
        words = r["name"].split()
        for alias in _split(aliases.lstrip("!")):
            kb.add(alias, entry, weak=" " not in alias and alias in words)
        if not exact_only and len(words) > 1 and len(words[-1]) > 3:
            kb.add(words[-1], entry, weak=True)


def _org_code(kb: KnowledgeBase, org_id: str) -> str | None:
    if not org_id:
        return None
    entry = kb.orgs.get(org_id)
    return entry.org if entry else org_id


def plural(term: str) -> str:
    head, sep, rest = term.partition(" of ")
    last = head.split(" ")[-1]
    if last.endswith(("s", "ff")) or last in {"police", "military", "media", "press", "staff",
                                                     "intelligence", "clergy", "public", "mafia", "people"}:
        return term
    if last.endswith("man"):
        new = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        new = last[:-1] + "ies"
    elif last.endswith(("sh", "ch", "x")):
        new = last + "es"
    else:
        new = last + "s"
    return head[: len(head) - len(last)] + new + sep + rest


def _load_sectors(kb: KnowledgeBase, path: Path) -> None:
    for r in _rows(path):
        entry = Entry("sector", r["term"], sector=r["code"] or None, role=r["kind"],
                      anaphor=r["anaphor"] or None)
        kb.add(r["term"], entry)
        form = r["plural"] or plural(r["term"])
        if form != "-" and form != r["term"]:
            kb.add(form, Entry("sector", form, sector=entry.sector, role=entry.role, anaphor=entry.anaphor))


_LOADERS = (
    ("countries.tsv", _load_countries),
    ("orgs.tsv", lambda kb, p: _load_orgs(kb, p, "org")),
    ("armed_groups.tsv", lambda kb, p: _load_orgs(kb, p, "group")),
    ("people.tsv", _load_people),
    ("sectors.tsv", _load_sectors),
)


def kb_dirs(extra: Iterable[str | Path] = ()) -> tuple[Path, ...]:
    """Folders to read, first wins: explicit extras, NEWSEVENTS_KB_EXTRA, then data/kb."""
    dirs = [Path(p) for p in extra]
    dirs += [Path(p) for p in os.environ.get(ENV_EXTRA, "").split(os.pathsep) if p]
    for d in dirs:
        if not d.is_dir():
            raise InputError(str(d), "knowledge-base folder does not exist")
    return (*dirs, data_dir() / "kb")


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for filename, loader in _LOADERS:
        for d in dirs:
            path = d / filename
            if path.is_file():
                loader(kb, path)
    return kb


def load_kb(extra: Iterable[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base, loaded once per set of folders and cached."""
    return _load(kb_dirs(extra))
