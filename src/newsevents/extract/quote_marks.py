"""Find quoted stretches of text from quotation marks alone (no parse needed).

Handles curly and straight double quotes (and two apostrophes, '' , which some wire copy uses
for both marks), and quotes that run over several paragraphs: by
news convention a quote that goes on into the next paragraph leaves its closing mark off and
the next paragraph opens with a new opening mark.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»‟"
STRAIGHT = '"'
DOUBLED = "''"          # two apostrophes standing for a straight double quote
PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch: ``start``/``end`` bound the words inside the marks; ``outer_*`` include them."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line or paragraph of ``text``."""
    spans, start = [], 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if text[start:brk.start()].strip():
            spans.append((start, brk.start()))
        start = brk.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _marks_in(text: str, start: int, end: int) -> list[tuple[int, str, int]]:
    """Positions, roles ("open"/"close") and widths of the double quotation marks in text[start:end]."""
    marks, open_straight = [], False
    # A paragraph set with curly marks uses them for its quotations; a straight mark in it is
    # debris from conversion (a stray one at the start of a paragraph is common).
    curly = any(ch in OPENERS + CLOSERS for ch in text[start:end])
    i = start
    while i < end:
        ch = text[i]
        width = 2 if text.startswith(DOUBLED, i) and i + 1 < end else 1
        if ch in OPENERS and marks and marks[-1][1] == "open" and i > start and not text[i - 1].isspace():
            marks.append((i, "close", 1))     # “...,“ she said: an opening mark typed for the closing one
        elif ch in OPENERS:
            marks.append((i, "open", 1))
        elif ch in CLOSERS:
            marks.append((i, "close", 1))
        elif (ch == STRAIGHT or width == 2) and not curly:
            marks.append((i, "close" if open_straight else "open", width))
            open_straight = not open_straight
        elif ch == STRAIGHT and marks and marks[-1][1] == "open" and not _closed_later(text, i, end):
            marks.append((i, "close", 1))     # “...," she said: a curly quote closed straight
        i += width if ch == "'" else 1
    return marks


def _closed_later(text: str, pos: int, end: int) -> bool:
    """True when the next curly mark after ``pos`` is a closing one."""
    nxt = next((ch for ch in text[pos + 1:end] if ch in OPENERS + CLOSERS), None)
    return nxt is not None and nxt in CLOSERS


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Quoted], int | None]:
    """Closed quotes of one paragraph, and the position of an opening mark left unclosed."""
    found, opened, opened_width = [], None, 1
    for pos, role, width in _marks_in(text, start, end):
        if role == "open":
            if opened is None:
                opened, opened_width = pos, width
        elif opened is not None:
            if pos > opened + opened_width:
                found.append(Quoted(opened + opened_width, pos, opened, pos + width))
            opened = None
    return found, opened


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch in ``text``, multi-paragraph quotes joined into one."""
    result: list[Quoted] = []
    last_end = 0
    pending: int | None = None  # opening mark of a quote still running from an earlier paragraph
    for p_start, p_end in paragraphs(text):
        if pending is not None and not _opens_with_mark(text, p_start):
            result.append(Quoted(pending + _width(text, pending), last_end, pending, last_end))
            pending = None
        quotes, unclosed = _paragraph_quotes(text, p_start, p_end)
        if pending is not None and quotes and quotes[0].outer_start == p_start:
            first = quotes.pop(0)
            quotes.insert(0, Quoted(pending + _width(text, pending), first.end, pending, first.outer_end))
            pending = None
        elif pending is not None and unclosed == p_start:
            unclosed = pending
        result.extend(quotes)
        pending = unclosed
        last_end = _strip_end(text, p_start, p_end)
    if pending is not None:
        result.append(Quoted(pending + _width(text, pending), last_end, pending, last_end))
    return result


def _opens_with_mark(text: str, pos: int) -> bool:
    return text[pos] in OPENERS + STRAIGHT or text.startswith(DOUBLED, pos)


def _width(text: str, mark: int) -> int:
    return 2 if text.startswith(DOUBLED, mark) else 1


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
