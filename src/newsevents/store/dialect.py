"""What differs between the two stores: DuckDB (a file, the default) and PostgreSQL (a URL).

The writer, the migrations and the query module write one SQL text with ``?`` placeholders
and ask the connection's dialect for the few pieces that differ: column types, case-insensitive
regular expressions, membership in a list parameter, text ordering, and the bulk insert
(an Arrow table for DuckDB, COPY for PostgreSQL). Everything else is shared.
"""
from __future__ import annotations

import re
import contextlib
from typing import Any

import duckdb
import pyarrow as pa

from .schema import arrow_schema, column_names

URL_SCHEMES = ("postgresql://", "postgres://")


def is_url(db: Any) -> bool:
    """True when ``db`` names a PostgreSQL server (a URL) rather than a DuckDB file."""
    return isinstance(db, str) and db.startswith(URL_SCHEMES)


def dialect_of(con: Any) -> Dialect:
    return getattr(con, "dialect", DUCKDB)


class Dialect:
    name = ""
    # DuckDB type -> this dialect's type, where they differ (schema.COLUMNS uses DuckDB's).
    types: dict[str, str] = {}
    word_boundary = r"\b"
    text_order = ""

    def errors(self) -> tuple[type[BaseException], ...]:
        raise NotImplementedError

    def regex_match(self, expr: str) -> str:
        """SQL that is true when ``expr`` matches the pattern parameter, case-insensitively."""
        raise NotImplementedError

    def in_list(self, expr: str) -> str:
        """SQL that is true when ``expr`` is in the list parameter."""
        raise NotImplementedError

    def word_pattern(self, value: str) -> str:
        """A whole-word pattern: 'rus' must not match 'Belarus'."""
        return self.word_boundary + re.escape(value.strip()) + self.word_boundary

    def insert(self, con: Any, table: str, rows: list[dict[str, Any]], replace: bool) -> None:
        raise NotImplementedError

    def insert_new_articles(self, con: Any, rows: list[dict[str, Any]]) -> set[str]:
        """Insert the article rows not stored yet; return the ids this call stored.

        One process writes a DuckDB file, so every row is new to it (the ingest skips stored ones).
        """
        self.insert(con, "articles", rows, replace=False)
        return {row["id"] for row in rows}

    def exclusive(self, con: Any):
        """A context in which no other process runs the store's migrations."""
        return contextlib.nullcontext()


class DuckDialect(Dialect):
    name = "duckdb"

    def errors(self):
        return (duckdb.Error,)

    def regex_match(self, expr: str) -> str:
        return f"regexp_matches({expr}, ?, 'i')"

    def in_list(self, expr: str) -> str:
        return f"list_contains(?, {expr})"

    def insert(self, con, table, rows, replace):
        """One INSERT ... SELECT from the rows as an Arrow table (no Python loop per row)."""
        data = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        cols = _quoted(table)
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        con.register("_incoming_rows", data)
        try:
            con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _incoming_rows")
        finally:
            con.unregister("_incoming_rows")


class PostgresDialect(Dialect):
    name = "postgresql"
    types = {"BLOB": "BYTEA", "DOUBLE": "DOUBLE PRECISION"}
    word_boundary = r"\y"       # in PostgreSQL's regular expressions \b is a backspace
    text_order = ' COLLATE "C"'  # byte order, as DuckDB sorts, whatever the database's locale

    def errors(self):
        import psycopg

        return (psycopg.Error,)

    def regex_match(self, expr: str) -> str:
        return f"{expr} ~* ?"

    def in_list(self, expr: str) -> str:
        return f"{expr} = ANY(?)"

    def insert(self, con, table, rows, replace):
        """COPY the rows in; to replace, COPY into a scratch table and upsert from it."""
        if not replace:
            _copy(con, table, table, rows)
            return
        updates = ", ".join(f'"{n}" = EXCLUDED."{n}"' for n in column_names(table))
        _insert_through_scratch(con, table, rows, f"ON CONFLICT ON CONSTRAINT {table}_pkey DO UPDATE SET {updates}")

    def insert_new_articles(self, con, rows):
        """Two ingests may code the same article at once: the row that commits first stays, and
        the other process's insert waits for it, then skips it (and so its child rows)."""
        if not rows:
            return set()
        stored = _insert_through_scratch(con, "articles", rows, "ON CONFLICT DO NOTHING RETURNING id")
        return {r[0] for r in stored}

    @contextlib.contextmanager
    def exclusive(self, con):
        con.execute("SELECT pg_advisory_lock(?)", [MIGRATION_LOCK])
        try:
            yield
        finally:
            con.execute("SELECT pg_advisory_unlock(?)", [MIGRATION_LOCK])


# Key of the PostgreSQL advisory lock held while migrations run (any fixed 64-bit number).
MIGRATION_LOCK = 7_301_190_416


def _copy(con: Any, target: str, table: str, rows: list[dict[str, Any]]) -> None:
    """COPY ``rows`` (with ``table``'s columns) into ``target``."""
    names = column_names(table)
    with con.cursor() as cursor, cursor.copy(f"COPY {target} ({_quoted(table)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in names])


def _insert_through_scratch(con: Any, table: str, rows: list[dict[str, Any]], conflict: str) -> list:
    """COPY the rows into a scratch copy of ``table``, insert them from it with the ``conflict``
    clause, and return what the insert returns (nothing unless the clause says RETURNING)."""
    scratch = f"_incoming_{table}"
    con.execute(f"CREATE TEMP TABLE {scratch} (LIKE {table}) ON COMMIT DROP")
    _copy(con, scratch, table, rows)
    cursor = con.execute(f"INSERT INTO {table} ({_quoted(table)}) SELECT {_quoted(table)} FROM {scratch} {conflict}")
    returned = cursor.fetchall() if cursor.description else []
    con.execute(f"DROP TABLE {scratch}")
    return returned


def first_line(e: BaseException) -> str:
    """An error's first line, for one-line messages."""
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__


def _quoted(table: str) -> str:
    return ", ".join(f'"{c}"' for c in column_names(table))


DUCKDB = DuckDialect()
POSTGRES = PostgresDialect()
