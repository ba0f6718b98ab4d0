"""HTML page -> main text and metadata.

Stages: trafilatura's extraction (main text + title, date, url, site name from the page's
metadata); when it finds no main text, a simpler pass over the page's <p> elements (or the
whole <body> text) with scripts, navigation, headers and footers removed. Paragraphs are
separated by blank lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NON_CONTENT = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
               "iframe", "svg", "button", "template")
DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    sitename: str | None = None


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return re.search(r"<(html|head|body|p|div|article)[\s>]", head) is not None


def extract_page(html: str, url: str | None = None) -> Page | None:
    """The page's main text and metadata, or None when no text can be found."""
    page = _trafilatura(html, url)
    if page is not None and page.text.strip():
        return page
    fallback = _simple_text(html)
    if not fallback.strip():
        return None
    meta = page or _metadata_only(html, url)
    return Page(fallback, meta.title, meta.date, meta.url or url, meta.sitename)


def _trafilatura(html: str, url: str | None) -> Page | None:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params=DATE_PARAMS,
    )
    if document is None:
        return None
    return Page(_paragraphs(document.text or ""), document.title, document.date,
                document.url or url, document.sitename)


def _metadata_only(html: str, url: str | None) -> Page:
    from trafilatura import extract_metadata

    try:
        meta = extract_metadata(html, default_url=url, date_config=DATE_PARAMS)
    except Exception:  # metadata is optional; a page without it still has text
        return Page("", url=url)
    return Page("", meta.title, meta.date, meta.url or url, meta.sitename)


def _simple_text(html: str) -> str:
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for element in tree.xpath("|".join(f"//{tag}" for tag in NON_CONTENT)):
        element.drop_tree()
    blocks = [p.text_content() for p in tree.xpath("//p|//h1|//h2|//h3|//li|//blockquote")]
    if not any(block.strip() for block in blocks):
        body = tree.find("body")
        blocks = (body if body is not None else tree).text_content().split("\n")
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.split("\n")]
    return "\n\n".join(line for line in lines if line)
