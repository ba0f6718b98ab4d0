"""Load the Spark job's Parquet output (OUTPUT/<table>/pub_date=.../*.parquet) into the DuckDB store.

One transaction. Articles whose content hash is already stored are skipped with all their rows,
so loading the same output twice, or output overlapping an earlier ingest, adds nothing twice.
"""
from __future__ import annotations

import glob
import os
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..store.schema import CHILD_TABLES, column_names
from ..store.writer import open_store

_NEW = "_parquet_new_articles"


def parquet_glob(output: str, table: str) -> str | None:
    """The glob of a table's Parquet files, or None when the job wrote no rows for it."""
    pattern = os.path.join(output, table, "**", "*.parquet")
    return pattern if glob.glob(pattern, recursive=True) else None


def _source(pattern: str) -> str:
    escaped = pattern.replace("'", "''")
    return f"read_parquet('{escaped}', hive_partitioning = true, union_by_name = true)"


def load_parquet(output: str | Path, db: str | Path) -> dict[str, int]:
    """Insert the job's rows into ``db`` (created when missing); return rows added per table."""
    output = str(output)
    if parquet_glob(output, "articles") is None and parquet_glob(output, "failures") is None:
        raise StoreError(f"{output}: no Parquet tables found (expected {output}/articles/...); "
                         "run `newsevents spark INPUT OUTPUT` first")
    con = open_store(db)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            added = _load_all(con, output)
            con.execute("COMMIT")
        except Exception as e:
            con.execute("ROLLBACK")
            if isinstance(e, duckdb.Error):
                raise StoreError(f"{output}: loading into {db} failed, nothing written: {e}") from e
            raise
    finally:
        con.close()
    return added


def _load_all(con: duckdb.DuckDBPyConnection, output: str) -> dict[str, int]:
    added: dict[str, int] = {}
    articles = parquet_glob(output, "articles")
    if articles:
        cols = ", ".join(f'"{c}"' for c in column_names("articles"))
        con.execute(f"CREATE TEMP TABLE {_NEW} AS SELECT {cols} FROM {_source(articles)} "
                    "WHERE content_hash NOT IN (SELECT content_hash FROM articles)")
        added["articles"] = _insert(con, "articles", f"SELECT {cols} FROM {_NEW}")
        for table in CHILD_TABLES:
            pattern = parquet_glob(output, table)
            if pattern:
                child_cols = ", ".join(f'"{c}"' for c in column_names(table))
                added[table] = _insert(con, table, f"SELECT {child_cols} FROM {_source(pattern)} "
                                                   f"WHERE article_id IN (SELECT id FROM {_NEW})")
        con.execute(f"DROP TABLE {_NEW}")
    failures = parquet_glob(output, "failures")
    if failures:
        cols = ", ".join(f'"{c}"' for c in column_names("failures"))
        added["failures"] = _insert(con, "failures", f"SELECT {cols} FROM {_source(failures)}", replace=True)
    return added


def _insert(con: duckdb.DuckDBPyConnection, table: str, select: str, replace: bool = False) -> int:
    cols = ", ".join(f'"{c}"' for c in column_names(table))
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    con.execute(f"{verb} INTO {table} ({cols}) {select}")
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] - before
