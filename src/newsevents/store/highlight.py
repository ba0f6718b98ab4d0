"""`newsevents show`: an article's text with event and quote spans marked, then lists.

Every mark is a character span of the stored text. With colour, spans are styled (ANSI via
click.style) and a dim label follows each one; without colour they are bracketed:
``[hitting](E2)``, ``[Russia](E2 actor)``, ``[said](Q1 cue)``. Nested spans nest brackets.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import click

from .render import actor_code

# Colour priority when spans overlap: the first kind in this order wins the foreground.
_COLOURS = {"trigger": "red", "actor": "cyan", "recipient": "magenta",
            "claimed_by": "blue", "cue": "green"}
_ROLE_LABEL = {"actor": "actor", "recipient": "recipient", "claimed_by": "claimed by"}


@dataclass
class Mark:
    start: int
    end: int
    kind: str          # trigger | actor | recipient | claimed_by | cue | content
    labels: list[str]


def short_id(full_id: str) -> str:
    """'abc123:E2' -> 'E2'."""
    return full_id.rsplit(":", 1)[-1]


def collect_marks(events: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> list[Mark]:
    merged: dict[tuple[int, int, str], Mark] = {}

    def add(start: int | None, end: int | None, kind: str, label: str) -> None:
        if start is None or end is None or end <= start:
            return
        mark = merged.setdefault((start, end, kind), Mark(start, end, kind, []))
        mark.labels.append(label)

    for e in events:
        eid = short_id(e["event_id"])
        add(e["trigger_start"], e["trigger_end"], "trigger", eid)
        for role, label in _ROLE_LABEL.items():
            for p in e.get(role, []):
                add(p["start"], p["end"], role, f"{eid} {label}")
    for q in quotes:
        qid = short_id(q["quote_id"])
        add(q["content_start"], q["content_end"], "content", qid)
        add(q.get("cue_start"), q.get("cue_end"), "cue", f"{qid} cue")
    return list(merged.values())


def highlight(text: str, marks: list[Mark], color: bool) -> str:
    """The text with every mark opened and closed at its offsets, properly nested."""
    opens: dict[int, list[Mark]] = {}
    for m in marks:
        opens.setdefault(m.start, []).append(m)
    cuts = sorted({0, len(text), *opens, *(m.end for m in marks)})
    active: list[Mark] = []
    out: list[str] = []
    for i, pos in enumerate(cuts):
        for m in [m for m in reversed(active) if m.end == pos]:  # last opened closes first
            active.remove(m)
            label = "(" + ", ".join(m.labels) + ")"
            out.append(click.style(label, dim=True) if color else "]" + label)
        for m in sorted(opens.get(pos, []), key=lambda m: -m.end):
            active.append(m)
            if not color:
                out.append("[")
        if i + 1 < len(cuts):
            piece = text[pos: cuts[i + 1]]
            out.append(_style(piece, active) if color else piece)
    return "".join(out)


def _style(piece: str, active: list[Mark]) -> str:
    if not active:
        return piece
    kinds = {m.kind for m in active}
    fg = next((c for k, c in _COLOURS.items() if k in kinds), None)
    return click.style(piece, fg=fg, bold="trigger" in kinds, underline="content" in kinds)


def event_lines(events: list[dict[str, Any]]) -> list[str]:
    lines = []
    for e in events:
        head = [short_id(e["event_id"]), e["type"], e.get("status") or ""]
        head += [x for x in (e.get("mode"), e.get("date"), e.get("location_name") or e.get("location_text")) if x]
        lines.append("  " + "  ".join(head))
        lines.append(f"      trigger    {_span(e['trigger_text'], e['trigger_start'], e['trigger_end'])}")
        for role, label in _ROLE_LABEL.items():
            if e.get(role):
                spans = "; ".join(f"{actor_code(p)} {_span(p['text'], p['start'], p['end'])}" for p in e[role])
                lines.append(f"      {label:<10} {spans}")
    return lines


def quote_lines(quotes: list[dict[str, Any]], width: int = 70) -> list[str]:
    lines = []
    for q in quotes:
        head = [short_id(q["quote_id"]), "direct" if q["direct"] else "indirect"]
        if q.get("speaker_text") is not None:
            speaker = {"org": q["speaker_org"], "country": q["speaker_country"],
                       "sector": q["speaker_sector"], "name": q["speaker_name"], "text": q["speaker_text"]}
            head.append("speaker " + actor_code(speaker) + " "
                        + _span(q["speaker_text"], q["speaker_start"], q["speaker_end"]))
        if q.get("cue_text") is not None:
            head.append("cue " + _span(q["cue_text"], q["cue_start"], q["cue_end"]))
        lines.append("  " + "  ".join(head))
        content = q["content_text"]
        if len(content) > width:
            content = content[: width - 1] + "…"
        lines.append(f"      content    {_span(content, q['content_start'], q['content_end'])}")
    return lines


def _span(text: str, start: int, end: int) -> str:
    return f'"{text}" {start}-{end}'


def render_article(article: dict[str, Any], events: list[dict[str, Any]],
                   quotes: list[dict[str, Any]], color: bool) -> str:
    head = [article["title"] or article["id"],
            " | ".join(x for x in (article["id"], article["date"], article["source"], article["url"]) if x)]
    if article.get("duplicate_of"):
        head.append(f"near-duplicate of {article['duplicate_of']} (not coded)")
    if color:
        head[0] = click.style(head[0], bold=True)
    events = sorted(events, key=lambda e: (e["trigger_start"], e["event_id"]))  # text order
    body = highlight(article["text"], collect_marks(events, quotes), color)
    parts = head + ["", body, "", f"Events ({len(events)})"] + event_lines(events)
    parts += ["", f"Quotes ({len(quotes)})"] + quote_lines(quotes)
    return "\n".join(parts)
