"""Bad inputs become IngestFailure records with a one-line reason, and the batch goes on."""
from __future__ import annotations

import gzip
import io
import json
import os
import time

import pytest
from ingest_samples import GERMAN, STORY, html_page
from test_ingest_formats import write_warc

from newsevents.errors import InputError
from newsevents.ingest import MAX_FILE_BYTES, read_inputs
from newsevents.ingest.decode import DecodeError, decode_bytes
from newsevents.models import Article, IngestFailure

QUOTED = "The minister\u2019s \u201cfinal\u201d offer \u2013 rejected by caf\u00e9 owners \u2013 cost \u20ac5m.\n"


def _one(path, **kwargs):
    [result] = list(read_inputs([str(path)], **kwargs))
    return result


def _failure(path, **kwargs) -> IngestFailure:
    result = _one(path, **kwargs)
    assert isinstance(result, IngestFailure), result
    assert "\n" not in result.reason
    return result


def test_empty_and_blank_files(tmp_path):
    for name, content in (("empty.txt", b""), ("blank.txt", b"  \n\n "), ("empty.jsonl", b"\n\n"),
                          ("empty.html", b"")):
        (tmp_path / name).write_bytes(content)
        assert _failure(tmp_path / name).reason == "empty file"


def test_binary_files(tmp_path):
    (tmp_path / "image").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "noise.txt").write_bytes(b"\x01\x02\x03\x81\x8d\x8f\x90\x9d" * 500)
    for name in ("image", "noise.txt"):
        assert _failure(tmp_path / name).reason.startswith("binary file")


def test_utf16_with_and_without_bom(tmp_path):
    text = "Headline\n\n" + STORY + QUOTED
    (tmp_path / "bom.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    for name in ("bom.txt", "le.txt"):
        article = _one(tmp_path / name)
        assert isinstance(article, Article) and article.text.endswith(QUOTED.strip())


def test_cp1252_and_latin1_files(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes(("Headline\n\n" + STORY + QUOTED).encode("cp1252"))
    assert _one(tmp_path / "cp1252.txt").text.endswith(QUOTED.strip())
    latin = "The caf\u00e9 owners in Z\u00fcrich said the protest felt like d\u00e9j\u00e0 vu."
    assert decode_bytes(latin.encode("latin-1")) == latin


def test_html_declared_charset_is_used(tmp_path):
    page = html_page(body=STORY + "\n\n" + QUOTED).replace('charset="utf-8"', 'charset="windows-1252"')
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    assert QUOTED.strip() in _one(tmp_path / "page.html").text


def test_broken_utf16_after_a_bom_names_the_encoding(tmp_path):
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfe" + "Headline".encode("utf-16-le") + b"\x00\xd8A")
    assert _failure(tmp_path / "odd.txt").reason.startswith("could not decode the text (invalid utf-16")


def test_decode_bytes_refuses_nul_heavy_data():
    with pytest.raises(DecodeError):
        decode_bytes(b"PK\x03\x04\x00\x00\x08\x00" * 100)


def test_german_article_is_skipped_with_its_language(tmp_path):
    (tmp_path / "de.txt").write_text("Neue Gespräche\n\n" + GERMAN * 3)
    assert _failure(tmp_path / "de.txt").reason.startswith("not English (detected language: de)")
    assert isinstance(_one(tmp_path / "de.txt", check_language=False), Article)


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # a sparse file: all NULs, but its size is what counts
    started = time.perf_counter()
    failure = _failure(path)
    assert time.perf_counter() - started < 1.0
    assert failure.reason.startswith("too large: 52,428,800 bytes (the limit is 5,000,000 bytes)")


def test_huge_gzipped_text_and_jsonl_line_are_refused_and_the_file_goes_on(tmp_path):
    big = b"word " * (MAX_FILE_BYTES // 5 + 10)
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(big, compresslevel=1))
    assert _failure(tmp_path / "big.txt.gz").reason.startswith("too large: more than 5,000,000 bytes")
    path = tmp_path / "lines.jsonl"
    with open(path, "wb") as stream:
        stream.write(b'{"text": "' + big + b'"}\n' + json.dumps({"text": STORY}).encode() + b"\n")
    failure, article = read_inputs([str(path)])
    assert failure.origin == f"{path}:1" and failure.reason.startswith("too large")
    assert isinstance(article, Article) and article.origin == f"{path}:2"


def test_malformed_jsonl_lines_name_path_and_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"text": STORY}), '{"text": "unterminated', "[1, 2]", json.dumps({"title": "No text"}),
             json.dumps({"text": "Advertisement"}), json.dumps({"text": STORY, "id": "last"})]
    path.write_text("\n".join(lines) + "\n")
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == ["Article"] + ["IngestFailure"] * 4 + ["Article"]
    reasons = {r.origin: r.reason for r in results if isinstance(r, IngestFailure)}
    assert reasons[f"{path}:2"].startswith("malformed JSON on line 2: Unterminated string")
    assert reasons[f"{path}:3"] == "JSON line 3 is not an object (found list)"
    assert reasons[f"{path}:4"] == 'JSON record on line 4 has no non-empty "text" field'
    assert reasons[f"{path}:5"].startswith("empty input")


def test_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, [(f"https://example.org/{i}", html_page(title=f"Story {i}"), "text/html", "200 OK")
                       for i in range(3)])
    data = whole.read_bytes()
    (tmp_path / "after.txt").write_text("Headline\n\n" + STORY)
    for fraction, kept in ((0.3, 1), (0.8, 2)):
        cut = tmp_path / f"cut{fraction}.warc.gz"
        cut.write_bytes(data[: int(len(data) * fraction)])
        results = list(read_inputs([str(cut), str(tmp_path / "after.txt")]))
        kinds = [type(r).__name__ for r in results]
        assert kinds == ["Article"] * kept + ["IngestFailure", "Article"]
        assert results[-2].reason.startswith("truncated or corrupt compressed data")


def test_corrupt_warc_gz_and_warc_without_pages(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://example.org/a", html_page(), "text/html", "200 OK")] * 2)
    data = bytearray(path.read_bytes())
    data[len(data) * 3 // 4: len(data) * 3 // 4 + 40] = b"x" * 40
    path.write_bytes(bytes(data))
    assert [type(r).__name__ for r in read_inputs([str(path)])] == ["Article", "IngestFailure"]
    images = tmp_path / "images.warc.gz"
    write_warc(images, [("https://example.org/logo.png", "png bytes", "image/png", "200 OK")])
    assert _failure(images).reason == "no HTML response records with status 2xx among its 2 records"


def test_not_a_warc_and_truncated_gzip_text(tmp_path):
    (tmp_path / "fake.warc").write_text("this is not a WARC file\n")
    assert _failure(tmp_path / "fake.warc").reason.startswith("malformed WARC record")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(("Headline\n\n" + STORY * 50).encode())[:300])
    assert _failure(tmp_path / "cut.txt.gz").reason.startswith("truncated or corrupt compressed data")


def test_html_without_text_unknown_suffix_and_missing_path(tmp_path):
    (tmp_path / "blank.html").write_text("<html><head><script>var x;</script></head><body></body></html>")
    assert _failure(tmp_path / "blank.html").reason == "HTML page has no extractable main text"
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    assert _failure(tmp_path / "slides.pdf").reason.startswith("unsupported file type '.pdf'")
    assert _failure(tmp_path / "nowhere.txt").reason == "no such file or folder"


def test_unreadable_file_is_a_failure(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Headline\n\n" + STORY)
    os.chmod(path, 0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file")
        assert _failure(path).reason.startswith("could not read it")
    finally:
        os.chmod(path, 0o644)


def test_bad_date_option_raises_before_reading():
    with pytest.raises(InputError, match="--date: not a date"):
        read_inputs(["-"], date="someday", stdin=io.StringIO(STORY))


def test_a_batch_of_bad_and_good_inputs_goes_on(tmp_path):
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01" * 100)
    (tmp_path / "3.txt").write_text("Headline\n\n" + STORY)
    kinds = [type(r).__name__ for r in read_inputs([str(tmp_path)])]
    assert kinds == ["IngestFailure", "IngestFailure", "Article"]
