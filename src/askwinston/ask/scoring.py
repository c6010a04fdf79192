"""Scoring answers against gold answers, shared by the tests and the benchmarks.

`squad_normalise` is the official SQuAD v1.1 normalisation (lower case; punctuation, the
articles a/an/the and extra white space removed). `normalise` adds ordinals (1st → 1), which
revision notes write both ways.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Sequence

PUNCTUATION = frozenset(string.punctuation) | frozenset("‘’“”–—…")
ARTICLES = re.compile(r"\b(a|an|the)\b")
ORDINAL = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b")
F1_CORRECT = 0.6
"""Token F1 at or above which an answer counts as correct in the dev-set and own-set checks."""


def squad_normalise(text: str) -> str:
    text = "".join(ch for ch in text.lower() if ch not in PUNCTUATION)
    return " ".join(ARTICLES.sub(" ", text).split())


def normalise(text: str) -> str:
    return squad_normalise(ORDINAL.sub(r"\1", text.lower()))


def token_f1(prediction: str, gold: str, norm: bool = False) -> float:
    """Token-overlap F1 after normalisation (`norm` adds ordinal folding)."""
    f = normalise if norm else squad_normalise
    pred, ref = f(prediction).split(), f(gold).split()
    common = sum((Counter(pred) & Counter(ref)).values())
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def exact(prediction: str, gold: str) -> bool:
    return squad_normalise(prediction) == squad_normalise(gold)


def is_correct(prediction: str | None, answers: Sequence[str]) -> bool:
    """Matches an accepted answer after normalising, or has token F1 ≥ 0.6 with one."""
    if prediction is None:
        return not answers
    return any(normalise(prediction) == normalise(g) or token_f1(prediction, g, True)
               >= F1_CORRECT for g in answers)
