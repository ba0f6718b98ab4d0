"""Date expressions -> ISO dates or ranges, relative to the article's publication date (the anchor).

``resolve_date`` returns (value, precision):
  day    "2016-10-03"             month  "2016-09"        year  "2016"
  range  "2016-09-16/2016-10-07"  (both ends inclusive)
or (None, None) when the expression is no point in time ("four years", "the 1990s") or needs an
anchor that is missing. Hand rules come first (weekdays, "last week", "recent weeks", month names,
ranges); dateparser (past-preferring, relative to the anchor) handles the rest.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

Resolved = tuple[str | None, str | None]
NOTHING: Resolved = (None, None)

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
LEADING_WORDS = re.compile(r"^(?:(?:on|in|at|since|during|by|over|for|of|from|until|the|earlier|late|early|"
                           r"mid|around|about|before|after)\s+)+")
PART_OF_DAY = re.compile(r"\s+(?:morning|afternoon|evening|night)$")
RECENT = re.compile(r"^(?:recent|past|last|previous)\s+(?:(few|several|couple of|\d+|two|three|four|five|six|"
                    r"seven|ten)\s+)?(days|weeks|months)$")
RECENT_DEFAULT = {"days": 3, "weeks": 3, "months": 3}
COUNT_WORDS = {"few": 3, "several": 3, "couple of": 2, "two": 2, "three": 3, "four": 4, "five": 5,
               "six": 6, "seven": 7, "ten": 10}
DURATION = re.compile(r"^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few)"
                      r"(?:\s+\w+)?\s+(?:years?|months?|weeks?|days?|decades?|hours?)(?:\s+old)?$")
RANGE = re.compile(r"^(?:between\s+)?(.+?)\s+(?:and|to|until|-|–)\s+(.+)$")


def _anchor_date(anchor: str | None) -> date | None:
    if not anchor:
        return None
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def _clean(expression: str) -> str:
    text = " ".join(expression.lower().replace(",", " ").replace(".", " ").split())
    text = LEADING_WORDS.sub("", text)
    return PART_OF_DAY.sub("", text).strip()


def _span(start: date, end: date) -> Resolved:
    return f"{start.isoformat()}/{end.isoformat()}", "range"


def _months_back(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _relative(text: str, anchor: date) -> Resolved:
    """Expressions that only mean something next to the anchor."""
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening", "now"):
        return anchor.isoformat(), "day"
    if text in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat(), "day"
    weekday = text.removeprefix("last ").removeprefix("this ").removeprefix("on ")
    if weekday in WEEKDAYS:
        back = (anchor.weekday() - WEEKDAYS[weekday]) % 7
        return (anchor - timedelta(days=back)).isoformat(), "day"
    if text == "last week":
        monday = anchor - timedelta(days=anchor.weekday() + 7)
        return _span(monday, monday + timedelta(days=6))
    if text == "this week":
        return _span(anchor - timedelta(days=anchor.weekday()), anchor)
    if text in ("last month", "this month"):
        day = _months_back(anchor, 1) if text == "last month" else anchor
        return f"{day.year:04d}-{day.month:02d}", "month"
    if text in ("last year", "this year"):
        return str(anchor.year - (text == "last year")), "year"
    recent = RECENT.match(text)
    if recent:
        count = recent.group(1)
        n = int(count) if count and count.isdigit() else COUNT_WORDS.get(count, RECENT_DEFAULT[recent.group(2)])
        unit = recent.group(2)
        start = _months_back(anchor, n) if unit == "months" else anchor - timedelta(days=n * (7 if unit == "weeks" else 1))
        return _span(start, anchor)
    return NOTHING


def _month_or_year(text: str, anchor: date | None) -> Resolved:
    """'September', 'September 2016', '2016': month or year precision."""
    if re.fullmatch(r"(1[89]|20)\d\d", text):
        return text, "year"
    parts = text.split()
    if parts and parts[0] in MONTHS and len(parts) <= 2:
        month = MONTHS[parts[0]]
        if len(parts) == 2 and re.fullmatch(r"(1[89]|20)\d\d", parts[1]):
            return f"{parts[1]}-{month:02d}", "month"
        if len(parts) == 1 and anchor is not None:
            year = anchor.year if month <= anchor.month else anchor.year - 1
            return f"{year}-{month:02d}", "month"
    return NOTHING


def _parsed(text: str, anchor: date | None) -> Resolved:
    """dateparser for the rest ('October 7', '3 October 2016', 'two days ago')."""
    from dateparser.date import DateDataParser

    has_year = re.search(r"\b(1[89]|20)\d\d\b", text) is not None
    if anchor is None and not has_year:
        return NOTHING
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return NOTHING
    found: date = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return str(found.year), "year"
    if period == "month":
        return f"{found.year:04d}-{found.month:02d}", "month"
    if period == "week":
        monday = found - timedelta(days=found.weekday())
        return _span(monday, monday + timedelta(days=6))
    return found.isoformat(), "day"


def resolve_date(expression: str, anchor: str | None) -> Resolved:
    """Resolve a date expression against the publication date ``anchor`` (ISO); see the module doc."""
    text = _clean(expression)
    if not text or DURATION.match(text) or re.search(r"\b(?:\d\d)?\d0s\b", text):
        return NOTHING
    anchor_day = _anchor_date(anchor)
    ranged = RANGE.match(text)
    if ranged:
        first, second = ranged.group(1), ranged.group(2)
        if first.isdigit():  # "16 and 20 September": the month is said once
            first = " ".join([first, *second.split()[1:]])
        start, end = resolve_date(first, anchor), resolve_date(second, anchor)
        if start[0] and end[0] and start[1] == end[1] and start[1] != "range":
            return f"{start[0]}/{end[0]}", "range"
    if anchor_day is not None:
        resolved = _relative(text, anchor_day)
        if resolved[0]:
            return resolved
    resolved = _month_or_year(text, anchor_day)
    if resolved[0]:
        return resolved
    return _parsed(text, anchor_day)


def event_date(doc, sentence_span) -> Resolved:
    """The date of the event reported in a sentence: its first resolvable DATE entity, else the
    article's date (precision "day"), else (None, None)."""
    start = getattr(sentence_span, "start_char", None)
    end = getattr(sentence_span, "end_char", None)
    if start is None:
        start, end = sentence_span.start, sentence_span.end
    article = getattr(doc._, "ne_article", None)
    anchor = getattr(article, "date", None)
    for ent in doc.ents:
        if ent.label_ == "DATE" and start <= ent.start_char and ent.end_char <= end:
            resolved = resolve_date(ent.text, anchor)
            if resolved[0]:
                return resolved
    return (anchor, "day") if anchor else NOTHING
