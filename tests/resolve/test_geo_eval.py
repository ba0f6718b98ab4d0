"""Geocoding metrics, and the full GeoWebNews run when the shared gold data is present."""
from __future__ import annotations

import pytest

from newsevents.eval.geo import MAX_ERROR_KM, auc_of_errors, evaluate_geocoding, great_circle_km, read_gwn


def test_great_circle_distance():
    assert great_circle_km(0, 0, 0, 0) == 0
    assert great_circle_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=3)


def test_auc_is_zero_when_perfect_and_one_when_worst():
    assert auc_of_errors([0, 0, 0]) == 0
    assert auc_of_errors([MAX_ERROR_KM] * 3) == pytest.approx(1)
    assert 0 < auc_of_errors([0, 100, MAX_ERROR_KM]) < 1


@pytest.mark.slow
def test_geowebnews_geocoding_baseline(shared):
    result = evaluate_geocoding(read_gwn(shared / "data" / "geo" / "GWN.xml"))
    assert result["n"] == 2601
    # pinned just under the measured figures (docs/geo.md), so a regression fails
    assert result["accuracy_161km"] >= 0.82
    assert result["exact_id"] >= 0.75
