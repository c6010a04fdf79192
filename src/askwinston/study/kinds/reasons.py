"""Why-questions where the notes give a reason ('because of …')."""

from __future__ import annotations

from askwinston.study import templates as t
from askwinston.study.card import Card, make_card
from askwinston.study.context import Context
from askwinston.study.questions import (
    dangling,
    question,
    remove_span,
    tidy,
)


def reason_cards(ctx: Context) -> list[Card]:
    """'Why had the government’s popularity fallen by the summer of 1930?' → 'because of …'."""
    cards = []
    for clause in ctx.clauses:
        lower = clause.text.lower()
        hits = [(lower.find(" " + m + " "), m) for m in t.REASON_MARKERS if f" {m} " in lower]
        if not hits:
            continue
        at, _ = min(hits)
        left, answer = clause.text[:at], tidy(clause.text[at:]).rstrip(".!?")
        if len(answer.split()) > t.MAX_REASON_WORDS or dangling(answer.split()[-1]):
            continue
        tail = ""
        date = next((d for d in clause.dates if d.end - clause.start <= at), None)
        if date is not None:
            a, b = date.start - clause.start, date.end - clause.start
            words = left[:a].split()
            if len(words) > 1:
                continue
            tail = " " + tidy(left[: b]) if words else " in " + date.text
            left = remove_span(left, a, b)
        q = question(ctx.parse(left), t.WH_WORD["reason"])
        if q is not None:
            cards.append(make_card(ctx, "qa", clause, q[:-1] + tail + "?", answer,
                                   template="why"))
    return cards


