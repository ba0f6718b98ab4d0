"""Remove scraped-page debris (captions, share buttons, cookie banners ...) from article text.

Cleaning works on whole lines only and never rewrites a line it keeps, so clean text comes back
unchanged, byte for byte (offsets into the input stay valid). When some lines are dropped, runs
of blank lines left behind collapse to one blank line (a paragraph break).

The debris is data: DEBRIS below, one (kind, pattern, why) row per kind of line. A pattern must
match the whole line (stripped, case-insensitive). Kinds:
  line  drop the line;
  next  drop the line and the next non-blank line (a photo credit or caption text);
  run   drop the line and the short link-like lines that follow it (topic links, share buttons).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

DEBRIS: tuple[tuple[str, str, str], ...] = (
    ("run", r"related topics", "BBC topic links"),
    ("run", r"share this with.*", "share buttons"),
    ("run", r"(more on this story|related (stories|articles|content|coverage)|most (read|popular))",
     "link lists"),
    ("next", r"image copyright", "photo credit on the next line"),
    ("next", r"image caption", "caption text on the next line"),
    ("next", r".{10,}\.?\s*image copyright", "photo description ending in a credit marker"),
    ("line", r"image (copyright|caption|source),?\s.+", "credit or caption on one line"),
    ("line", r"(photo|picture|image|video)( credit| source)?\s*:\s*.{1,100}", "photo credit"),
    ("line", r"(reuters|afp|ap|epa|epa-efe|pa|pa media|getty images|afp via getty images|ap photo)",
     "agency credit alone"),
    ("line", r".{0,60}\bgetty images", "photo credit"),
    ("line", r"media playback is unsupported on your device", "BBC video placeholder"),
    ("line", r"(advertisement|sponsored content|scroll to continue( with content)?)", "ads"),
    ("line", r"(read|see) (more|also)\s*:.*", "link teaser"),
    ("line", r"read more", "link teaser"),
    ("line", r"(we|this (web)?site|our site) uses? cookies\b.{0,300}", "cookie banner"),
    ("line", r"(accept|allow|reject|manage) (all )?cookies.{0,100}", "cookie banner"),
    ("line", r"cookie (policy|settings|preferences|consent).{0,100}", "cookie banner"),
    ("line", r"skip to (main )?content", "navigation"),
    ("line", r"sign up (for|to) .{0,60}newsletters?.{0,60}", "newsletter box"),
    ("line", r"(follow|like) us on (twitter|facebook|instagram|x|linkedin).{0,60}", "social box"),
    ("line", r"(copyright|©).{0,80}all rights reserved\.?", "copyright footer"),
    ("line", r"all rights reserved\.?", "copyright footer"),
    ("line", r"(published|last updated|updated|posted)(:| on| at)?\s(?=.*\d).{1,60}", "timestamp"),
    ("line", r"(these are external links and will open in a new window|close share panel|copy this link)",
     "share panel"),
)
COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern, _why in DEBRIS)
MAX_DEBRIS_LINE = 400          # longer lines are article text, whatever they contain
HEADLINE_WINDOW = 10           # a repeated headline is looked for in the first lines only
LINK_LIKE = re.compile(r"^[^.!?\"”]{1,60}$")
BLANK_RUN = re.compile(r"\n(?:[ \t\r]*\n){2,}")


@dataclass
class Cleaned:
    text: str
    dropped: list[str] = field(default_factory=list)   # the debris lines, for dateline search


def clean_text(text: str, title: str | None = None) -> Cleaned:
    """Drop debris lines (and a repeated headline); keep every other line as it is."""
    lines = text.split("\n")
    drop: set[int] = set()
    headlines = _headline_keys(title)
    for index, line in enumerate(lines):
        if index in drop:
            continue
        if index < HEADLINE_WINDOW and _key(line) in headlines:
            drop.add(index)
            continue
        kind = debris_kind(line)
        if kind:
            drop.update(_lines_to_drop(lines, index, kind))
    if not drop:
        return Cleaned(text)
    kept = "\n".join(line for index, line in enumerate(lines) if index not in drop)
    kept = BLANK_RUN.sub("\n\n", kept)
    kept = re.sub(r"\A(?:[ \t\r]*\n)+", "", kept).rstrip()
    return Cleaned(kept, [lines[index] for index in sorted(drop)])


def debris_kind(line: str) -> str | None:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_DEBRIS_LINE:
        return None
    for kind, pattern in COMPILED:
        if pattern.fullmatch(stripped):
            return kind
    return None


def _lines_to_drop(lines: list[str], index: int, kind: str) -> list[int]:
    found = [index]
    following = (i for i in range(index + 1, len(lines)) if lines[i].strip())
    if kind == "next":
        found.append(next(following, index))
    elif kind == "run":
        for i in following:
            if not LINK_LIKE.match(lines[i].strip()):
                break
            found.append(i)
    return found


def _headline_keys(title: str | None) -> set[str]:
    """The title, and the title without a site name after " - " or " | " (page titles carry one)."""
    if not title or not title.strip():
        return set()
    keys = {_key(title)}
    for separator in (" - ", " | ", " – "):
        if separator in title:
            keys.add(_key(title.rsplit(separator, 1)[0]))
    return keys


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def normalise(text: str) -> str:
    """NFC with whitespace collapsed: what content_hash is computed over."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()
