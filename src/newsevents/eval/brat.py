"""Read PolNeAR attribution annotations (brat standoff) into plain gold records."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

Pieces = tuple[tuple[int, int], ...]   # a span, possibly discontinuous
ROLES = ("source", "cue", "content")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(frozen=True)
class GoldAttribution:
    source: Pieces | None
    cue: Pieces | None
    content: Pieces | None


def parse_pieces(offsets: str) -> Pieces:
    pieces = []
    for part in offsets.split(";"):
        start, end = part.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attributions of one .ann file; continuation lines of multi-line covered text are skipped."""
    spans: dict[str, Pieces] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := _T_LINE.match(line):
            spans[m.group(1)] = parse_pieces(m.group(3))
        elif m := _E_LINE.match(line):
            roles = {}
            for item in m.group(2).split():
                role, _, tid = item.partition(":")
                roles.setdefault(role.rstrip("0123456789").lower(), tid)
            events.append(roles)
    result = []
    for roles in events:
        if not ("attribution" in roles or "attribution-no-source" in roles):
            continue
        result.append(GoldAttribution(*(spans.get(roles.get(role, "")) for role in ROLES)))
    return result


def annotation_files(folder: Path, metadata: Path | None = None) -> dict[str, Path]:
    """Article name -> the one .ann file to score: the first annotator listed in metadata.tsv
    that has a file, else the alphabetically first file for the article."""
    order: dict[str, list[str]] = {}
    if metadata is not None and metadata.is_file():
        with metadata.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                order[row["filename"]] = (row.get("annotators") or "").split("|")
    chosen: dict[str, Path] = {}
    for text in sorted((folder / "text").glob("*.txt")):
        name = text.stem
        files = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        by_annotator = {f.stem.rsplit("_", 1)[1]: f for f in files}
        preferred = [by_annotator[a] for a in order.get(name, []) if a in by_annotator]
        if preferred or files:
            chosen[name] = (preferred or files)[0]
    return chosen
