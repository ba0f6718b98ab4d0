"""FastPipeline (prefilter) and ParallelPipeline with the real model: exact offsets, same output."""
from __future__ import annotations

import pytest

from newsevents.ingest import read_inputs
from newsevents.models import Article
from newsevents.scale.fastpipe import FastPipeline
from newsevents.scale.parallel import ParallelPipeline

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def articles(data):
    return [a for a in read_inputs([str(data / "samples")]) if isinstance(a, Article)]


def _spans(record):
    """(text, start, end) of every span the record points at in the article."""
    for event in record.events:
        yield event.trigger.text, event.trigger.start, event.trigger.end
        for actor in event.actor + event.recipient + event.claimed_by:
            yield actor.text, actor.start, actor.end
    for quote in record.quotes:
        yield quote.content.text, quote.content.start, quote.content.end
        if quote.speaker:
            yield quote.speaker.text, quote.speaker.start, quote.speaker.end
    for item in record.places + record.quantities:
        yield item.text, item.start, item.end


def test_prefiltered_doc_has_the_article_text_and_its_tokens(pipeline, articles):
    fast = FastPipeline(pipeline, prefilter=True)
    for article in articles:
        doc = fast._parse([article], 16)[0]
        assert doc.text == article.text
        assert [t.idx for t in doc] == [t.idx for t in pipeline.nlp.make_doc(article.text)]
    assert fast.counts["prefilter_fallbacks"] == 0


def test_prefiltered_records_point_at_the_article_text(pipeline, articles):
    records = list(FastPipeline(pipeline, prefilter=True).process(articles))
    assert [r.article.id for r in records] == [a.id for a in articles]
    assert sum(len(r.events) for r in records) > 0
    for record in records:
        for text, start, end in _spans(record):
            assert record.article.text[start:end] == text


def test_fast_pipeline_without_prefilter_equals_pipeline(pipeline, articles):
    fast = [r.to_dict() for r in FastPipeline(pipeline).process(articles, batch_size=3)]
    plain = [r.to_dict() for r in pipeline.process(articles)]
    assert fast == plain


def test_two_processes_give_the_same_records_in_order(pipeline, articles):
    with ParallelPipeline(processes=2, chunk_size=3) as parallel:
        together = [r.to_dict() for r in parallel.process(articles)]
    alone = [r.to_dict() for r in FastPipeline(pipeline).process(articles)]
    assert together == alone
    assert parallel.counts["articles"] == len(articles)
