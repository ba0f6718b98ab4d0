"""Store commands: ingest, events, show, demo. Thin wrappers over newsevents.store."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import NewsEventsError
from ..store import highlight, queries, render
from ..store.ingest import IngestSummary, LazyPipeline, ingest_articles
from ..store.dialect import is_url
from ..store.postgres import display_url
from ..store.writer import StoreWriter, open_store

DB_HELP = "DuckDB database file, or a postgresql://user@host/dbname URL."
DB_OPTION = click.option("--db", "db", default="events.duckdb", show_default=True, help=DB_HELP)
ISO_DATE = click.DateTime(formats=["%Y-%m-%d"])


def run_ingest(paths: list[str], db: str, date: str | None, model: str | None, batch_size: int,
               processes: int = 1, prefilter: bool = False) -> IngestSummary:
    """Ingest ``paths`` into ``db`` with a progress bar on stderr; return the summary."""
    from tqdm import tqdm

    from ..ingest import read_inputs
    from ..store.neardup import NearDuplicates

    stdin = click.get_text_stream("stdin") if "-" in paths else None
    con = _open(db)
    try:
        writer = StoreWriter(con)
        near = NearDuplicates(writer.signatures())
        with _coder(model, processes, prefilter) as coder, \
                tqdm(desc="stored", unit=" articles", file=sys.stderr, mininterval=0.2) as bar:
            return ingest_articles(read_inputs(paths, date=date, stdin=stdin), writer,
                                   coder, batch_size, near, bar.update)
    finally:
        con.close()


def _coder(model: str | None, processes: int, prefilter: bool):
    """One process and every sentence parsed by default; worker processes and the sentence
    pre-filter (docs/performance.md) when asked. Neither loads a model before it is needed."""
    from contextlib import nullcontext

    if processes == 1 and not prefilter:
        return nullcontext(LazyPipeline(model))
    from ..scale.parallel import ParallelPipeline

    return ParallelPipeline(processes=processes, model=model, prefilter=prefilter)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--date", type=ISO_DATE, help="Publication date for inputs that carry none.")
@click.option("--model", help="spaCy model to use (default: the best one installed).")
@click.option("--batch-size", type=click.IntRange(1), default=16, show_default=True,
              help="Articles coded and committed together.")
@click.option("--processes", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes coding in parallel (one pipeline each).")
@click.option("--prefilter", is_flag=True,
              help="Parse only sentences that can hold an event, quote or place (faster, some recall lost).")
def ingest(paths, db, date, model, batch_size, processes, prefilter):
    """Code articles from PATHS and store them (resumable).

    PATHS are files, folders or - (stdin). Already-stored articles are skipped, so rerunning after a crash resumes. Exit code:
    0 all ok, 1 some inputs failed, 2 nothing usable.
    """
    try:
        summary = run_ingest(list(paths), db, date.date().isoformat() if date else None, model, batch_size,
                             processes, prefilter)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e
    click.echo(summary_text(summary))
    sys.exit(summary.exit_code)


def summary_text(s: IngestSummary) -> str:
    coded = s.stored - s.skipped_near
    lines = [
        f"read        {s.read} articles",
        f"coded       {coded}",
        f"duplicates  {s.skipped_exact} exact (skipped), {s.skipped_near} near (linked, not coded)",
        f"failed      {len(s.failures)}",
    ]
    lines += [f"  {origin}: {reason}" for origin, reason in s.failures]
    lines.append(f"events      {s.events} stored")
    return "\n".join(lines)


@click.command()
@DB_OPTION
@click.option("--actor", help="Country, organisation or sector code, or a name (case-insensitive).")
@click.option("--recipient", help="Like --actor, for the recipient.")
@click.option("--type", "types", multiple=True, help="PLOVER event type; repeat for several.")
@click.option("--status", type=click.Choice(["asserted", "claimed", "denied", "future", "hypothetical", "negated"]))
@click.option("--since", type=ISO_DATE, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", type=ISO_DATE, help="Events on or before this date (YYYY-MM-DD).")
@click.option("--place", help="Location name.")
@click.option("--article", help="Only events of this article id.")
@click.option("--limit", type=click.IntRange(0), help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def events(db, actor, recipient, types, status, since, until, place, article, limit, fmt):
    """List stored events, filtered.

    Dates are the event's own date, else its article's publication date."""
    flt = queries.EventFilter(actor=actor, recipient=recipient, types=tuple(types), status=status,
                              since=since.date().isoformat() if since else None,
                              until=until.date().isoformat() if until else None,
                              place=place, article=article, limit=limit)
    con = _open(db, read_only=True)
    try:
        found = queries.find_events(con, flt)
    finally:
        con.close()
    click.echo(_format_events(found, fmt))


def _format_events(found: list, fmt: str) -> str:
    if fmt == "csv":
        return render.events_csv(found)
    if fmt == "json":
        return render.events_json(found)
    return render.events_table(found) if found else "no events match"


@click.command()
@click.argument("article_id")
@DB_OPTION
@click.option("--color/--no-color", default=None, help="Colour the spans (default: when a terminal).")
def show(article_id, db, color):
    """Print an article with its spans marked.

    Event triggers, actors, recipients and quote cues and contents are coloured in a
    terminal (bracketed otherwise), followed by numbered lists of events and quotes."""
    con = _open(db, read_only=True)
    try:
        article = queries.get_article(con, article_id)
        if article is None:
            shown = _shown(db)
            raise click.ClickException(f"{article_id}: no such article in {shown}; "
                                       f"list ids with `newsevents events --db {shown}`")
        found = queries.find_events(con, queries.EventFilter(article=article_id))
        quotes = queries.article_quotes(con, article_id)
    finally:
        con.close()
    use_color = sys.stdout.isatty() if color is None else color
    click.echo(highlight.render_article(article, found, quotes, use_color), color=use_color)


@click.command()
@click.option("--db", default="newsevents-demo.duckdb", show_default=True,
              help="Demo database (created or reused): a DuckDB file, or a postgresql:// URL.")
def demo(db):
    """Code the sample articles and print their events.

    The samples are the bundled data/samples/*.txt; rerunning reuses the database."""
    from ..settings import data_dir

    samples = data_dir() / "samples"
    if not samples.is_dir():
        raise click.ClickException(f"{samples}: sample folder missing; set NEWSEVENTS_DATA_DIR to the repo's data/")
    summary = run_ingest([str(samples)], db, None, None, 16)
    click.echo(summary_text(summary))
    con = _open(db, read_only=True)
    try:
        click.echo("\n" + _format_events(queries.find_events(con), "table"))
    finally:
        con.close()
    where = _shown(db) if is_url(db) else Path(db).resolve()
    click.echo(f"\ndatabase: {where}  (try: newsevents show ARTICLE_ID --db {_shown(db)})")
    sys.exit(summary.exit_code)


def _shown(db: str) -> str:
    return display_url(db) if is_url(db) else db


def _open(db: str, read_only: bool = False):
    try:
        return open_store(db, read_only=read_only)
    except NewsEventsError as e:
        raise click.ClickException(str(e)) from e
