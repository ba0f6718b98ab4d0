"""WARC / ARC files (gzipped or not): HTML response records -> articles via the HTML reader.

The url comes from WARC-Target-URI; the date from the page's metadata, else WARC-Date. Records
that are not pages (requests, metadata, images, redirects, errors) are passed over. warcio stops
quietly at a truncated gzip member, so the compressed bytes are checked as warcio reads them
(_GzipCheck): a cut archive yields the articles before the cut, then one failure.
"""
from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import IO

from ..errors import E_BAD_WARC, E_TRUNCATED, E_WARC_NO_PAGES
from ..models import IngestFailure
from .formats import Options, Result, TooLarge, html_article, read_capped, too_large

WARC_MAGIC = (b"WARC/", b"filedesc://")
GZIP_MAGIC = b"\x1f\x8b"


def warc_articles(stream: IO[bytes], path: str, options: Options) -> Iterator[Result]:
    from warcio.archiveiterator import ArchiveIterator

    start = stream.peek(16)[:16] if hasattr(stream, "peek") else b""
    if start and not start.startswith(WARC_MAGIC + (GZIP_MAGIC,)):
        yield IngestFailure(path, E_BAD_WARC.format(detail=f"not a WARC or ARC file (starts with {start[:8]!r})"))
        return
    checked = _GzipCheck(stream) if start.startswith(GZIP_MAGIC) else None
    number = found = 0
    try:
        records = iter(ArchiveIterator(io.BufferedReader(checked) if checked else stream, arc2warc=True))
        while True:
            number += 1  # the record being read, for the origin of a failure
            record = next(records, None)
            if record is None:
                break
            for result in _warc_record(record, f"{path}#{number}", options):
                found += 1
                yield result
    except Exception as e:  # warcio raises many kinds of errors for malformed records
        if checked is None or not checked.truncated():
            yield IngestFailure(f"{path}#{number}", E_BAD_WARC.format(detail=_detail(e)))
            return
    if checked is not None and checked.truncated():
        yield IngestFailure(f"{path}#{number}", E_TRUNCATED.format(detail="a gzip member is cut short or corrupt"))
    elif not found:
        yield IngestFailure(path, E_WARC_NO_PAGES.format(records=number - 1))


def _warc_record(record, origin: str, options: Options) -> Iterator[Result]:
    if record.rec_type not in ("response", "resource"):
        return
    headers = record.http_headers
    if headers is not None and not (headers.get_statuscode() or "").startswith("2"):
        return
    content_type = (headers or record.rec_headers).get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return
    try:
        payload = read_capped(record.content_stream())
    except TooLarge:
        yield too_large(origin)
        return
    yield from html_article(
        payload, origin, options, url=record.rec_headers.get_header("WARC-Target-URI"),
        fallback_date=record.rec_headers.get_header("WARC-Date"),
    )


class _GzipCheck(io.RawIOBase):
    """Passes the raw bytes through while decompressing them on the side to see each member end."""

    def __init__(self, raw: IO[bytes]):
        self._raw = raw
        self._member = zlib.decompressobj(wbits=31)
        self._in_member = False
        self._broken = False
        self._at_eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._raw.read(len(buffer))
        self._at_eof = not data
        buffer[:len(data)] = data
        self._follow(data)
        return len(data)

    def truncated(self) -> bool:
        """True when the gzip data is broken, or the file ended inside a member."""
        if self._broken:
            return True
        at_eof = self._at_eof or not self._raw.read(1)
        return self._in_member and at_eof

    def _follow(self, data: bytes) -> None:
        while data and not self._broken:
            self._in_member = True
            try:
                self._member.decompress(data)
            except zlib.error:
                self._broken = True
                return
            if not self._member.eof:
                return
            self._in_member = False
            data = self._member.unused_data
            self._member = zlib.decompressobj(wbits=31)


def _detail(error: Exception) -> str:
    return (" ".join(str(error).split()) or type(error).__name__)[:200]
