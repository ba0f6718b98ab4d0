"""Features for relation classification: one sentence plus optional actor and recipient spans.

The spans are replaced by placeholder tokens so the model learns what links two parties
(the predicate after the actor, the words between the spans, the words before the recipient)
rather than who the parties are. Everything here is plain Python so a sentence costs
microseconds; no parser is run.
"""
from __future__ import annotations

import re

ACT, REC = "ACT", "REC"
TOKEN_RE = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*|[^\w\s]")
MARK_RE = re.compile(r"</?[st]>")

# Words that sit between a subject and its predicate and say little about the event.
SKIP = frozenset("""has have had is are was were be been being will would could should may might must
can also on said says say that it its their his her they he she which who then now just
reportedly already again yet still not n't never only later earlier jointly formally
officially finally the a an and , of to in""".split())
MODALS = frozenset("will would shall 'll could may might plans plan planned intends intend "
                   "ready prepared willing wants want".split())
NEGATORS = frozenset("not n't never no refused refuses refuse refusing declined declines decline "
                     "failed fails rejected rejects denied denies without cannot won't".split())
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude stem: lower case, common inflectional suffixes stripped (keeps >= 3 letters)."""
    w = word.lower().replace("’", "'")
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                return base + "y"
            if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "stopped" -> "stop"
            return base
    return w


def parse_marked(text: str) -> tuple[str, str | None, str | None]:
    """Strip PLV-style <s>..</s> (actor) and <t>..</t> (recipient) marks; return text and spans."""
    actor = re.search(r"<s>(.*?)</s>", text, flags=re.S)
    recipient = re.search(r"<t>(.*?)</t>", text, flags=re.S)
    clean = MARK_RE.sub("", text)
    return (clean, actor.group(1).strip() if actor else None,
            recipient.group(1).strip() if recipient else None)


def find_span(text: str, part: str | None, avoid: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """Character offsets of ``part`` in ``text`` (the first occurrence not overlapping ``avoid``)."""
    if not part:
        return None
    start = text.find(part)
    while start >= 0:
        end = start + len(part)
        if avoid is None or end <= avoid[0] or start >= avoid[1]:
            return start, end
        start = text.find(part, start + 1)
    return None


def tokens_with_slots(text: str, actor: str | None, recipient: str | None) -> list[str]:
    """Lower-cased tokens of ``text`` with the actor and recipient spans collapsed to ACT / REC."""
    a_span = find_span(text, actor)
    r_span = find_span(text, recipient, avoid=a_span)
    slots = sorted((s, label) for s, label in ((a_span, ACT), (r_span, REC)) if s)
    out: list[str] = []
    pos = 0
    for (start, end), label in slots:
        out.extend(t.lower() for t in TOKEN_RE.findall(text[pos:start]))
        out.append(label)
        pos = end
    out.extend(t.lower() for t in TOKEN_RE.findall(text[pos:]))
    return out


def _window(tokens: list[str], start: int, step: int, size: int) -> list[str]:
    """Up to ``size`` content tokens from ``start`` in direction ``step``, skipping filler words."""
    found: list[str] = []
    i = start
    while 0 <= i < len(tokens) and len(found) < size:
        tok = tokens[i]
        if tok in (ACT, REC) or tok in ".;:":
            break
        if tok not in SKIP:
            found.append(tok)
        i += step
    return found


def features(text: str, actor: str | None, recipient: str | None,
             lexicon: dict[str, tuple[str, ...]]) -> set[str]:
    """The set of string features of one (sentence, actor, recipient) triple."""
    tokens = tokens_with_slots(text, actor, recipient)
    stems = [t if t in (ACT, REC) else stem(t) for t in tokens]
    feats = {f"w:{s}" for s in stems if s not in (ACT, REC)}
    feats.update(f"b:{a}_{b}" for a, b in zip(stems, stems[1:]))
    a_i = stems.index(ACT) if ACT in stems else -1
    r_i = stems.index(REC) if REC in stems else -1
    feats.add(f"order:{_order(a_i, r_i)}")
    if a_i >= 0 and r_i >= 0:
        lo, hi = sorted((a_i, r_i))
        between = stems[lo + 1:hi]
        feats.update(f"btw:{s}" for s in between if s not in SKIP)
        if len(between) <= 6:
            feats.add("btwseq:" + "_".join(between))
    if a_i >= 0:
        after = _window(stems, a_i + 1, 1, 3)
        feats.update(f"aw:{s}" for s in after)
        if after:
            feats.add(f"pred:{after[0]}")
        if len(after) > 1:
            feats.add(f"predobj:{after[0]}_{after[1]}")
        feats.update(f"ab:{s}" for s in _window(stems, a_i - 1, -1, 2))
    if r_i >= 0:
        feats.update(f"rb:{s}" for s in _window(stems, r_i - 1, -1, 2))
        feats.update(f"ra:{s}" for s in _window(stems, r_i + 1, 1, 2))
    feats.update(_modality(tokens, stems))
    feats.update(_char_grams(stems, a_i, r_i))
    feats.update(_lexicon_features(stems, a_i, lexicon))
    return feats


def _char_grams(stems: list[str], a_i: int, r_i: int, n: int = 4) -> set[str]:
    """Character n-grams of the predicate-window words: unseen inflections and derivations
    ("reinstated", "renewal") still share pieces with words the corpus has."""
    words = set(_window(stems, a_i + 1, 1, 3)) if a_i >= 0 else set()
    if a_i >= 0 and r_i >= 0:
        lo, hi = sorted((a_i, r_i))
        words.update(s for s in stems[lo + 1:hi] if s not in SKIP)
    out: set[str] = set()
    for w in words:
        padded = f"<{w}>"
        out.update(f"c:{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return out


def _order(a_i: int, r_i: int) -> str:
    if a_i >= 0 and r_i >= 0:
        return "AR" if a_i < r_i else "RA"
    return "A" if a_i >= 0 else ("R" if r_i >= 0 else "-")


def _modality(tokens: list[str], stems: list[str]) -> set[str]:
    """Future / negated predicates: 'would withdraw' -> mod:withdraw, 'refused to meet' -> neg:meet.

    Cue words are matched on the tokens (stems would blur "refused"), the predicate on stems.
    """
    out: set[str] = set()
    for i, tok in enumerate(tokens[:-1]):
        if tok not in MODALS and tok not in NEGATORS:
            continue
        nxt = [t for t in stems[i + 1:i + 4] if t not in SKIP and t not in ("to", "be")]
        if not nxt:
            continue
        kind = "mod" if tok in MODALS else "neg"
        out.add(f"{kind}:{nxt[0]}")
        out.add(f"has_{kind}")
    return out


def _lexicon_features(stems: list[str], a_i: int, lexicon: dict[str, tuple[str, ...]]) -> set[str]:
    """Trigger-lexicon hits anywhere, and in the predicate window after the actor."""
    out: set[str] = set()
    near = set(_window(stems, a_i + 1, 1, 4)) if a_i >= 0 else set()
    for s in set(stems):
        for typ in lexicon.get(s, ()):
            out.add(f"lex:{typ}")
            if s in near:
                out.add(f"lexpred:{typ}")
    return out
