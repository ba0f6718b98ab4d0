"""Benchmark newsevents end to end into DuckDB, against the bare spaCy parse of the same texts.

    python benchmarks/run.py [--corpus DIR] [--limit N] [--processes P] [--out docs/performance.md]

One run measures, on the same articles:
  floor      the bare full spaCy parse: the same model, all its default components, nlp.pipe,
             one process (and, with --processes > 1, spaCy's own n_process=P as a second floor);
  end to end read -> clean -> parse -> resolve/extract -> store (DuckDB), via store.ingest's
             ingest_articles with scale.parallel.ParallelPipeline, wall clock including worker start;
  per stage  seconds in each stage; the coding stages are summed over worker processes;
  memory     peak RSS of the whole process tree (sampled), and getrusage maxima.
--linearity N1,N2 repeats the corpus (each copy slightly changed, so dedupe keeps it) to
check that articles/s stays flat as the input grows.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine import PeakRss, machine_info, rusage_peaks_mib  # noqa: E402
from report import write_report  # noqa: E402

DEFAULT_CORPUS = "/work/shared/data/attribution/polnear/train/text"
RESOLVE = ("ne_actors", "ne_places")
EXTRACT = ("ne_quantities", "ne_quotes", "ne_events")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="folder of articles (any format ingest reads)")
    ap.add_argument("--limit", type=int, default=None, help="use the first N articles")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--prefilter", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size")
    ap.add_argument("--chunk-size", type=int, default=8, help="articles per worker task")
    ap.add_argument("--store-batch", type=int, default=128, help="articles per store transaction")
    ap.add_argument("--model", default=None)
    ap.add_argument("--no-floor", action="store_true", help="skip the bare spaCy parse")
    ap.add_argument("--linearity", default=None, help="e.g. 1000,10000: articles for the linearity check")
    ap.add_argument("--out", default=None, help="write the report here (Markdown)")
    return ap.parse_args(argv)


def read_corpus(corpus: str, limit: int | None) -> tuple[list[str], list, dict[str, float]]:
    """Paths and articles of ``corpus``, with the seconds spent reading bytes and cleaning them."""
    from newsevents.ingest import read_inputs
    from newsevents.ingest.readers import walk_files
    from newsevents.models import Article

    paths = list(walk_files(corpus))[: limit or None]
    start = time.perf_counter()
    for path in paths:
        Path(path).read_bytes()
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    articles = [a for a in read_inputs(paths) if isinstance(a, Article)]
    total_s = time.perf_counter() - start
    return paths, articles, {"read": read_s, "clean": max(0.0, total_s - read_s)}


def repeated(articles: list, n: int) -> list:
    """``n`` articles: the corpus repeated, each copy changed a little so dedupe keeps it."""
    from newsevents.ingest.clean import content_hash

    out = []
    for i in range(n):
        a = articles[i % len(articles)]
        copy = i // len(articles)
        if copy:
            text = f"{a.text}\n\nCopy {copy} of this article."
            a = replace(a, id=f"{a.id}-c{copy}", text=text, content_hash=content_hash(text))
        out.append(a)
    return out


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its children that have been waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def floor_worker(texts: list[str], model: str, batch_size: int, n_process: int, queue) -> None:
    import spacy

    nlp = spacy.load(model)
    start, cpu = time.perf_counter(), cpu_seconds()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
        pass
    queue.put((time.perf_counter() - start, cpu_seconds() - cpu))


def measure_floor(texts: list[str], model: str, batch_size: int, n_process: int = 1) -> tuple[float, float]:
    """(wall, CPU) seconds of the bare full spaCy parse, in a fresh process (its RSS is not ours)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    proc = context.Process(target=floor_worker, args=(texts, model, batch_size, n_process, queue))
    proc.start()
    seconds = queue.get()
    proc.join()
    return seconds


def end_to_end(items, args: argparse.Namespace, near: bool = True) -> dict:
    """Ingest ``items`` (paths to read, or Articles) into a fresh DuckDB file; seconds, counts."""
    from newsevents.ingest import read_inputs
    from newsevents.scale.parallel import ParallelPipeline, prefetch
    from newsevents.store.ingest import ingest_articles
    from newsevents.store.neardup import NearDuplicates
    from newsevents.store.writer import open_store

    with tempfile.TemporaryDirectory() as tmp:
        con = open_store(Path(tmp) / "bench.duckdb")
        writer = TimedWriter(con)
        start, cpu = time.perf_counter(), cpu_seconds()
        with ParallelPipeline(args.processes, args.model, args.prefilter, args.chunk_size,
                              args.batch_size) as pipeline:
            startup = pipeline.wait_ready()
            articles = read_inputs(items) if items and isinstance(items[0], str) else iter(items)
            summary = ingest_articles(prefetch(articles), writer, pipeline, args.store_batch,
                                      NearDuplicates() if near else None)
        wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", "events", "quotes", "places", "quantities")}
        con.close()
    return {"wall": wall, "cpu": cpu, "startup": startup, "store": writer.seconds, "summary": summary,
            "rows": rows, "timings": dict(pipeline.timings), "counts": dict(pipeline.counts),
            "model": pipeline.model_name}


def _timed_writer_class():
    from newsevents.store.writer import StoreWriter

    class _TimedWriter(StoreWriter):
        seconds = 0.0

        def write_batch(self, batch):
            start = time.perf_counter()
            try:
                return super().write_batch(batch)
            finally:
                self.seconds += time.perf_counter() - start

    return _TimedWriter


def TimedWriter(con):  # noqa: N802 (a class factory: the store module is imported lazily)
    return _timed_writer_class()(con)


def stage_table(read: dict[str, float], run: dict) -> dict[str, float]:
    t = run["timings"]
    return {
        "read": read["read"], "clean": read["clean"], "parse": t.get("parse", 0.0),
        "resolve": sum(t.get(n, 0.0) for n in RESOLVE),
        "extract": sum(t.get(n, 0.0) for n in EXTRACT) + t.get("convert", 0.0),
        "store": run["store"],
        **{f"  {n}": t.get(n, 0.0) for n in RESOLVE + EXTRACT},
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from newsevents.nlp.pipeline import available_model

    model = available_model(args.model)
    info = machine_info(model)
    paths, articles, read = read_corpus(args.corpus, args.limit)
    words = sum(len(a.text.split()) for a in articles)
    floors = {}
    if not args.no_floor:
        texts = [a.text for a in articles]
        floors["1 process"] = measure_floor(texts, model, args.batch_size)
    with PeakRss() as peak:
        run = end_to_end(paths, args)
    if not args.no_floor and args.processes > 1:
        floors[f"n_process={args.processes}"] = measure_floor(texts, model, args.batch_size, args.processes)
    linearity = check_linearity(articles, args) if args.linearity else None
    info["load_after"] = " ".join(f"{x:.2f}" for x in __import__("os").getloadavg())
    results = {
        "args": args, "argv": argv if argv is not None else sys.argv[1:], "info": info,
        "n": len(articles), "words": words, "floors": floors, "run": run,
        "stages": stage_table(read, run), "peak_rss_mib": peak.peak_kib / 1024,
        "rusage_mib": rusage_peaks_mib(), "linearity": linearity,
    }
    text = write_report(results, args.out)
    print(text)
    summary = run["summary"]
    accounted = summary.stored + summary.skipped_exact
    return 0 if not summary.failures and accounted == len(articles) else 1


def check_linearity(articles: list, args: argparse.Namespace) -> list[tuple[int, float, float]]:
    """(articles, seconds, articles/s) for each size; near-duplicate linking off (copies are near-dups)."""
    found = []
    for n in (int(x) for x in args.linearity.split(",")):
        run = end_to_end(repeated(articles, n), args, near=False)
        found.append((n, run["wall"], n / run["wall"]))
    return found


if __name__ == "__main__":
    sys.exit(main())
