"""Put 3–5 dated events of one source in order."""

from __future__ import annotations

import re
from typing import TypeVar

from askwinston.study import templates as t
from askwinston.study.card import Card, chunks, make_card, topic
from askwinston.study.context import Clause, Context
from askwinston.study.kinds.dates import date_question
from askwinston.study.questions import (
    remove_span,
    statement,
)

Key = tuple[int, int, int]
E = TypeVar("E", bound=tuple[Key, str, Clause])
CALENDAR = re.compile(r"(-?\d{4})(?:-(\d\d|SP|SU|FA|WI))?(?:-(\d\d))?")
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 0}
"""A season's middle month; winter straddles two years, so its month is unknown (0)."""


def order_key(value: str) -> Key | None:
    """(year, month, day) of a calendar TIMEX3 value, 0 where unknown; None for '193', ranges."""
    m = CALENDAR.fullmatch(value)
    if m is None:
        return None
    part = m.group(2) or "0"
    month = SEASON_MONTH[part] if part in SEASON_MONTH else int(part)
    return (int(m.group(1)), month, int(m.group(3) or 0))


def dated_statements(ctx: Context) -> list[tuple[Key, str, Clause]]:
    out = []
    for clause in ctx.clauses:
        for date, inherited in clause.when():
            if inherited or date_question(ctx, clause, date) is None:
                continue
            a, b = date.start - clause.start, date.end - clause.start
            text = statement(ctx.parse(remove_span(clause.text, a, b)))
            key = order_key(date.value)
            if text is not None and key is not None:
                out.append((key, text, clause))
    return out


def unambiguous(events: list[E]) -> list[E]:
    """Drop an event a learner could not place after the last: same year and a month missing,
    or same month and a day missing ('December 1934' against '1 December 1934')."""
    kept: list[E] = []
    for event in events:
        if kept and too_close(kept[-1][0], event[0]):
            continue
        kept.append(event)
    return kept


def too_close(a: Key, b: Key) -> bool:
    if a[0] != b[0]:
        return False
    return 0 in (a[1], b[1]) or (a[1] == b[1] and 0 in (a[2], b[2]))


def order_cards(ctx: Context) -> list[Card]:
    cards = []
    by_topic: dict[str, list[tuple[Key, str, Clause]]] = {}
    for key, text, clause in sorted(dated_statements(ctx), key=lambda x: x[0]):
        group = by_topic.setdefault(topic(clause.source), [])
        if all(key != k for k, _, _ in group):
            group.append((key, text, clause))
    for events in by_topic.values():
        for group in chunks(unambiguous(events), t.ORDER_MIN, t.ORDER_MAX):
            items = tuple(text for _, text, _ in group)
            clauses = tuple(c for _, _, c in group)
            cards.append(make_card(ctx, "order", clauses[0], t.ASK_ORDER, " → ".join(items),
                                   items, template="order", also=clauses[1:]))
    return cards


