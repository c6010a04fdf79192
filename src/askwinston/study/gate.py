"""Quality gate: ask every question card back through the ask engine on the same notes.

A card passes when the engine answers it with the card's answer and cites the card's line. The
round-trip rate says how well questions and answers agree; the kept cards are the ones a second,
independent reading of the notes confirms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askwinston.ask.answer import Answerer
from askwinston.store import kb
from askwinston.study.answers import matches, normalise
from askwinston.study.cards import Card
from askwinston.study.templates import REASON_MARKERS

GATED_KINDS = ("qa",)
"""Kinds with a free question the ask engine can answer (mcq twins follow their qa card)."""


@dataclass
class GateReport:
    kept: list[Card]
    failed: list[tuple[Card, dict[str, Any]]] = field(default_factory=list)
    checked: int = 0
    exact: int = 0  # answered with just the answer (not a sentence holding it)

    @property
    def exact_rate(self) -> float:
        """Share answered with the answer alone (the first ask engine answers with a sentence)."""
        return self.exact / self.checked if self.checked else 0.0

    @property
    def rate(self) -> float:
        """Share of checked cards the engine answered from the cited line."""
        return (self.checked - len(self.failed)) / self.checked if self.checked else 0.0


def agrees(card: Card, result: dict[str, Any]) -> bool:
    """The engine gave the card's answer (or a text holding it) and cited the card's line."""
    answer = result.get("answer")
    if not answer:
        return False
    cited = any(
        c.get("source") == card.source and c.get("line") == card.line
        for c in result.get("citations", [])
    )
    expected = without_marker(card.answer)
    said = matches(answer, card.answer) or matches(without_marker(answer), expected)
    return cited and (said or normalise(expected) in normalise(answer))


def without_marker(text: str) -> str:
    """'because of collectivisation' → 'collectivisation': the reason, without its signal."""
    for marker in sorted(REASON_MARKERS, key=len, reverse=True):
        if text.lower().startswith(marker + " "):
            return text[len(marker) + 1 :]
    return text


def run(db: str | Path, cards: Sequence[Card]) -> GateReport:
    """Check the question cards; keep every other card, and the qa/mcq cards that pass."""
    with kb.opened(db) as conn:
        answerer = Answerer.load(conn)
    report = GateReport(kept=[])
    failed_ids: set[str] = set()
    for card in (c for c in cards if c.kind in GATED_KINDS):
        result = answerer.ask(card.question)
        report.checked += 1
        report.exact += bool(result.get("answer")) and matches(result["answer"], card.answer)
        if not agrees(card, result):
            report.failed.append((card, result))
            failed_ids.add(card.id)
    report.kept = [c for c in cards if c.id not in failed_ids and not twin_failed(c, failed_ids,
                                                                                  cards)]
    return report


def twin_failed(card: Card, failed_ids: set[str], cards: Iterable[Card]) -> bool:
    """An mcq whose qa twin (same question and line) failed the gate."""
    if card.kind != "mcq":
        return False
    return any(
        c.id in failed_ids and c.question == card.question and c.line == card.line for c in cards
    )
