"""newsevents: PLOVER event records from news text, each fact traced to its sentence."""
from __future__ import annotations

__version__ = "0.1.0"

from .models import Article, ArticleRecord, EventRecord  # noqa: E402

_PIPELINE = None


def _pipeline(model: str | None = None):
    global _PIPELINE
    if _PIPELINE is None or (model and _PIPELINE.model_name != model):
        from .nlp.pipeline import Pipeline

        _PIPELINE = Pipeline(model)
    return _PIPELINE


def extract(text_or_article: str | Article, date: str | None = None, title: str | None = None,
            model: str | None = None) -> ArticleRecord:
    """Code one article (an Article, or raw text whose first line may be a headline)."""
    from .ingest import article_from_text

    article = text_or_article
    if isinstance(article, str):
        article = article_from_text(article, title=title, date=date, origin="<text>")
    return next(_pipeline(model).process([article]))


__all__ = ["Article", "ArticleRecord", "EventRecord", "extract", "__version__"]
