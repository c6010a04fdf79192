"""Moodle GIFT: short answer, missing word (cloze), multiple choice and matching questions."""

from __future__ import annotations

import re
from pathlib import Path

from askwinston.export.deck import Deck, cloze_parts, flat
from askwinston.study.answers import normalise
from askwinston.study.cards import Card

SPECIAL = re.compile(r"([~=#{}:\\])")


def escape(text: str) -> str:
    """Backslash GIFT's special characters ~ = # { } : (and the backslash itself).

    Runs of white space become one space; a space at either end is kept (it separates a gap).
    """
    one_line = re.sub(r"\s+", " ", text)
    return SPECIAL.sub(r"\\\1", one_line)


def alternatives(answer: str) -> list[str]:
    """The answer and its plain form ('over 30,000' also accepts '30,000')."""
    alts = [answer]
    plain = re.sub(r"(?i)^(at least|over|about|around|almost|nearly|more than|under) ", "", answer)
    if plain != answer:
        alts.append(plain)
    norm = normalise(answer)
    if any(ch.isdigit() for ch in answer) and norm not in (a.lower() for a in alts):
        alts.append(norm)
    return alts


def body(card: Card) -> str:
    if card.kind == "mcq":
        return " ".join(("=" if o == card.answer else "~") + escape(o) for o in card.options)
    if card.kind == "order":
        return " ".join(f"={escape(item)} -> {i}" for i, item in enumerate(card.options, 1))
    if card.kind == "whoswho":
        pairs = [p.split(" — ", 1) for p in card.options]
        return " ".join(f"={escape(name)} -> {escape(role)}" for name, role in pairs)
    return " ".join("=" + escape(a) for a in alternatives(card.answer))


def question(card: Card) -> str:
    name = f"::{escape(card.kind + ' ' + card.id)}::"
    comment = f"// {card.source}:{card.line}\n"
    if card.kind == "cloze":
        before, after = cloze_parts(card)
        return f"{comment}{name}{escape(before)}{{{body(card)}}}{escape(after)}\n"
    return f"{comment}{name}{escape(flat(card.question))} {{{body(card)}}}\n"


def text(deck: Deck) -> str:
    head = f"$CATEGORY: $course$/askwinston/{escape(deck.title)}\n\n"
    return head + "\n".join(question(c) for c in deck.cards)


def write(deck: Deck, path: Path) -> None:
    path.write_text(text(deck), encoding="utf-8")
