"""Code articles across processes: one Pipeline per worker, loaded once; plain records cross over.

``ParallelPipeline(processes=2)`` has the same ``process(articles, batch_size)`` as
``nlp.pipeline.Pipeline``, so ``store.ingest.ingest_articles`` and the CLI can use either.
Articles are cut into chunks; each chunk goes to a worker process, which codes it with its
own FastPipeline and sends back ArticleRecords (dataclasses, pickled) plus its stage timings.
Results come back in input order (``imap``), so output is the same as with one process.

Workers are started with "spawn": a fresh interpreter per worker, so nothing the parent
loaded (threads, open DuckDB connections, a model) is inherited half-working.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from ..models import Article, ArticleRecord

_WORKER = None   # this process's FastPipeline, once the worker is initialised


def _init_worker(model: str | None, prefilter: bool, batch_size: int) -> None:
    global _WORKER
    # One BLAS thread per worker: the parallelism is the processes; more threads only contend.
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from .fastpipe import FastPipeline

    _WORKER = (FastPipeline(model=model, prefilter=prefilter), batch_size)


def _code_chunk(chunk: list[Article]) -> tuple[list[ArticleRecord], dict[str, float], dict[str, int]]:
    pipeline, batch_size = _WORKER
    pipeline.timings.clear()
    pipeline.counts.clear()
    records = list(pipeline.process(chunk, batch_size=batch_size))
    return records, dict(pipeline.timings), dict(pipeline.counts)


def _build_caches_once(context) -> None:
    """Build the gazetteer cache in one short-lived process before the workers start, so they
    load it instead of each building it at once (twice the memory, twice the time)."""
    from ..resolve.gazetteer import cache_is_fresh, load_gazetteer

    if not cache_is_fresh():
        builder = context.Process(target=load_gazetteer)
        builder.start()
        builder.join()


def _ready(_: int) -> bool:
    time.sleep(0.2)   # long enough that every worker, not one fast one, takes a task
    return _WORKER is not None


def prefetch(items: Iterable, depth: int = 64) -> Iterator:
    """Iterate ``items`` in a background thread, up to ``depth`` ahead.

    Reading and cleaning run in the main process; with this they go on while the workers code
    the previous batch instead of waiting for it. Errors are raised at the consumer.
    """
    buffer: queue.Queue = queue.Queue(maxsize=depth)
    done = object()

    def fill() -> None:
        try:
            for item in items:
                buffer.put(item)
        except BaseException as e:  # noqa: BLE001 (handed to the consumer, raised there)
            buffer.put(_Raised(e))
        buffer.put(done)

    threading.Thread(target=fill, daemon=True).start()
    while (item := buffer.get()) is not done:
        if isinstance(item, _Raised):
            raise item.error
        yield item


class _Raised:
    def __init__(self, error: BaseException):
        self.error = error


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class ParallelPipeline:
    """Articles in, ArticleRecords out, in order, coded by ``processes`` worker processes.

    With ``processes=1`` it codes in this process (no pool), with the same FastPipeline.
    Use it as a context manager, or call ``close()``, to stop the workers.
    """

    def __init__(self, processes: int = 2, model: str | None = None, prefilter: bool = False,
                 chunk_size: int = 8, batch_size: int = 16):
        self.processes = max(1, processes)
        self.model, self.prefilter = model, prefilter
        self.chunk_size, self.batch_size = chunk_size, batch_size
        self.timings: dict[str, float] = defaultdict(float)   # summed over workers
        self.counts: dict[str, int] = defaultdict(int)
        self._pool = None
        self._local = None
        self.model_name: str | None = None

    def __enter__(self) -> ParallelPipeline:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        if self.processes == 1:
            if self._local is None:
                from .fastpipe import FastPipeline

                self._local = FastPipeline(model=self.model, prefilter=self.prefilter)
                self.model_name = self._local.model_name
        elif self._pool is None:
            context = multiprocessing.get_context("spawn")
            _build_caches_once(context)
            self._pool = context.Pool(self.processes, initializer=_init_worker,
                                      initargs=(self.model, self.prefilter, self.batch_size))

    def wait_ready(self) -> float:
        """Start the workers and wait until each has loaded its pipeline; return the seconds taken."""
        start = time.perf_counter()
        self.start()
        if self._pool is not None:
            self._pool.map(_ready, range(self.processes), chunksize=1)
        return time.perf_counter() - start

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def process(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[ArticleRecord]:
        self.start()
        if self._local is not None:
            yield from self._process_here(articles, batch_size or self.batch_size)
            return
        for records, timings, counts in self._pool.imap(_code_chunk, chunked(articles, self.chunk_size)):
            self._add(timings, counts)
            if records and self.model_name is None:
                self.model_name = records[0].model
            yield from records

    def _process_here(self, articles: Iterable[Article], batch_size: int) -> Iterator[ArticleRecord]:
        local = self._local
        for chunk in chunked(articles, self.chunk_size):
            local.timings.clear()
            local.counts.clear()
            records = list(local.process(chunk, batch_size=batch_size))
            self._add(local.timings, local.counts)
            yield from records

    def _add(self, timings: dict[str, float], counts: dict[str, int]) -> None:
        for key, value in timings.items():
            self.timings[key] += value
        for key, value in counts.items():
            self.counts[key] += value
