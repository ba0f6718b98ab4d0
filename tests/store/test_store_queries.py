import pytest

from newsevents.store.queries import EventFilter, article_quotes, find_events, get_article


def ids(store, **kw):
    return [e["event_id"] for e in find_events(store, EventFilter(**kw))]


def test_no_filter_lists_all_events_by_date_undated_last(store):
    assert ids(store) == ["a1:E1", "a1:E2", "b2:E2", "b2:E1", "c3:E1"]


def test_event_carries_participants_by_role(store):
    (e,) = find_events(store, EventFilter(article="a1", types=("ASSAULT",)))
    assert [p["text"] for p in e["actor"]] == ["Russian jets"]
    assert [p["country"] for p in e["recipient"]] == ["SYR"]
    assert [p["org"] for p in e["claimed_by"]] == ["SOHR"]
    assert e["date"] == "2016-09-19" and e["location_name"] == "Aleppo"


@pytest.mark.parametrize("value, expected", [
    ("RUS", ["a1:E1", "a1:E2"]), ("rus", ["a1:E1", "a1:E2"]), ("UN", ["b2:E1"]),
    ("MIL", ["a1:E1"]), ("united nations", ["b2:E1"]), ("Belarus", ["c3:E1"]), ("SYR", []),
])
def test_actor_matches_codes_and_names_case_insensitively_whole_words(store, value, expected):
    assert ids(store, actor=value) == expected


def test_recipient_filter(store):
    assert ids(store, recipient="SYR") == ["a1:E1"]
    assert ids(store, recipient="cvl") == ["a1:E1"]
    assert ids(store, recipient="RUS") == []


def test_type_is_repeatable_and_case_insensitive(store):
    assert ids(store, types=("ASSAULT",)) == ["a1:E1"]
    assert ids(store, types=("aid", "SANCTION")) == ["b2:E1", "c3:E1"]


def test_status_filter(store):
    assert ids(store, status="claimed") == ["a1:E1"]


def test_dates_use_the_event_date_else_the_article_date(store):
    # a1:E1 is dated 2016-09-19 (event); a1:E2 falls back to its article's 2016-09-20;
    # b2:E2 is dated 2016-10 (month, counts from 2016-10-01); c3 has no date at all.
    assert ids(store, since="2016-09-20") == ["a1:E2", "b2:E2", "b2:E1"]
    assert ids(store, until="2016-09-19") == ["a1:E1"]
    assert ids(store, since="2016-10-01", until="2016-10-01") == ["b2:E2"]


def test_place_matches_location_name(store):
    assert ids(store, place="aleppo") == ["a1:E1"]
    assert ids(store, place="Idlib") == ["b2:E1"]
    assert ids(store, place="Alep") == []


def test_article_and_limit(store):
    assert ids(store, article="b2") == ["b2:E2", "b2:E1"]
    assert ids(store, limit=2) == ["a1:E1", "a1:E2"]


def test_filters_combine(store):
    assert ids(store, actor="RUS", types=("REJECT",), since="2016-09-01") == ["a1:E2"]


def test_article_and_quotes(store):
    article = get_article(store, "a1")
    assert article["title"] == "Jets strike Aleppo hospital" and article["duplicate_of"] is None
    assert get_article(store, "missing") is None
    (q,) = article_quotes(store, "a1")
    assert (q["cue_text"], q["speaker_org"], q["direct"]) == ("said", "SOHR", False)
