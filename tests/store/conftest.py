"""Stores for the store tests, each on both backends: a DuckDB file and a PostgreSQL database.

The PostgreSQL cases need a server: NEWSEVENTS_TEST_PG_URL (printed by .ci/start-postgres.sh).
Each test gets its own schema there (dropped afterwards), named in the URL's search_path, so the
tests, the CLI and the writer all see an empty store of their own.
"""
from __future__ import annotations

import os
import uuid

import pytest

from newsevents.store.writer import open_store
from store_records import fill

PG_URL_VAR = "NEWSEVENTS_TEST_PG_URL"
BACKENDS = ["duckdb", "postgresql"]


@pytest.fixture
def pg_url():
    """The URL of an empty schema of its own on the test server; skips when there is none."""
    import psycopg

    base = os.environ.get(PG_URL_VAR)
    if not base:
        pytest.skip(f"{PG_URL_VAR} is unset: run `export {PG_URL_VAR}=$(bash .ci/start-postgres.sh)`")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            yield base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path) -> str:
    """An empty store's --db value: a DuckDB file path, or a postgresql:// URL."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "events.duckdb")


@pytest.fixture
def empty_store(db):
    con = open_store(db)
    yield con
    con.close()


@pytest.fixture
def store(empty_store):
    fill(empty_store)
    return empty_store


@pytest.fixture
def filled_db(db):
    """A filled store's --db value (a file or a URL), closed so a command can open it."""
    con = open_store(db)
    fill(con)
    con.close()
    return db
