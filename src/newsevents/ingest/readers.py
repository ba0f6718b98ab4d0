"""read_inputs: paths (files, folders, "-" for stdin) -> Article | IngestFailure, in input order.

Files are read one at a time (a folder is walked lazily), so memory holds one article at most,
or one JSONL line / WARC record. Nothing a bad input does escapes as an exception: it becomes an
IngestFailure with a one-line reason and the batch goes on.
"""
from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from typing import IO

from ..errors import E_NOT_FOUND, E_TRUNCATED, E_UNKNOWN_FORMAT, E_UNREADABLE
from ..models import IngestFailure
from .article import check_option_date
from .formats import (
    MAX_FILE_BYTES, Options, Result, TooLarge, html_article, jsonl_articles, read_capped,
    text_article, too_large,
)
from .html import looks_like_html
from .warc import warc_articles

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FORMATS = {
    ".txt": "text", ".text": "text", "": "sniff",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
SNIFF_BYTES = 4096


def read_inputs(paths: list[str], date: str | None = None, stdin: IO | None = None,
                check_language: bool = True) -> Iterator[Result]:
    """Articles and failures from ``paths``; "-" reads ``stdin`` (default sys.stdin).

    ``date`` (the CLI's --date) is checked here, before anything is read: a value that is not a
    date raises InputError. Non-English articles are skipped unless ``check_language`` is False.
    """
    options = Options(date=check_option_date(date), check_language=check_language)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _read_all([os.fspath(path) for path in paths], options, stdin)


def _read_all(paths: list[str], options: Options, stdin: IO | None) -> Iterator[Result]:
    for path in paths:
        if path == "-":
            yield from _guarded("<stdin>", _read_stdin(stdin if stdin is not None else sys.stdin, options))
        elif os.path.isdir(path):
            for file_path in walk_files(path):
                yield from _guarded(file_path, read_file(file_path, options))
        else:
            yield from _guarded(path, read_file(path, options))


def walk_files(folder: str) -> Iterator[str]:
    """Files under ``folder``, recursively, sorted by name; hidden files and folders skipped."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_files(entry.path)
        elif entry.is_file():
            yield entry.path


def read_file(path: str, options: Options) -> Iterator[Result]:
    name = os.path.basename(path).lower()
    if not os.path.exists(path):
        yield IngestFailure(path, E_NOT_FOUND)
        return
    if name.endswith(WARC_SUFFIXES):
        with open(path, "rb") as stream:
            yield from warc_articles(stream, path, options)
        return
    compressed = name.endswith(".gz")
    suffix = os.path.splitext(name[:-3] if compressed else name)[1]
    kind = FORMATS.get(suffix)
    if kind is None:
        yield IngestFailure(path, E_UNKNOWN_FORMAT.format(suffix=suffix + (".gz" if compressed else "")))
        return
    if not compressed and kind in ("text", "html") and os.path.getsize(path) > MAX_FILE_BYTES:
        yield too_large(path, os.path.getsize(path))
        return
    with (gzip.open(path, "rb") if compressed else open(path, "rb")) as stream:
        yield from read_stream(stream, path, kind, options)


def read_stream(stream: IO[bytes], origin: str, kind: str, options: Options) -> Iterator[Result]:
    """Read one opened binary stream of a known kind ("text", "html", "jsonl" or "sniff")."""
    if kind == "sniff":
        stream, kind = _sniff(stream)
    if kind == "jsonl":
        yield from jsonl_articles(stream, origin, options)
        return
    try:
        data = read_capped(stream)
    except TooLarge:
        yield too_large(origin)
        return
    reader = html_article if kind == "html" else text_article
    yield from reader(data, origin, options)


def _read_stdin(stdin: IO, options: Options) -> Iterator[Result]:
    yield from read_stream(_binary(stdin), "<stdin>", "sniff", options)


def _sniff(stream: IO[bytes]) -> tuple[IO[bytes], str]:
    """JSONL if the first non-blank character is "{", HTML if it looks like markup, else text."""
    head = stream.read(SNIFF_BYTES)
    rejoined = io.BufferedReader(_Prefixed(head, stream))
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{"):
        return rejoined, "jsonl"
    if looks_like_html(head.decode("utf-8", "replace")):
        return rejoined, "html"
    return rejoined, "text"


def _binary(stream: IO) -> IO[bytes]:
    if hasattr(stream, "buffer"):
        return stream.buffer
    sample = stream.read(0)
    if isinstance(sample, bytes):
        return stream
    return io.BytesIO(stream.read().encode("utf-8"))  # a text stream without bytes, e.g. StringIO


class _Prefixed(io.RawIOBase):
    """Bytes already read (for sniffing) followed by the rest of the stream."""

    def __init__(self, head: bytes, rest: IO[bytes]):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def _guarded(origin: str, results: Iterator[Result]) -> Iterator[Result]:
    """Turn anything a reader still raises into a failure for that input; the batch goes on."""
    try:
        yield from results
    except (EOFError, gzip.BadGzipFile, zlib.error) as e:
        yield IngestFailure(origin, E_TRUNCATED.format(detail=_detail(e)))
    except OSError as e:
        yield IngestFailure(origin, E_UNREADABLE.format(detail=_detail(e)))
    except Exception as e:  # last resort: one broken input must never stop the batch
        yield IngestFailure(origin, E_UNREADABLE.format(detail=f"{type(e).__name__}: {_detail(e)}"))


def _detail(error: Exception) -> str:
    return " ".join(str(error).split())[:200] or type(error).__name__

