"""`newsevents geocode`: resolve given toponym spans to GeoNames places (JSON Lines in and out)."""
from __future__ import annotations

import json
import sys

import click

DUMP_HELP = "Also load this GeoNames dump (allCountries.txt / cities500.txt format); default $NEWSEVENTS_GEONAMES."


def _parse_record(line: str, where: str) -> tuple[object, str, list[tuple[int, int]]]:
    """(id, text, spans) of one input line; ValueError with a one-line reason otherwise."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"{where}: malformed JSON ({e.msg})") from e
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        raise ValueError(f"{where}: no \"text\" string")
    spans = record.get("spans") or []
    try:
        pairs = [(int(a), int(b)) for a, b in spans]
    except (TypeError, ValueError) as e:
        raise ValueError(f"{where}: \"spans\" must be a list of [start, end] pairs") from e
    bad = [p for p in pairs if not 0 <= p[0] < p[1] <= len(text)]
    if bad:
        raise ValueError(f"{where}: span {list(bad[0])} is outside the text (length {len(text)})")
    return record.get("id"), text, pairs


@click.command()
@click.argument("path", default="-", type=click.File("r", encoding="utf-8"))
@click.option("--dump", type=click.Path(exists=True, dir_okay=False), default=None, help=DUMP_HELP)
@click.option("--no-back-off", is_flag=True, help="Leave unknown names unresolved instead of giving them the article's main city.")
def geocode(path, dump, no_back_off):
    """Geocode toponym spans: PATH (or - for stdin) holds JSON lines
    {"id", "text", "spans": [[start, end], ...]}; prints {"id", "places": [...]} per line.

    \b
    echo '{"id": 1, "text": "Shelling hit Aleppo.", "spans": [[13, 19]]}' | newsevents geocode -
    """
    from ..resolve.gazetteer import load_gazetteer
    from ..resolve.places import geocode as geocode_spans

    gaz = load_gazetteer(dump)
    failed = 0
    for line_no, line in enumerate(path, 1):
        if not line.strip():
            continue
        try:
            record_id, text, spans = _parse_record(line, f"{path.name}:{line_no}")
        except ValueError as e:
            click.echo(f"geocode: {e}", err=True)
            failed += 1
            continue
        places = geocode_spans(text, spans, gaz, back_off=not no_back_off)
        click.echo(json.dumps({"id": record_id, "places": [p.to_dict() for p in places]}, ensure_ascii=False))
    if failed:
        sys.exit(1)
