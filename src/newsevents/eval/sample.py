"""Score one coded article against a human reference reading (../shared/seed/*.expected.json).

An event of ours matches a reference event when its sentence contains the reference evidence,
its type is one the reference allows, an actor code (country, org or sector) is among the
reference actors, and, when the reference names recipients, a recipient code is among them.
Our events that match no reference event by sentence and type are counted as unlisted.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any


def _norm(text: str) -> str:
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def _codes(actors: list[dict]) -> set[str]:
    return {a[k] for a in actors for k in ("country", "org", "sector") if a.get(k)}


def _sentence(record: dict, event: dict) -> str:
    return _norm(record["text"][event["sentence"]["start"]:event["sentence"]["end"]])


def event_matches(record: dict, event: dict, ref: dict) -> bool:
    if _norm(ref["evidence"]) not in _sentence(record, event) or event["type"] not in ref["type"]:
        return False
    if not _codes(event["actor"]) & set(ref["actor"]):
        return False
    return not ref.get("recipient") or bool(_codes(event["recipient"]) & set(ref["recipient"]))


def status_right(event: dict, ref: dict) -> bool:
    if event["status"] != ref["status"]:
        return False
    return not ref.get("claimed_by") or bool(_codes(event["claimed_by"]) & set(ref["claimed_by"]))


def score_events(record: dict, reference: dict) -> dict[str, Any]:
    rows, listed = [], set()
    for ref in reference["events"]:
        matches = [i for i, e in enumerate(record["events"]) if event_matches(record, e, ref)]
        for i, e in enumerate(record["events"]):
            if _norm(ref["evidence"]) in _sentence(record, e) and e["type"] in ref["type"]:
                listed.add(i)
        rows.append({
            "id": ref["id"], "required": ref.get("required", True), "found": bool(matches),
            "status_right": any(status_right(record["events"][i], ref) for i in matches),
            "ours": [_brief(record["events"][i]) for i in matches],
        })
    required = [r for r in rows if r["required"]]
    unlisted = [_brief(e) for i, e in enumerate(record["events"]) if i not in listed]
    return {
        "required": len(required),
        "found": sum(r["found"] for r in required),
        "status_right": sum(r["status_right"] for r in required),
        "optional_found": sum(r["found"] for r in rows if not r["required"]),
        "unlisted": len(unlisted),
        "events": rows,
        "unlisted_events": unlisted,
    }


def _brief(event: dict) -> str:
    actor = ",".join(sorted(_codes(event["actor"]))) or "?"
    recipient = ",".join(sorted(_codes(event["recipient"]))) or "-"
    return f'{event["type"]} {actor}->{recipient} [{event["status"]}] "{event["trigger"]["text"]}"'


def score_quotes(record: dict, reference: dict) -> dict[str, Any]:
    rows = []
    for ref in reference.get("quotes", []):
        want = _norm(ref["content"])
        hits = [q for q in record["quotes"] if want in _norm(q["content"]["text"]) or _norm(q["content"]["text"]) in want and len(q["content"]["text"]) > 8]
        right = [q for q in hits if q["speaker"] and (ref["speaker_code"] in _codes([q["speaker"]]))]
        rows.append({"id": ref["id"], "found": bool(hits), "speaker_right": bool(right)})
    return {"total": len(rows), "found": sum(r["found"] for r in rows),
            "speaker_right": sum(r["speaker_right"] for r in rows), "quotes": rows}


def score_quantities(record: dict, reference: dict) -> dict[str, Any]:
    rows = []
    for ref in reference.get("quantities", []):
        ok = [q for q in record["quantities"] if q["value"] == ref["value"]
              and (q.get("counts") or "").lower().startswith(ref["counts"].rstrip("s"))]
        rows.append({"value": ref["value"], "found": bool(ok),
                     "approximate_right": any(q["approximate"] == ref["approximate"] for q in ok)})
    return {"total": len(rows), "found": sum(r["found"] for r in rows), "quantities": rows}


def score_places(record: dict, reference: dict) -> dict[str, Any]:
    rows = []
    for ref in reference.get("places", []):
        ids = {p["geonameid"] for p in record["places"] if _norm(p["text"]).endswith(_norm(ref["text"]))}
        rows.append({"text": ref["text"], "geonameid": ref["geonameid"], "right": ref["geonameid"] in ids,
                     "ours": sorted(i for i in ids if i)})
    return {"total": len(rows), "right": sum(r["right"] for r in rows), "places": rows}


def score_article(record: dict, reference: dict) -> dict[str, Any]:
    return {
        "date_right": record.get("date") == reference.get("date"),
        "events": score_events(record, reference),
        "quotes": score_quotes(record, reference),
        "quantities": score_quantities(record, reference),
        "places": score_places(record, reference),
    }


def evaluate_sample(article: Path, expected: Path, model: str | None = None) -> dict[str, Any]:
    from .. import extract
    from ..errors import NewsEventsError
    from ..ingest import read_inputs

    reference = json.loads(expected.read_text(encoding="utf-8"))
    item = next(read_inputs([str(article)]))
    if not hasattr(item, "text"):
        raise NewsEventsError(f"{item.origin}: {item.reason}")
    record = extract(item, model=model).to_dict()
    result = score_article(record, reference)
    result["article"] = str(article)
    return result
