from __future__ import annotations

import pytest

from newsevents.settings import data_dir, shared_dir

SHARED = shared_dir()
SEED = SHARED / "seed"


@pytest.fixture(scope="session")
def shared():
    """../shared with the team's gold data; tests that need it skip when it is absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"needs the shared gold data at {SHARED} (absent on this machine)")
    return SHARED


@pytest.fixture(scope="session")
def seed_article(shared):
    return shared / "seed" / "bbc-syria-war-crimes-probe.txt"


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline with the installed spaCy model, loaded once per test session."""
    from newsevents.nlp.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def data():
    return data_dir()
