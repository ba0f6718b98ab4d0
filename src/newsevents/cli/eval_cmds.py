"""`newsevents eval ...`: score newsevents against gold data (evaluation only; nothing is trained on it)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..settings import shared_dir


@click.group("eval")
def eval_group() -> None:
    """Evaluate components against gold data in ../shared/data."""


@eval_group.command("geo")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="geo-eval.json", show_default=True,
              help="Write the full results (overall and per toponym type) here as JSON.")
def eval_geo(path, out_path):
    """Geocoding on GeoWebNews (PATH, default ../shared/data/geo/GWN.xml) with the gold spans."""
    from ..eval.geo import evaluate_geocoding, read_gwn

    path = Path(path) if path else shared_dir() / "data" / "geo" / "GWN.xml"
    if not path.is_file():
        raise click.ClickException(f"{path}: GeoWebNews file not found; give its path as PATH")
    try:
        articles = read_gwn(path)
    except ValueError as e:
        raise click.ClickException(str(e)) from e
    result = evaluate_geocoding(articles)
    Path(out_path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    click.echo(f"GeoWebNews geocoding, {result['articles']} articles, {result['n']} toponyms with coordinates")
    click.echo(f"  accuracy@161km {result['accuracy_161km']}  exact id {result['exact_id']} (of {result['n_with_id']})")
    click.echo(f"  mean error {result['mean_error_km']} km  median {result['median_error_km']} km  AUC {result['auc']}")
    click.echo(f"  written to {out_path}")
