"""When-questions, date clozes and date multiple choice."""

from __future__ import annotations

from spacy.tokens import Doc

from askwinston.study import templates as t
from askwinston.study.card import Card, cloze, make_card, mcq_of
from askwinston.study.context import Clause, Context, Item
from askwinston.study.distractors import choose, nearest, shifted_dates
from askwinston.study.questions import (
    introduces_list,
    question,
    remove_span,
)


def date_question(ctx: Context, clause: Clause, date: Item) -> str | None:
    """'When …?' from a clause whose date opens or closes it (not one buried inside)."""
    a, b = date.start - clause.start, date.end - clause.start
    if introduces_list(clause.text):
        return None
    before = clause.text[:a].split()
    after = clause.text[b:].strip(" .,;")
    if any(w.lower() in t.TIME_RELATIONS for w in before[-t.RELATION_WINDOW :]):
        return None
    opens = len(before) <= 1 and (not before or before[0].lower() in t.DATE_PREPOSITIONS)
    if not opens and after and not modifies_verb(ctx.parse(clause.text), a, b):
        return None
    body = remove_span(clause.text, a, b)
    return question(ctx.parse(body), t.WH_WORD["date"])


def modifies_verb(doc: Doc, a: int, b: int) -> bool:
    """True when the date at [a, b) dates the main verb ('was crowned on 25 December 1066 in …')."""
    inside = [tok for tok in doc if a <= tok.idx < b]
    heads = [tok for tok in inside if not a <= tok.head.idx < b]
    if len(heads) != 1:
        return False
    head = heads[0]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head
    return head.head.dep_ == "ROOT" and head.head.pos_ in ("VERB", "AUX")


def date_pool(ctx: Context, date: Item) -> list[str]:
    """The notes' other dates, nearest in time first."""
    items, keys = ctx.sorted_pool("date", date.source, None)
    return [d.answer for d in nearest(items, keys, date.year) if d.value != date.value]


def date_cards(ctx: Context) -> list[Card]:
    cards: list[Card] = []
    for clause in ctx.clauses:
        for date in (d for d in clause.dates if d.explicit):
            card = cloze(ctx, clause, date, "date")
            cards += [card] if card else []
        for date, inherited in clause.when():
            q = date_question(ctx, clause, date) if not inherited else inherited_question(
                ctx, clause
            )
            if q is None:
                continue
            qa = make_card(ctx, "qa", clause, q, date.answer, template="when")
            cards.append(qa)
            options = choose(date.answer, date_pool(ctx, date), shifted_dates(date.answer), qa.id)
            mcq = mcq_of(qa, options)
            cards += [mcq] if mcq else []
    return cards


def inherited_question(ctx: Context, clause: Clause) -> str | None:
    """'Kirov was shot in his office.' after '1st December 1934 …' on the same line."""
    doc = ctx.parse(clause.text)
    subject = next((tok for tok in doc if tok.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    if not any(tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBN") and tok.lemma_ != "be"
               for tok in doc):
        return None
    return question(doc, t.WH_WORD["date"])


