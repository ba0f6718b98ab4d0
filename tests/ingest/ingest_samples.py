"""Small articles written for these tests (fictional events), shared by the ingest test files."""
from __future__ import annotations

STORY = (
    "Government forces shelled the northern town of Karvel on Tuesday, killing at least six "
    "civilians, a local health official said.\n\n"
    "The defence ministry said its units had targeted positions held by rebel fighters and denied "
    "hitting residential areas.\n\n"
    "Aid groups called on both sides to allow food and medicine into the town, where thousands of "
    "families have been cut off for weeks.\n"
)

GERMAN = (
    "Die Regierung hat am Dienstag neue Gespräche mit den Nachbarländern angekündigt. Der Minister "
    "sagte, man wolle die Grenzübergänge so schnell wie möglich wieder öffnen und die Versorgung "
    "der Bevölkerung sichern. Die Opposition kritisierte den Plan als unzureichend.\n"
)


def html_page(title: str = "Shelling kills six in Karvel", body: str = STORY,
              date: str | None = "2021-03-04") -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
    meta = f'<meta name="date" content="{date}">' if date else ""
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{title} - Example Wire</title>{meta}"
        '<meta property="og:site_name" content="Example Wire"></head>'
        '<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>\n{paragraphs}</article>"
        "<footer>Example Wire. All rights reserved.</footer></body></html>"
    )
