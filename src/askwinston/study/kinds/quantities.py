"""How-many questions, number clozes and number multiple choice."""

from __future__ import annotations

import math
import re

from askwinston.study import templates as t
from askwinston.study.card import Card, cloze, make_card, mcq_of
from askwinston.study.context import Clause, Context, Item
from askwinston.study.distractors import choose, nearest, scaled_numbers
from askwinston.study.questions import (
    cut_at_reason,
    dangling,
    introduces_list,
    root_of,
    tidy,
)


def quantity_question(ctx: Context, clause: Clause, q: Item) -> str | None:
    """'How many people were deported …?' when the number opens its clause."""
    a, b = q.start - clause.start, q.end - clause.start
    if clause.text[:a].strip() or introduces_list(clause.text):
        return None
    if re.search(r"\b(?:of the|out of)\b", q.text) and bare_number(ctx, clause, q):
        return None  # '13 of the 17 were sentenced': of which 17, the question cannot say
    rest = cut_at_reason(" " + clause.text[b:] + " ").strip().rstrip(".!?")
    doc = ctx.parse(clause.text)
    after = next((tok for tok in doc if tok.idx >= b and not tok.is_space), None)
    finite = any(tok.tag_ in t.FINITE_TAGS for tok in doc if tok.idx >= b)
    if after is None or not finite or root_of(doc) is None:
        return None
    if q.row.get("unit") == "percent":
        text = f"{t.WH_WORD['percent']} {rest}?"
    elif after.pos_ in ("NOUN", "PROPN"):
        text = f"{t.WH_WORD['quantity']} {rest}?"
    elif after.pos_ in ("VERB", "AUX"):
        text = f"{t.WH_WORD['quantity']} {t.PEOPLE_NOUN} {rest}?"
    else:
        return None
    text = tidy(text[:-1]) + "?"
    if dangling(rest) or len(text.split()) > t.MAX_QUESTION_WORDS:
        return None
    return text


def bare_number(ctx: Context, clause: Clause, q: Item) -> bool:
    """'13 of the 17 were sentenced': no noun says what is counted before the verb."""
    doc = ctx.parse(clause.text)
    end = q.end - clause.start
    for tok in doc:
        if tok.idx < end:
            continue
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return True
    return True


def quantity_pool(ctx: Context, q: Item) -> list[str]:
    """Other numbers of the notes counting in the same unit, within ~10x, nearest first."""
    items, keys = ctx.sorted_pool("quantity", q.source, q.row.get("unit"))
    key = magnitude(q)
    return [x.answer for x in nearest(items, keys, key)
            if x is not q and abs(magnitude(x) - key) <= t.SAME_ORDER]


def magnitude(q: Item) -> float:
    return math.log10(max(float(q.row.get("value") or 0), 1e-9))


def quantity_cards(ctx: Context) -> list[Card]:
    cards: list[Card] = []
    for clause in ctx.clauses:
        for q in clause.quantities:
            card = None if bare_number(ctx, clause, q) else cloze(ctx, clause, q, "number")
            cards += [card] if card else []
            text = quantity_question(ctx, clause, q)
            if text is None:
                continue
            qa = make_card(ctx, "qa", clause, text, q.answer, template="how-many")
            cards.append(qa)
            mcq = mcq_of(qa, choose(q.answer, quantity_pool(ctx, q), scaled_numbers(q.answer),
                                    qa.id))
            cards += [mcq] if mcq else []
    return cards


