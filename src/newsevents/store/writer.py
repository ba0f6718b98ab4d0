"""The one writer: every write to the store goes through here, DuckDB or PostgreSQL.

Rows go in in bulk (one INSERT from an Arrow table per table per batch on DuckDB, COPY on
PostgreSQL; store/dialect.py), and each batch of articles is one transaction: a crash (even
SIGKILL) leaves every article either fully stored, with all its events, participants, quotes,
places and quantities, or not stored at all. DuckDB allows one writing process per file,
which suits one writer.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from . import postgres
from .dialect import dialect_of, first_line, is_url
from .migrations import migrate
from .schema import CHILD_TABLES, RECORD_TABLES, failure_row

Rows = dict[str, list[dict[str, Any]]]


def open_store(path: str | Path = ":memory:", read_only: bool = False) -> Any:
    """Open (creating and migrating when needed) the store: a DuckDB file, or a postgresql:// URL."""
    target = str(path)
    if is_url(target):
        con = postgres.connect(target, read_only=read_only)
    else:
        con = _open_duckdb(target, read_only)
    if not read_only:
        migrate(con)
    return con


def _open_duckdb(target: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"{target}: no such database; create it with `newsevents ingest --db {target}`")
    try:
        return duckdb.connect(target, read_only=read_only)
    except duckdb.Error as e:
        raise StoreError(f"{target}: cannot open database ({first_line(e)})") from e


class StoreWriter:
    """Writes batches of article rows and failures, one transaction per batch."""

    def __init__(self, con: Any):
        self.con = con
        self.dialect = dialect_of(con)

    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT content_hash FROM articles").fetchall()}

    def known_ids(self) -> set[str]:
        return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}

    def signatures(self) -> list[tuple[str, bytes]]:
        """(article id, MinHash bytes) of every stored original article, to seed the index."""
        return self.con.execute(
            "SELECT id, minhash FROM articles WHERE minhash IS NOT NULL AND duplicate_of IS NULL"
        ).fetchall()

    def write_batch(self, batch: Iterable[Rows]) -> int:
        """Write the rows of several articles in one transaction; return how many were stored."""
        return len(self.write_articles(batch))

    def write_articles(self, batch: Iterable[Rows]) -> set[str]:
        """Write the rows of several articles in one transaction; return the ids stored.

        An article another process stored meanwhile (two ingests into one PostgreSQL database)
        is skipped with its child rows, so each article is stored once.
        """
        merged: Rows = {t: [] for t in RECORD_TABLES}
        for rows in batch:
            for table in RECORD_TABLES:
                merged[table].extend(rows.get(table, ()))
        if not merged["articles"]:
            return set()
        stored: set[str] = set()

        def write() -> None:
            stored.update(self.dialect.insert_new_articles(self.con, merged["articles"]))
            for table in CHILD_TABLES:
                self._insert(table, [r for r in merged[table] if r["article_id"] in stored], False)
        self._in_transaction(write)
        return stored

    def write_failures(self, failures: Iterable[tuple[str, str]]) -> None:
        """Record (origin, reason) pairs; a rerun that fails the same way updates the time."""
        rows = list({pair: failure_row(*pair) for pair in failures}.values())
        if rows:
            self._transaction([("failures", rows)], replace=True)

    def _transaction(self, tables: list[tuple[str, list[dict[str, Any]]]], replace: bool = False) -> None:
        def write() -> None:
            for table, rows in tables:
                self._insert(table, rows, replace)
        self._in_transaction(write)

    def _in_transaction(self, write) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            write()
            self.con.execute("COMMIT")
        except Exception as e:
            self.con.execute("ROLLBACK")
            if isinstance(e, self.dialect.errors()):
                raise StoreError(f"store write failed, batch rolled back: {first_line(e)}") from e
            raise

    def _insert(self, table: str, rows: list[dict[str, Any]], replace: bool) -> None:
        if rows:
            self.dialect.insert(self.con, table, rows, replace)
