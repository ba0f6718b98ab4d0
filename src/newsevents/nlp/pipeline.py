"""The NLP stage: a spaCy model plus newsevents's own components, one Doc through all.

Component order (each reads what the earlier ones set on ``doc._``):
  spaCy model -> ne_actors -> ne_places -> ne_quantities -> ne_quotes -> ne_events
"""
from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import E_NO_MODEL, ModelNotFound
from ..models import Article, ArticleRecord
from . import dateline  # noqa: F401  (registers the ne_dateline component)
from .token_rules import speed_up_token_rules
from ..settings import MODEL_PREFERENCE

DOC_EXTENSIONS = {
    "ne_article": None,      # the Article this Doc was made from
    "ne_actors": None,       # list[Actor]: every actor mention, resolved
    "ne_places": None,       # list[Place]: toponyms used as places (not metonyms)
    "ne_quantities": None,   # list[Quantity]
    "ne_quotes": None,       # list[Quote]
    "ne_events": None,       # list[EventRecord]
}
OUR_COMPONENTS = ("ne_actors", "ne_places", "ne_quantities", "ne_quotes", "ne_events")


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def available_model(preferred: str | None = None) -> str:
    """Name of the spaCy model to load: the one asked for, else the best installed one."""
    if preferred:
        return preferred
    for name in MODEL_PREFERENCE:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(E_NO_MODEL)


@Language.component("ne_actors", assigns=["doc._.ne_actors"])
def _actors(doc: Doc) -> Doc:
    from ..resolve.actors import find_actors

    doc._.ne_actors = find_actors(doc)
    return doc


@Language.component("ne_places", requires=["doc._.ne_actors"], assigns=["doc._.ne_places"])
def _places(doc: Doc) -> Doc:
    from ..resolve.places import find_places

    doc._.ne_places = find_places(doc)
    return doc


@Language.component("ne_quantities", assigns=["doc._.ne_quantities"])
def _quantities(doc: Doc) -> Doc:
    from ..extract.quantities import find_quantities

    doc._.ne_quantities = find_quantities(doc)
    return doc


@Language.component("ne_quotes", requires=["doc._.ne_actors"], assigns=["doc._.ne_quotes"])
def _quotes(doc: Doc) -> Doc:
    from ..extract.quotes import find_quotes

    doc._.ne_quotes = find_quotes(doc)
    return doc


@Language.component(
    "ne_events",
    requires=["doc._.ne_actors", "doc._.ne_places", "doc._.ne_quotes", "doc._.ne_quantities"],
    assigns=["doc._.ne_events"],
)
def _events(doc: Doc) -> Doc:
    from ..extract.events import find_events

    doc._.ne_events = find_events(doc)
    return doc


def load_nlp(model: str | None = None, components: Iterable[str] = OUR_COMPONENTS) -> Language:
    """Load the spaCy model and append newsevents's components."""
    register_extensions()
    name = available_model(model)
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelNotFound(f"spaCy model {name!r} could not be loaded: {e}") from e
    speed_up_token_rules(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("ne_dateline", before="parser")
    for component in components:
        nlp.add_pipe(component)
    nlp.meta["newsevents_model"] = name
    return nlp


class Pipeline:
    """Articles in, ArticleRecords out. Load once, reuse for every article."""

    def __init__(self, model: str | None = None, nlp: Language | None = None):
        self.nlp = nlp or load_nlp(model)
        self.model_name = self.nlp.meta.get("newsevents_model") or self.nlp.meta.get("name")

    def process(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleRecord]:
        from ..convert import doc_to_record

        for doc in self.nlp.pipe(self._docs(articles), batch_size=batch_size):
            yield doc_to_record(doc, doc._.ne_article, self.model_name)

    def _docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        # Components need the article (its date, title) while they run, so the Doc
        # is made here and carries it in, rather than being paired up afterwards.
        for article in articles:
            doc = self.nlp.make_doc(article.text)
            doc._.ne_article = article
            yield doc

    def make_doc(self, article: Article) -> Doc:
        """Run the pipeline on one article and return the annotated Doc (for debugging and tests)."""
        doc = self.nlp.make_doc(article.text)
        doc._.ne_article = article
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc
