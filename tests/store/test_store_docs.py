"""docs/store.md documents every store command and each of their options."""
import pytest

from newsevents.cli.store_cmds import demo, events, ingest, show
from newsevents.settings import data_dir

DOC = (data_dir().parent / "docs" / "store.md").read_text()


@pytest.mark.parametrize("command", [ingest, events, show, demo], ids=lambda c: c.name)
def test_command_and_options_are_documented(command):
    assert f"newsevents {command.name}" in DOC
    for param in command.params:
        for opt in param.opts + param.secondary_opts:
            if opt.startswith("--"):
                assert opt in DOC, f"{command.name} {opt} is not in docs/store.md"
