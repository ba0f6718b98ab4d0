"""Score resolve_actor on NGEC-style actor cases (../shared/data/actors/ngec_actor_cases.dev.jsonl).

Evaluation only: nothing here feeds the knowledge base. Each case gives a short phrase, maybe a
date, and the keys the case asserts (country, sector, sector_2, wiki, country_not). A list value
accepts any of its members; "" means "nothing". Cases without a date mean "current as of 2023"
(data README), so they are resolved at CURRENT_DATE.
"""
from __future__ import annotations

import json
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Actor
from ..resolve.actors import resolve_actor
from ..resolve.kb import KnowledgeBase, load_kb
from ..settings import shared_dir

CURRENT_DATE = "2023-06-30"
KEYS = ("country", "sector", "sector_2", "wiki", "country_not")


def default_path() -> Path:
    return shared_dir() / "data" / "actors" / "ngec_actor_cases.dev.jsonl"


def read_cases(path: Path) -> list[dict[str, Any]]:
    cases = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}", f"malformed JSON: {e.msg}") from e
            if not isinstance(case, dict) or "text" not in case or "expect" not in case:
                raise InputError(f"{path}:{n}", 'case needs "text" and "expect"')
            cases.append(case)
    return cases


def entity_code(actor: Actor, kb: KnowledgeBase) -> str:
    """The PLOVER country-field code: ISO alpha-3, else the organisation's entity code (UNO, EUR, IGO ...)."""
    if actor.country:
        return actor.country
    entry = kb.orgs.get(actor.org or "")
    return entry.plover or "" if entry else ""


def predicted(actor: Actor, kb: KnowledgeBase) -> dict[str, str]:
    return {"country": entity_code(actor, kb), "sector": actor.sector or "", "sector_2": "",
            "wiki": actor.name or ""}


def _right(key: str, expected: Any, got: dict[str, str]) -> bool:
    if key == "country_not":
        return got["country"] != expected
    accepted = expected if isinstance(expected, list) else [expected]
    if key == "wiki":
        return got["wiki"].lower() in {str(a).lower() for a in accepted}
    return got[key] in accepted


# Documented convention differences (docs/actors.md, "Conventions"): a key whose miss is one of
# these is left out of the "excluding conventions" tally. They are decided on the codes only.
OUTSIDE_SCHEME = {"JNK", "BUD", "CHR", "MOS", "JEW", "HIN", "SHI", "SUN", "CTH", "PRO", "ORT"}
ENTITY_CODES = {"VAT", "NGO", "IGO", "UNO", "EUR", "IMG", "MNC"}


def convention(key: str, expected: Any, got: dict[str, str], expect: dict[str, Any]) -> str | None:
    accepted = expected if isinstance(expected, list) else [expected]
    value = got.get(key, "")
    if key == "sector":
        if any(a in OUTSIDE_SCHEME for a in accepted):
            return "code outside our scheme"
        if "LEG" in accepted and value == "ELI":
            return "former office holder is ELI"
        if "UNK" in accepted and value == "":
            return "non-actor noun has no sector"
        if "" in accepted and value == "CVL" and not got.get("wiki"):
            return "bare place name is CVL"
        if value and value == expect.get("sector_2"):
            return "one sector per actor"
    if key == "country" and "" in accepted and value in ENTITY_CODES:
        return "entity code for international actors and the Holy See"
    return None


def score_case(case: dict[str, Any], kb: KnowledgeBase) -> dict[str, Any]:
    actor = resolve_actor(case["text"].strip(), case.get("date") or CURRENT_DATE, kb=kb)
    got = predicted(actor, kb)
    keys = {k: _right(k, v, got) for k, v in case["expect"].items() if k in KEYS}
    conventions = {k: label for k, ok in keys.items() if not ok
                   and (label := convention(k, case["expect"][k], got, case["expect"])) is not None}
    return {"conventions": conventions, "id": case.get("id"), "kind": case.get("kind", "actor"), "status": case.get("status", "active"),
            "text": case["text"], "date": case.get("date"), "expect": case["expect"], "got": got,
            "keys": keys, "all": all(keys.values()) if keys else None}


def _tally(rows: list[dict[str, Any]]) -> dict[str, Any]:
    per_key: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    all_right = scored = 0
    for row in rows:
        for key, ok in row["keys"].items():
            per_key[key][0] += ok
            per_key[key][1] += 1
        if row["all"] is not None:
            scored += 1
            all_right += row["all"]
    out = {k: {"right": r, "n": n, "accuracy": round(r / n, 4)} for k, (r, n) in sorted(per_key.items())}
    return {"cases": len(rows), "per_key": out,
            "all_keys": {"right": all_right, "n": scored, "accuracy": round(all_right / scored, 4) if scored else None}}


def evaluate_actors(path: Path, kb: KnowledgeBase | None = None) -> dict[str, Any]:
    kb = kb or load_kb()
    started = time.perf_counter()
    rows = [score_case(case, kb) for case in read_cases(path)]
    seconds = time.perf_counter() - started
    groups: dict[str, list] = defaultdict(list)
    for row in rows:
        groups[f"status={row['status']}"].append(row)
        if row["status"] == "active":
            groups[f"active kind={row['kind']}"].append(row)
    active = [r for r in rows if r["status"] == "active"]
    return {"path": str(path), "cases": len(rows), "current_date_for_undated": CURRENT_DATE,
            "seconds": round(seconds, 3), "overall": _tally(rows), "active": _tally(active),
            "active_excluding_conventions": _tally([_without_conventions(r) for r in active]),
            "convention_misses": [{"text": r["text"], "conventions": r["conventions"]}
                                  for r in active if r["conventions"]],
            "groups": {name: _tally(g) for name, g in sorted(groups.items())},
            "failures": [r for r in rows if r["all"] is False]}


def _without_conventions(row: dict[str, Any]) -> dict[str, Any]:
    keys = {k: ok for k, ok in row["keys"].items() if k not in row["conventions"]}
    return {**row, "keys": keys, "all": all(keys.values()) if keys else None}


def summary_lines(result: dict[str, Any]) -> list[str]:
    lines = [f"actor cases: {result['cases']} ({result['path']}), {result['seconds']} s"]
    for label in ("active", "overall"):
        lines.append(f"  {label:<24} {_line(result[label])}")
    lines.append(f"  {'active w/o conventions':<24} {_line(result['active_excluding_conventions'])}")
    for name, tally in result["groups"].items():
        lines.append(f"  {name:<24} {_line(tally)}")
    return lines


def _line(tally: dict[str, Any]) -> str:
    parts = [f"n={tally['cases']}"]
    for key, s in tally["per_key"].items():
        parts.append(f"{key} {s['accuracy']:.3f} ({s['right']}/{s['n']})")
    a = tally["all_keys"]
    if a["n"]:
        parts.append(f"all {a['accuracy']:.3f} ({a['right']}/{a['n']})")
    return "  ".join(parts)
