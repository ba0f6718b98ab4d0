"""The PLOVER ontology as newsevents codes it, read from data/ontology/plover_types.tsv."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from ..settings import data_dir


@dataclass(frozen=True)
class EventType:
    name: str
    quad: int
    cameo_root: str
    requires_recipient: bool
    modes: tuple[str, ...]
    definition: str


def read_tsv(path):
    """Rows of a TSV data file as dicts, skipping '#' comment lines."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#") and line.strip()]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    rows = read_tsv(data_dir() / "ontology" / "plover_types.tsv")
    return {
        r["type"]: EventType(
            name=r["type"],
            quad=int(r["quad"]),
            cameo_root=r["cameo_root"],
            requires_recipient=r["requires_recipient"] == "yes",
            modes=tuple(m for m in (r["modes"] or "").split(",") if m),
            definition=r["definition"],
        )
        for r in rows
    }


PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
