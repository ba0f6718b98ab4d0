"""Ingest: files, folders, stdin -> cleaned Article records (or IngestFailure with a reason).

    from newsevents.ingest import read_inputs, article_from_text
    for item in read_inputs(["news/", "crawl.warc.gz"], date=None):
        ...  # Article or IngestFailure, in input order

See docs/input.md for the accepted formats, the date resolution order and the size limits.
"""
from .article import MAX_TEXT_CHARS, article_from_text
from .clean import DEBRIS, clean_text, content_hash
from .formats import MAX_FILE_BYTES
from .readers import read_inputs

__all__ = [
    "DEBRIS", "MAX_FILE_BYTES", "MAX_TEXT_CHARS", "article_from_text", "clean_text", "content_hash",
    "read_inputs",
]
