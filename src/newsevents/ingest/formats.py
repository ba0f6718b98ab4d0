"""Readers for text, HTML and JSONL (WARC: warc.py). Each yields Article | IngestFailure and never raises for bad input.

Readers take an already opened binary stream, so plain files, .gz files and stdin share them.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from ..errors import (
    E_BAD_HTML, E_BAD_JSON, E_EMPTY_FILE, E_JSON_NO_TEXT, E_JSON_NOT_OBJECT, E_TOO_LARGE,
    E_TOO_LARGE_STREAM, InputError,
)
from ..models import Article, IngestFailure
from .article import article_from_text, language_refusal
from .decode import DecodeError, declared_html_charset, decode_bytes
from .html import extract_page

MAX_FILE_BYTES = 5_000_000     # one text/HTML article or one JSONL line or WARC payload
READ_CHUNK = 1 << 20

Result = Article | IngestFailure


@dataclass
class Options:
    date: str | None = None          # an explicit ISO date that wins over everything
    check_language: bool = True


class TooLarge(Exception):
    """A stream holds more than MAX_FILE_BYTES; it was not read further."""


def read_capped(stream: IO[bytes]) -> bytes:
    """The whole stream when it holds at most MAX_FILE_BYTES, else TooLarge (reading stops there)."""
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise TooLarge()
    return data


def too_large(origin: str, size: int | None = None) -> IngestFailure:
    if size is None:
        return IngestFailure(origin, E_TOO_LARGE_STREAM.format(limit=MAX_FILE_BYTES))
    return IngestFailure(origin, E_TOO_LARGE.format(size=size, limit=MAX_FILE_BYTES, unit="bytes"))


def text_article(data: bytes, origin: str, options: Options) -> Iterator[Result]:
    """A plain-text article: first line headline, then the body."""
    if not data.strip():
        yield IngestFailure(origin, E_EMPTY_FILE)
        return
    try:
        text = _normalise_newlines(decode_bytes(data))
        yield _checked(article_from_text(text, date=options.date, origin=origin), options)
    except (DecodeError, InputError) as e:
        yield failure_from(origin, e)


def html_article(data: bytes, origin: str, options: Options, url: str | None = None,
                 fallback_date: str | None = None) -> Iterator[Result]:
    """An HTML page: main text, title, date and url from the page (url/date may come from WARC)."""
    if not data.strip():
        yield IngestFailure(origin, E_EMPTY_FILE)
        return
    try:
        html = decode_bytes(data, declared=declared_html_charset(data))
        page = extract_page(html, url)
        if page is None:
            yield IngestFailure(origin, E_BAD_HTML)
            return
        article = article_from_text(
            page.text, title=page.title, date=options.date, url=page.url or url,
            source=page.sitename, origin=origin, first_line_title=False,
            metadata_date=page.date or fallback_date,
        )
        yield _checked(article, options)
    except (DecodeError, InputError) as e:
        yield failure_from(origin, e)


def jsonl_articles(stream: IO[bytes], path: str, options: Options) -> Iterator[Result]:
    """One article per JSON line (fields: id, text, title, date, url, source)."""
    seen_any = False
    for number, line in enumerate(_lines(stream), 1):
        origin = f"{path}:{number}"
        if line is None:
            yield too_large(origin)
            continue
        if not line.strip():
            continue
        seen_any = True
        yield _jsonl_record(line, number, origin, options)
    if not seen_any:
        yield IngestFailure(path, E_EMPTY_FILE)


def _jsonl_record(line: bytes, number: int, origin: str, options: Options) -> Result:
    try:
        record = json.loads(_decode_line(line).strip())
    except (ValueError, DecodeError) as e:
        detail = e.msg if isinstance(e, json.JSONDecodeError) else str(e)
        return IngestFailure(origin, E_BAD_JSON.format(line=number, detail=detail))
    if not isinstance(record, dict):
        return IngestFailure(origin, E_JSON_NOT_OBJECT.format(line=number, kind=type(record).__name__))
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestFailure(origin, E_JSON_NO_TEXT.format(line=number))
    try:
        article = article_from_text(
            text, title=_str_or_none(record.get("title")), date=options.date,
            url=_str_or_none(record.get("url")), source=_str_or_none(record.get("source")),
            origin=origin, ext_id=_str_or_none(record.get("id")), first_line_title=False,
            metadata_date=record.get("date"),
        )
    except InputError as e:
        return failure_from(origin, e)
    return _checked(article, options)


def _lines(stream: IO[bytes]) -> Iterator[bytes | None]:
    """Lines of at most MAX_FILE_BYTES; a longer line is skipped unread and yields None."""
    while True:
        line = stream.readline(MAX_FILE_BYTES + 1)
        if not line:
            return
        if len(line) > MAX_FILE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return decode_bytes(line)


def _checked(article: Article, options: Options) -> Result:
    if options.check_language:
        reason = language_refusal(article)
        if reason:
            return IngestFailure(article.origin or article.id, reason)
    return article


def failure_from(origin: str, error: Exception) -> IngestFailure:
    return IngestFailure(origin, getattr(error, "reason", None) or str(error))


def _str_or_none(value: object) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
