"""The Spark job, in local mode, gives the same store rows as the single-machine ingest."""
from __future__ import annotations

import shutil
import subprocess

import pytest

pytestmark = [pytest.mark.spark, pytest.mark.slow]

# Columns that differ between any two runs by design: when a row was written.
RUN_COLUMNS = {"ingested_at", "at"}


def _java_works() -> bool:
    if shutil.which("java") is None:
        return False
    return subprocess.run(["java", "-version"], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'newsevents[spark]')")
    if not _java_works():
        pytest.skip("no Java runtime (java -version fails); CI installs one with .ci/install-java.sh")
    from newsevents.scale.spark_job import session

    spark = session("local[2]", app_name="newsevents-test")
    yield spark
    spark.stop()


@pytest.fixture(scope="module")
def inputs(data, tmp_path_factory):
    """The sample articles plus a re-crawl of two of them with one word changed (near duplicates)."""
    folder = tmp_path_factory.mktemp("inputs")
    samples = sorted((data / "samples").glob("*.txt"))
    for path in samples:
        shutil.copy(path, folder / path.name)
    for path in samples[:2]:
        edited = path.read_text(encoding="utf-8").replace(" the ", " this ", 1)
        (folder / f"zz-recrawl-{path.name}").write_text(edited, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def spark_output(spark, inputs, tmp_path_factory):
    from newsevents.scale.spark_job import run_job

    out = tmp_path_factory.mktemp("spark") / "out"
    return out, run_job(spark, str(inputs), str(out))


def _rows(con, table: str) -> list[tuple]:
    cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in RUN_COLUMNS]
    quoted = ", ".join(f'"{c}"' for c in cols)
    return con.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()


def test_spark_output_equals_single_machine_ingest_row_for_row(spark_output, inputs, tmp_path):
    from newsevents.ingest import read_inputs
    from newsevents.nlp.pipeline import Pipeline
    from newsevents.scale.load_parquet import load_parquet
    from newsevents.store.ingest import ingest_articles
    from newsevents.store.neardup import NearDuplicates
    from newsevents.store.schema import RECORD_TABLES
    from newsevents.store.writer import StoreWriter, open_store

    single = open_store(tmp_path / "single.duckdb")
    summary = ingest_articles(read_inputs([str(inputs)]), StoreWriter(single), Pipeline(), 4, NearDuplicates())
    assert summary.stored > 0 and not summary.failures and summary.skipped_near == 2

    out, counts = spark_output
    assert counts["articles"] == summary.stored and counts["failures"] == 0
    load_parquet(out, tmp_path / "spark.duckdb")
    from_spark = open_store(tmp_path / "spark.duckdb")
    for table in RECORD_TABLES:
        assert _rows(from_spark, table) == _rows(single, table), table
    assert _rows(single, "events"), "the sample should give events"
    linked = from_spark.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    assert linked == 2


def test_output_is_partitioned_by_publication_date(spark_output):
    out, _ = spark_output
    folders = {p.name for p in (out / "articles").iterdir() if p.is_dir()}
    assert folders and all(name.startswith("pub_date=") for name in folders)
