"""Every read of the store goes through here; the CLI (and later the API) are thin wrappers."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb

from .schema import PARTICIPANT_ROLES

# The event's own date, else the article's; partial dates (YYYY, YYYY-MM) count from their start.
_DAY = """CASE WHEN length(coalesce(e.date, a.date)) = 4 THEN coalesce(e.date, a.date) || '-01-01'
  WHEN length(coalesce(e.date, a.date)) = 7 THEN coalesce(e.date, a.date) || '-01'
  ELSE left(coalesce(e.date, a.date), 10) END"""

_EVENT_SELECT = f"""
SELECT e.event_id, e.article_id, coalesce(e.date, a.date) AS date, e.type, e.mode, e.status,
  e.cameo, e.quad_class, e.trigger_text, e.trigger_start, e.trigger_end,
  e.sentence_start, e.sentence_end, e.location_name, e.location_text, e.location_country,
  e.dead, e.injured, e.confidence
FROM events e JOIN articles a ON a.id = e.article_id"""

_ORDER = f" ORDER BY {_DAY} NULLS LAST, e.article_id, e.sentence_start, e.trigger_start, e.event_id"

_PARTICIPANT_MATCH = """EXISTS (SELECT 1 FROM event_participants p
  WHERE p.event_id = e.event_id AND p.role = ? AND (
    upper(p.country) = upper(?) OR upper(p.org) = upper(?) OR upper(p.sector) = upper(?)
    OR regexp_matches(coalesce(p.name, ''), ?, 'i') OR regexp_matches(p.text, ?, 'i')))"""


@dataclass
class EventFilter:
    actor: str | None = None
    recipient: str | None = None
    types: tuple[str, ...] = ()
    status: str | None = None
    since: str | None = None     # ISO date, inclusive
    until: str | None = None     # ISO date, inclusive
    place: str | None = None
    article: str | None = None
    limit: int | None = None


def find_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events matching every given filter, each with its actor/recipient/claimed_by lists."""
    where, params = _where(flt or EventFilter())
    sql = _EVENT_SELECT + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    if flt and flt.limit is not None:
        sql += f" LIMIT {int(flt.limit)}"
    events = _dicts(con.execute(sql, params))
    return _with_participants(con, events)


def _where(flt: EventFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for role, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value:
            where.append(_PARTICIPANT_MATCH)
            params += [role, value, value, value, _word(value), _word(value)]
    if flt.types:
        where.append("upper(e.type) IN (" + ", ".join("?" for _ in flt.types) + ")")
        params += [t.upper() for t in flt.types]
    if flt.status:
        where.append("lower(e.status) = lower(?)")
        params.append(flt.status)
    if flt.since:
        where.append(f"{_DAY} >= ?")
        params.append(flt.since)
    if flt.until:
        where.append(f"{_DAY} <= ?")
        params.append(flt.until)
    if flt.place:
        where.append("(regexp_matches(coalesce(e.location_name, ''), ?, 'i')"
                     " OR regexp_matches(coalesce(e.location_text, ''), ?, 'i'))")
        params += [_word(flt.place), _word(flt.place)]
    if flt.article:
        where.append("e.article_id = ?")
        params.append(flt.article)
    return where, params


def _word(value: str) -> str:
    """A case-insensitive whole-word pattern: 'rus' must not match 'Belarus'."""
    return r"\b" + re.escape(value.strip()) + r"\b"


def _with_participants(con: duckdb.DuckDBPyConnection, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {e["event_id"]: e for e in events}
    for e in events:
        for role in PARTICIPANT_ROLES:
            e[role] = []
    if not by_id:
        return events
    rows = _dicts(con.execute(
        'SELECT event_id, role, text, start, "end", name, country, org, sector '
        "FROM event_participants WHERE list_contains(?, event_id) ORDER BY event_id, role, position",
        [list(by_id)],
    ))
    for row in rows:
        event = by_id[row.pop("event_id")]
        event[row.pop("role")].append(row)
    return events


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    rows = _dicts(con.execute(
        "SELECT id, content_hash, title, date, url, source, origin, text, model, duplicate_of, "
        "ingested_at FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def article_quotes(con: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    return _dicts(con.execute(
        "SELECT * FROM quotes WHERE article_id = ? ORDER BY content_start, quote_id", [article_id]))


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    from .schema import COLUMNS

    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COLUMNS}


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
