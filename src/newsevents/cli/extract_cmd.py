"""`newsevents extract`: code articles and write one JSON object per article (JSON Lines)."""
from __future__ import annotations

import json
import sys

import click

from .options import date_option, model_option, report_failure


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--text", "literal", help="Code this string instead of reading files (first line = headline if it has several lines).")
@date_option
@model_option
@click.option("--indent", type=int, default=None, help="Pretty-print each record with this indent (not JSON Lines any more).")
def extract(paths, literal, date, model, indent):
    """Code PATHS (files, folders, - for stdin) and print one JSON record per article.

    \b
    newsevents extract article.txt
    newsevents extract --text "Russian jets bombed Aleppo on Monday." --date 2016-10-03
    cat news.jsonl | newsevents extract -
    """
    from ..ingest import article_from_text, read_inputs
    from ..models import IngestFailure
    from ..nlp.pipeline import Pipeline

    if literal is None and not paths:
        raise click.UsageError("give PATHS to read (- for stdin) or --text \"...\"")
    if literal is not None:
        items = iter([article_from_text(literal, date=date, origin="--text", first_line_title="\n" in literal.strip())])
    else:
        items = read_inputs(list(paths), date=date, stdin=sys.stdin)
    pipeline = Pipeline(model)
    failed = 0

    def articles():
        nonlocal failed
        for item in items:
            if isinstance(item, IngestFailure):
                failed += 1
                report_failure(item)
            else:
                yield item

    for record in pipeline.process(articles()):
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=indent))
    if failed:
        sys.exit(1)
