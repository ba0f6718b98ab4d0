from newsevents.store.migrations import MIGRATIONS, applied, migrate
from newsevents.store.schema import COLUMNS, RECORD_TABLES, arrow_schema, column_names, record_to_rows
from newsevents.store.writer import open_store

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
