"""One converter from an annotated Doc to the plain ArticleRecord."""
from __future__ import annotations

from spacy.tokens import Doc

from .models import Article, ArticleRecord


def doc_to_record(doc: Doc, article: Article, model_name: str | None = None) -> ArticleRecord:
    return ArticleRecord(
        article=article,
        events=list(doc._.ne_events or []),
        quotes=list(doc._.ne_quotes or []),
        places=list(doc._.ne_places or []),
        quantities=list(doc._.ne_quantities or []),
        model=model_name,
    )
