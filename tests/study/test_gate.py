"""The quality gate asks every question card back through the ask engine."""

from __future__ import annotations

from pathlib import Path

from askwinston.study import gate
from askwinston.study.cards import Card


def test_gate_reports_a_rate_and_keeps_only_agreeing_question_cards(
    seed_db: Path, seed_cards: list[Card]
) -> None:
    report = gate.run(seed_db, seed_cards)
    qa = [c for c in seed_cards if c.kind == "qa"]
    assert report.checked == len(qa) > 0
    assert 0.0 <= report.exact_rate <= report.rate <= 1.0
    kept = {c.id for c in report.kept}
    assert all(card.id not in kept for card, _ in report.failed)
    assert all(c.id in kept for c in seed_cards if c.kind in ("cloze", "order", "whoswho"))


def test_the_ask_engine_answers_nine_in_ten_seed_question_cards_from_their_line(
    seed_db: Path, seed_cards: list[Card]
) -> None:
    assert gate.run(seed_db, seed_cards).rate >= 0.9


def test_agreement_needs_the_answer_and_the_cited_line() -> None:
    card = Card("x", "qa", "When was Kirov shot?", "1 December 1934", (), "s", 10, "", "")
    cite = [{"source": "s", "line": 10, "text": ""}]
    assert gate.agrees(card, {"answer": "1st December 1934", "citations": cite})
    assert not gate.agrees(card, {"answer": "1st December 1934", "citations": []})
    assert not gate.agrees(card, {"answer": "1935", "citations": cite})
    assert not gate.agrees(card, {"answer": None, "citations": cite})


def test_a_reason_agrees_without_its_signal_word() -> None:
    card = Card("y", "qa", "Why …?", "because of the famine", (), "s", 5, "", "")
    cite = [{"source": "s", "line": 5, "text": ""}]
    assert gate.agrees(card, {"answer": "the famine", "citations": cite})
