"""Quizlet import text: term, a tab, definition; one card a line."""

from __future__ import annotations

from pathlib import Path

from askwinston.export.deck import Deck, back, flat, front

TERM_SEPARATOR = "\t"
CARD_SEPARATOR = "\n"


def text(deck: Deck) -> str:
    return "".join(
        flat(front(c)) + TERM_SEPARATOR + flat(back(c)) + CARD_SEPARATOR for c in deck.cards
    )


def write(deck: Deck, path: Path) -> None:
    path.write_text(text(deck), encoding="utf-8")
