"""Every read of the store goes through here; the CLI (and later the API) are thin wrappers.

One SQL text serves DuckDB and PostgreSQL; the few pieces that differ (regular expressions,
list parameters, text order) come from the connection's dialect (store/dialect.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .dialect import Dialect, dialect_of
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


def _order(d: Dialect) -> str:
    return (f" ORDER BY ({_DAY}){d.text_order} NULLS LAST, e.article_id{d.text_order},"
            f" e.sentence_start, e.trigger_start, e.event_id{d.text_order}")


_NAME = "coalesce(p.name, '')"


def _participant_match(d: Dialect) -> str:
    return f"""EXISTS (SELECT 1 FROM event_participants p
  WHERE p.event_id = e.event_id AND p.role = ? AND (
    upper(p.country) = upper(?) OR upper(p.org) = upper(?) OR upper(p.sector) = upper(?)
    OR {d.regex_match(_NAME)} OR {d.regex_match("p.text")}))"""


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


def find_events(con: Any, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events matching every given filter, each with its actor/recipient/claimed_by lists."""
    dialect = dialect_of(con)
    where, params = _where(flt or EventFilter(), dialect)
    sql = _EVENT_SELECT + (" WHERE " + " AND ".join(where) if where else "") + _order(dialect)
    if flt and flt.limit is not None:
        sql += f" LIMIT {int(flt.limit)}"
    events = _dicts(con.execute(sql, params))
    return _with_participants(con, events)


def _where(flt: EventFilter, d: Dialect) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for role, value in (("actor", flt.actor), ("recipient", flt.recipient)):
        if value:
            where.append(_participant_match(d))
            params += [role, value, value, value, d.word_pattern(value), d.word_pattern(value)]
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
        name, text = "coalesce(e.location_name, '')", "coalesce(e.location_text, '')"
        where.append(f"({d.regex_match(name)} OR {d.regex_match(text)})")
        params += [d.word_pattern(flt.place), d.word_pattern(flt.place)]
    if flt.article:
        where.append("e.article_id = ?")
        params.append(flt.article)
    return where, params


def _with_participants(con: Any, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_id = {e["event_id"]: e for e in events}
    for e in events:
        for role in PARTICIPANT_ROLES:
            e[role] = []
    if not by_id:
        return events
    d = dialect_of(con)
    rows = _dicts(con.execute(
        'SELECT event_id, role, text, start, "end", name, country, org, sector, '
        "anaphor_text, anaphor_start, anaphor_end "
        f"FROM event_participants WHERE {d.in_list('event_id')} "
        f"ORDER BY event_id{d.text_order}, role{d.text_order}, position",
        [list(by_id)],
    ))
    for row in rows:
        event = by_id[row.pop("event_id")]
        event[row.pop("role")].append(_with_anaphor(row))
    return events


def _with_anaphor(row: dict[str, Any]) -> dict[str, Any]:
    """A participant as in the JSON records: the anaphor columns as one {text, start, end} or null."""
    text, start, end = row.pop("anaphor_text"), row.pop("anaphor_start"), row.pop("anaphor_end")
    row["anaphor"] = {"text": text, "start": start, "end": end} if text is not None else None
    return row


def get_article(con: Any, article_id: str) -> dict[str, Any] | None:
    rows = _dicts(con.execute(
        "SELECT id, content_hash, title, date, url, source, origin, text, model, duplicate_of, "
        "ingested_at FROM articles WHERE id = ?", [article_id]))
    return rows[0] if rows else None


def article_quotes(con: Any, article_id: str) -> list[dict[str, Any]]:
    order = f"content_start, quote_id{dialect_of(con).text_order}"
    return _dicts(con.execute(f"SELECT * FROM quotes WHERE article_id = ? ORDER BY {order}", [article_id]))


def table_counts(con: Any) -> dict[str, int]:
    from .schema import COLUMNS

    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COLUMNS}


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
