"""Quoted speech and who said it (first version: the nearest person before the quote)."""

from __future__ import annotations

import re

from askwinston.analysis.entities import Candidate
from askwinston.model import Quote, Sentence, Span

QUOTE = re.compile(r"(?:(?<=\W)|^)(?:‘(?P<a>[^’]+(?:’\w[^’]*)*)’|“(?P<b>[^”]+)”|\"(?P<c>[^\"]+)\")")
MIN_QUOTE_WORDS = 3
"""Shorter quoted text is a term in scare quotes, not speech."""


def annotate_sentence(sentence: Sentence, candidates: list[Candidate]) -> list[Quote]:
    """Quotes of one sentence with the nearest person named before them as speaker."""
    out = []
    base = sentence.span.start
    people = [c for c in candidates if c.kind == "person"]
    for m in QUOTE.finditer(sentence.text):
        body = m.group("a") or m.group("b") or m.group("c") or ""
        if len(body.split()) < MIN_QUOTE_WORDS:
            continue
        before = [c for c in people if c.span.end <= base + m.start()]
        speaker = before[-1].text if before else None
        span = Span(sentence.span.source, sentence.span.line, base + m.start(), base + m.end())
        out.append(Quote(span, body, speaker, None, sentence.id))
    return out
