"""The one writer: every write to the store goes through here.

Rows are inserted as Arrow tables (one INSERT per table per batch, not a Python loop per row),
and each batch of articles is one transaction: a crash (even SIGKILL) leaves every article
either fully stored, with all its events, participants, quotes, places and quantities, or
not stored at all. DuckDB allows one writing process per file, which suits one writer.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .migrations import migrate
from .schema import RECORD_TABLES, arrow_schema, column_names, failure_row

Rows = dict[str, list[dict[str, Any]]]


def open_store(path: str | Path = ":memory:", read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating and migrating when needed) the DuckDB store at ``path``."""
    target = str(path)
    if read_only and target != ":memory:" and not Path(target).exists():
        raise StoreError(f"{target}: no such database; create it with `newsevents ingest --db {target}`")
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.Error as e:
        raise StoreError(f"{target}: cannot open database ({_first_line(e)})") from e
    if not read_only:
        migrate(con)
    return con


class StoreWriter:
    """Writes batches of article rows and failures, one transaction per batch."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

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
        """Write the rows of several articles in one transaction; return how many articles."""
        merged: Rows = {t: [] for t in RECORD_TABLES}
        count = 0
        for rows in batch:
            count += 1
            for table in RECORD_TABLES:
                merged[table].extend(rows.get(table, ()))
        if count:
            self._transaction([(t, merged[t]) for t in RECORD_TABLES])
        return count

    def write_failures(self, failures: Iterable[tuple[str, str]]) -> None:
        """Record (origin, reason) pairs; a rerun that fails the same way updates the time."""
        rows = [failure_row(origin, reason) for origin, reason in failures]
        if rows:
            self._transaction([("failures", rows)], replace=True)

    def _transaction(self, tables: list[tuple[str, list[dict[str, Any]]]], replace: bool = False) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables:
                self._insert(table, rows, replace)
            self.con.execute("COMMIT")
        except Exception as e:
            self.con.execute("ROLLBACK")
            if isinstance(e, duckdb.Error):
                raise StoreError(f"store write failed, batch rolled back: {_first_line(e)}") from e
            raise

    def _insert(self, table: str, rows: list[dict[str, Any]], replace: bool) -> None:
        if not rows:
            return
        data = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        cols = ", ".join(f'"{c}"' for c in column_names(table))
        verb = "INSERT OR REPLACE" if replace else "INSERT"
        self.con.register("_incoming_rows", data)
        try:
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _incoming_rows")
        finally:
            self.con.unregister("_incoming_rows")


def _first_line(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
