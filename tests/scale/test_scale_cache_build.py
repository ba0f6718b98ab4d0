"""Parallel workers find the gazetteer cache built once before they start, never build it together."""
import multiprocessing
import pickle

import pytest

from newsevents.resolve import gazetteer
from newsevents.scale.parallel import _build_caches_once


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path))
    return tmp_path


def test_a_stale_or_missing_cache_is_not_fresh(empty_cache):
    assert not gazetteer.cache_is_fresh()
    with gazetteer.cache_path().open("wb") as f:
        pickle.dump("built from other source files", f)
    assert not gazetteer.cache_is_fresh()


@pytest.mark.slow
def test_the_cache_is_built_in_one_process_before_the_workers(empty_cache):
    _build_caches_once(multiprocessing.get_context("spawn"))
    assert gazetteer.cache_is_fresh()
    assert [p.name for p in empty_cache.iterdir()] == [gazetteer.cache_path().name]
