"""A faster way through the same Pipeline: batched parsing, an optional sentence pre-filter,
and a timer on every stage.

``FastPipeline(pipeline, prefilter=True)`` has the same ``process(articles, batch_size)`` as
``nlp.pipeline.Pipeline`` and returns the same kind of ArticleRecords. How it differs:

* The spaCy model's components run over a whole batch (``nlp.pipe``), then newsevents's own
  components run one by one on each Doc, each timed (``timings``), then ``doc_to_record``.
* With ``prefilter``, ``screen.split_sentences`` cuts the article into contiguous ranges and
  ``SentenceScreen`` marks those that may hold an event, quote or place. Each run of kept
  sentences is parsed as its own small Doc; each run of dropped sentences is only tokenised
  and given a flat placeholder parse (one sentence per range, no tags, no entities). The pieces
  are joined with ``Doc.from_docs(ensure_whitespace=False)``: the ranges partition the text,
  so the joined ``doc.text`` is the article text, character for character, and every offset
  the components write is an offset into the article. This is checked for every article; on a
  mismatch the article is parsed whole instead.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..convert import doc_to_record
from ..models import Article, ArticleRecord
from ..nlp.pipeline import OUR_COMPONENTS, Pipeline
from .screen import SentenceScreen, default_screen, split_sentences

Piece = tuple[int, int, bool]   # start, end, parse it?


class FastPipeline:
    """Same input and output as Pipeline; see the module docstring for what it does differently."""

    def __init__(self, pipeline: Pipeline | None = None, model: str | None = None,
                 prefilter: bool = False, disable: Iterable[str] = (),
                 screen: SentenceScreen | None = None):
        self.pipeline = pipeline or Pipeline(model)
        self.nlp: Language = self.pipeline.nlp
        self.model_name = self.pipeline.model_name
        self.prefilter = prefilter
        self.screen = screen or (default_screen() if prefilter else None)
        ours = set(OUR_COMPONENTS)
        self.model_pipes = [n for n in self.nlp.pipe_names if n not in ours and n not in set(disable)]
        self.our_pipes = [(n, p) for n, p in self.nlp.pipeline if n in ours]
        self.timings: dict[str, float] = defaultdict(float)
        self.counts: dict[str, int] = defaultdict(int)

    def process(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleRecord]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._process_batch(batch, batch_size)
                batch = []
        if batch:
            yield from self._process_batch(batch, batch_size)

    def _process_batch(self, batch: list[Article], batch_size: int) -> list[ArticleRecord]:
        start = time.perf_counter()
        docs = self._parse(batch, batch_size)
        self.timings["parse"] += time.perf_counter() - start
        records = []
        for article, doc in zip(batch, docs):
            doc._.ne_article = article
            for name, proc in self.our_pipes:
                t = time.perf_counter()
                doc = proc(doc)
                self.timings[name] += time.perf_counter() - t
            t = time.perf_counter()
            records.append(doc_to_record(doc, article, self.model_name))
            self.timings["convert"] += time.perf_counter() - t
        self.counts["articles"] += len(batch)
        return records

    def _parse(self, batch: list[Article], batch_size: int) -> list[Doc]:
        if not self.prefilter:
            texts = (a.text for a in batch)
            return list(self.nlp.pipe(texts, batch_size=batch_size, disable=self._not_run()))
        plans = [self._plan(a.text) for a in batch]
        to_parse = [a.text[s:e] for a, plan in zip(batch, plans) for s, e, keep in plan if keep]
        parsed = iter(self.nlp.pipe(to_parse, batch_size=batch_size * 8, disable=self._not_run()))
        docs = []
        for article, plan in zip(batch, plans):
            pieces = [next(parsed) if keep else self._placeholder(article.text, s, e) for s, e, keep in plan]
            docs.append(self._join(article, pieces, batch_size))
        return docs

    def _not_run(self) -> list[str]:
        return [n for n in self.nlp.pipe_names if n not in self.model_pipes]

    def _plan(self, text: str) -> list[Piece]:
        """Runs of kept and dropped sentences, in text order, covering the text."""
        pieces: list[Piece] = []
        for start, end in split_sentences(text):
            keep = self.screen.keep(text[start:end])
            self.counts["sentences"] += 1
            self.counts["sentences_kept"] += keep
            self.counts["chars"] += end - start
            self.counts["chars_kept"] += (end - start) * keep
            if pieces and pieces[-1][2] == keep and keep:
                pieces[-1] = (pieces[-1][0], end, True)
            else:
                pieces.append((start, end, keep))
        return pieces

    def _placeholder(self, text: str, start: int, end: int) -> Doc:
        """A tokenised, unparsed sentence: a flat tree under its first token, no entities."""
        doc = self.nlp.make_doc(text[start:end])
        if len(doc):
            heads = numpy.zeros((len(doc), 3), dtype="uint64")
            heads[:, 0] = (-numpy.arange(len(doc), dtype="int64")).astype("uint64")
            heads[:, 1] = self.nlp.vocab.strings.add("dep")
            heads[0, 1] = self.nlp.vocab.strings.add("ROOT")
            heads[:, 2] = numpy.array([1] + [-1] * (len(doc) - 1), dtype="int64").astype("uint64")
            doc.from_array([HEAD, DEP, SENT_START], heads)
            doc.set_ents([], default="outside")
        return doc

    def _join(self, article: Article, pieces: list[Doc], batch_size: int) -> Doc:
        doc = pieces[0] if len(pieces) == 1 else Doc.from_docs(
            pieces, ensure_whitespace=False, exclude=["tensor", "user_data"])
        if doc.text != article.text:  # cannot happen when the ranges partition the text; never trust it
            self.counts["prefilter_fallbacks"] += 1
            doc = next(iter(self.nlp.pipe([article.text], disable=self._not_run())))
        return doc
