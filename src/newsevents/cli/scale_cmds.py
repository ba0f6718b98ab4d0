"""Scale commands: spark, load-parquet. Thin wrappers over newsevents.scale."""
from __future__ import annotations

import json

import click

from ..errors import NewsEventsError


@click.command("spark")
@click.argument("input_path", metavar="INPUT")
@click.argument("output", metavar="OUTPUT")
@click.option("--master", default="local[2]", show_default=True,
              help="Spark master URL; on a cluster prefer spark-submit (docs/spark.md).")
@click.option("--model", help="spaCy model to use (default: the best one installed).")
@click.option("--prefilter/--no-prefilter", default=False, show_default=True,
              help="Parse only sentences that may hold an event, quote or place.")
@click.option("--partitions", type=click.IntRange(1), help="Repartition the articles into N tasks.")
def spark(input_path, output, master, model, prefilter, partitions):
    """Code INPUT (JSONL, WARC, text, HTML or Parquet; a path, folder or glob) with Spark and
    write OUTPUT/<table>/pub_date=.../*.parquet with the store's columns."""
    try:
        from ..scale.spark_job import run_job, session
    except ImportError as e:
        raise click.ClickException(f"spark: pyspark is not installed ({e}); "
                                   "install it with `pip install 'newsevents[spark]'`") from e
    try:
        spark_session = session(master)
    except Exception as e:  # noqa: BLE001 (no Java, bad master URL: the JVM's own message)
        raise click.ClickException(f"spark: cannot start Spark ({str(e).splitlines()[0]}); "
                                   "is Java 17+ installed (java -version)?") from e
    try:
        counts = run_job(spark_session, input_path, output, model, prefilter, partitions)
    finally:
        spark_session.stop()
    click.echo(json.dumps(counts))


@click.command("load-parquet")
@click.argument("output", metavar="OUTPUT", type=click.Path(exists=True, file_okay=False))
@click.option("--db", "db", type=click.Path(dir_okay=False), default="events.duckdb", show_default=True,
              help="DuckDB database file.")
def load_parquet(output, db):
    """Load the Parquet tables written by `newsevents spark` into a DuckDB store."""
    from ..scale.load_parquet import load_parquet as load

    try:
        added = load(output, db)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e
    click.echo(", ".join(f"{table} {count}" for table, count in added.items()))
