import pytest

from newsevents.errors import StoreError
from newsevents.store.schema import CHILD_TABLES, RECORD_TABLES, record_to_rows
from newsevents.store.writer import StoreWriter, open_store

from store_records import record_aid, record_aleppo


def test_every_record_table_is_written(store):
    for table in RECORD_TABLES:
        assert store.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table


def test_every_span_points_at_its_text_in_the_stored_article(store):
    checks = {
        "event_participants": ('text', 'start', '"end"'),
        "places": ('text', 'start', '"end"'),
        "quantities": ('text', 'start', '"end"'),
        "events": ("trigger_text", "trigger_start", "trigger_end"),
        "quotes": ("content_text", "content_start", "content_end"),
    }
    for table, (text, start, end) in checks.items():
        bad = store.execute(
            f"SELECT count(*) FROM {table} t JOIN articles a ON a.id = t.article_id "
            f"WHERE substr(a.text, t.{start} + 1, t.{end} - t.{start}) <> t.{text}").fetchone()[0]
        total = store.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert total and bad == 0, table


def test_a_failing_batch_is_rolled_back_whole(empty_store):
    con = empty_store
    writer = StoreWriter(con)
    writer.write_batch([record_to_rows(record_aleppo())])
    clash = record_aid()
    clash.article.content_hash = record_aleppo().article.content_hash  # violates UNIQUE
    with pytest.raises(StoreError, match="rolled back"):
        writer.write_batch([record_to_rows(record_aid()), record_to_rows(clash)])
    assert con.execute("SELECT id FROM articles").fetchall() == [("a1",)]
    for table in CHILD_TABLES:
        ids = {r[0] for r in con.execute(f"SELECT DISTINCT article_id FROM {table}").fetchall()}
        assert ids <= {"a1"}, table


def test_failures_are_recorded_once_per_origin_and_reason(empty_store):
    con = empty_store
    writer = StoreWriter(con)
    writer.write_failures([("x.bin", "binary file"), ("y.txt", "empty input"), ("y.txt", "empty input")])
    (first,) = con.execute('SELECT "at" FROM failures WHERE origin = ?', ["x.bin"]).fetchone()
    writer.write_failures([("x.bin", "binary file")])
    rows = con.execute("SELECT origin, reason FROM failures ORDER BY origin").fetchall()
    assert rows == [("x.bin", "binary file"), ("y.txt", "empty input")]
    (again,) = con.execute('SELECT "at" FROM failures WHERE origin = ?', ["x.bin"]).fetchone()
    assert again > first  # the rerun's failure replaced the row


def test_open_store_refuses_a_missing_file_for_reading(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(tmp_path / "nope.duckdb", read_only=True)
