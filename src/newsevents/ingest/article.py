"""Text (+ metadata) -> Article: headline, debris cleaning, date, identity, language check."""
from __future__ import annotations

from functools import lru_cache

from ..errors import E_BAD_DATE, E_EMPTY, E_NOT_ENGLISH, E_TOO_LARGE, InputError
from ..models import Article
from .clean import clean_text, content_hash
from .dates import parse_date, resolve_date

MAX_TEXT_CHARS = 2_000_000     # one article; longer texts are refused (a book, a dump, not news)
MAX_HEADLINE_CHARS = 250       # a longer first line is a paragraph, not a headline
LANGUAGE_SAMPLE_CHARS = 3000
LANGUAGE_MIN_CHARS = 40        # below this the language guess is noise: keep the text
LANGUAGE_CONFIDENCE = 0.9      # refuse only confident non-English guesses


def article_from_text(text: str, title: str | None = None, date: str | None = None,
                      url: str | None = None, source: str | None = None, origin: str | None = None,
                      ext_id: str | None = None, first_line_title: bool = True,
                      metadata_date: object = None) -> Article:
    """Build a cleaned Article; raises InputError (empty, too large, bad date).

    ``date`` is an explicit date (the CLI's --date) and wins over ``metadata_date`` (HTML meta,
    JSONL "date", WARC-Date), which wins over a dateline found in the text.
    With ``first_line_title`` the first non-empty line is the headline unless ``title`` is given.
    """
    where = origin or "<text>"
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(where, E_TOO_LARGE.format(size=len(text), limit=MAX_TEXT_CHARS, unit="characters"))
    option_date = check_option_date(date)
    body = text
    if first_line_title:
        headline, body = split_headline(text)
        title = title or headline
    cleaned = clean_text(body, title)
    if not cleaned.text.strip():
        raise InputError(where, E_EMPTY)
    iso, date_source = resolve_date(option_date, metadata_date, body, cleaned.dropped)
    digest = content_hash(cleaned.text)
    return Article(
        id=str(ext_id) if ext_id not in (None, "") else digest[:16],
        text=cleaned.text, content_hash=digest, title=_one_line(title), date=iso,
        date_source=date_source, url=url, source=source, origin=origin,
    )


def split_headline(text: str) -> tuple[str | None, str]:
    """(first non-empty line, the rest stripped), when the first line looks like a headline."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    if not rest.strip() or len(first.strip()) > MAX_HEADLINE_CHARS:
        return None, stripped
    return first.strip(), rest.strip()


def check_option_date(date: str | None) -> str | None:
    if date is None or date == "":
        return None
    iso = parse_date(date)
    if iso is None:
        raise InputError("--date", E_BAD_DATE.format(value=date))
    return iso


def language_refusal(article: Article) -> str | None:
    """The reason to skip a non-English article, else None (and article.language is set)."""
    sample = article.text[:LANGUAGE_SAMPLE_CHARS]
    if len(sample.strip()) < LANGUAGE_MIN_CHARS:
        return None
    lang, probability = _identifier().classify(sample)
    if lang == "en":
        article.language = "en"
        return None
    if probability >= LANGUAGE_CONFIDENCE:
        return E_NOT_ENGLISH.format(lang=lang)
    return None


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _one_line(title: str | None) -> str | None:
    if title is None:
        return None
    title = " ".join(title.split())
    return title or None
