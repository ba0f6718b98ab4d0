"""Text renderings of query results: aligned tables, CSV, JSON (used by the CLI)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any

MAX_WIDTH = 100
SEP = "  "
EVENT_COLUMNS = ("event_id", "date", "type", "status", "actor", "recipient", "place", "trigger")
# Columns that give up width first when a row is too wide, narrowest allowed in brackets.
_SHRINKABLE = {"trigger": 8, "place": 8, "recipient": 9, "actor": 9, "event_id": 20}   # 16-digit article ids stay whole


def actor_code(p: dict[str, Any]) -> str:
    """USA-GOV, UN, RUS; the name or the mention text when nothing was resolved."""
    code = "-".join(x for x in (p.get("org") or p.get("country"), p.get("sector")) if x)
    return code or p.get("name") or p.get("text") or "?"


def event_cells(e: dict[str, Any]) -> dict[str, str]:
    """One event as the flat strings shown in tables and CSV."""
    return {
        "event_id": e["event_id"],
        "date": e.get("date") or "",
        "type": e["type"],
        "status": e.get("status") or "",
        "actor": ", ".join(actor_code(p) for p in e.get("actor", [])),
        "recipient": ", ".join(actor_code(p) for p in e.get("recipient", [])),
        "place": e.get("location_name") or e.get("location_text") or "",
        "trigger": e.get("trigger_text") or "",
    }


def events_table(events: list[dict[str, Any]], max_width: int = MAX_WIDTH) -> str:
    rows = [event_cells(e) for e in events]
    return table(rows, EVENT_COLUMNS, max_width)


def table(rows: list[dict[str, str]], columns: tuple[str, ...], max_width: int = MAX_WIDTH) -> str:
    """Left-aligned columns, cut with '…' so each line fits in ``max_width``."""
    widths = {c: max([len(c)] + [len(r[c]) for r in rows]) for c in columns}
    _shrink(widths, max_width - len(SEP) * (len(columns) - 1))
    lines = [SEP.join(c.upper().ljust(widths[c]) for c in columns).rstrip()]
    lines.append(SEP.join("-" * widths[c] for c in columns))
    for r in rows:
        lines.append(SEP.join(_fit(r[c], widths[c]).ljust(widths[c]) for c in columns).rstrip())
    return "\n".join(lines)


def _shrink(widths: dict[str, int], room: int) -> None:
    while sum(widths.values()) > room:
        candidates = [c for c, floor in _SHRINKABLE.items() if c in widths and widths[c] > floor]
        if not candidates:
            return
        widest = max(candidates, key=lambda c: widths[c])
        widths[widest] -= 1


def _fit(value: str, width: int) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def events_csv(events: list[dict[str, Any]]) -> str:
    extra = ("article_id", "mode", "cameo", "trigger_start", "trigger_end", "dead", "injured", "confidence")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(EVENT_COLUMNS) + list(extra), lineterminator="\n")
    writer.writeheader()
    for e in events:
        row: dict[str, Any] = event_cells(e)
        row.update({k: e.get(k) for k in extra})
        writer.writerow(row)
    return out.getvalue().rstrip("\n")


def events_json(events: list[dict[str, Any]]) -> str:
    return json.dumps(events, indent=2, ensure_ascii=False, default=str)
