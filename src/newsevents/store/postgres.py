"""A PostgreSQL connection that speaks the store's SQL, so one writer and one query module serve both.

The store writes ``?`` placeholders and its own BEGIN/COMMIT/ROLLBACK, as DuckDB wants; this
wrapper turns the placeholders into psycopg's ``%s`` and runs psycopg in autocommit mode, so an
explicit BEGIN opens the one transaction of a batch, exactly as on DuckDB.
"""
from __future__ import annotations

import re
from typing import Any

from ..errors import StoreError
from .dialect import POSTGRES, first_line


class PostgresConnection:
    dialect = POSTGRES

    def __init__(self, raw: Any, url: str):
        self.raw = raw
        self.url = url

    def execute(self, sql: str, params: Any = None):
        if params is None:  # psycopg leaves % alone when there are no parameters
            return self.raw.execute(sql)
        return self.raw.execute(sql.replace("%", "%%").replace("?", "%s"), params)

    def cursor(self):
        return self.raw.cursor()

    def close(self) -> None:
        self.raw.close()


def connect(url: str, read_only: bool = False) -> PostgresConnection:
    """Connect to the server at ``url``; for reading, the store's tables must already exist."""
    import psycopg

    shown = display_url(url)
    try:
        raw = psycopg.connect(url, autocommit=True)
    except psycopg.Error as e:
        raise StoreError(f"{shown}: cannot connect to PostgreSQL ({first_line(e)})") from e
    con = PostgresConnection(raw, url)
    if read_only:
        con.execute("SET default_transaction_read_only = on")
        if con.execute("SELECT to_regclass('articles')").fetchone()[0] is None:
            con.close()
            raise StoreError(f"{shown}: no newsevents tables in this database; "
                             f"create them with `newsevents ingest --db {shown}`")
    return con


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    return re.sub(r"^(\w+://[^:/@]+):[^@/]*@", r"\1:***@", url)

