"""Fixtures shared by the extractor tests."""
import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy model with the quote component only (loaded once for every quote test module);
    a module that needs another component defines its own ``nlp``."""
    from newsevents.nlp.pipeline import load_nlp

    return load_nlp(components=("ne_quotes",))
