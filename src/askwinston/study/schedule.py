"""FSRS-6 scheduling and the progress tables: card_state (one row a card) and review_log.

A review is one short write transaction (BEGIN IMMEDIATE): read the card's state, schedule it,
write the state and the log, commit. Two processes reviewing at once queue on the lock and
neither loses a review.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from fsrs import Card as FsrsCard
from fsrs import Rating, Scheduler

from askwinston.errors import BadRating

RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
SCHEDULER = Scheduler(enable_fuzzing=False)
"""Fuzzing off: the same reviews give the same due dates (deterministic, testable)."""


def utc(moment: datetime) -> datetime:
    """A timezone-aware UTC datetime (naive ones are taken as UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def fsrs_card(card_id: str, state_json: str | None) -> FsrsCard:
    if state_json:
        return FsrsCard.from_json(state_json)
    return FsrsCard(card_id=int(card_id[:12], 16) if _is_hex(card_id) else None)


def _is_hex(text: str) -> bool:
    try:
        int(text[:12], 16)
    except ValueError:
        return False
    return True


def review(
    conn: sqlite3.Connection,
    card_id: str,
    rating: int,
    now: datetime,
    fingerprint: str | None = None,
    given: str | None = None,
    duration_ms: int | None = None,
) -> dict[str, Any]:
    """Schedule one review and record it, state and log in one transaction."""
    if rating not in RATINGS:
        raise BadRating(rating)
    now = utc(now)
    conn.execute("BEGIN IMMEDIATE")
    try:
        row = conn.execute(
            "SELECT state FROM card_state WHERE card_id = ?", (card_id,)
        ).fetchone()
        card, log = SCHEDULER.review_card(
            fsrs_card(card_id, row[0] if row else None), Rating(rating), now, duration_ms
        )
        due = utc(card.due)
        conn.execute(
            "INSERT INTO card_state (card_id, state, due, retired, fingerprint, updated_at)"
            " VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT(card_id) DO UPDATE SET state = excluded.state,"
            " due = excluded.due, fingerprint = coalesce(excluded.fingerprint, fingerprint),"
            " updated_at = excluded.updated_at",
            (card_id, card.to_json(), due.isoformat(), fingerprint, now.isoformat()),
        )
        entry = {**log.to_dict(), "given": given}
        conn.execute(
            "INSERT INTO review_log (card_id, rating, reviewed_at, duration_ms, log)"
            " VALUES (?, ?, ?, ?, ?)",
            (card_id, rating, now.isoformat(), duration_ms, json.dumps(entry)),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return {
        "card_id": card_id,
        "due": due.isoformat(),
        "interval_days": round((due - now).total_seconds() / 86400, 3),
        "state": card.state.name.lower(),
    }


def retire_missing(conn: sqlite3.Connection, live_ids: Iterable[str], now: datetime) -> int:
    """Mark states of cards that no longer exist (their line changed) as retired; count them."""
    live = set(live_ids)
    rows = conn.execute("SELECT card_id FROM card_state WHERE retired = 0").fetchall()
    gone = [(utc(now).isoformat(), r[0]) for r in rows if r[0] not in live]
    back = [
        (utc(now).isoformat(), r[0])
        for r in conn.execute("SELECT card_id FROM card_state WHERE retired = 1").fetchall()
        if r[0] in live
    ]
    if gone or back:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "UPDATE card_state SET retired = 1, updated_at = ? WHERE card_id = ?", gone
        )
        conn.executemany(
            "UPDATE card_state SET retired = 0, updated_at = ? WHERE card_id = ?", back
        )
        conn.execute("COMMIT")
    return len(gone)


def states(conn: sqlite3.Connection) -> dict[str, dict[str, Any]]:
    """card_id → {"due", "retired", "fingerprint", "state"} for every card seen."""
    return {
        r[0]: {"due": r[1], "retired": bool(r[2]), "fingerprint": r[3], "state": r[4]}
        for r in conn.execute(
            "SELECT card_id, due, retired, fingerprint, state FROM card_state"
        )
    }


def review_days(conn: sqlite3.Connection) -> list[tuple[str, int, int]]:
    """(day, reviews, passed) per UTC day, oldest first."""
    rows = conn.execute(
        "SELECT substr(reviewed_at, 1, 10) AS day, count(*), sum(rating > 1) FROM review_log"
        " GROUP BY day ORDER BY day"
    )
    return [(r[0], int(r[1]), int(r[2] or 0)) for r in rows]


def first_seen_today(conn: sqlite3.Connection, day: str) -> int:
    """How many cards had their first review on this UTC day (the new cards used up today)."""
    row = conn.execute(
        "SELECT count(*) FROM (SELECT card_id, min(reviewed_at) AS first FROM review_log"
        " GROUP BY card_id) WHERE substr(first, 1, 10) = ?",
        (day,),
    ).fetchone()
    return int(row[0])


def reviewed_on(conn: sqlite3.Connection, day: str) -> set[str]:
    """Ids of the cards reviewed on this UTC day."""
    rows = conn.execute(
        "SELECT DISTINCT card_id FROM review_log WHERE substr(reviewed_at, 1, 10) = ?", (day,)
    )
    return {r[0] for r in rows}
