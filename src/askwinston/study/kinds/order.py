"""Put 3–5 dated events of one source in order."""

from __future__ import annotations

from typing import TypeVar

from askwinston.analysis.timex import sort_key
from askwinston.study import templates as t
from askwinston.study.card import Card, chunks, make_card
from askwinston.study.context import Clause, Context
from askwinston.study.kinds.dates import date_question
from askwinston.study.questions import (
    remove_span,
    statement,
)

E = TypeVar("E", bound=tuple[tuple[int, int, int], str, Clause])


def dated_statements(ctx: Context) -> list[tuple[tuple[int, int, int], str, Clause]]:
    out = []
    for clause in ctx.clauses:
        for date, inherited in clause.when():
            if inherited or date_question(ctx, clause, date) is None:
                continue
            a, b = date.start - clause.start, date.end - clause.start
            text = statement(ctx.parse(remove_span(clause.text, a, b)))
            if text is not None and "/" not in date.value:
                out.append((sort_key(date.value, date.row.get("mod")), text, clause))
    return out


def unambiguous(events: list[E]) -> list[E]:
    """Drop an event a learner could not place: same year as the last, and a month missing."""
    kept: list[E] = []
    for event in events:
        last = kept[-1][0] if kept else None
        if last is not None and last[0] == event[0][0] and 0 in (last[1], event[0][1]):
            continue
        kept.append(event)
    return kept


def order_cards(ctx: Context) -> list[Card]:
    cards = []
    by_source: dict[str, list[tuple[tuple[int, int, int], str, Clause]]] = {}
    for key, text, clause in sorted(dated_statements(ctx), key=lambda x: x[0]):
        group = by_source.setdefault(clause.source, [])
        if all(key != k for k, _, _ in group):
            group.append((key, text, clause))
    for events in by_source.values():
        for group in chunks(unambiguous(events), t.ORDER_MIN, t.ORDER_MAX):
            items = tuple(text for _, text, _ in group)
            lines = tuple(dict.fromkeys(c.line for _, _, c in group))
            cards.append(make_card(ctx, "order", group[0][2], t.ASK_ORDER, " → ".join(items),
                                   items, template="order", lines=lines))
    return cards


