"""BM25 retrieval over the sentences of the notes.

Written here rather than taken from a library because the corpus is small (a few thousand
sentences) and the scorer is twenty lines; it keeps ask's cold start free of heavy imports.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "being",
        "did",
        "do",
        "does",
        "what",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "which",
        "why",
        "how",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "there",
        "had",
        "has",
        "have",
        "not",
        "no",
    ]
)
K1 = 1.5
B = 0.75


def tokens(text: str) -> list[str]:
    """Lower-case word tokens without stop words, with a light plural/possessive folding."""
    out = []
    for tok in TOKEN.findall(text.lower().replace("’", "'")):
        if tok in STOPWORDS:
            continue
        if len(tok) > 4 and tok.endswith("s") and not tok.endswith("ss"):
            tok = tok[:-1]
        out.append(tok)
    return out


@dataclass
class BM25:
    """An Okapi BM25 index over a list of texts."""

    docs: list[Counter[str]]
    lengths: list[int]
    idf: dict[str, float]
    avgdl: float

    @classmethod
    def build(cls, texts: Sequence[str]) -> BM25:
        docs = [Counter(tokens(t)) for t in texts]
        lengths = [sum(d.values()) for d in docs]
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        n = len(docs)
        idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        return cls(docs, lengths, idf, (sum(lengths) / n) if n else 0.0)

    def scores(self, query: str) -> list[float]:
        terms = tokens(query)
        out = []
        for doc, length in zip(self.docs, self.lengths, strict=True):
            s = 0.0
            for t in terms:
                f = doc.get(t, 0)
                if f:
                    s += self.idf[t] * f * (K1 + 1) / (f + K1 * (1 - B + B * length / self.avgdl))
            out.append(s)
        return out

    def max_score(self, query: str) -> float:
        """The score of a sentence holding every query term once: the scale for confidence."""
        return sum(self.idf.get(t, 0.0) * (K1 + 1) / (1 + K1) for t in tokens(query))
