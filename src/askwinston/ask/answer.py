"""Answer a question from the notes: the best supporting sentence, cited, or "the notes don't say".

First version: retrieval only. The answer is the sentence itself; confidence is the share of the
question's content words the sentence covers, weighted by how rare they are.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from askwinston.ask.retrieve import BM25
from askwinston.errors import BadQuestion
from askwinston.store import kb

MAX_QUESTION_CHARS = 1000
"""Longer input is not a question; it is refused with a clear message."""

ABSTAIN_BELOW = 0.45
"""Confidence under which the answer is null: the notes don't say."""


@dataclass
class Answerer:
    """Holds the sentences and their index so many questions are answered quickly."""

    sentences: list[dict[str, Any]]
    index: BM25

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Answerer:
        rows = kb.sentences(conn)
        return cls(rows, BM25.build([r["text"] for r in rows]))

    def ask(self, question: str) -> dict[str, Any]:
        q = check_question(question)
        result: dict[str, Any] = {"question": q, "answer": None, "confidence": 0.0,
                                  "citations": []}
        if not self.sentences:
            return result
        scores = self.index.scores(q)
        best = max(range(len(scores)), key=scores.__getitem__)
        ceiling = self.index.max_score(q)
        confidence = round(min(1.0, scores[best] / ceiling), 3) if ceiling else 0.0
        row = self.sentences[best]
        result["confidence"] = confidence
        if confidence >= ABSTAIN_BELOW:
            result["answer"] = row["text"]
            result["citations"] = [{"source": row["source"], "line": row["line"],
                                    "text": row["text"]}]
        return result


def check_question(question: str) -> str:
    """Refuse input that is not a question a person would type."""
    q = " ".join(question.split())
    if not q:
        raise BadQuestion("the question is empty")
    if len(q) > MAX_QUESTION_CHARS:
        raise BadQuestion(
            f"the question is {len(q):,} characters long; the limit is {MAX_QUESTION_CHARS:,}"
        )
    return q
