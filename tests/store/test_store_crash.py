"""Crash safety: SIGKILL `newsevents ingest` mid-run, rerun, and every article is stored once."""
import re
import signal
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

import pytest

from newsevents.settings import data_dir
from newsevents.store.schema import CHILD_TABLES
from newsevents.store.writer import open_store

NEWSEVENTS = str(Path(sys.executable).with_name("newsevents"))
STORED = re.compile(r"stored: (\d+)")


def write_articles(folder: Path, n: int = 20) -> None:
    """n distinct articles, each the bodies of two samples (no two are near-duplicates)."""
    bodies = [p.read_text().split("\n", 1)[1].strip() for p in sorted((data_dir() / "samples").glob("*.txt"))]
    folder.mkdir()
    for i, (a, b) in enumerate(list(combinations(range(len(bodies)), 2))[:n]):
        (folder / f"report-{i:02d}.txt").write_text(f"Combined report number {i}\n\n{bodies[a]}\n\n{bodies[b]}\n")


def ingest(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([NEWSEVENTS, "ingest", str(folder), "--db", str(db), "--batch-size", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_after_stored(proc: subprocess.Popen, at_least: int, timeout: float = 300) -> int:
    """Read the progress bar until it reports ``at_least`` articles committed, then SIGKILL."""
    deadline, seen, buffer = time.monotonic() + timeout, 0, ""
    while seen < at_least and time.monotonic() < deadline:
        char = proc.stderr.read(1)
        if not char:
            break
        buffer = buffer[-200:] + char
        seen = max([seen] + [int(m) for m in STORED.findall(buffer)])
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return seen


def per_article_counts(db: Path) -> dict[str, tuple[int, ...]]:
    con = open_store(db, read_only=True)
    try:
        counts = {}
        for (article_id, digest) in con.execute("SELECT id, content_hash FROM articles").fetchall():
            counts[digest] = tuple(
                con.execute(f"SELECT count(*) FROM {t} WHERE article_id = ?", [article_id]).fetchone()[0]
                for t in CHILD_TABLES)
        return counts
    finally:
        con.close()


def orphans(db: Path) -> int:
    con = open_store(db, read_only=True)
    try:
        total = sum(con.execute(f"SELECT count(*) FROM {t} WHERE article_id NOT IN (SELECT id FROM articles)")
                    .fetchone()[0] for t in CHILD_TABLES)
        total += con.execute("SELECT count(*) FROM event_participants "
                             "WHERE event_id NOT IN (SELECT event_id FROM events)").fetchone()[0]
        return total
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_killed_ingest_resumes_and_stores_each_article_once(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder)
    crashed, clean = tmp_path / "crashed.duckdb", tmp_path / "clean.duckdb"

    seen = kill_after_stored(ingest(folder, crashed), at_least=6)
    assert seen >= 6, "the run ended before it could be killed mid-batch"
    partial = per_article_counts(crashed)
    assert seen <= len(partial) < 20 and len(partial) % 2 == 0  # whole batches only
    assert orphans(crashed) == 0

    rerun = ingest(folder, crashed)
    out, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, out
    assert f"duplicates  {len(partial)} exact (skipped)" in out

    reference = ingest(folder, clean)
    reference.communicate(timeout=600)
    assert reference.returncode == 0
    resumed = per_article_counts(crashed)
    assert len(resumed) == 20 and resumed == per_article_counts(clean)
    assert sum(events for events, *_ in resumed.values()) > 0
    assert orphans(crashed) == 0
