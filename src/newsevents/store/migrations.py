"""Named, tracked schema migrations (in the style of sqlite-utils' migrations).

Each migration has a stable name and runs once; ``schema_migrations`` records which have
run. The same migrations build a DuckDB file and a PostgreSQL database (DDL from schema.py).
To change the schema, append a new migration; never edit one that has shipped.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .dialect import dialect_of
from .schema import COLUMNS, create_table_sql

Migration = tuple[str, Callable[[Any], None]]


def _initial(con: Any) -> None:
    for table in COLUMNS:
        con.execute(create_table_sql(table, dialect_of(con).types))


def _child_indexes(con: Any) -> None:
    # Queries filter events by article and participants by event; resumes look up hashes.
    con.execute("CREATE INDEX IF NOT EXISTS events_article ON events (article_id)")
    con.execute("CREATE INDEX IF NOT EXISTS participants_event ON event_participants (event_id)")


def _participant_anaphor(con: Any) -> None:
    # stores made before participants kept the pronoun that names them ("it" -> Iraqi military);
    # a store created since has the columns from 0001 already
    for column, kind in (("anaphor_text", "VARCHAR"), ("anaphor_start", "INTEGER"), ("anaphor_end", "INTEGER")):
        con.execute(f"ALTER TABLE event_participants ADD COLUMN IF NOT EXISTS {column} {kind}")


MIGRATIONS: list[Migration] = [
    ("0001_initial_tables", _initial),
    ("0002_child_indexes", _child_indexes),
    ("0003_participant_anaphor", _participant_anaphor),
]


def applied(con: Any) -> list[str]:
    _ensure_table(con)
    return [r[0] for r in con.execute("SELECT name FROM schema_migrations ORDER BY applied_at, name").fetchall()]


def migrate(con: Any) -> list[str]:
    """Apply every migration not yet applied, each in its own transaction; return their names.

    On PostgreSQL an advisory lock makes concurrent ingests take turns, so a migration runs once.
    """
    with dialect_of(con).exclusive(con):
        return _migrate(con)


def _migrate(con: Any) -> list[str]:
    done = set(applied(con))
    ran = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            step(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, now())", [name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran


def _ensure_table(con: Any) -> None:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)"
    )
