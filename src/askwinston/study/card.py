"""One study card, and the helpers every kind of card is made with (id, fingerprint, cloze)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import TypeVar

from askwinston.model import stable_id
from askwinston.study import templates as t
from askwinston.study.context import Clause, Context, Item, topic
from askwinston.study.questions import dangling, root_of, subject_of, tidy

__all__ = ["Card", "chunks", "cloze", "make_card", "mcq_of", "topic"]

T = TypeVar("T")


@dataclass(frozen=True)
class Card:
    """One study card. `options`: mcq choices (incl. the answer); order: items in the right
    order; whoswho: "name — role" pairs. `fingerprint` hashes the cited line text."""

    id: str
    kind: str
    question: str
    answer: str
    options: tuple[str, ...]
    source: str
    line: int
    sentence: str
    fingerprint: str


def fingerprint(*line_texts: str) -> str:
    return hashlib.sha1("\n".join(line_texts).encode("utf-8")).hexdigest()[:16]


def make_card(
    ctx: Context,
    kind: str,
    clause: Clause,
    q: str,
    answer: str,
    options: tuple[str, ...] = (),
    template: str = "",
    also: tuple[Clause, ...] = (),
) -> Card:
    """A card citing `clause` (and the lines of `also`, for order and who's-who cards)."""
    refs = dict.fromkeys((c.source, c.line) for c in (clause, *also))
    texts = [ctx.line_text(source, n) for source, n in refs]
    cid = stable_id("card", kind, template, clause.source, *texts, q, answer)
    return Card(
        cid, kind, q, answer, options, clause.source, clause.line, clause.sentence,
        fingerprint(*texts),
    )


def glued(text: str, a: int, b: int) -> bool:
    """An item that is part of a bigger token: '1800' of '1800s', '38' of '1937–38'."""
    left, right = text[max(0, a - 2) : a], text[b : b + 2]
    return bool(re.match(r"\w|[–-]\d", right) or re.search(r"(\w|\d[–-])$", left))


def cloze(ctx: Context, clause: Clause, item: Item, template: str) -> Card | None:
    """The clause (or its whole sentence when the clause is short) with one gap."""
    if glued(clause.text, item.start - clause.start, item.end - clause.start):
        return None
    text, start = clause.text, clause.start
    if not clause.rewritten and not stands_alone(ctx, clause):
        text, start = clause.sentence, clause.sentence_start
    a, b = item.start - start, item.end - start
    lead = ctx.lead_in(clause) if dangling(text.split()[0]) else ""
    if a < 0 or b > len(text) or len(text.split()) > t.MAX_CLOZE_WORDS:
        return None
    if lead:
        text, a, b = lead + " " + text, a + len(lead) + 1, b + len(lead) + 1
    q = tidy(text[:a] + t.CLOZE_GAP + text[b:])
    if len(q.split()) < t.MIN_CLOZE_WORDS and text != clause.sentence and not clause.rewritten:
        s = clause.sentence
        a, b = item.start - clause.sentence_start, item.end - clause.sentence_start
        q = tidy(s[:a] + t.CLOZE_GAP + s[b:])
    check = " ".join(q[len(lead) :].split()[1:]) if lead and q.startswith(lead) else q
    check = check.replace(t.CLOZE_GAP, item.text)  # judged as the notes say it, gap filled
    if len(q.split()) < t.MIN_CLOZE_WORDS or (check and dangling(check)):
        return None
    q = with_heading(ctx, clause, text, q[0].upper() + q[1:])
    return make_card(ctx, "cloze", clause, q, item.text, template=template)


def stands_alone(ctx: Context, clause: Clause) -> bool:
    """A clause long enough and with its own subject and verb to be read without its sentence
    (not an aside like '- the men who had made the revolution in 1917 -')."""
    if len(clause.text.split()) < t.CLAUSE_ALONE_WORDS:
        return False
    if clause.text == clause.sentence:
        return True
    root = root_of(ctx.parse(clause.text))
    return root is not None and subject_of(root) is not None


def with_heading(ctx: Context, clause: Clause, text: str, q: str) -> str:
    """A note fragment with no verb ('Date: February 1934 - the "Congress of Victors"') gets
    its section heading in front, which says what the fragment is about."""
    heading = clause.section
    if not heading or heading.endswith("?") or heading.lower() in q.lower():
        return q
    if any(tok.tag_ in t.FINITE_TAGS for tok in ctx.parse(text)):
        return q
    return f"{heading}: {q}"


def mcq_of(card: Card, options: tuple[str, ...]) -> Card | None:
    if not options:
        return None
    return replace(card, id=stable_id("mcq", card.id), kind="mcq", options=options)



def chunks(items: list[T], low: int, high: int) -> list[list[T]]:
    """Consecutive groups of `high` (the last one merged or dropped to stay within low..high)."""
    groups = [items[i : i + high] for i in range(0, len(items), high)]
    if len(groups) > 1 and len(groups[-1]) < low:
        tail = groups.pop()
        room = high + 1 - len(groups[-1])
        groups[-1].extend(tail[: max(0, room - 1)])
    return [g for g in groups if low <= len(g) <= high]


