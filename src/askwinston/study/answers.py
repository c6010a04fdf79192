"""Lenient answer checking: case, punctuation, articles, ordinals, hedges and small typos.

Numbers are never forgiven: "1935" is not "1934", however close the spelling.
"""

from __future__ import annotations

import re
import unicodedata

ARTICLES = frozenset({"a", "an", "the", "of"})
"""Words left out when comparing answers ("summer 1930" for "the summer of 1930")."""
HEDGE_WORDS = frozenset(
    "at least more than over about around almost nearly under fewer less up to some only just"
    " roughly approximately c circa".split()
)
"""Words a learner may leave out of a number answer ("30,000" for "over 30,000")."""
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise(text: str) -> str:
    """Lower case, plain letters, no punctuation or articles, '1st' → '1', '30,000' → '30000'."""
    text = unicodedata.normalize("NFKD", text.translate(QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = ORDINAL.sub(r"\1", text)
    text = re.sub(r"\s*(?:%|\bper ?cent\b)", " %", text)
    text = re.sub(r"[^\w%.\s]|(?<!\d)\.|\.(?!\d)|_", " ", text)
    return " ".join(w for w in text.split() if w not in ARTICLES)


def numbers(text: str) -> list[float]:
    """The numbers of a normalised text, with 'million' and friends applied."""
    words = text.split()
    found = []
    for i, word in enumerate(words):
        if NUMBER.fullmatch(word.rstrip("%")):
            value = float(word.rstrip("%"))
            if i + 1 < len(words) and words[i + 1] in SCALES:
                value *= SCALES[words[i + 1]]
            found.append(value)
    return found


def letters(text: str) -> str:
    return " ".join(w for w in text.split() if not NUMBER.fullmatch(w.rstrip("%")))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (small strings only)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def typo_allowance(text: str) -> int:
    """How many slips a word of this length may have: none for short words."""
    n = len(text)
    return 0 if n <= 3 else 1 if n <= 7 else 2 if n <= 14 else n // 7


def close(given: str, expected: str) -> bool:
    return edit_distance(given, expected) <= typo_allowance(expected)


def _without_hedges(text: str) -> str:
    return " ".join(w for w in text.split() if w not in HEDGE_WORDS)


def _surname_match(given: str, expected: str) -> bool:
    """'nikolaev' for 'Leonid Nikolaev': the last name alone is enough."""
    parts = expected.split()
    return len(parts) > 1 and not numbers(expected) and close(given, parts[-1])


def _same_words(given: str, expected: str) -> bool:
    """'december 1 1934' for '1 December 1934': the same words in another order."""
    return sorted(given.split()) == sorted(expected.split())


def matches(given: str, expected: str) -> bool:
    """True when `given` says `expected`, forgiving form but not facts."""
    g, e = normalise(given), normalise(expected)
    if not g or not e:
        return False
    if g == e or _same_words(g, e):
        return True
    if numbers(g) != numbers(e):
        return False
    if numbers(e):
        return close(_without_hedges(letters(g)), _without_hedges(letters(e)))
    return close(g, e) or _surname_match(g, e)


def option_index(given: str, options: tuple[str, ...]) -> int | None:
    """Which option a learner picked: by number (1-based) or by its text."""
    text = given.strip().rstrip(".)")
    if text.isdigit() and 1 <= int(text) <= len(options):
        return int(text) - 1
    if len(text) == 1 and text.lower() in "abcdefgh"[: len(options)]:
        return "abcdefgh".index(text.lower())
    hits = [i for i, option in enumerate(options) if normalise(option) == normalise(given)]
    if not hits:
        hits = [i for i, option in enumerate(options) if matches(given, option)]
    return hits[0] if len(hits) == 1 else None
