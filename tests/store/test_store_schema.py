from dataclasses import replace

from newsevents.models import Span
from newsevents.store.migrations import MIGRATIONS, applied, migrate
from newsevents.store.queries import find_events
from newsevents.store.schema import COLUMNS, RECORD_TABLES, arrow_schema, column_names, record_to_rows
from newsevents.store.writer import StoreWriter, open_store

from store_records import record_aleppo


def test_migrations_are_named_recorded_and_run_once():
    con = open_store(":memory:")
    assert applied(con) == [name for name, _ in MIGRATIONS]
    assert migrate(con) == []
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_duckdb_tables_have_the_schema_module_columns_in_order():
    con = open_store(":memory:")
    for table in COLUMNS:
        described = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
        assert described == column_names(table)
        assert arrow_schema(table).names == column_names(table)


def test_record_to_rows_fills_every_record_table_with_keys_and_offsets():
    record = record_aleppo()
    rows = record_to_rows(record, origin="x.txt", minhash=b"\x01\x02")
    assert set(rows) == set(RECORD_TABLES)
    assert all(rows[t] for t in RECORD_TABLES)
    assert rows["articles"][0]["origin"] == "x.txt" and rows["articles"][0]["minhash"] == b"\x01\x02"
    assert [e["event_id"] for e in rows["events"]] == ["a1:E1", "a1:E2"]
    roles = [(p["event_id"], p["role"], p["text"]) for p in rows["event_participants"]]
    assert roles == [("a1:E1", "actor", "Russian jets"), ("a1:E1", "recipient", "a hospital"),
                     ("a1:E1", "claimed_by", "the Syrian Observatory"), ("a1:E2", "actor", "Moscow")]
    for table in RECORD_TABLES:
        for row in rows[table]:
            assert set(row) == set(column_names(table))


def test_a_store_made_before_participant_anaphors_gets_the_columns(tmp_path):
    path = str(tmp_path / "old.duckdb")
    con = open_store(path)
    con.execute("DROP INDEX participants_event")  # DuckDB alters no table an index depends on
    for column in ("anaphor_text", "anaphor_start", "anaphor_end"):
        con.execute(f"ALTER TABLE event_participants DROP COLUMN {column}")
    con.execute("CREATE INDEX participants_event ON event_participants (event_id)")
    con.execute("DELETE FROM schema_migrations WHERE name = '0003_participant_anaphor'")
    con.close()
    con = open_store(path)
    assert [r[0] for r in con.execute("DESCRIBE event_participants").fetchall()] == column_names("event_participants")
    assert applied(con)[-1] == "0003_participant_anaphor"


def test_a_participant_named_by_a_pronoun_keeps_it_in_the_store():
    record = record_aleppo()
    event = record.events[1]
    moscow = event.actor[0]
    pronoun = Span("it", len(record.article.text) - 3, len(record.article.text) - 1)
    event.actor = [replace(moscow, anaphor=pronoun)]
    con = open_store(":memory:")
    StoreWriter(con).write_batch([record_to_rows(record)])
    (stored,) = [e for e in find_events(con) if e["event_id"] == "a1:E2"]
    assert stored["actor"][0]["anaphor"] == {"text": "it", "start": pronoun.start, "end": pronoun.end}
    assert stored["actor"][0]["text"] == moscow.text
