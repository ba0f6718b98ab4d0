"""Stores filled with hand-built ArticleRecords (see store_records.py)."""
from __future__ import annotations

import pytest

from newsevents.store.writer import open_store
from store_records import fill


@pytest.fixture
def store():
    con = open_store(":memory:")
    fill(con)
    yield con
    con.close()


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "events.duckdb"
    con = open_store(path)
    fill(con)
    con.close()
    return path
