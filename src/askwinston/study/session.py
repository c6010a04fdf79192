"""A study session over one knowledge base: which card next, is the answer right, record it.

The web app and `winston quiz` both drive this class; it holds no state a crash could lose —
every review is committed before `review` returns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from fsrs import State

from askwinston.store import kb
from askwinston.study import schedule
from askwinston.study.answers import matches, option_index
from askwinston.study.cards import Card, generate_cards
from askwinston.study.distractors import stable_shuffle

HISTORY_DAYS = 30
"""How many days `progress()["reviews_by_day"]` covers."""


_CACHE: dict[tuple[str, tuple[tuple[str, str], ...]], list[Card]] = {}
"""Cards per knowledge base and content of its notes: a web app opening a session per request
does not regenerate them until a build changes the notes."""


def cards_of(conn: sqlite3.Connection, db: Path) -> list[Card]:
    """The cards of a knowledge base, generated once per version of its notes."""
    signature = tuple(
        (r[0], r[1]) for r in conn.execute("SELECT key, sha256 FROM sources ORDER BY key")
    )
    key = (str(db.resolve()), signature)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = generate_cards(conn)
    return _CACHE[key]


def shown_options(card: Card) -> tuple[str, ...]:
    """Options in the order a learner sees them: mcq as stored; order and who's who shuffled."""
    if card.kind == "mcq":
        return card.options
    if card.kind == "order":
        return stable_shuffle(card.options, card.id)
    if card.kind == "whoswho":
        return stable_shuffle([p.split(" — ", 1)[1] for p in card.options], card.id)
    return ()


def _picks(given: str, count: int) -> list[int] | None:
    """'3 1 2', '312', 'c a b' or 'cab' → [2, 0, 1]; None when it is not a full answer."""
    text = "".join(ch for ch in given.lower() if ch.isalnum())
    picks = [int(ch) - 1 if ch.isdigit() else ord(ch) - ord("a") for ch in text]
    return picks if len(picks) == count and all(0 <= p < count for p in picks) else None


def check(card: Card, given: str) -> bool:
    """Leniently: case, punctuation, articles, ordinals, small typos; mcq by number or text."""
    shown = shown_options(card)
    if card.kind == "mcq":
        picked = option_index(given, card.options)
        return picked is not None and card.options[picked] == card.answer
    if card.kind == "order":
        picks = _picks(given, len(shown))
        return picks is not None and [shown[p] for p in picks] == list(card.options)
    if card.kind == "whoswho":
        picks = _picks(given, len(shown))
        roles = [p.split(" — ", 1)[1] for p in card.options]
        return picks is not None and [shown[p] for p in picks] == roles
    return matches(given, card.answer)


class StudySession:
    """Due cards first, then new ones up to a daily limit; reviews scheduled by FSRS-6."""

    def __init__(
        self,
        db: str | Path,
        now: Callable[[], datetime] | None = None,
        new_per_day: int = 20,
    ) -> None:
        self.db = Path(db)
        self.now = now or (lambda: datetime.now(UTC))
        self.new_per_day = new_per_day
        with kb.opened(self.db) as conn:
            self.cards = cards_of(conn, self.db)
            schedule.retire_missing(conn, (c.id for c in self.cards), self._now())
        self.by_id = {c.id: c for c in self.cards}

    def _now(self) -> datetime:
        return schedule.utc(self.now())

    def _states(self) -> dict[str, dict[str, Any]]:
        with kb.opened(self.db) as conn:
            return schedule.states(conn)

    def due_cards(self, until: datetime | None = None) -> list[Card]:
        """Cards seen before whose due time has come, most overdue first."""
        until = until or self._now()
        states = self._states()
        due = [
            (datetime.fromisoformat(s["due"]), cid)
            for cid, s in states.items()
            if cid in self.by_id and not s["retired"] and s["due"]
            and datetime.fromisoformat(s["due"]) <= until
        ]
        return [self.by_id[cid] for _, cid in sorted(due)]

    def new_left_today(self) -> int:
        with kb.opened(self.db) as conn:
            used = schedule.first_seen_today(conn, self._now().date().isoformat())
        return max(0, self.new_per_day - used)

    def new_cards(self) -> list[Card]:
        """Cards never reviewed, in reading order."""
        seen = self._states()
        return [c for c in self.cards if c.id not in seen]

    def next_card(self) -> Card | None:
        """The most overdue card, else a new one while today's allowance lasts, else None.

        A new card from a line already reviewed today waits (like Anki's sibling burying), so
        the multiple-choice twin of a question does not follow it straight away.
        """
        due = self.due_cards()
        if due:
            return due[0]
        fresh = self.new_cards()
        if not fresh or self.new_left_today() <= 0:
            return None
        with kb.opened(self.db) as conn:
            today = schedule.reviewed_on(conn, self._now().date().isoformat())
        busy = {(c.source, c.line) for cid in today if (c := self.by_id.get(cid))}
        return next((c for c in fresh if (c.source, c.line) not in busy), fresh[0])

    def check_answer(self, card: Card, given: str) -> bool:
        return check(card, given)

    def review(
        self,
        card_id: str,
        rating: int,
        given: str | None = None,
        duration_ms: int | None = None,
    ) -> dict[str, Any]:
        """Record a rating (1 Again, 2 Hard, 3 Good, 4 Easy); returns the next due time."""
        card = self.by_id.get(card_id)
        with kb.opened(self.db) as conn:
            return schedule.review(
                conn, card_id, rating, self._now(), card.fingerprint if card else None, given,
                duration_ms,
            )

    def progress(self) -> dict[str, Any]:
        """Today's work, what is learned, retention and the streak."""
        now = self._now()
        end_of_day = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
        states = self._states()
        live = {cid: s for cid, s in states.items() if cid in self.by_id and not s["retired"]}
        with kb.opened(self.db) as conn:
            days = schedule.review_days(conn)
        total_reviews = sum(n for _, n, _ in days)
        passed = sum(p for _, _, p in days)
        since = (now.date() - timedelta(days=HISTORY_DAYS - 1)).isoformat()
        return {
            "due_today": len(self.due_cards(end_of_day)),
            "new_today": min(self.new_left_today(), len(self.by_id) - len(live)),
            "learned": sum(1 for s in live.values() if learned(s["state"])),
            "seen": len(live),
            "total": len(self.cards),
            "retention": round(passed / total_reviews, 3) if total_reviews else None,
            "streak_days": streak([d for d, _, _ in days], now.date().isoformat()),
            "reviews_by_day": [{"day": d, "count": n} for d, n, _ in days if d >= since],
        }


def learned(state_json: str | None) -> bool:
    """A card in FSRS's Review state: out of (re)learning steps."""
    return bool(state_json) and json.loads(state_json or "{}").get("state") == State.Review.value


def streak(days: list[str], today: str) -> int:
    """Consecutive days with a review, ending today (or yesterday, if today has none yet)."""
    have = set(days)
    day = datetime.fromisoformat(today).date()
    if today not in have:
        day -= timedelta(days=1)
    count = 0
    while day.isoformat() in have:
        count += 1
        day -= timedelta(days=1)
    return count
