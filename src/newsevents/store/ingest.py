"""Read -> skip what is stored -> link near-duplicates -> code -> write, resumable.

The store is the checkpoint: an article is skipped when its content_hash is already
stored, so a rerun after a crash codes only what the crashed run had not committed.
Articles are coded and written in batches of ``batch_size``, one transaction per batch.
A near-duplicate (MinHash) of an earlier article is stored as an article row with
``duplicate_of`` set and is not coded again. Inputs or articles that fail are recorded in
the failures table with their reason, and the batch goes on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..models import Article, ArticleRecord, IngestFailure
from .schema import record_to_rows
from .writer import StoreWriter


@dataclass
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped_exact: int = 0
    skipped_near: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all ok, 1 some inputs failed, 2 nothing usable (no article stored or already stored)."""
        if self.stored + self.skipped_exact == 0:
            return 2
        return 1 if self.failures else 0


@dataclass
class _Pending:
    article: Article
    minhash: bytes | None
    duplicate_of: str | None = None


def ingest_articles(
    items: Iterable[Article | IngestFailure],
    writer: StoreWriter,
    pipeline: Any,
    batch_size: int = 16,
    near_index: Any = None,
    on_stored: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Store every new article from ``items``; ``pipeline`` has ``.process(articles)``."""
    summary = IngestSummary()
    seen_hashes = writer.known_hashes()
    taken_ids = writer.known_ids()
    batch: list[_Pending] = []
    for item in items:
        if isinstance(item, IngestFailure):
            _fail(writer, summary, [(item.origin, item.reason)])
            continue
        summary.read += 1
        if item.content_hash in seen_hashes:
            summary.skipped_exact += 1
            continue
        seen_hashes.add(item.content_hash)
        item = replace(item, id=_unique_id(item, taken_ids))
        pending = _Pending(item, None)
        if near_index is not None:
            pending.minhash, pending.duplicate_of = near_index.check_and_add(item.id, item.text)
        summary.skipped_near += pending.duplicate_of is not None
        batch.append(pending)
        if len(batch) >= batch_size:
            _flush(batch, writer, pipeline, summary, on_stored)
            batch = []
    _flush(batch, writer, pipeline, summary, on_stored)
    return summary


def _flush(batch, writer, pipeline, summary, on_stored) -> None:
    if not batch:
        return
    originals = [p for p in batch if p.duplicate_of is None]
    records, failed = _code(pipeline, [p.article for p in originals])
    rows, events = [], {}
    for pending in batch:
        record = records.get(pending.article.content_hash)
        if pending.duplicate_of is not None:
            record = ArticleRecord(article=pending.article)
        elif record is None:
            continue
        events[pending.article.id] = len(record.events)
        rows.append(record_to_rows(record, minhash=pending.minhash, duplicate_of=pending.duplicate_of))
    stored_ids = writer.write_articles(rows)
    stored = len(stored_ids)
    summary.stored += stored
    # stored meanwhile by another ingest into the same database: counted as already stored
    summary.skipped_exact += len(rows) - stored
    summary.events += sum(events[i] for i in stored_ids)
    _fail(writer, summary, failed)
    if on_stored:
        on_stored(stored)


def _code(pipeline, articles: list[Article]) -> tuple[dict[str, ArticleRecord], list[tuple[str, str]]]:
    """Code a batch; when it raises, code one by one so one bad article fails alone."""
    if not articles:
        return {}, []
    try:
        return {r.article.content_hash: r for r in pipeline.process(articles)}, []
    except Exception:  # noqa: BLE001 (retried one by one below, each failure recorded)
        pass
    records, failed = {}, []
    for article in articles:
        try:
            for record in pipeline.process([article]):
                records[article.content_hash] = record
        except Exception as e:  # noqa: BLE001 (recorded with its reason; the batch goes on)
            failed.append((article.origin or article.id, f"coding failed: {type(e).__name__}: {e}"))
    return records, failed


def _fail(writer: StoreWriter, summary: IngestSummary, failures: list[tuple[str, str]]) -> None:
    if failures:
        summary.failures.extend(failures)
        writer.write_failures(failures)


def _unique_id(article: Article, taken: set[str]) -> str:
    """The article's id, made unique in the store (two inputs may share an own id)."""
    candidate = article.id or article.content_hash[:16]
    if candidate in taken:
        candidate = f"{candidate}-{article.content_hash[:8]}"
    taken.add(candidate)
    return candidate


class LazyPipeline:
    """Loads the spaCy pipeline on first use, so a rerun with nothing new loads no model."""

    def __init__(self, model: str | None = None):
        self.model = model
        self._pipeline = None

    def process(self, articles: list[Article]):
        if self._pipeline is None:
            from ..nlp.pipeline import Pipeline

            self._pipeline = Pipeline(self.model)
        return self._pipeline.process(articles)
