"""Words, stems and offsets: the one tokeniser that questions, retrieval and extraction share.

A light suffix stripper rather than a stemming library: notes and questions are short, and a
dozen rules plus the irregular forms in `synonyms.IRREGULAR` fold the forms students and notes use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from askwinston.ask.synonyms import GROUPS, IRREGULAR, RELATED

WORD = re.compile(r"[A-Za-z0-9]+(?:[’'][A-Za-z]+)?|%")
"""A word (with an apostrophe inside it) or a percent sign."""

STOPWORDS = frozenset(
    "a an the of and or in on at to for from by with as is was were be been being did do does "
    "what who whom whose when where which why how that this these those it its he she they them "
    "his her their there had has have not no into onto than then so but if also about any all "
    "can could would should will shall may might must i you we our your my me us one "
    "happen happened".split()
)
"""Words that carry no topic: never a retrieval term, never evidence for an answer."""


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text: as written, its stem, and character offsets into the text."""

    text: str
    stem: str
    start: int
    end: int

    @property
    def is_stop(self) -> bool:
        return self.text.lower() in STOPWORDS

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: lower case, no possessive or plural, -ed/-ing folded, final e cut."""
    w = _strip_possessive(word.lower().replace("’", "'"))
    w = IRREGULAR.get(w, w)
    if w.isdigit() or len(w) <= 3:
        return w
    for suffix, repl, min_len in (("ment", "", 8), ("ies", "y", 5), ("ied", "y", 5), ("ing", "", 6),
                                  ("ed", "", 5), ("es", "", 6), ("s", "", 4)):
        if w.endswith(suffix) and len(w) >= min_len and not w.endswith("ss"):
            w = w[: -len(suffix)] + repl
            break
    if len(w) > 4 and w[-1] == w[-2] and (w[-1] not in "aeiouls" or (w[-1] == "l" and len(w) > 5)):
        w = w[:-1]  # "shipped" -> "shipp" -> "ship"
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def tokenize(text: str) -> list[Token]:
    """Every word of `text` with its stem and offsets."""
    return [Token(m.group(0), stem(m.group(0)), m.start(), m.end()) for m in WORD.finditer(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry the topic, in order (stop words left out)."""
    return [t.stem for t in tokenize(text) if not t.is_stop]


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count one), giving up above `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


@lru_cache(maxsize=1)
def related_stems() -> dict[str, tuple[str, ...]]:
    """`synonyms.RELATED` with every key and value passed through `stem`, so the table can be
    written in plain words ("write", "wife") and still match."""
    out: dict[str, tuple[str, ...]] = {}
    for key, values in RELATED.items():
        k = stem(key)
        out[k] = tuple(dict.fromkeys([*out.get(k, ()), *(stem(v) for v in values if stem(v) != k)]))
    for group in GROUPS:
        stems = [stem(w) for w in group]
        for k in stems:
            out[k] = tuple(dict.fromkeys([*out.get(k, ()), *(v for v in stems if v != k)]))
    return out
