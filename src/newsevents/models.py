"""Plain data types that flow between the stages.

source -> Article -> (spaCy Doc, inside nlp/) -> mentions -> EventRecord -> ArticleRecord
Only these types cross process, store or Spark boundaries; never a spaCy Doc.
All offsets are character offsets into ``Article.text``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

STATUSES = ("asserted", "claimed", "denied", "future", "hypothetical", "negated")


@dataclass
class Article:
    """One cleaned news article, ready for the NLP stage."""

    id: str                      # the input's own id when it has one, else content_hash[:16]
    text: str                    # cleaned text; every offset downstream points into it
    content_hash: str            # sha1 hex of the normalised text: the article's identity in the store
    title: str | None = None
    date: str | None = None      # publication date, ISO YYYY-MM-DD
    date_source: str | None = None  # "metadata" | "option" | "dateline" | None
    url: str | None = None
    source: str | None = None    # publisher or feed name
    origin: str | None = None    # where it was read: path, path:line, path#record
    language: str | None = None


@dataclass
class Span:
    text: str
    start: int
    end: int


@dataclass
class Actor:
    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None   # ISO 3166 alpha-3
    org: str | None = None       # short organisation id: UN, NATO, JFS ...
    sector: str | None = None    # PLOVER sector code: GOV, MIL, REB, CVL ...
    # an event party named by a pronoun or short form ("it", "the minister"): text/start/end give
    # the earlier mention it refers to, and this the words the event's sentence uses
    anaphor: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Place:
    text: str
    start: int
    end: int
    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None   # ISO 3166 alpha-2
    feature: str | None = None   # GeoNames feature code or class: PPLC, PPLA, PCLI, ADM1 ...
    precision: str | None = None  # "city" | "admin1" | "country"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quantity:
    text: str
    start: int
    end: int
    value: float | int | None
    approximate: bool = False
    counts: str | None = None    # what is counted: "people", "fighters" ...
    role: str | None = None      # "dead" | "injured" | None, when tied to an ASSAULT

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Quote:
    content: Span
    speaker: Actor | None = None
    cue: Span | None = None
    direct: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": asdict(self.cue) if self.cue else None,
            "content": asdict(self.content),
            "direct": self.direct,
        }


@dataclass
class EventRecord:
    type: str                    # PLOVER event type, e.g. ASSAULT
    sentence: Span
    trigger: Span
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None     # CAMEO code (root or finer)
    quad_class: int | None = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    status: str = "asserted"
    claimed_by: list[Actor] = field(default_factory=list)
    location: Place | None = None
    date: str | None = None
    date_precision: str | None = None  # "day" | "month" | "year" | "range"
    dead: int | None = None
    injured: int | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "status": self.status,
            "claimed_by": [a.to_dict() for a in self.claimed_by],
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
            "trigger": asdict(self.trigger),
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "dead": self.dead,
            "injured": self.injured,
            "confidence": round(self.confidence, 3),
        }


@dataclass
class ArticleRecord:
    """Everything newsevents knows about one article: the output contract (docs/output.md)."""

    article: Article
    events: list[EventRecord] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    model: str | None = None     # which spaCy model ran

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "content_hash": a.content_hash,
            "title": a.title,
            "date": a.date,
            "url": a.url,
            "source": a.source,
            "text": a.text,
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            "quantities": [q.to_dict() for q in self.quantities],
            "model": self.model,
        }


@dataclass
class IngestFailure:
    """An input that could not become an Article, and why (one line a user can act on)."""

    origin: str
    reason: str
