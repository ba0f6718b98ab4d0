"""How the pieces of one actor phrase combine into codes (shared by resolve_actor and find_actors).

A phrase is a list of Parts: KB matches (person, group, org, country, metonym, demonym, sector
word) plus unknown names and the "former" marker, each either in the head of the phrase or in a
complement after a preposition ("fighters *from the rebel group X*", "a park *in Kabul*").
Evidence order: a named person (office held at the date) > a named organisation or armed group >
country words + the sector of the head noun. The text's own title wins over the KB when the KB
says the person was not in that office at the date.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .kb import Entry, Hit, KnowledgeBase, person_at

KIND_ORDER = ("person", "group", "org", "country", "metonym", "demonym", "sector")
# Heads that name a role inside something else: their sector yields to a modifier or complement.
WEAK_HEADS = {
    "fighter", "fighters", "group", "groups", "faction", "factions", "commander", "commanders",
    "member", "members", "supporters", "forces", "force", "units", "unit",
}
# On an armed head (troops, forces ...) these modifier sectors say who the armed men are.
ARMED_MODIFIERS = {"REB", "PRM", "COP", "SPY", "CRM", "UAF", "OPP"}
LOCATIVE = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "from", "within"}
FORMER_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY"}


@dataclass
class Part:
    kind: str                        # a KIND_ORDER kind, "name" (unknown proper name), "place" or "former"
    text: str
    start: int
    end: int
    hits: list[Hit] = field(default_factory=list)
    complement: str | None = None    # the preposition when the part is in a complement

    def entries(self, kind: str) -> list[Entry]:
        return [h.entry for h in self.hits if h.entry.kind == kind]

    @property
    def entry(self) -> Entry | None:
        found = self.entries(self.kind)
        return found[0] if found else None


@dataclass
class Codes:
    name: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    person: bool = False
    anaphor: str | None = None       # person | group | government: a bare definite to resolve


def part_kind(hits: list[Hit], raw: str) -> str:
    kinds = {h.entry.kind for h in hits}
    if "sector" in kinds and raw[:1].islower():
        return "sector"
    return next(k for k in KIND_ORDER if k in kinds)


def head_sector(sectors: list[Part]) -> str | None:
    """Sector of a nominal head given the sector words before it ("rebel forces", "army spokesman")."""
    if not sectors:
        return None
    head = sectors[-1].entry
    code = head.sector if head else None
    mods = [p.entry.sector for p in sectors[:-1] if p.entry and p.entry.sector]
    if not mods:
        return code
    if code in ("MIL", "UAF") and mods[-1] in ARMED_MODIFIERS:
        return "REB" if mods[-1] == "OPP" else mods[-1]
    if code in (None, "UNK", "GOV") and _is_weak(sectors[-1]) or code is None:
        return mods[-1]
    return code


def _is_weak(part: Part) -> bool:
    entry = part.entry
    if entry is None:
        return True
    return entry.sector in (None, "UNK") or entry.role == "title" and entry.sector == "GOV" \
        or part.text.lower() in WEAK_HEADS


def _country_of(part: Part) -> str | None:
    entry = part.entry
    return entry.country if entry else None


def combine(parts: list[Part], kb: KnowledgeBase, date: str | None) -> Codes:
    parts = _generic_org_as_sector(parts)
    head = [p for p in parts if p.complement is None]
    comp = [p for p in parts if p.complement is not None]
    former = any(p.kind == "former" for p in head)
    sectors = [p for p in head if p.kind == "sector"]
    sector = head_sector(sectors)
    if former and sector in FORMER_SECTORS:
        sector = "ELI"
    country = _first_country(head) or _first_country(comp, place_ok=True)
    person = next((p for p in head if p.kind == "person"), None)
    if person is not None:
        return _person_codes(person, kb, date, country, sector, former)
    name = next((p.text for p in head if p.kind == "name"), None)
    if name is not None:
        return Codes(name=name, country=country, sector=sector, person=True)
    org = next((p for p in head if p.kind in ("group", "org")), None) or \
        next((p for p in comp if p.kind in ("group", "org")), None)
    if org is not None:
        return _org_codes(org, kb, date, country, sectors, sector)
    if sector is None or sectors and _is_weak(sectors[-1]) and sectors[-1].entry.sector is None:
        sector = _complement_sector(comp) or sector
    if _is_national_bank(sectors, comp):
        sector = "GOV"
    if sector is None and any(p.kind in ("metonym", "place") for p in head):
        sector = next(p.entry.sector for p in head if p.kind in ("metonym", "place"))
    anaphor = None
    if sectors and len(head) == len(sectors) and len(sectors) == 1 and not comp:
        anaphor = sectors[0].entry.anaphor if sectors[0].entry else None
    return Codes(name=_country_name(head, kb), country=country, sector=sector, anaphor=anaphor)


def _generic_org_as_sector(parts: list[Part]) -> list[Part]:
    """A generic word one state's body is known by ("Congress") names another state's body when
    that state is named before it: "Peru's Congress" is Peru's legislature, not the US Congress."""
    countries = {p.entry.country for p in parts if p.complement is None
                 and p.kind in ("country", "demonym", "metonym") and p.entry}
    if not countries:
        return parts
    out = []
    for p in parts:
        words = [h for h in p.hits if h.entry.kind == "sector"]
        if p.kind == "org" and p.complement is None and words and p.entry and p.entry.country \
                and p.entry.country not in countries:
            p = Part("sector", p.text, p.start, p.end, words, p.complement)
        out.append(p)
    return out


def _is_national_bank(sectors: list[Part], comp: list[Part]) -> bool:
    """"Bank of Thailand", "Reserve Bank of Zimbabwe": a capitalised Bank of a state is its
    central bank (commercial banks named so, such as Bank of China, are knowledge-base entries)."""
    return bool(sectors) and sectors[-1].text == "Bank" and len(sectors) == 1 \
        and any(p.complement == "of" and p.kind == "country" for p in comp)


def _first_country(parts: list[Part], place_ok: bool = False) -> str | None:
    for p in parts:
        if p.kind in ("country", "metonym", "demonym", "place"):
            return _country_of(p)
        if place_ok and p.kind in ("org", "group") and p.entry and p.entry.country:
            return p.entry.country
    return None


def _country_name(head: list[Part], kb: KnowledgeBase) -> str | None:
    if len(head) == 1 and head[0].kind == "country":
        return head[0].entry.name
    return None


def _complement_sector(comp: list[Part]) -> str | None:
    for p in comp:
        if p.kind == "metonym" and p.complement not in LOCATIVE:
            return "GOV"
        if p.kind == "sector" and p.entry and p.entry.sector:
            return p.entry.sector
    return None


def _person_codes(part: Part, kb: KnowledgeBase, date: str | None, country: str | None,
                  sector: str | None, former: bool) -> Codes:
    entry, status = person_at(part.entries("person"), date)
    if entry is not None and status != "active" and part.text != entry.name and len(part.text.split()) > 1 \
            and part.text.split()[-1] == entry.name.split()[-1] and part.text not in _aliases(part):
        entry = None   # another person with that surname (matched by surname only, not in office then)
    if entry is None:
        return Codes(name=part.text, country=country, sector=sector, person=True)
    codes = Codes(name=entry.name, country=entry.country, org=entry.org, sector=entry.sector, person=True)
    if former or status == "former":
        codes.sector = "ELI" if (former or not sector) else sector
        codes.country = country or entry.country
        codes.org = None if codes.country else entry.org
    elif status == "before":
        codes.sector = sector
        codes.country = country or entry.country
    return codes


def _aliases(part: Part) -> set[str]:
    return {h.entry.name for h in part.hits if not h.weak}


def _org_codes(part: Part, kb: KnowledgeBase, date: str | None, country: str | None,
               sectors: list[Part], sector: str | None) -> Codes:
    entry = kb.org_at(part.entry, date)
    own = entry.sector
    after = [s for s in sectors if s.start > part.start]
    if part.complement is not None:
        # "members of Hamas", "doctors from MSF": a strong head keeps its sector
        chosen = sector if sectors and not _is_weak(sectors[-1]) else own
    elif after and not _is_weak(after[-1]):
        chosen = head_sector(after)
        if chosen in ("MIL", "UAF") and own in ("REB", "PRM", "CRM", "PRE"):
            chosen = own      # "Boko Haram gunmen", "Wagner troops": the group says who they are
    else:
        chosen = own
    return Codes(name=entry.name, country=entry.country or country, org=entry.org, sector=chosen)


# -- unknown organisation names ---------------------------------------------------------------
# Words that make an unknown capitalised name an organisation, with the sector they give. Domain
# words win over generic ones ("Aboriginal Medical Services Alliance" is MED, not NGO).
DOMAIN_WORDS = {
    "MED": {"medical", "health", "hospital", "hospitals", "clinic", "doctors", "nurses"},
    "EDU": {"university", "college", "school", "schools", "academy", "polytechnic"},
    "JRN": {"news", "newspaper", "times", "herald", "gazette", "tribune", "television", "tv", "radio",
            "broadcasting", "press"},
    "REL": {"church", "diocese", "archdiocese", "mosque", "synagogue", "temple", "ulema", "clergy"},
    "COP": {"police", "gendarmerie", "constabulary"},
    "MIL": {"army", "navy", "armed forces", "air force"},
    "JUD": {"court", "tribunal", "judiciary", "prosecutor's"},
    "LEG": {"parliament", "senate", "assembly", "congress", "legislature"},
    "PTY": {"party"},
    "LAB": {"workers", "labour", "labor", "unions"},
    "AGR": {"farmers", "agricultural"},
    "BUS": {"company", "corporation", "corp", "inc", "ltd", "llc", "plc", "holdings", "airlines",
            "airways", "industries", "bank", "group ltd", "chamber of commerce"},
    "GOV": {"ministry", "government", "commission", "agency", "department", "authority",
            "administration", "council"},
    "NGO": {"foundation", "alliance", "association", "society", "charity", "coalition", "network",
            "federation", "trust", "institute", "centre", "center", "committee"},
}


def org_name_sector(name: str) -> str | None:
    """The sector an unknown organisation's own words give, or None when nothing marks it as one."""
    words = name.lower().replace("-", " ").split()
    grams = set(words) | {" ".join(words[k:k + 2]) for k in range(len(words) - 1)} \
        | {" ".join(words[k:k + 3]) for k in range(len(words) - 2)}
    if "central bank" in grams or "reserve bank" in grams:
        return "GOV"
    for code, vocab in DOMAIN_WORDS.items():
        if grams & vocab:
            return code
    return None
