import pytest
from click.testing import CliRunner

from newsevents.cli.store_cmds import demo


@pytest.mark.slow
def test_demo_codes_the_samples_and_prints_their_events(tmp_path):
    db = tmp_path / "demo.duckdb"
    first = CliRunner().invoke(demo, ["--db", str(db)])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("read        8 articles\ncoded       8\n")
    assert "EVENT_ID" in first.stdout and "TRIGGER" in first.stdout
    rows = [line for line in first.stdout.splitlines() if ":E" in line]
    table = [line for line in first.stdout.splitlines() if ":E" in line or line.startswith(("EVENT_ID", "----"))]
    assert rows and max(len(line) for line in table) <= 100   # the closing hint names a path of any length

    again = CliRunner().invoke(demo, ["--db", str(db)])
    assert again.exit_code == 0
    assert "duplicates  8 exact (skipped)" in again.stdout
    assert [line for line in again.stdout.splitlines() if ":E" in line] == rows
