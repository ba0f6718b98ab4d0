"""Wire datelines ("ALGIERS, Algeria - Police have arrested ...", "KABUL (Agency): ...") are not part
of the sentence.

Left in, the parser makes the city the subject of the first sentence ("ALGIERS arrested ..."), so
the first event of every wire story gets a place as its actor. This component runs before the
parser and starts a new sentence after the dateline's dash; the parser keeps preset boundaries.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# An upper-case place at the start of a paragraph, optional ", Region" / ", Month Day, Year",
# optional "(Agency)", then a dash or a colon: the common wire dateline shapes.
DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .'\-]{1,40}(?:,[^\n\-\u2013\u2014():]{1,60})?[ \t]*(?P<agency>\([^()\n]{1,40}\))?[ \t]*"
    r"(?P<sep>--|[-\u2013\u2014:])[ \t]+(?=\S)"
)


def dateline_ends(text: str) -> list[int]:
    """Character offsets where the text after a dateline begins."""
    return [m.end() for m in DATELINE.finditer(text) if _is_dateline(m)]


def _is_dateline(match: re.Match) -> bool:
    head = _head(match.group(0))
    if not _looks_like_place(head):
        return False
    # "UPDATE: ..." and "WARNING: ..." are headings: a colon needs an agency or a known place
    return match.group("sep") != ":" or bool(match.group("agency")) or _known_place(head)


def _head(dateline: str) -> str:
    return dateline.strip().split(",")[0].split("(")[0].strip(" :-\u2013\u2014")


def _known_place(name: str) -> bool:
    from ..resolve.gazetteer import load_gazetteer

    return bool(load_gazetteer().lookup(name))   # the lookup key is case-folded


def _looks_like_place(head: str) -> bool:
    if len(head) < 3 or head.upper() != head or not any(c.isalpha() for c in head):
        return False
    return not _names_an_organisation(head)      # "NATO - the alliance - met ..." is no dateline


def _names_an_organisation(head: str) -> bool:
    from ..resolve.kb import load_kb

    return any(h.entry.kind in ("org", "group", "person") for h in load_kb().lookup(head, require_cap=False))


@Language.component("ne_dateline")
def split_datelines(doc: Doc) -> Doc:
    for end in dateline_ends(doc.text):
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc
