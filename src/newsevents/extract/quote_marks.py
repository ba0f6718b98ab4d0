"""Find quoted stretches of text from quotation marks alone (no parse needed).

Handles curly and straight double quotes, and quotes that run over several paragraphs: by
news convention a quote that goes on into the next paragraph leaves its closing mark off and
the next paragraph opens with a new opening mark.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»‟"
STRAIGHT = '"'
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


def _marks_in(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """Positions and roles ("open"/"close") of the double quotation marks in text[start:end]."""
    marks, open_straight = [], False
    # A paragraph set with curly marks uses them for its quotations; a straight mark in it is
    # debris from conversion (a stray one at the start of a paragraph is common).
    curly = any(ch in OPENERS + CLOSERS for ch in text[start:end])
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            marks.append((i, "open"))
        elif ch in CLOSERS:
            marks.append((i, "close"))
        elif ch == STRAIGHT and not curly:
            marks.append((i, "close" if open_straight else "open"))
            open_straight = not open_straight
    return marks


def _paragraph_quotes(text: str, start: int, end: int) -> tuple[list[Quoted], int | None]:
    """Closed quotes of one paragraph, and the position of an opening mark left unclosed."""
    found, opened = [], None
    for pos, role in _marks_in(text, start, end):
        if role == "open":
            opened = pos if opened is None else opened
        elif opened is not None:
            if pos > opened + 1:
                found.append(Quoted(opened + 1, pos, opened, pos + 1))
            opened = None
    return found, opened


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch in ``text``, multi-paragraph quotes joined into one."""
    result: list[Quoted] = []
    last_end = 0
    pending: int | None = None  # opening mark of a quote still running from an earlier paragraph
    for p_start, p_end in paragraphs(text):
        if pending is not None and text[p_start] not in OPENERS + STRAIGHT:
            result.append(Quoted(pending + 1, last_end, pending, last_end))
            pending = None
        quotes, unclosed = _paragraph_quotes(text, p_start, p_end)
        if pending is not None and quotes and quotes[0].outer_start == p_start:
            first = quotes.pop(0)
            quotes.insert(0, Quoted(pending + 1, first.end, pending, first.outer_end))
            pending = None
        elif pending is not None and unclosed == p_start:
            unclosed = pending
        result.extend(quotes)
        pending = unclosed
        last_end = _strip_end(text, p_start, p_end)
    if pending is not None:
        result.append(Quoted(pending + 1, last_end, pending, last_end))
    return result


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
