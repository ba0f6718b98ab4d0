"""Hand-built ArticleRecords for the store tests (no model needed)."""
from __future__ import annotations

import hashlib
from datetime import datetime

from newsevents.models import Actor, Article, ArticleRecord, EventRecord, Place, Quantity, Quote, Span
from newsevents.store.schema import record_to_rows
from newsevents.store.writer import StoreWriter, open_store

FIXED_TIME = datetime(2024, 1, 2, 3, 4, 5)


def span(text: str, sub: str) -> Span:
    start = text.index(sub)
    return Span(sub, start, start + len(sub))


def actor(text: str, sub: str, **codes) -> Actor:
    s = span(text, sub)
    return Actor(s.text, s.start, s.end, **codes)


def sentence(text: str, sub: str) -> Span:
    return span(text, sub)


def article(aid: str, text: str, date: str | None, title: str) -> Article:
    digest = hashlib.sha1(text.encode()).hexdigest()
    return Article(id=aid, text=text, content_hash=digest, title=title, date=date,
                   source="Test Wire", origin=f"{aid}.txt")


def record_aleppo() -> ArticleRecord:
    t = ("Russian jets struck a hospital in Aleppo on Monday, killing 12 people, the Syrian "
         "Observatory said. Moscow denied the report.")
    s1, s2 = sentence(t, t[: t.index(" Moscow")]), sentence(t, "Moscow denied the report.")
    aleppo = Place("Aleppo", t.index("Aleppo"), t.index("Aleppo") + 6, name="Aleppo",
                   geonameid=170063, lat=36.2, lon=37.16, country="SY", feature="PPLA", precision="city")
    observatory = actor(t, "the Syrian Observatory", name="Syrian Observatory for Human Rights", org="SOHR")
    assault = EventRecord(
        type="ASSAULT", sentence=s1, trigger=span(t, "struck"), mode="aerial", contexts=["military"],
        cameo="195", quad_class=4, actor=[actor(t, "Russian jets", name="Russia", country="RUS", sector="MIL")],
        recipient=[actor(t, "a hospital", country="SYR", sector="CVL")], status="claimed",
        claimed_by=[observatory], location=aleppo, date="2016-09-19", date_precision="day",
        dead=12, confidence=0.8)
    reject = EventRecord(
        type="REJECT", sentence=s2, trigger=span(t, "denied"), cameo="016", quad_class=3,
        actor=[actor(t, "Moscow", name="Russia", country="RUS", sector="GOV")], confidence=0.7)
    quote = Quote(content=span(t, "Russian jets struck a hospital in Aleppo on Monday, killing 12 people"),
                  speaker=observatory, cue=span(t, "said"), direct=False)
    twelve = Quantity("12 people", t.index("12 people"), t.index("12 people") + 9, 12, counts="people", role="dead")
    return ArticleRecord(article(
        "a1", t, "2016-09-20", "Jets strike Aleppo hospital"), events=[assault, reject],
        quotes=[quote], places=[aleppo], quantities=[twelve], model="test-model")


def record_aid() -> ArticleRecord:
    t = "The United Nations delivered food aid to Idlib. Turkey called for a ceasefire in Idlib."
    idlib = Place("Idlib", t.index("Idlib"), t.index("Idlib") + 5, name="Idlib", country="SY", precision="city")
    aid = EventRecord(
        type="AID", sentence=sentence(t, t[: t.index(" Turkey")]), trigger=span(t, "delivered"),
        actor=[actor(t, "The United Nations", name="United Nations", org="UN")], location=idlib,
        quad_class=2, confidence=0.9)
    request = EventRecord(
        type="REQUEST", sentence=sentence(t, "Turkey called for a ceasefire in Idlib."),
        trigger=span(t, "called for"), actor=[actor(t, "Turkey", name="Turkey", country="TUR")],
        date="2016-10", date_precision="month", quad_class=1, confidence=0.6)
    return ArticleRecord(article("b2", t, "2016-10-05", "UN delivers aid to Idlib"),
                         events=[aid, request], places=[idlib], model="test-model")


def record_undated() -> ArticleRecord:
    t = "Belarus imposed sanctions on Lithuanian hauliers, officials said."
    sanction = EventRecord(
        type="SANCTION", sentence=sentence(t, t), trigger=span(t, "imposed sanctions"), status="asserted",
        actor=[actor(t, "Belarus", name="Belarus", country="BLR", sector="GOV")],
        recipient=[actor(t, "Lithuanian hauliers", country="LTU", sector="BUS")], quad_class=4)
    return ArticleRecord(article("c3", t, None, "Belarus sanctions hauliers"), events=[sanction], model="test-model")


def all_records() -> list[ArticleRecord]:
    return [record_aleppo(), record_aid(), record_undated()]


def fill(con) -> None:
    StoreWriter(con).write_batch(record_to_rows(r, ingested_at=FIXED_TIME) for r in all_records())
