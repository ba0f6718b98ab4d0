"""`newsevents classify` and `newsevents train`: thin wrappers over extract/classifier.py."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import NewsEventsError


@click.command("classify")
@click.argument("path", required=False, default="-", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("--model-dir", type=click.Path(file_okay=False), default=None,
              help="Folder with the trained artefacts (default: data/models).")
@click.option("--top", type=int, default=16, show_default=True, help="Keep only the N best types in \"scores\".")
def classify(path, model_dir, top):
    """Rank PLOVER types for JSONL records {"id"?, "text", "actor"?, "recipient"?} (PATH or - for stdin).

    Each output line is the record plus "type" (the best) and "scores" ({type: score}). "text" may
    mark the actor and recipient PLV-style: <s>actor</s> ... <t>recipient</t>.
    """
    from ..extract.classifier import classify as rank
    from ..extract.classifier import load_model

    try:
        model = load_model(model_dir)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e
    stream = click.open_file(path, encoding="utf-8")
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        record = _record(line, path, n)
        ranked = rank(record["text"], record.get("actor"), record.get("recipient"), model=model)
        record["type"] = ranked[0][0]
        record["scores"] = {t: round(s, 4) for t, s in ranked[:top]}
        click.echo(json.dumps(record, ensure_ascii=False))


def _record(line: str, path: str, n: int) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise click.ClickException(f"{path}:{n}: malformed JSON ({e.msg}); expected one object per line") from e
    if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
        raise click.ClickException(f"{path}:{n}: record has no non-empty \"text\" field")
    return record


@click.command("train")
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, exists=True), default=None,
              help="Folder of corpus *.jsonl files (default: data/training).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Where to write the artefacts (default: data/models).")
@click.option("--cv", "cv_folds", type=int, default=0, help="Also report N-fold cross-validation on the corpus.")
def train(corpus_dir, out_dir, cv_folds):
    """Train the relation classifier from our own corpus (fixed seed: same corpus, same model)."""
    from ..extract.classifier import corpus_files
    from ..extract.classifier import train as fit_and_save

    paths = corpus_files(Path(corpus_dir) if corpus_dir else None)
    try:
        model = fit_and_save(paths, Path(out_dir) if out_dir else None, cv_folds=cv_folds)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e
    meta = model.meta
    click.echo(f"trained on {meta['sentences']} sentences from {len(meta['files'])} files, "
               f"{meta['features']} features")
    if "cv_macro_f1" in meta:
        click.echo(f"{cv_folds}-fold cross-validation macro-F1 on the corpus: {meta['cv_macro_f1']:.3f}")
    click.echo(f"written to {out_dir or 'data/models'}")
