"""What only the PostgreSQL store needs checking; every other store test runs on it too (conftest.db).

Needs a real server: NEWSEVENTS_TEST_PG_URL (from .ci/start-postgres.sh); skipped without one.
"""
import re

import pytest
from click.testing import CliRunner

from newsevents.cli.store_cmds import events, ingest, show
from newsevents.errors import StoreError
from newsevents.settings import data_dir
from newsevents.store.migrations import MIGRATIONS, applied, migrate
from newsevents.store.postgres import display_url
from newsevents.store.schema import COLUMNS, RECORD_TABLES, column_names, record_to_rows
from newsevents.store.writer import StoreWriter, open_store

from store_records import FIXED_TIME, all_records

MINHASH = bytes(range(256))  # every byte value survives the COPY into bytea


def fill_with_signature(con) -> None:
    rows = [record_to_rows(r, ingested_at=FIXED_TIME, minhash=MINHASH) for r in all_records()]
    StoreWriter(con).write_batch(rows)


def table_rows(con, table):
    cols = ", ".join(f'"{c}"' for c in column_names(table))
    return con.execute(f"SELECT {cols} FROM {table}").fetchall()


def test_tables_have_the_schema_module_columns_in_order(pg_url):
    con = open_store(pg_url)
    for table in COLUMNS:
        described = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            [table]).fetchall()
        assert [name for name, _ in described] == column_names(table), table
    types = dict(con.execute("SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_schema = current_schema() AND table_name = 'articles'").fetchall())
    assert (types["minhash"], types["ingested_at"]) == ("bytea", "timestamp without time zone")
    con.close()


def test_migrations_are_recorded_and_run_once(pg_url):
    con = open_store(pg_url)
    assert applied(con) == [name for name, _ in MIGRATIONS]
    assert migrate(con) == []
    con.close()
    assert applied(open_store(pg_url)) == [name for name, _ in MIGRATIONS]


def test_every_table_reads_back_exactly_what_duckdb_stores(pg_url):
    pg, duck = open_store(pg_url), open_store(":memory:")
    fill_with_signature(pg)
    fill_with_signature(duck)
    for table in RECORD_TABLES:
        stored = sorted(table_rows(pg, table), key=repr)
        assert stored and stored == sorted(table_rows(duck, table), key=repr), table
    (blob, contexts) = pg.execute("SELECT a.minhash, e.contexts FROM articles a JOIN events e "
                                  "ON e.article_id = a.id WHERE e.event_id = 'a1:E1'").fetchone()
    assert blob == MINHASH and contexts == ["military"]
    assert StoreWriter(pg).signatures() == StoreWriter(duck).signatures() != []


def test_reading_needs_the_tables(pg_url):
    with pytest.raises(StoreError, match="no newsevents tables in this database; create them with"):
        open_store(pg_url, read_only=True)
    result = CliRunner().invoke(events, ["--db", pg_url])
    assert result.exit_code == 1 and "no newsevents tables" in result.output


def test_a_read_only_connection_refuses_writes(pg_url):
    open_store(pg_url).close()
    con = open_store(pg_url, read_only=True)
    with pytest.raises(StoreError, match="rolled back: .*read-only transaction"):
        fill_with_signature(con)
    con.close()


def test_an_unreachable_server_is_one_line_and_hides_the_password():
    url = "postgresql://someone:s3cret@127.0.0.1:1/nowhere?connect_timeout=2"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert message.startswith("postgresql://someone:***@127.0.0.1:1/nowhere") and "\n" not in message
    assert "cannot connect to PostgreSQL" in message and "s3cret" not in message
    assert display_url("postgresql://u@h/db") == "postgresql://u@h/db"


@pytest.mark.slow
def test_cli_ingest_with_the_real_model_gives_the_same_events_on_both_stores(tmp_path, pg_url):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((data_dir() / "samples").glob("*.txt"))[:3]:
        (folder / path.name).write_text(path.read_text())
    outputs = {}
    for db in (pg_url, str(tmp_path / "e.duckdb")):
        runner = CliRunner()
        stored = runner.invoke(ingest, [str(folder), "--db", db])
        assert stored.exit_code == 0, stored.output
        listed = runner.invoke(events, ["--db", db, "--format", "json"])
        first_id = re.search(r'"article_id": "([^"]+)"', listed.output).group(1)
        shown = runner.invoke(show, [first_id, "--db", db, "--no-color"])
        outputs[db] = (stored.stdout, listed.output, shown.output)
    pg_out, duck_out = outputs.values()
    assert '"event_id"' in pg_out[1] and pg_out == duck_out
