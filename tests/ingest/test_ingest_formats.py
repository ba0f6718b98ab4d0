"""Every input format, written as real files in tmp_path."""
from __future__ import annotations

import gzip
import io
import json

from ingest_samples import STORY, html_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.models import Article, IngestFailure
from newsevents.ingest import read_inputs


def _articles(results):
    results = list(results)
    assert all(isinstance(r, Article) for r in results), [r for r in results if isinstance(r, IngestFailure)]
    return results


def write_warc(path, pages, gz=True):
    """pages: (url, html, content type, status); plus a request record that must be skipped."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gz)
        for url, html, content_type, status in pages:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2019-05-06T10:00:00Z"},
            )
            writer.write_record(record)


def test_text_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Shelling kills six in Karvel\n\n" + STORY, encoding="utf-8")
    [article] = _articles(read_inputs([str(path)]))
    assert article.title == "Shelling kills six in Karvel"
    assert article.text == STORY.strip()
    assert article.origin == str(path) and article.language == "en"


def test_text_file_without_suffix_and_crlf(tmp_path):
    path = tmp_path / "README"
    path.write_bytes(("Headline\r\n\r\n" + STORY.replace("\n", "\r\n")).encode("utf-8"))
    [article] = _articles(read_inputs([str(path)]))
    assert article.title == "Headline" and "\r" not in article.text


def test_gzipped_text_jsonl_and_html(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(("Headline\n\n" + STORY).encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(json.dumps({"text": STORY}).encode() + b"\n"))
    (tmp_path / "c.html.gz").write_bytes(gzip.compress(html_page().encode()))
    articles = _articles(read_inputs([str(tmp_path)]))
    assert [a.origin for a in articles] == [
        str(tmp_path / "a.txt.gz"), str(tmp_path / "b.jsonl.gz") + ":1", str(tmp_path / "c.html.gz")]
    assert len({a.content_hash for a in articles}) == 1


def test_html_page_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(html_page(), encoding="utf-8")
    [article] = _articles(read_inputs([str(path)]))
    assert article.title.startswith("Shelling kills six in Karvel")
    assert article.text == STORY.strip()
    assert "Home" not in article.text and "rights reserved" not in article.text
    assert (article.date, article.date_source, article.source) == ("2021-03-04", "metadata", "Example Wire")


def test_simple_extraction_fallback_keeps_paragraphs_and_drops_navigation():
    from newsevents.ingest.html import _simple_text

    html = ("<html><head><title>Talks</title><script>var x = 1;</script></head><body><nav>Menu</nav>"
            "<p>Ministers met   on Monday.</p><p>They agreed to meet again.</p><footer>About</footer></body></html>")
    assert _simple_text(html) == "Ministers met on Monday.\n\nThey agreed to meet again."
    assert _simple_text("<html><body><div>Only a div</div></body></html>") == "Only a div"


def test_tiny_html_page_still_gives_its_text(tmp_path):
    path = tmp_path / "tiny.htm"
    path.write_text("<html><head><title>Talks</title></head><body>"
                    "<p>Ministers met on Monday.</p><p>They agreed to meet again.</p></body></html>")
    [article] = _articles(read_inputs([str(path)], check_language=False))
    assert article.text == "Ministers met on Monday.\n\nThey agreed to meet again."


def test_jsonl_fields_and_text_unchanged(tmp_path):
    text = "  Ministers met on Monday in the capital and agreed to resume talks next week.\n\nNo deal yet. "
    records = [
        {"id": "wire-1", "text": text, "title": "Talks", "date": "Oct 7, 2016", "url": "https://e.org/1",
         "source": "Example Wire"},
        {"id": 7, "text": STORY},
    ]
    path = tmp_path / "batch.ndjson"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    first, second = _articles(read_inputs([str(path)]))
    assert first.text == text and first.id == "wire-1" and first.title == "Talks"
    assert (first.date, first.date_source, first.url, first.source) == (
        "2016-10-07", "metadata", "https://e.org/1", "Example Wire")
    assert second.id == "7" and second.title is None and second.origin == f"{path}:2"


def test_option_date_wins_over_metadata(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": STORY, "date": "2016-10-07"}) + "\n")
    [article] = _articles(read_inputs([str(path)], date="2020-01-02"))
    assert (article.date, article.date_source) == ("2020-01-02", "option")


def test_warc_response_records_become_articles(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [
        ("https://example.org/karvel", html_page(), "text/html; charset=utf-8", "200 OK"),
        ("https://example.org/logo.png", "not an image", "image/png", "200 OK"),
        ("https://example.org/gone", html_page(), "text/html", "404 Not Found"),
        ("https://example.org/undated", html_page(date=None), "text/html", "200 OK"),
    ])
    dated, undated = _articles(read_inputs([str(path)]))
    assert dated.url == "https://example.org/karvel" and dated.text == STORY.strip()
    assert dated.origin == f"{path}#2" and dated.date == "2021-03-04"
    assert (undated.date, undated.date_source) == ("2019-05-06", "metadata")


def test_uncompressed_warc(tmp_path):
    path = tmp_path / "crawl.warc"
    write_warc(path, [("https://example.org/k", html_page(), "text/html", "200 OK")], gz=False)
    assert len(_articles(read_inputs([str(path)]))) == 1


def test_stdin_is_sniffed(tmp_path):
    jsonl = "\n" + json.dumps({"text": STORY}) + "\n" + json.dumps({"text": STORY, "id": "b"}) + "\n"
    assert len(_articles(read_inputs(["-"], stdin=io.StringIO(jsonl)))) == 2
    [html] = _articles(read_inputs(["-"], stdin=io.BytesIO(html_page().encode())))
    assert html.date == "2021-03-04"
    [text] = _articles(read_inputs(["-"], stdin=io.BytesIO(("Headline\n\n" + STORY).encode())))
    assert text.title == "Headline" and text.origin == "<stdin>"


def test_folder_is_recursive_sorted_and_skips_hidden_files(tmp_path):
    for name in ("b/z.txt", "b/a.txt", "a.txt", ".hidden.txt", ".git/x.txt", "c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Headline {name}\n\n{STORY}")
    origins = [a.origin for a in _articles(read_inputs([str(tmp_path)]))]
    assert origins == [str(tmp_path / n) for n in ("a.txt", "b/a.txt", "b/z.txt", "c.txt")]


def test_read_inputs_is_lazy(tmp_path):
    (tmp_path / "a.txt").write_text("Headline\n\n" + STORY)
    results = read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")])
    assert isinstance(next(results), Article)
    assert isinstance(next(results), IngestFailure)
