"""Options and helpers shared by several commands (sqlite-utils style)."""
from __future__ import annotations

import datetime as dt

import click


def _iso_date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


date_option = click.option(
    "--date", callback=_iso_date, default=None,
    help="Publication date (YYYY-MM-DD) for articles whose metadata and text give none; it wins over them.",
)
model_option = click.option(
    "--model", default=None, envvar="NEWSEVENTS_MODEL",
    help="spaCy model package to use (default: the best installed English model).",
)


def report_failure(failure) -> None:
    """One line on stderr naming the input and the reason."""
    click.echo(f"newsevents: {failure.origin}: {failure.reason}", err=True)
