"""`newsevents eval ...`: score newsevents against gold data (evaluation only; nothing is trained on it)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..settings import shared_dir


def write_result(out_path: str, result: dict) -> None:
    """Every eval writes its full result as JSON, creating the folder it goes in."""
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def gold_file(path: str | None, default: Path, what: str) -> Path:
    """The gold file to score against: PATH, else the default in ../shared/data."""
    path = Path(path) if path else default
    if not path.is_file():
        raise click.ClickException(f"{path}: {what} not found; give its path as PATH")
    return path


def scored(evaluate, *args, **kwargs) -> dict:
    """Run an evaluation; a bad gold file is one line naming it and the reason."""
    from ..errors import NewsEventsError

    try:
        return evaluate(*args, **kwargs)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e


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
    write_result(out_path, result)
    click.echo(f"GeoWebNews geocoding, {result['articles']} articles, {result['n']} toponyms with coordinates")
    click.echo(f"  accuracy@161km {result['accuracy_161km']}  exact id {result['exact_id']} (of {result['n_with_id']})")
    click.echo(f"  mean error {result['mean_error_km']} km  median {result['median_error_km']} km  AUC {result['auc']}")
    click.echo(f"  written to {out_path}")


@eval_group.command("attribution")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="attribution-eval.json",
              show_default=True, help="Write the full scores here as JSON.")
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@click.option("--with-actors", is_flag=True, help="Run the actor component first (speakers become actor mentions).")
def eval_attribution(folder, out_path, limit, with_actors):
    """Quotes (source, cue, content) on a PolNeAR-format FOLDER (default: its dev split)."""
    from ..eval.attribution import default_folder, evaluate_attribution

    folder = Path(folder) if folder else default_folder()
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise click.ClickException(f"{folder}: expected text/*.txt and attributions/*.ann (PolNeAR layout)")
    result = evaluate_attribution(folder, limit=limit, with_actors=with_actors)
    write_result(out_path, result)
    click.echo(f"PolNeAR attribution, {result['articles']} articles ({folder})")
    for key, s in result["scores"].items():
        click.echo(f"  {key:<22} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    seconds = result["seconds"]
    click.echo(f"  time: parse {seconds['parse_and_actors']} s, quotes {seconds['quotes']} s")
    click.echo(f"  written to {out_path}")


@eval_group.command("factuality")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="factuality-eval.json",
              show_default=True, help="Write the full scores (per class, confusion) here as JSON.")
def eval_factuality(path, out_path):
    """Event status on MEANTIME factuality CoNLL (PATH, default ../shared/data/factuality/meantime_en.conll)."""
    from ..eval.factuality import default_path, evaluate_factuality

    path = Path(path) if path else default_path()
    if not path.is_file():
        raise click.ClickException(f"{path}: MEANTIME CoNLL file not found; give its path as PATH")
    result = evaluate_factuality(path)
    write_result(out_path, result)
    click.echo(f"MEANTIME event status, {result['events']} events (skipped {sum(result['skipped'].values())})")
    click.echo(f"  accuracy {result['accuracy']:.3f}  macro-F1 {result['macro_f1']:.3f}")
    for cls, s in result["per_class"].items():
        click.echo(f"  {cls:<13} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  (gold {s['gold']})")
    click.echo(f"  written to {out_path}")


@eval_group.command("sample")
@click.argument("article", required=False, type=click.Path(exists=True, dir_okay=False))
@click.argument("expected", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="eval-results/sample.json",
              show_default=True, help="Write the full scores here as JSON.")
@click.option("--model", default=None, help="spaCy model package to use.")
def eval_sample(article, expected, out_path, model):
    """One article against a human reference reading (default: ../shared/seed's BBC article)."""
    from ..eval.sample import evaluate_sample

    seed = shared_dir() / "seed"
    article = Path(article) if article else seed / "bbc-syria-war-crimes-probe.txt"
    expected = Path(expected) if expected else article.with_suffix(".expected.json")
    for path in (article, expected):
        if not path.is_file():
            raise click.ClickException(f"{path}: not found; give ARTICLE and EXPECTED paths")
    result = evaluate_sample(article, expected, model=model)
    write_result(out_path, result)
    ev, qu, qt, pl = result["events"], result["quotes"], result["quantities"], result["places"]
    click.echo(f"{article.name}: date {'right' if result['date_right'] else 'WRONG'}")
    click.echo(f"  events: {ev['found']}/{ev['required']} required found, status right on {ev['status_right']}, "
               f"{ev['optional_found']} optional found, {ev['unlisted']} not in the reference")
    for row in ev["events"]:
        mark = "ok " if row["found"] else ("-- " if row["required"] else ".. ")
        click.echo(f"    {mark}{row['id']:<4} {'; '.join(row['ours']) or '(not found)'}")
    for extra in ev["unlisted_events"]:
        click.echo(f"    +   {extra}")
    click.echo(f"  quotes: {qu['found']}/{qu['total']} found, {qu['speaker_right']} with the right speaker")
    click.echo(f"  quantities: {qt['found']}/{qt['total']}   places: {pl['right']}/{pl['total']} right ids")
    click.echo(f"  written to {out_path}")


@eval_group.command("plv")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="eval-results/plv.json",
              show_default=True, help="Write the full scores (per type, penta, binary, confusion) here as JSON.")
def eval_plv(path, out_path):
    """Relation classification on PLV (PATH, default ../shared/data/plover/PLV_train.tsv)."""
    from ..eval.plv import default_path, evaluate_plv, summary_lines

    result = scored(evaluate_plv, gold_file(path, default_path(), "PLV file"))
    write_result(out_path, result)
    for line in summary_lines(result):
        click.echo(line)
    click.echo(f"written to {out_path}")


@eval_group.command("cameo")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="eval-results/cameo.json",
              show_default=True, help="Write the scores and per-sentence codings here as JSON.")
@click.option("--table", "table_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CAMEO->PLOVER table (default ../shared/data/plover/CAMEO2PLOVER-2021.txt).")
def eval_cameo(path, out_path, table_path):
    """End-to-end extraction on PETRARCH-2 CAMEO validation records (default ../shared/data/cameo/...)."""
    from ..eval.cameo import default_path, evaluate_cameo

    result = scored(evaluate_cameo, gold_file(path, default_path(), "validation file"),
                    table_path=Path(table_path) if table_path else None)
    write_result(out_path, result)
    click.echo(f"CAMEO validation, {result['sentences']} sentences, {result['gold_events']} gold events")
    click.echo(f"  root agreement {result['root_agreement']:.3f}")
    for name, s in result["levels"].items():
        click.echo(f"  {name:<7} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}")
    click.echo(f"  events on no-event sentences: {result['noevents_false_positives']}"
               f" ({result['noevents_sentences']} such sentences)")
    click.echo(f"  written to {out_path}")


@eval_group.command("extraction")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="eval-results/extraction.json",
              show_default=True, help="Write the full scores here as JSON.")
@click.option("--limit", type=int, default=None, help="Score only the first N distinct sentences.")
def eval_extraction(path, out_path, limit):
    """End-to-end extraction from the raw sentences of a PLV-format file (default PLV_train.tsv)."""
    from ..eval.extraction import evaluate_extraction
    from ..eval.plv import default_path

    result = scored(evaluate_extraction, gold_file(path, default_path(), "PLV file"), limit=limit)
    write_result(out_path, result)
    click.echo(f"{result['file']}: {result['rows']} gold relations in {result['sentences']} sentences")
    click.echo(f"  found {result['found']} ({result['found_rate']:.3f}); "
               f"{result['events_per_sentence']:.2f} events per sentence")
    for type_, row in result["per_type"].items():
        click.echo(f"    {type_:<10} {row['found']:>4}/{row['rows']:<4} {row['rate']:.3f}")
    click.echo(f"  written to {out_path}")


@eval_group.command("actors")
@click.argument("path", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "out_path", type=click.Path(dir_okay=False), default="eval-results/actors.json",
              show_default=True, help="Write the scores and every failing case here as JSON.")
def eval_actors(path, out_path):
    """Actor resolution on NGEC-style cases (PATH, default ../shared/data/actors/ngec_actor_cases.dev.jsonl)."""
    from ..eval.actors import default_path, evaluate_actors, summary_lines

    result = scored(evaluate_actors, gold_file(path, default_path(), "actor cases file"))
    write_result(out_path, result)
    for line in summary_lines(result):
        click.echo(line)
    click.echo(f"written to {out_path}")
