"""BM25 retrieval over the sentences of the notes, with section titles as a weaker field.

Written here rather than taken from a library because the corpus is small (a few thousand
sentences) and the scorer is twenty lines; it keeps ask's cold start free of heavy imports.
Terms are stems (`askwinston.ask.text`), and a query is a weighted bag, so synonyms and
corrected misspellings can count for less than the student's own words.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from askwinston.ask.text import content_stems

K1 = 1.5
B = 0.75
CONTEXT_WEIGHT = 0.35
"""A query word found only in a sentence's section title or line-mates counts this much."""


def tokens(text: str) -> list[str]:
    """The retrieval terms of a text: stems of its content words."""
    return content_stems(text)


@dataclass
class BM25:
    """An Okapi BM25 index over a list of texts, with an inverted index for speed."""

    docs: list[Counter[str]]
    lengths: list[int]
    idf: dict[str, float]
    avgdl: float
    postings: dict[str, list[tuple[int, int]]]

    @classmethod
    def build(cls, texts: Sequence[str]) -> BM25:
        return cls.from_terms([tokens(t) for t in texts])

    @classmethod
    def from_terms(cls, term_lists: Sequence[Sequence[str]]) -> BM25:
        docs = [Counter(ts) for ts in term_lists]
        lengths = [sum(d.values()) for d in docs]
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, d in enumerate(docs):
            for t, f in d.items():
                postings[t].append((i, f))
        n = len(docs)
        idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in postings.items()}
        return cls(docs, lengths, idf, (sum(lengths) / n) if n else 0.0, dict(postings))

    def unseen_idf(self) -> float:
        """The idf a word would have if it occurred once: the weight of a word the notes lack."""
        n = len(self.docs)
        return math.log(1 + (n - 0.5) / 1.5) if n else 1.0

    def weighted_scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """BM25 of every document holding a query term; each term scaled by its weight."""
        out: dict[int, float] = defaultdict(float)
        for t, w in query.items():
            idf = self.idf.get(t)
            if idf is None:
                continue
            for i, f in self.postings[t]:
                norm = f + K1 * (1 - B + B * self.lengths[i] / (self.avgdl or 1.0))
                out[i] += w * idf * f * (K1 + 1) / norm
        return out

    def scores(self, query: str) -> list[float]:
        """Plain BM25 of every document for a query string (the baseline)."""
        found = self.weighted_scores(dict.fromkeys(tokens(query), 1.0))
        return [found.get(i, 0.0) for i in range(len(self.docs))]

    def max_score(self, query: str) -> float:
        """The score of a sentence holding every query term once: the scale for confidence."""
        return sum(self.idf.get(t, 0.0) * (K1 + 1) / (1 + K1) for t in tokens(query))


def context_postings(context: Sequence[Sequence[str]]) -> dict[str, list[int]]:
    """Term -> sentences whose context (section title, line-mates) holds it."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, terms in enumerate(context):
        for t in set(terms):
            out[t].append(i)
    return dict(out)


def rank(index: BM25, context: Mapping[str, Sequence[int]], query: Mapping[str, float],
         limit: int) -> list[tuple[int, float]]:
    """The best `limit` sentences: BM25 on the sentence plus a share for its context terms."""
    scores = index.weighted_scores(query)
    for t, w in query.items():
        idf = index.idf.get(t, index.unseen_idf())
        for i in context.get(t, ()):
            if not index.docs[i].get(t):
                scores[i] = scores.get(i, 0.0) + CONTEXT_WEIGHT * w * idf
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
