"""Numbers with their hedge and what they count (first version)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from askwinston.model import Quantity, Sentence, Span, Timex

HEDGES = ("at least", "more than", "over", "about", "around", "almost", "nearly", "under",
          "fewer than", "less than", "up to", "some")
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
NUMBER = re.compile(
    r"(?i)\b(?:(?P<hedge>" + "|".join(HEDGES) + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<pct>%|per ?cent))?(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?:\s+out of\s+(?P<of>\d[\d,]*))?"
)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def annotate_sentence(sentence: Sentence, doc: Doc, timexes: list[Timex]) -> list[Quantity]:
    """Quantities in one sentence, skipping numbers that are part of a date."""
    base = sentence.span.start
    dates = [(t.span.start - base, t.span.end - base) for t in timexes]
    out = []
    for m in NUMBER.finditer(sentence.text):
        if _overlaps((m.start("num"), m.end("num")), dates):
            continue
        text = sentence.text
        if m.end() < len(text) and text[m.end():m.end() + 2] in ("st", "nd", "rd", "th"):
            continue  # an ordinal ("17th Party congress")
        value = float(m.group("num").replace(",", ""))
        if m.group("scale"):
            value *= SCALES[m.group("scale").lower()]
        unit = "percent" if m.group("pct") else None
        if unit:
            value /= 100
        of = float(m.group("of").replace(",", "")) if m.group("of") else None
        span = Span(sentence.span.source, sentence.span.line, base + m.start(), base + m.end())
        counts = text[m.end():].split(" - ")[0].strip(" .,;") or None
        out.append(Quantity(span, m.group(0), value, counts, m.group("hedge"), of, unit,
                            sentence.id))
    return out
