"""Geocoding evaluation on GeoWebNews (GWN.xml) with the gold toponym spans.

Metrics as in Gritta et al. (2019, "A Pragmatic Guide to Geoparsing Evaluation"): for every gold
toponym with coordinates, the great-circle error of the predicted point (an unresolved toponym
counts as the largest possible error, 20,039 km); accuracy within 161 km (100 miles); mean and
median error; and the area under the curve of sorted log errors, scaled to [0, 1] (lower is better).
Exact GeoNames id accuracy is over the toponyms whose gold has an id.
"""
from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..resolve.places import geocode

MAX_ERROR_KM = 20039.0
ACCURACY_KM = 161.0
EARTH_RADIUS_KM = 6371.0


@dataclass
class GoldToponym:
    start: int
    end: int
    name: str
    type: str
    geonameid: int | None
    lat: float
    lon: float


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym]


def _text(el: ET.Element, tag: str) -> str:
    child = el.find(tag)
    return (child.text or "").strip() if child is not None else ""


def read_gwn(path: str | Path) -> list[GoldArticle]:
    """Articles and their toponyms that have coordinates."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise ValueError(f"{path}: not a GeoWebNews XML file ({e})") from e
    articles = []
    for art in root.iter("article"):
        text_el = art.find("text")
        text = text_el.text or "" if text_el is not None else ""
        toponyms = []
        for t in art.iter("toponym"):
            lat, lon = _text(t, "latitude"), _text(t, "longitude")
            if not lat or not lon:
                continue
            gid = _text(t, "geonamesID")
            toponyms.append(GoldToponym(int(_text(t, "start")), int(_text(t, "end")), _text(t, "extractedName"),
                                        _text(t, "type"), int(gid) if gid.isdigit() else None,
                                        float(lat), float(lon)))
        articles.append(GoldArticle(art.get("file", str(len(articles))), text, toponyms))
    return articles


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def auc_of_errors(errors: list[float]) -> float:
    """Area under the sorted log(1 + error) curve, scaled so that all-perfect is 0 and all-worst 1."""
    if not errors:
        return 0.0
    scaled = sorted(math.log(1 + e) / math.log(1 + MAX_ERROR_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in zip(scaled, scaled[1:]))
    return area / (len(scaled) - 1)


def summarise(rows: list[tuple[GoldToponym, float, bool]]) -> dict:
    errors = [e for _, e, _ in rows]
    with_id = [hit for gold, _, hit in rows if gold.geonameid]
    return {
        "n": len(rows),
        "accuracy_161km": round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4) if errors else None,
        "exact_id": round(sum(with_id) / len(with_id), 4) if with_id else None,
        "n_with_id": len(with_id),
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "auc": round(auc_of_errors(errors), 4),
    }


def evaluate_geocoding(articles: list[GoldArticle]) -> dict:
    """Geocode every article's gold spans and score the points; overall and per toponym type."""
    rows: list[tuple[GoldToponym, float, bool]] = []
    for art in articles:
        places = geocode(art.text, [(t.start, t.end) for t in art.toponyms])
        for gold, place in zip(art.toponyms, places):
            if place.lat is None:
                rows.append((gold, MAX_ERROR_KM, False))
                continue
            error = great_circle_km(gold.lat, gold.lon, place.lat, place.lon)
            rows.append((gold, error, bool(gold.geonameid) and place.geonameid == gold.geonameid))
    by_type: dict[str, list] = defaultdict(list)
    for row in rows:
        by_type[row[0].type or "?"].append(row)
    result = summarise(rows)
    result["articles"] = len(articles)
    result["by_type"] = {t: summarise(r) for t, r in sorted(by_type.items(), key=lambda kv: -len(kv[1]))}
    return result
