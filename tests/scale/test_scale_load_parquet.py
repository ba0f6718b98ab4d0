"""load-parquet: the Spark job's table layout, loaded into DuckDB, equals writing the rows directly."""
from __future__ import annotations

from datetime import datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents.cli.main import cli
from newsevents.errors import StoreError
from newsevents.models import (
    Actor, Article, ArticleRecord, EventRecord, Place, Quantity, Quote, Span,
)
from newsevents.scale.load_parquet import load_parquet
from newsevents.store.schema import RECORD_TABLES, arrow_schema, record_to_rows
from newsevents.store.writer import StoreWriter, open_store

AT = datetime(2024, 5, 1, 12, 0, 0)


def _record(n: int, date: str | None) -> ArticleRecord:
    text = f"Army units shelled Town{n} on Monday, the governor said. {n} people were hurt."
    article = Article(id=f"a{n}", text=text, content_hash=f"hash{n}", date=date, origin=f"in.jsonl:{n}")
    army = Actor("Army units", 0, 10, name="Army", country="SYR", sector="MIL")
    town = Place(f"Town{n}", 19, 24, name=f"Town{n}", geonameid=100 + n, lat=1.5, lon=2.5, country="SY")
    event = EventRecord("ASSAULT", Span(text[:55], 0, 55), Span("shelled", 11, 18), actor=[army],
                        location=town, contexts=["military"], quad_class=4, injured=n, date=date)
    quote = Quote(Span(text[:36], 0, 36), speaker=Actor("the governor", 38, 50), cue=Span("said", 51, 55))
    return ArticleRecord(article, [event], [quote], [town], [Quantity(str(n), 57, 58, n)], model="m")


def _write_layout(out, records) -> None:
    """OUTPUT/<table>/pub_date=<date>/part.parquet, as the Spark job writes it."""
    by_table: dict[tuple[str, str], list[dict]] = {}
    for record in records:
        rows = record_to_rows(record, minhash=b"\x01\x02", ingested_at=AT)
        for table in RECORD_TABLES:
            key = (table, record.article.date or "__HIVE_DEFAULT_PARTITION__")
            by_table.setdefault(key, []).extend(rows[table])
    for (table, date), rows in by_table.items():
        folder = out / table / f"pub_date={date}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), folder / "part-0.parquet")


def _dump(con, table: str) -> list[tuple]:
    return con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


@pytest.fixture
def records():
    return [_record(1, "2024-01-02"), _record(2, "2024-01-03"), _record(3, None)]


def test_loaded_rows_equal_rows_written_directly(tmp_path, records):
    _write_layout(tmp_path / "out", records)
    added = load_parquet(tmp_path / "out", tmp_path / "loaded.duckdb")
    assert added["articles"] == 3 and added["events"] == 3 and added["event_participants"] == 3
    direct = open_store(":memory:")
    StoreWriter(direct).write_batch(record_to_rows(r, minhash=b"\x01\x02", ingested_at=AT) for r in records)
    loaded = open_store(tmp_path / "loaded.duckdb")
    for table in RECORD_TABLES:
        assert _dump(loaded, table) == _dump(direct, table), table


def test_loading_twice_adds_nothing_the_second_time(tmp_path, records):
    _write_layout(tmp_path / "out", records)
    load_parquet(tmp_path / "out", tmp_path / "db.duckdb")
    again = load_parquet(tmp_path / "out", tmp_path / "db.duckdb")
    assert set(again.values()) == {0}


def test_folder_without_tables_is_an_error_naming_it(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="no Parquet tables found"):
        load_parquet(tmp_path / "empty", tmp_path / "db.duckdb")


def test_cli_reports_rows_added(tmp_path, records):
    _write_layout(tmp_path / "out", records[:1])
    result = CliRunner().invoke(cli, ["load-parquet", str(tmp_path / "out"), "--db", str(tmp_path / "c.duckdb")])
    assert result.exit_code == 0, result.output
    assert result.output == "articles 1, events 1, event_participants 1, quotes 1, places 1, quantities 1\n"
