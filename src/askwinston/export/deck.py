"""What every export writes: the cards, the timeline and the people of one knowledge base."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askwinston.analysis import timex
from askwinston.store import kb
from askwinston.study.cards import Card, generate_cards
from askwinston.study.templates import CLOZE_GAP

Row = dict[str, Any]
DEFAULT_TITLE = "askwinston"
CALENDAR_VALUE = re.compile(r"-?\d")
"""Timeline rows worth exporting: a value anchored in the calendar (not 'XXXX' or 'PXD')."""


@dataclass
class Deck:
    title: str
    cards: list[Card]
    timeline: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)


def load_deck(db: str | Path, title: str | None = None) -> Deck:
    """Cards, timeline (with a display date) and people of the knowledge base at `db`."""
    with kb.opened(db) as conn:
        cards = generate_cards(conn)
        rows = kb.timeline(conn)
        people = kb.entities(conn, "person")
        titles = [s["title"] for s in kb.sources(conn) if s["title"]]
    rows = [r for r in rows if CALENDAR_VALUE.match(r["value"] or "")]
    for r in rows:
        shown = timex.display(r["value"], r["mod"])
        r["display"] = shown if shown != r["value"] else r["text"]
    if title is None:
        title = titles[0] if len(titles) == 1 else DEFAULT_TITLE
    return Deck(title, cards, rows, people)


def flat(text: str) -> str:
    """One line of text: tabs and line breaks become spaces."""
    return " ".join(text.split())


def cloze_parts(card: Card) -> tuple[str, str]:
    """Text before and after the gap of a cloze card."""
    before, _, after = card.question.partition(CLOZE_GAP)
    return before, after


def front(card: Card) -> str:
    """The question as plain text, with choices for mcq, order and who's who."""
    from askwinston.study.session import shown_options

    shown = shown_options(card)
    if card.kind == "mcq":
        return card.question + " " + " ".join(f"({i}) {o}" for i, o in enumerate(shown, 1))
    if card.kind == "order":
        return card.question + " " + " ".join(f"({i}) {o}" for i, o in enumerate(shown, 1))
    if card.kind == "whoswho":
        names = ", ".join(p.split(" — ", 1)[0] for p in card.options)
        return f"{card.question} {names}: " + " ".join(
            f"({chr(97 + i)}) {o}" for i, o in enumerate(shown)
        )
    return card.question


def back(card: Card) -> str:
    """The answer as plain text."""
    if card.kind in ("order", "whoswho"):
        return "; ".join(card.options)
    return card.answer
