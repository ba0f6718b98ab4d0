"""Docs are part of the product: every command is named in the README (Datasette's habit)."""
from __future__ import annotations

from pathlib import Path

from newsevents.cli.main import cli

ROOT = Path(__file__).resolve().parent.parent


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands if f"`{name}`" not in readme and f"newsevents {name}" not in readme]
    assert missing == []


def test_every_eval_subcommand_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in cli.commands["eval"].commands if f"`{name}`" not in readme]
    assert missing == []


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in readme and "make test" in ci
