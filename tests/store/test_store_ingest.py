"""Ingest into real stores (DuckDB, PostgreSQL) with real readers; a blank spaCy pipeline codes fast."""
import shutil

import pytest
import spacy
from spacy.language import Language

from newsevents.ingest import read_inputs
from newsevents.nlp.pipeline import Pipeline, register_extensions
from newsevents.settings import data_dir
from newsevents.store.ingest import ingest_articles
from newsevents.store.neardup import NearDuplicates
from newsevents.store.writer import StoreWriter, open_store

SAMPLES = sorted((data_dir() / "samples").glob("*.txt"))
REFUSE = "REFUSE-TO-CODE"


@Language.component("store_test_refuser")
def _refuser(doc):
    if REFUSE in doc.text:
        raise ValueError("this article breaks the pipeline")
    return doc


@pytest.fixture(scope="module")
def blank_pipeline():
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("store_test_refuser")
    return Pipeline(nlp=nlp)


def run(folder, db, pipeline, batch_size=2):
    con = open_store(db)
    try:
        writer = StoreWriter(con)
        return ingest_articles(read_inputs([str(folder)]), writer, pipeline, batch_size,
                               NearDuplicates(writer.signatures()))
    finally:
        con.close()


def rows(db, sql):
    con = open_store(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def copy_samples(folder, n):
    folder.mkdir(exist_ok=True)
    for path in SAMPLES[:n]:
        shutil.copy(path, folder / path.name)
    return folder


def test_reingesting_the_same_files_stores_each_article_once(tmp_path, db, blank_pipeline):
    folder = copy_samples(tmp_path / "in", 5)
    first = run(folder, db, blank_pipeline)
    second = run(folder, db, blank_pipeline)
    assert (first.read, first.stored, first.skipped_exact, first.exit_code) == (5, 5, 0, 0)
    assert (second.read, second.stored, second.skipped_exact, second.exit_code) == (5, 0, 5, 0)
    assert rows(db, "SELECT count(*), count(DISTINCT content_hash) FROM articles") == [(5, 5)]


def test_a_near_duplicate_is_linked_and_not_coded_even_in_a_later_run(tmp_path, db, blank_pipeline):
    folder = copy_samples(tmp_path / "in", 1)
    run(folder, db, blank_pipeline)
    text = SAMPLES[0].read_text()
    later = tmp_path / "later"
    later.mkdir()
    (later / "copy.txt").write_text(text.replace("Newswire", "Agency Wire") + "\nCopyright Agency Wire.\n")
    summary = run(later, db, blank_pipeline)
    assert (summary.stored, summary.skipped_near) == (1, 1)
    (original,) = rows(db, "SELECT id FROM articles WHERE duplicate_of IS NULL")
    dup = rows(db, "SELECT duplicate_of, model, minhash IS NOT NULL FROM articles WHERE duplicate_of IS NOT NULL")
    assert dup == [(original[0], None, True)]


def test_failures_are_recorded_with_reasons_and_the_batch_goes_on(tmp_path, db, blank_pipeline):
    folder = copy_samples(tmp_path / "in", 3)
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (folder / "empty.txt").write_text("   \n")
    refused = SAMPLES[3].read_text().replace("(Newswire)", f"(Newswire) {REFUSE}")
    (folder / "broken.txt").write_text(refused)
    summary = run(folder, db, blank_pipeline, batch_size=4)
    assert summary.stored == 3 and summary.exit_code == 1
    failed = dict(rows(db, "SELECT origin, reason FROM failures"))
    assert {p.rsplit("/", 1)[-1] for p in failed} == {"blob.txt", "empty.txt", "broken.txt"}
    broken = next(reason for origin, reason in failed.items() if origin.endswith("broken.txt"))
    assert broken == "coding failed: ValueError: this article breaks the pipeline"
    assert len(summary.failures) == 3


def test_nothing_usable_gives_exit_code_2(tmp_path, db, blank_pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    summary = run(folder, db, blank_pipeline)
    assert (summary.read, summary.stored, summary.exit_code) == (0, 0, 2)


def test_cli_rerun_skips_stored_articles_without_loading_a_model(tmp_path, db, blank_pipeline):
    from click.testing import CliRunner

    from newsevents.cli.store_cmds import ingest

    folder = copy_samples(tmp_path / "in", 2)
    (folder / "empty.txt").write_text("")
    run(folder, db, blank_pipeline)
    result = CliRunner().invoke(ingest, [str(folder), "--db", db, "--model", "no_such_model"])
    empty = str(folder / "empty.txt")
    (failure,) = read_inputs([empty])  # the reader's own wording of why
    assert result.exit_code == 1, result.output
    assert result.stdout == (
        "read        2 articles\n"
        "coded       0\n"
        "duplicates  2 exact (skipped), 0 near (linked, not coded)\n"
        "failed      1\n"
        f"  {failure.origin}: {failure.reason}\n"
        "events      0 stored\n")
    assert "stored: 0 articles" in result.stderr  # the tqdm bar


def test_cli_nothing_usable_exits_2(tmp_path, db):
    from click.testing import CliRunner

    from newsevents.cli.store_cmds import ingest

    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(ingest, [str(tmp_path / "empty.txt"), "--db", db])
    assert result.exit_code == 2 and result.stdout.startswith("read        0 articles\n")
