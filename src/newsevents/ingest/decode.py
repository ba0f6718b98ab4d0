"""Bytes -> str, in a sequence of attempts (after trafilatura's decode_file).

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. NUL bytes mean binary, unless the NULs sit in every other byte (BOM-less UTF-16);
3. strict UTF-8;
4. a charset the document declares (HTML <meta charset>), when given;
5. charset_normalizer's best guess; a Western single-byte guess (cp1250, iso8859-2 ...), or any
   guess for mostly-ASCII bytes, is replaced by cp1252 when cp1252 decodes too: we only keep
   English text, whose few non-ASCII bytes are quotes, dashes and accents;
6. cp1252, then latin-1 (which never fails, so a last check refuses text full of control characters).
"""
from __future__ import annotations

import codecs
import re

from ..errors import E_BINARY, E_UNDECODABLE

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 65536
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
WESTERN_SINGLE_BYTE = re.compile(r"^(cp125\d|iso8859_\d+|latin_1|mac_\w+|cp850|cp437)$")
# Control characters other than tab, newline, carriage return and form feed.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is a one-line reason."""


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` to text or raise DecodeError with the reason."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    if b"\x00" in data[:SNIFF_BYTES]:
        return _decode_utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in (declared, _guess_encoding(data), "cp1252"):
        text = _try(data, encoding)
        if text is not None:
            return _refuse_control_heavy(text)
    return _refuse_control_heavy(data.decode("latin-1"))


def declared_html_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SNIFF_BYTES]).best()
    if best is None:
        return None
    encoding = best.encoding
    if (WESTERN_SINGLE_BYTE.match(encoding) or _mostly_ascii(data)) and _try(data, "cp1252") is not None:
        return "cp1252"
    return encoding


def _mostly_ascii(data: bytes) -> bool:
    """English text in a legacy encoding: non-ASCII bytes are only quotes, dashes and accents."""
    sample = data[:SNIFF_BYTES]
    return sum(byte < 128 for byte in sample) >= 0.9 * len(sample)


def _decode_utf16_without_bom(data: bytes) -> str:
    sample = data[:SNIFF_BYTES]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd_nuls / half > 0.3 and even_nuls == 0:
        encoding = "utf-16-le"
    elif even_nuls / half > 0.3 and odd_nuls == 0:
        encoding = "utf-16-be"
    else:
        raise DecodeError(E_BINARY)
    return _refuse_control_heavy(_strict(data, encoding))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(E_UNDECODABLE.format(detail=f"invalid {encoding} at byte {e.start}")) from e


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _refuse_control_heavy(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    if sample and len(CONTROL.findall(sample)) > 0.01 * len(sample):
        raise DecodeError(E_BINARY)
    return text
