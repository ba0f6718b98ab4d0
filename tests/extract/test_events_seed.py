"""End to end on the project's reference article (../shared/seed): schema and event recall."""
from __future__ import annotations

import json

import jsonschema
import pytest

from newsevents.eval.sample import score_article

pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def seed_record(seed_article, pipeline):
    from newsevents.ingest import read_inputs

    article = next(read_inputs([str(seed_article)]))
    return next(pipeline.process([article])).to_dict()


@pytest.fixture(scope="module")
def reference(seed_article):
    return json.loads(seed_article.with_suffix(".expected.json").read_text(encoding="utf-8"))


def test_output_is_valid_against_the_schema(seed_record, data):
    schema = json.loads((data / "schema" / "article-record.schema.json").read_text())
    jsonschema.validate(seed_record, schema)


def test_offsets_point_into_the_text(seed_record):
    text = seed_record["text"]
    for event in seed_record["events"]:
        assert text[event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
        for actor in event["actor"] + event["recipient"]:
            assert text[actor["start"]:actor["end"]] == actor["text"]
    for quote in seed_record["quotes"]:
        assert text[quote["content"]["start"]:quote["content"]["end"]] == quote["content"]["text"]


def test_finds_most_required_events(seed_record, reference):
    score = score_article(seed_record, reference)["events"]
    assert score["found"] >= 8, score


def test_article_date_from_the_caption(seed_record, reference):
    assert seed_record["date"] == reference["date"]
