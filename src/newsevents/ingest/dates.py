"""Publication dates: parse metadata dates, and find a dateline or caption date in the raw text.

Resolution order (resolve_date): an explicit date (the CLI's --date) wins, then metadata (HTML
meta, the JSONL "date" field, WARC-Date), then a date in the text read BEFORE debris removal:
a news-agency dateline at the start of one of the first paragraphs ("WASHINGTON, Oct 7 (Reuters) -")
or a full date inside a debris line (a photo caption, a "Published ..." line).
"""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
         r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
FULL_DATES = (
    re.compile(rf"\b{MONTH}\s+{DAY},?\s+{YEAR}\b"),             # October 7, 2016
    re.compile(rf"\b{DAY}\s+{MONTH},?\s+{YEAR}\b"),              # 7 October 2016
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),  # 2016-10-07
)
AGENCY = r"\([A-Z][A-Za-z.&' ]{0,30}\)"   # (Reuters), (AFP), (Newswire), (Anadolu Agency) ...
DATELINE = re.compile(
    rf"^\s*[A-Z][A-Za-z.'\- ]{{1,40}}(?:,\s*[A-Z][A-Za-z.'\- ]{{1,30}})?,\s+{MONTH}\s+{DAY}"
    rf"(?:,\s+{YEAR})?\s*(?:{AGENCY}\s*)?[-\u2013\u2014]"
)
ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")
YEAR_ANYWHERE = re.compile(r"\b(?:19|20)\d\d\b")
DATELINE_PARAGRAPHS = 3


def parse_date(value: object) -> str | None:
    """Any reasonable way of writing a day -> ISO YYYY-MM-DD, else None."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str) or not value.strip():
        return None
    match = ISO_PREFIX.match(value)
    if match:
        return _iso(*map(int, match.groups()))
    found = find_full_date(value)
    if found:
        return found
    return _dateparser(value)


def find_full_date(text: str) -> str | None:
    for pattern in FULL_DATES:
        for match in pattern.finditer(text):
            iso = _from_match(match)
            if iso:
                return iso
    return None


def find_text_date(raw_text: str, debris_lines: list[str]) -> str | None:
    """A dateline in the first paragraphs, else a full date in a caption or timestamp line."""
    paragraphs = [line for line in raw_text.splitlines() if line.strip()]
    for paragraph in paragraphs[:DATELINE_PARAGRAPHS + len(debris_lines)]:
        match = DATELINE.match(paragraph)
        if match:
            year = int(match.group("year")) if match.group("year") else _latest_year(raw_text)
            iso = _from_match(match, year)
            if iso:
                return iso
    for line in debris_lines:
        iso = find_full_date(line)
        if iso:
            return iso
    return None


def resolve_date(option: str | None, metadata: object, raw_text: str,
                 debris_lines: list[str]) -> tuple[str | None, str | None]:
    """(ISO date, where it came from: "option" | "metadata" | "dateline")."""
    if option:
        return option, "option"
    from_metadata = parse_date(metadata)
    if from_metadata:
        return from_metadata, "metadata"
    from_text = find_text_date(raw_text, debris_lines)
    if from_text:
        return from_text, "dateline"
    return None, None


def _latest_year(text: str) -> int | None:
    """A dateline without a year takes the latest year the text mentions, up to this year."""
    this_year = dt.date.today().year
    years = [int(y) for y in YEAR_ANYWHERE.findall(text) if int(y) <= this_year]
    return max(years) if years else None


def _from_match(match: re.Match, year: int | None = None) -> str | None:
    month = match.group("month")
    month_number = int(month) if month.isdigit() else MONTHS[month[:3].lower()]
    year = year or (int(match.group("year")) if match.group("year") else None)
    if year is None:
        return None
    return _iso(year, month_number, int(match.group("day")))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _dateparser(value: str) -> str | None:
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        parsed = dateparser.parse(value[:100], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.strftime("%Y-%m-%d") if parsed else None
