"""A stand-in for `askwinston.study.session.StudySession` that keeps the study contract.

It writes real rows to `card_state` and `review_log` in the knowledge base, so the web app's
single writer and the load test are exercised the same way as with the real session. Cards are made
from the knowledge base's dated events: "When ...?" with the date as the answer.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from askwinston.store import kb


@dataclass(frozen=True)
class Card:
    id: str
    kind: str
    question: str
    answer: str
    options: tuple[str, ...]
    source: str
    line: int
    sentence: str


INTERVALS = {1: 0, 2: 1, 3: 3, 4: 7}


class FakeStudySession:
    def __init__(self, db: Any, now: dt.datetime | None = None, new_per_day: int = 20) -> None:
        self.conn: sqlite3.Connection = kb.connect(db)
        self.now = now or dt.datetime.now(dt.UTC)
        self.cards = self._make_cards()

    def _make_cards(self) -> list[Card]:
        rows = kb.timeline(self.conn)
        dates = sorted({r["value"] for r in rows})
        cards = []
        for i, r in enumerate(rows):
            wrong = [d for d in dates if d != r["value"]][:3]
            kind = "mcq" if i % 2 == 0 else "qa"
            options = tuple(sorted([r["value"], *wrong])) if kind == "mcq" else ()
            cards.append(Card(f"c{i:03d}", kind, f"When: {r['sentence']}", r["value"], options,
                              r["source"], r["line"], r["sentence"]))
        return cards

    def _due_ids(self) -> set[str]:
        today = self.now.date().isoformat()
        return {r[0] for r in self.conn.execute(
            "SELECT card_id FROM card_state WHERE due > ?", (today,))}

    def next_card(self) -> Card | None:
        later = self._due_ids()
        return next((c for c in self.cards if c.id not in later), None)

    def check_answer(self, card: Card, given: str) -> bool:
        return given.strip().lower() == card.answer.lower()

    def review(self, card_id: str, rating: int, given: str | None = None,
               duration_ms: int | None = None) -> dict[str, Any]:
        interval = INTERVALS[rating]
        due = (self.now.date() + dt.timedelta(days=interval)).isoformat()
        state = "learning" if rating == 1 else "review"
        stamp = self.now.isoformat()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT OR REPLACE INTO card_state VALUES (?,?,?,0,NULL,?)",
                          (card_id, state, due, stamp))
        self.conn.execute(
            "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, log)"
            " VALUES (?,?,?,?,?)", (card_id, rating, stamp, duration_ms,
                                    json.dumps({"given": given})))
        self.conn.execute("COMMIT")
        return {"card_id": card_id, "due": due, "interval_days": interval, "state": state}

    def progress(self) -> dict[str, Any]:
        later = self._due_ids()
        reviews = [{"day": r[0], "count": r[1]} for r in self.conn.execute(
            "SELECT substr(reviewed_at, 1, 10), count(*) FROM review_log GROUP BY 1 ORDER BY 1")]
        ratings = [r[0] for r in self.conn.execute("SELECT rating FROM review_log")]
        return {
            "due_today": len(self.cards) - len(later),
            "new_today": len(self.cards) - len(later),
            "learned": len(later),
            "total": len(self.cards),
            "retention": (sum(r > 1 for r in ratings) / len(ratings)) if ratings else None,
            "streak_days": 1 if ratings else 0,
            "reviews_by_day": reviews,
        }
