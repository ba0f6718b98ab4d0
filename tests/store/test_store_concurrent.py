"""Two ingests into one PostgreSQL database at once: each article is stored once, none fails.

Needs a real server (NEWSEVENTS_TEST_PG_URL, from .ci/start-postgres.sh); skipped without one.
"""
import os
import subprocess
import sys
import threading
from pathlib import Path

from newsevents.settings import data_dir
from newsevents.store.schema import RECORD_TABLES, record_to_rows
from newsevents.store.writer import StoreWriter, open_store

from store_records import FIXED_TIME, all_records


def rows_of(records):
    return [record_to_rows(r, ingested_at=FIXED_TIME) for r in records]


def counts(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RECORD_TABLES}


def test_a_batch_skips_the_article_another_writer_stored_meanwhile(pg_url):
    first, second = open_store(pg_url), open_store(pg_url)
    records = all_records()
    first.execute("BEGIN TRANSACTION")
    StoreWriter(first).dialect.insert_new_articles(first, rows_of(records[:1])[0]["articles"])
    result = {}
    writer = threading.Thread(target=lambda: result.update(n=StoreWriter(second).write_batch(rows_of(records))))
    writer.start()
    writer.join(timeout=1.0)
    assert writer.is_alive(), "the second writer should wait for the first one's open transaction"
    first.execute("COMMIT")
    writer.join(timeout=30)
    assert result["n"] == len(records) - 1
    alone = open_store(":memory:")
    StoreWriter(alone).write_batch(rows_of(records))
    stored = counts(second)
    # the first writer stored only the article row of records[0]; its child rows are not repeated
    skipped = rows_of(records[:1])[0]
    for table in RECORD_TABLES[1:]:
        assert stored[table] == counts(alone)[table] - len(skipped[table]), table
    assert stored["articles"] == counts(alone)["articles"]
    first.close(), second.close()


def test_two_cli_ingests_of_the_same_folder_at_once(tmp_path, pg_url):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((data_dir() / "samples").glob("*.txt")):
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    command = [str(Path(sys.executable).parent / "newsevents"), "ingest", str(folder), "--db", pg_url, "--batch-size", "1"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "NO_COLOR": "1"}) for _ in range(2)]
    outputs = [run.communicate(timeout=600) for run in runs]
    for run, (out, err) in zip(runs, outputs):
        assert run.returncode == 0, err
    con = open_store(pg_url)
    n = len(list(folder.glob("*.txt")))
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (n, n)
    per_event = con.execute("SELECT max(c) FROM (SELECT event_id, role, position, count(*) AS c "
                            "FROM event_participants GROUP BY 1, 2, 3) t").fetchone()[0]
    assert per_event == 1
    con.close()
