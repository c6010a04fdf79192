"""Scheduling: FSRS moves due dates, progress survives rebuilds, interrupts and two writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from askwinston.cli import run_quiz
from askwinston.store import kb
from askwinston.store.build import build
from askwinston.study import schedule
from askwinston.study.session import StudySession, check, shown_options

from .conftest import NOTES, build_notes

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def log_count(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT count(*) FROM review_log").fetchone()[0])
    finally:
        conn.close()


def test_review_moves_due_and_writes_state_and_log(notes_db: Path) -> None:
    clock = Clock()
    session = StudySession(notes_db, now=clock)
    card = session.next_card()
    assert card is not None
    result = session.review(card.id, 3, "x", 1500)
    assert set(result) == {"card_id", "due", "interval_days", "state"}
    assert datetime.fromisoformat(result["due"]) > START
    again = session.review(card.id, 4)
    assert datetime.fromisoformat(again["due"]) > datetime.fromisoformat(result["due"])
    assert log_count(notes_db) == 2
    with pytest.raises(ValueError, match="rating 7"):
        session.review(card.id, 7)
    assert log_count(notes_db) == 2


def test_due_cards_come_first_and_new_cards_stop_at_the_daily_limit(notes_db: Path) -> None:
    clock = Clock()
    session = StudySession(notes_db, now=clock, new_per_day=3)
    first = session.next_card()
    assert first is not None
    session.review(first.id, 1)  # Again: due in a minute
    for _ in range(2):
        card = session.next_card()
        assert card is not None and card.id != first.id
        session.review(card.id, 4)
    assert session.next_card() is None  # three new cards used, nothing due yet
    clock.advance(minutes=2)
    nxt = session.next_card()
    assert nxt is not None and nxt.id == first.id
    p = session.progress()
    assert p["new_today"] == 0 and p["total"] == len(session.cards)
    assert p["streak_days"] == 1 and p["reviews_by_day"] == [{"day": "2026-03-02", "count": 3}]
    clock.advance(days=1)
    assert StudySession(notes_db, now=clock, new_per_day=3).progress()["new_today"] == 3


def test_check_answer_per_kind(notes_db: Path) -> None:
    session = StudySession(notes_db, now=Clock())
    by_kind = {c.kind: c for c in session.cards}
    mcq = by_kind["mcq"]
    assert check(mcq, str(mcq.options.index(mcq.answer) + 1))
    assert not check(mcq, str((mcq.options.index(mcq.answer) + 1) % 4 + 1))
    order = by_kind["order"]
    shown = shown_options(order)
    assert check(order, " ".join(str(shown.index(item) + 1) for item in order.options))
    assert not check(order, " ".join(str(i + 1) for i in reversed(range(len(shown)))))
    qa = next(c for c in session.cards if c.question == "When did Edward the Confessor die?")
    assert session.check_answer(qa, "jan 1066") is False
    assert session.check_answer(qa, "january 1066")


def test_rebuilding_keeps_progress(tmp_path: Path) -> None:
    db = build_notes(tmp_path)
    session = StudySession(db, now=Clock())
    card = session.next_card()
    assert card is not None
    session.review(card.id, 3)
    build([tmp_path / "conquest.txt"], db)
    again = StudySession(db, now=Clock())
    assert card.id in again.by_id
    with kb.opened(db) as conn:
        state = schedule.states(conn)[card.id]
    assert not state["retired"] and log_count(db) == 1


def test_a_changed_line_retires_its_cards(tmp_path: Path) -> None:
    db = build_notes(tmp_path)
    session = StudySession(db, now=Clock())
    card = next(c for c in session.cards if c.question == "When did Edward the Confessor die?")
    session.review(card.id, 3)
    changed = NOTES.replace("Edward the Confessor died in January 1066",
                            "Edward the Confessor died on 5 January 1066")
    build_notes(tmp_path, changed)
    after = StudySession(db, now=Clock())
    assert card.id not in after.by_id
    with kb.opened(db) as conn:
        assert schedule.states(conn)[card.id]["retired"]
    assert any(c.answer == "5 January 1066" for c in after.cards)


def scripted(answers: list[str | type[BaseException]]) -> Callable[[str], str]:
    feed: Iterator[str | type[BaseException]] = iter(answers)

    def read(prompt: str) -> str:
        item = next(feed)
        if isinstance(item, type):
            raise item()
        return item

    return read


@pytest.mark.parametrize("stop", [KeyboardInterrupt, EOFError])
def test_interrupting_the_quiz_keeps_every_rated_card(notes_db: Path,
                                                      stop: type[BaseException]) -> None:
    session = StudySession(notes_db, now=Clock())
    console = Console(file=open("/dev/null", "w"), force_terminal=False)  # noqa: SIM115
    try:
        done = run_quiz(session, console, scripted(["x", "3", "y", "", stop]), limit=None)
    finally:
        console.file.close()
    assert done == 2 and log_count(notes_db) == 2
    conn = sqlite3.connect(notes_db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM card_state").fetchone()[0] == 2
    conn.close()


def _hammer(db: str, card_ids: list[str], rounds: int) -> None:
    conn = kb.connect(db)
    for i in range(rounds):
        for cid in card_ids:
            schedule.review(conn, cid, 1 + i % 4, START + timedelta(minutes=i))
    conn.close()


def test_two_processes_reviewing_at_once_lose_nothing(notes_db: Path) -> None:
    session = StudySession(notes_db, now=Clock())
    ids = [c.id for c in session.cards[:3]]
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("needs the fork start method (the test module is not importable by spawn)")
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_hammer, args=(str(notes_db), ids, 15)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    assert log_count(notes_db) == 2 * 3 * 15
    conn = sqlite3.connect(notes_db)
    per_card = dict(conn.execute("SELECT card_id, count(*) FROM review_log GROUP BY card_id"))
    assert per_card == {cid: 30 for cid in ids}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_whos_who_is_answered_with_role_letters(seed_cards: list) -> None:
    card = next(c for c in seed_cards if c.kind == "whoswho")
    shown = shown_options(card)
    roles = [pair.split(" — ", 1)[1] for pair in card.options]
    right = "".join(chr(97 + shown.index(role)) for role in roles)
    assert check(card, right) and check(card, " ".join(right.upper()))
    assert not check(card, right[::-1]) and not check(card, right[:-1])


def test_an_interrupt_inside_a_review_writes_nothing_and_leaves_no_lock(
    notes_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = StudySession(notes_db, now=Clock())
    card = session.next_card()
    assert card is not None

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as m:
        m.setattr(schedule.SCHEDULER, "review_card", boom)
        with pytest.raises(KeyboardInterrupt):
            session.review(card.id, 3)
    assert log_count(notes_db) == 0
    session.review(card.id, 4)  # the database is not left locked
    assert log_count(notes_db) == 1
    progress = session.progress()
    assert progress["learned"] == 1 and progress["retention"] == 1.0
