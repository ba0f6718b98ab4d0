"""find_actors on hand-written sentences and on the seed article (real spaCy model: slow)."""
from __future__ import annotations

import time

import pytest

from newsevents.models import Article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def actors_of():
    from newsevents.nlp.pipeline import Pipeline, load_nlp

    pipe = Pipeline(nlp=load_nlp(components=("ne_actors",)))

    def run(text: str, date: str | None = "2016-10-07"):
        doc = pipe.make_doc(Article(id="t", text=text, content_hash="t", date=date))
        return doc._.ne_actors

    return run


def codes(actors):
    return [(a.text, a.country, a.org, a.sector) for a in actors]


def test_title_and_name_are_one_mention_and_pronouns_follow(actors_of):
    found = actors_of("US Secretary of State John Kerry met Sergei Lavrov. He said Mr Kerry was tired.")
    assert codes(found)[0] == ("US Secretary of State John Kerry", "USA", None, "GOV")
    assert ("Sergei Lavrov", "RUS", None, "GOV") in codes(found)
    he = next(a for a in found if a.text == "He")
    assert he.name == "Sergei Lavrov"
    assert next(a for a in found if a.text == "Mr Kerry").name == "John Kerry"


def test_coordinated_nationalities_give_one_actor_each(actors_of):
    found = codes(actors_of("The town was shelled by Syrian and Russian forces on Monday."))
    assert ("Syrian", "SYR", None, "MIL") in found
    assert ("Russian forces", "RUS", None, "MIL") in found


def test_places_after_prepositions_are_not_actors(actors_of):
    found = actors_of("Moscow denied the report. The talks were held in Washington.")
    assert [a.text for a in found] == ["Moscow"]
    assert (found[0].country, found[0].sector) == ("RUS", "GOV")


def test_generic_descriptor_points_back_to_the_armed_group(actors_of):
    found = actors_of("Fighters of Hayat Tahrir al-Sham seized the town. The jihadists later withdrew.",
                      date="2018-03-01")
    jihadists = next(a for a in found if a.text == "jihadists")
    assert (jihadists.org, jihadists.sector) == ("HTS", "REB")


def test_nationality_and_sector_noun(actors_of):
    found = codes(actors_of("A Turkish policeman was wounded when gunmen opened fire."))
    assert ("Turkish policeman", "TUR", None, "COP") in found
    assert ("gunmen", None, None, "UAF") in found


def test_mentions_never_overlap(actors_of, seed_article):
    text = seed_article.read_text(encoding="utf-8")
    found = actors_of(text)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def _body(seed_article) -> str:
    text = seed_article.read_text(encoding="utf-8")
    return text[text.index("Russia and the Syrian government should"):]


def test_seed_article(actors_of, seed_article):
    found = actors_of(_body(seed_article))
    by_text: dict[str, set] = {}
    for a in found:
        by_text.setdefault(a.text, set()).add((a.country, a.org, a.sector))
    assert by_text["US Secretary of State John Kerry"] == {("USA", None, "GOV")}
    assert by_text["Mr Kerry"] == {("USA", None, "GOV")}
    assert by_text["Moscow"] == {("RUS", None, "GOV")}
    assert ("RUS", None, None) in by_text["Russia"]
    assert by_text["Syrian government"] == {("SYR", None, "GOV")}
    assert by_text["regime"] == {("SYR", None, "GOV")}
    assert by_text["French Foreign Minister, Jean-Marc Ayrault"] == {("FRA", None, "GOV")}
    assert by_text["Staffan de Mistura"] == {(None, "UN", "IGO")}
    assert by_text["UN’s special envoy"] == {(None, "UN", "IGO")}
    assert by_text["UN Security Council"] == {(None, "UN", "IGO")}
    assert by_text["Nusra Front"] == {("SYR", "JFS", "REB")}
    assert by_text["jihadists"] == {("SYR", "JFS", "REB")}
    assert by_text["jihadist faction"] == {("SYR", "JFS", "REB")}
    assert by_text["Russia’s Foreign Minister, Sergei Lavrov"] == {("RUS", None, "GOV")}
    assert by_text["Syrian"] == {("SYR", None, "MIL")}
    assert by_text["Russian forces"] == {("RUS", None, "MIL")}
    assert by_text["rebel forces"] == {(None, None, "REB")}
    assert by_text["Western powers"] == {(None, "WST", "GOV")}
    he = [a for a in found if a.text == "he"]
    assert he[0].name == "John Kerry"


def test_fast_compared_with_the_parse(seed_article):
    from newsevents.models import Article
    from newsevents.nlp.pipeline import Pipeline, load_nlp
    from newsevents.resolve.actors import find_actors

    nlp = load_nlp(components=())
    text = _body(seed_article)
    started = time.perf_counter()
    for _ in range(5):
        nlp(text)
    parse = time.perf_counter() - started
    doc = Pipeline(nlp=load_nlp(components=("ne_actors",))).make_doc(
        Article(id="s", text=text, content_hash="s", date="2016-10-07"))
    find_actors(doc)
    started = time.perf_counter()
    for _ in range(5):
        find_actors(doc)
    assert time.perf_counter() - started < 0.15 * parse
