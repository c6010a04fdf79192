"""Study cards generated from the knowledge base — never from outside knowledge.

Kinds: "qa" (question → short answer), "cloze" (one gap: a date, number or name), "mcq" (four
options), "order" (3–5 dated events), "whoswho" (people matched to roles). Every card cites the
line it comes from; its id derives from kind, source, line text and answer, so a rebuild keeps a
learner's progress and a changed line gives a new card (the old one is retired).
"""

from __future__ import annotations

import sqlite3

from askwinston.study import templates as t
from askwinston.study.card import Card
from askwinston.study.context import Clause, Context
from askwinston.study.kinds.dates import date_cards
from askwinston.study.kinds.order import order_cards
from askwinston.study.kinds.people import mentions_role, people_cards
from askwinston.study.kinds.quantities import quantity_cards
from askwinston.study.kinds.quotes import quote_cards
from askwinston.study.kinds.reasons import reason_cards
from askwinston.study.questions import remove_span

__all__ = ["KINDS", "Card", "generate_cards"]


def worth_parsing(c: Clause) -> bool:
    """A clause some generator will read: it holds an item, an agent, a role or a reason."""
    if c.dates or c.quantities or c.quotes or c.inherited or " by " in c.text:
        return True
    return mentions_role(c.text) or any(f" {m} " in c.text for m in t.REASON_MARKERS)


def texts_to_parse(ctx: Context) -> list[str]:
    """Every text the generators will parse, so spaCy sees them in one batch (much faster)."""
    texts = []
    for c in ctx.clauses:
        if worth_parsing(c):
            texts.append(c.text)
        for d in c.dates[:1]:
            texts.append(remove_span(c.text, d.start - c.start, d.end - c.start))
        texts += [c.text[: max(0, q.start - c.start)] for q in c.quotes]
        texts += [q.row.get("text") or q.text for q in c.quotes]
    return texts


GENERATORS = (date_cards, quantity_cards, quote_cards, people_cards, reason_cards, order_cards)


def generate_cards(conn: sqlite3.Connection) -> list[Card]:
    """Every card the notes support, in reading order, without duplicates."""
    ctx = Context.load(conn)
    ctx.preparse(texts_to_parse(ctx))
    seen: dict[str, Card] = {}
    for generator in GENERATORS:
        for card in generator(ctx):
            seen.setdefault(card.id, card)
    return sorted(seen.values(), key=lambda c: (ctx.source_order(c.source), c.line, KINDS.index(
        c.kind)))


KINDS = ("qa", "mcq", "cloze", "whoswho", "order")
