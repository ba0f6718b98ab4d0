"""The store's tables, in one place: column lists, types, and ArticleRecord -> rows.

Both writers use this module: the store writer (store/writer.py; the DDL of DuckDB and of
PostgreSQL both come from COLUMNS) and the Spark job that writes Parquet with the same
columns. ``record_to_rows`` is pure (no database), so any writer can call it. Every child
row carries ``article_id`` and character offsets into ``articles.text``, so each value can be
traced back to the words it came from.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pyarrow as pa

from ..models import Actor, ArticleRecord, EventRecord, Place, Quantity, Quote

# table -> [(column, DuckDB type)]. Order matters: it is the column order of every writer.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "VARCHAR"), ("content_hash", "VARCHAR"), ("title", "VARCHAR"),
        ("date", "VARCHAR"), ("url", "VARCHAR"), ("source", "VARCHAR"),
        ("origin", "VARCHAR"), ("text", "VARCHAR"), ("model", "VARCHAR"),
        ("duplicate_of", "VARCHAR"), ("minhash", "BLOB"), ("ingested_at", "TIMESTAMP"),
    ],
    "events": [
        ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("type", "VARCHAR"),
        ("mode", "VARCHAR"), ("contexts", "VARCHAR[]"), ("cameo", "VARCHAR"),
        ("quad_class", "INTEGER"), ("status", "VARCHAR"),
        ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
        ("trigger_text", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("location_text", "VARCHAR"), ("location_start", "INTEGER"), ("location_end", "INTEGER"),
        ("location_name", "VARCHAR"), ("location_geonameid", "BIGINT"),
        ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"), ("location_country", "VARCHAR"),
        ("location_feature", "VARCHAR"), ("location_precision", "VARCHAR"),
        ("date", "VARCHAR"), ("date_precision", "VARCHAR"),
        ("dead", "INTEGER"), ("injured", "INTEGER"), ("confidence", "DOUBLE"),
    ],
    "event_participants": [
        ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("role", "VARCHAR"),
        ("position", "INTEGER"), ("text", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("name", "VARCHAR"), ("country", "VARCHAR"), ("org", "VARCHAR"), ("sector", "VARCHAR"),
        # the pronoun or short form the event's sentence uses when text/start/end is its antecedent
        ("anaphor_text", "VARCHAR"), ("anaphor_start", "INTEGER"), ("anaphor_end", "INTEGER"),
    ],
    "quotes": [
        ("quote_id", "VARCHAR"), ("article_id", "VARCHAR"), ("direct", "BOOLEAN"),
        ("content_text", "VARCHAR"), ("content_start", "INTEGER"), ("content_end", "INTEGER"),
        ("cue_text", "VARCHAR"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"),
        ("speaker_text", "VARCHAR"), ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"),
        ("speaker_name", "VARCHAR"), ("speaker_country", "VARCHAR"),
        ("speaker_org", "VARCHAR"), ("speaker_sector", "VARCHAR"),
    ],
    "places": [
        ("place_id", "VARCHAR"), ("article_id", "VARCHAR"), ("text", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("name", "VARCHAR"),
        ("geonameid", "BIGINT"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("country", "VARCHAR"),
        ("feature", "VARCHAR"), ("precision", "VARCHAR"),
    ],
    "quantities": [
        ("quantity_id", "VARCHAR"), ("article_id", "VARCHAR"), ("text", "VARCHAR"),
        ("start", "INTEGER"), ("end", "INTEGER"), ("value", "DOUBLE"),
        ("approximate", "BOOLEAN"), ("counts", "VARCHAR"), ("role", "VARCHAR"),
    ],
    "failures": [("origin", "VARCHAR"), ("reason", "VARCHAR"), ("at", "TIMESTAMP")],
}

# Tables filled from an ArticleRecord, parents first (the order rows are written in).
RECORD_TABLES = ("articles", "events", "event_participants", "quotes", "places", "quantities")
CHILD_TABLES = RECORD_TABLES[1:]
PARTICIPANT_ROLES = ("actor", "recipient", "claimed_by")

KEYS: dict[str, str] = {
    "articles": "PRIMARY KEY (id), UNIQUE (content_hash)",
    "events": "PRIMARY KEY (event_id)",
    "quotes": "PRIMARY KEY (quote_id)",
    "places": "PRIMARY KEY (place_id)",
    "quantities": "PRIMARY KEY (quantity_id)",
    "failures": "PRIMARY KEY (origin, reason)",
}

_ARROW_TYPES = {
    "VARCHAR": pa.string(), "BLOB": pa.binary(), "TIMESTAMP": pa.timestamp("us"),
    "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "VARCHAR[]": pa.list_(pa.string()),
}


def column_names(table: str) -> list[str]:
    return [name for name, _ in COLUMNS[table]]


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow (and so Parquet) schema of a table."""
    return pa.schema([(name, _ARROW_TYPES[kind]) for name, kind in COLUMNS[table]])


def create_table_sql(table: str, types: dict[str, str] | None = None) -> str:
    """CREATE TABLE for ``table``; ``types`` maps COLUMNS' DuckDB types to another dialect's."""
    types = types or {}
    cols = [f'"{name}" {types.get(kind, kind)}' for name, kind in COLUMNS[table]]
    if table in KEYS:
        cols.append(KEYS[table])
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(cols) + "\n)"


def event_id(article_id: str, index: int) -> str:
    """E1, E2 ... numbered from 1 in the order the extractor gave them."""
    return f"{article_id}:E{index + 1}"


def record_to_rows(
    record: ArticleRecord,
    *,
    origin: str | None = None,
    minhash: bytes | None = None,
    duplicate_of: str | None = None,
    ingested_at: datetime | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table for one article (all tables in RECORD_TABLES, maybe empty lists)."""
    a = record.article
    at = ingested_at or datetime.now(timezone.utc).replace(tzinfo=None)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in RECORD_TABLES}
    rows["articles"].append({
        "id": a.id, "content_hash": a.content_hash, "title": a.title, "date": a.date,
        "url": a.url, "source": a.source, "origin": origin or a.origin, "text": a.text,
        "model": record.model, "duplicate_of": duplicate_of, "minhash": minhash,
        "ingested_at": at,
    })
    for i, event in enumerate(record.events):
        eid = event_id(a.id, i)
        rows["events"].append(_event_row(eid, a.id, event))
        for role in PARTICIPANT_ROLES:
            for pos, actor in enumerate(getattr(event, role)):
                rows["event_participants"].append(_participant_row(eid, a.id, role, pos, actor))
    rows["quotes"] = [_quote_row(f"{a.id}:Q{i + 1}", a.id, q) for i, q in enumerate(record.quotes)]
    rows["places"] = [_place_row(f"{a.id}:P{i + 1}", a.id, p) for i, p in enumerate(record.places)]
    rows["quantities"] = [
        _quantity_row(f"{a.id}:N{i + 1}", a.id, q) for i, q in enumerate(record.quantities)
    ]
    return rows


def failure_row(origin: str, reason: str, at: datetime | None = None) -> dict[str, Any]:
    return {"origin": origin, "reason": reason,
            "at": at or datetime.now(timezone.utc).replace(tzinfo=None)}


def _event_row(eid: str, article_id: str, e: EventRecord) -> dict[str, Any]:
    loc = e.location
    return {
        "event_id": eid, "article_id": article_id, "type": e.type, "mode": e.mode,
        "contexts": list(e.contexts), "cameo": e.cameo, "quad_class": e.quad_class,
        "status": e.status, "sentence_start": e.sentence.start, "sentence_end": e.sentence.end,
        "trigger_text": e.trigger.text, "trigger_start": e.trigger.start,
        "trigger_end": e.trigger.end,
        "location_text": loc.text if loc else None, "location_start": loc.start if loc else None,
        "location_end": loc.end if loc else None, "location_name": loc.name if loc else None,
        "location_geonameid": loc.geonameid if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "location_country": loc.country if loc else None,
        "location_feature": loc.feature if loc else None,
        "location_precision": loc.precision if loc else None,
        "date": e.date, "date_precision": e.date_precision, "dead": e.dead,
        "injured": e.injured, "confidence": e.confidence,
    }


def _participant_row(eid: str, article_id: str, role: str, pos: int, a: Actor) -> dict[str, Any]:
    return {"event_id": eid, "article_id": article_id, "role": role, "position": pos,
            "text": a.text, "start": a.start, "end": a.end, "name": a.name,
            "country": a.country, "org": a.org, "sector": a.sector,
            "anaphor_text": a.anaphor.text if a.anaphor else None,
            "anaphor_start": a.anaphor.start if a.anaphor else None,
            "anaphor_end": a.anaphor.end if a.anaphor else None}


def _quote_row(qid: str, article_id: str, q: Quote) -> dict[str, Any]:
    s, cue = q.speaker, q.cue
    return {
        "quote_id": qid, "article_id": article_id, "direct": q.direct,
        "content_text": q.content.text, "content_start": q.content.start,
        "content_end": q.content.end,
        "cue_text": cue.text if cue else None, "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "speaker_text": s.text if s else None, "speaker_start": s.start if s else None,
        "speaker_end": s.end if s else None, "speaker_name": s.name if s else None,
        "speaker_country": s.country if s else None, "speaker_org": s.org if s else None,
        "speaker_sector": s.sector if s else None,
    }


def _place_row(pid: str, article_id: str, p: Place) -> dict[str, Any]:
    return {"place_id": pid, "article_id": article_id, "text": p.text, "start": p.start,
            "end": p.end, "name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
            "country": p.country, "feature": p.feature, "precision": p.precision}


def _quantity_row(nid: str, article_id: str, q: Quantity) -> dict[str, Any]:
    value = float(q.value) if q.value is not None else None
    return {"quantity_id": nid, "article_id": article_id, "text": q.text, "start": q.start,
            "end": q.end, "value": value, "approximate": q.approximate, "counts": q.counts,
            "role": q.role}
