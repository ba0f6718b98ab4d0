"""`newsevents resolve`: short actor phrases (JSON lines) -> the same records plus "actor"."""
from __future__ import annotations

import json
import sys

import click

from ..errors import NewsEventsError

kb_option = click.option(
    "--kb", "kb_dirs", multiple=True, type=click.Path(exists=True, file_okay=False),
    help="Extra knowledge-base folder (same TSV files and columns as data/kb); may repeat. "
         "Its entries win over the built-in ones. NEWSEVENTS_KB_EXTRA does the same.",
)


@click.command("resolve")
@click.argument("path", required=False, default="-", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--date", "default_date", default=None,
              help="Date (YYYY-MM-DD) for records that carry none: who held an office then.")
@kb_option
def resolve(path, default_date, kb_dirs):
    """Resolve actor phrases read as JSON lines {"id"?, "text", "date"?} from PATH or - (stdin).

    Writes each record back with "actor": {text, start, end, name, country, org, sector}.
    """
    from ..resolve.actors import resolve_actor
    from ..resolve.kb import load_kb

    try:
        kb = load_kb(kb_dirs)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    bad = 0
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            record = _record(line, n, path)
            if record is None:
                bad += 1
                continue
            actor = resolve_actor(record["text"], record.get("date") or default_date, kb=kb)
            record["actor"] = actor.to_dict()
            click.echo(json.dumps(record, ensure_ascii=False))
    if bad:
        raise click.exceptions.Exit(1)


def _record(line: str, n: int, path: str) -> dict | None:
    where = f"{'stdin' if path == '-' else path}:{n}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        click.echo(f"newsevents: {where}: malformed JSON: {e.msg}", err=True)
        return None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        click.echo(f'newsevents: {where}: record has no non-empty "text" field', err=True)
        return None
    return record
