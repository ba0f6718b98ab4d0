"""The Spark job: code a corpus on a cluster, write the store's tables as Parquet.

    newsevents spark INPUT OUTPUT [--master local[2]]      (or spark-submit, see docs/spark.md)

INPUT is a file, folder or glob of JSONL / WARC / text / HTML files (any Hadoop file system), or
Parquet files with the JSONL fields (id, text, title, date, url, source). Articles are read by
the same ingest readers as on one machine, exact duplicates (same content hash) are dropped,
and each partition is coded by one FastPipeline per Python worker, loaded lazily on first use
and reused by every later task of that worker. Only plain records (Article, row dicts) cross
process boundaries. Rows come from ``store.schema.record_to_rows``, so OUTPUT/<table>/ holds
Parquet with exactly the DuckDB store's columns, partitioned by the article's publication date
(``pub_date=YYYY-MM-DD``); ``newsevents load-parquet OUTPUT --db F`` loads it into DuckDB.
Near duplicates are linked as `newsevents ingest` links them (scale/spark_neardup.py): such an
article is stored with ``duplicate_of`` set and is not coded.
"""
from __future__ import annotations

import glob
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from typing import Any

from ..models import Article, ArticleRecord, IngestFailure
from ..store.schema import COLUMNS, RECORD_TABLES, failure_row, record_to_rows

PARTITION_COLUMN = "pub_date"
OUTPUT_TABLES = RECORD_TABLES + ("failures",)
_PIPELINE = None   # one per Python worker process, loaded on first use


def spark_schema(table: str):
    """The Spark schema of a store table (same names, order and types as the DuckDB table)."""
    from pyspark.sql import types as T

    kinds = {
        "VARCHAR": T.StringType(), "BLOB": T.BinaryType(), "TIMESTAMP": T.TimestampNTZType(),
        "INTEGER": T.IntegerType(), "BIGINT": T.LongType(), "DOUBLE": T.DoubleType(),
        "BOOLEAN": T.BooleanType(), "VARCHAR[]": T.ArrayType(T.StringType()),
    }
    fields = [T.StructField(name, kinds[kind], True) for name, kind in COLUMNS[table]]
    fields.append(T.StructField(PARTITION_COLUMN, T.StringType(), True))
    return T.StructType(fields)


def _is_remote(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def local_files(pattern: str) -> list[str]:
    """Files named by a local path, folder or glob, in the order ingest reads them."""
    from ..ingest.readers import walk_files

    found: list[str] = []
    for path in sorted(glob.glob(pattern.removeprefix("file://"))) or [pattern]:
        found.extend(walk_files(path) if os.path.isdir(path) else [path])
    return found


def read_file_items(path: str, data: bytes | None = None) -> Iterator[Article | IngestFailure]:
    """Articles and failures of one input file; ``data`` is its content when not on local disk."""
    from ..ingest.formats import Options
    from ..ingest.readers import read_file

    if data is None:
        yield from read_file(path, Options())
        return
    folder = tempfile.mkdtemp(prefix="newsevents-")
    local = os.path.join(folder, os.path.basename(path))
    try:
        with open(local, "wb") as f:
            f.write(data)
        for item in read_file(local, Options()):
            yield _with_origin(item, local, path)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _with_origin(item: Article | IngestFailure, local: str, path: str) -> Article | IngestFailure:
    from dataclasses import replace

    origin = item.origin or ""
    return replace(item, origin=path + origin[len(local):] if origin.startswith(local) else origin)


def parquet_items(rows: Iterable[Any], source: str) -> Iterator[Article | IngestFailure]:
    """Articles from Parquet rows with the JSONL fields, cleaned exactly as a JSONL line is."""
    import io

    from ..ingest.formats import Options, jsonl_articles

    for row in rows:
        record = {k: v for k, v in row.asDict().items() if v is not None}
        line = json.dumps(record, default=str).encode("utf-8")
        key = record.get("id") or "row"
        for item in jsonl_articles(io.BytesIO(line), f"{source}#{key}", Options()):
            yield _with_origin(item, f"{source}#{key}:1", f"{source}#{key}")


def _pipeline(model: str | None, prefilter: bool):
    global _PIPELINE
    if _PIPELINE is None:
        from .fastpipe import FastPipeline

        _PIPELINE = FastPipeline(model=model, prefilter=prefilter)
    return _PIPELINE


def code_partition(items: Iterable[Article | IngestFailure], model: str | None, prefilter: bool,
                   ingested_at: datetime, batch_size: int = 16,
                   links: dict[str, str] | None = None) -> Iterator[tuple[str, dict]]:
    """(table, row) pairs for one partition; an article that fails is a failures row, and one in
    ``links`` (a near duplicate: id -> original's id) an article row only, not coded."""
    from ..ingest.dedupe import signature, signature_to_bytes

    links = links or {}
    batch: list[Article] = []
    for item in list(items) + [None]:
        if isinstance(item, IngestFailure):
            yield "failures", _partitioned(failure_row(item.origin, item.reason, ingested_at), None)
            continue
        if item is not None and item.id in links:
            minhash = signature_to_bytes(signature(item.text))
            rows = record_to_rows(ArticleRecord(article=item), minhash=minhash, ingested_at=ingested_at,
                                  duplicate_of=links[item.id])
            yield "articles", _partitioned(rows["articles"][0], item.date)
            continue
        if item is not None:
            batch.append(item)
        if batch and (item is None or len(batch) >= batch_size):
            for record, failure in _code(_pipeline(model, prefilter), batch):
                if failure:
                    yield "failures", _partitioned(failure_row(*failure, ingested_at), None)
                    continue
                minhash = signature_to_bytes(signature(record.article.text))
                rows = record_to_rows(record, minhash=minhash, ingested_at=ingested_at)
                for table in RECORD_TABLES:
                    for row in rows[table]:
                        yield table, _partitioned(row, record.article.date)
            batch = []


def _code(pipeline, articles: list[Article]):
    """(record, None) per article; one by one after a batch error, so one bad article fails alone."""
    try:
        return [(r, None) for r in pipeline.process(articles, batch_size=len(articles))]
    except Exception:  # noqa: BLE001 (retried one by one below, each failure recorded)
        pass
    out = []
    for article in articles:
        try:
            out.extend((r, None) for r in pipeline.process([article]))
        except Exception as e:  # noqa: BLE001 (recorded with its reason; the partition goes on)
            out.append((None, (article.origin or article.id, f"coding failed: {type(e).__name__}: {e}")))
    return out


def _partitioned(row: dict, date: str | None) -> dict:
    row[PARTITION_COLUMN] = date
    return row


def read_articles(spark, input_path: str, partitions: int | None):
    """RDD of Article | IngestFailure from INPUT, exact duplicates (content hash) dropped."""
    sc = spark.sparkContext
    if input_path.endswith(".parquet") or _is_parquet_dir(input_path):
        items = spark.read.parquet(input_path).rdd.mapPartitions(lambda rows: parquet_items(rows, input_path))
    elif _is_remote(input_path):
        items = sc.binaryFiles(input_path).flatMap(lambda pair: read_file_items(pair[0], pair[1]))
    else:
        files = local_files(input_path)
        items = sc.parallelize(files, max(1, min(len(files), sc.defaultParallelism * 4)))
        items = items.flatMap(read_file_items)
    articles = (items.filter(lambda a: isinstance(a, Article))
                .keyBy(lambda a: a.content_hash)
                .reduceByKey(lambda a, b: a if (a.origin or "") <= (b.origin or "") else b)
                .values())
    failures = items.filter(lambda a: isinstance(a, IngestFailure))
    if partitions:
        articles = articles.repartition(partitions)
    return articles.union(failures)


def _is_parquet_dir(path: str) -> bool:
    return os.path.isdir(path) and bool(glob.glob(os.path.join(path, "**", "*.parquet"), recursive=True))


def run_job(spark, input_path: str, output: str, model: str | None = None, prefilter: bool = False,
            partitions: int | None = None) -> dict[str, int]:
    """Code INPUT and write OUTPUT/<table>/pub_date=.../*.parquet; return rows per table."""
    from pyspark import StorageLevel

    from .spark_neardup import near_duplicate_links

    at = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    items = read_articles(spark, input_path, partitions).persist(StorageLevel.MEMORY_AND_DISK)
    links = spark.sparkContext.broadcast(near_duplicate_links(items.filter(lambda a: isinstance(a, Article))))
    rows = items.mapPartitions(lambda part: code_partition(part, model, prefilter, at, links=links.value))
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    counts = {}
    try:
        for table in OUTPUT_TABLES:
            names = [name for name, _ in COLUMNS[table]] + [PARTITION_COLUMN]
            table_rows = rows.filter(lambda pair, t=table: pair[0] == t).map(
                lambda pair, n=names: tuple(pair[1].get(c) for c in n))
            frame = spark.createDataFrame(table_rows, spark_schema(table))
            frame.write.mode("overwrite").partitionBy(PARTITION_COLUMN).parquet(f"{output.rstrip('/')}/{table}")
            counts[table] = table_rows.count()
    finally:
        rows.unpersist()
        items.unpersist()
    return counts


def session(master: str | None = None, app_name: str = "newsevents"):
    """A SparkSession; ``master`` None leaves it to spark-submit. Workers run this Python."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = (SparkSession.builder.appName(app_name)
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.showConsoleProgress", "false"))
    if master:
        builder = builder.master(master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def main(argv: list[str] | None = None) -> int:
    """spark-submit entry point: spark_job.py INPUT OUTPUT [--prefilter] [--partitions N]."""
    import argparse

    ap = argparse.ArgumentParser(prog="newsevents.scale.spark_job")
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--model")
    ap.add_argument("--prefilter", action="store_true")
    ap.add_argument("--partitions", type=int)
    args = ap.parse_args(argv)
    spark = session()
    try:
        counts = run_job(spark, args.input, args.output, args.model, args.prefilter, args.partitions)
    finally:
        spark.stop()
    sys.stdout.write(json.dumps(counts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
