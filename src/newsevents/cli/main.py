"""The `newsevents` command: thin click wrappers over the API functions."""
from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsevents")
def cli() -> None:
    """newsevents: who did what to whom, where and when, from news text."""


def _register() -> None:
    from .extract_cmd import extract

    cli.add_command(extract)

    from .resolve_cmd import resolve

    cli.add_command(resolve)

    from .store_cmds import demo, events, ingest, show

    for command in (ingest, events, show, demo):
        cli.add_command(command)

    from .eval_cmds import eval_group
    from .geo_cmd import geocode

    cli.add_command(eval_group)
    cli.add_command(geocode)

    from .classify_cmd import classify, train

    cli.add_command(classify)
    cli.add_command(train)

    from .scale_cmds import load_parquet, spark

    cli.add_command(spark)
    cli.add_command(load_parquet)


_register()
