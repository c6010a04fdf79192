"""Bounded load: 20 browser sessions at once on a real server, each posting reviews; none is lost.

All reviews go through the app's single writer thread, so concurrent posts never collide in SQLite.
"""

from __future__ import annotations

import re
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from .conftest import LiveServer

SESSIONS = 20
REVIEWS_EACH = 3


def _one_session(url: str, n: int) -> int:
    done = 0
    with httpx.Client(base_url=url, timeout=30, follow_redirects=False) as client:
        for i in range(REVIEWS_EACH):
            page = client.get("/study").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', page)
            card = re.search(r'name="card_id" value="([^"]+)"', page)
            assert token and card, "no card to review"
            r = client.post("/study/review", headers={"origin": url},
                            data={"csrf_token": token[1], "card_id": card[1],
                                  "rating": str(1 + (n + i) % 4), "duration_ms": "1200"})
            assert r.status_code == 303, r.text
            done += 1
    return done


def _reviews(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM review_log").fetchone()[0])


def test_concurrent_reviews_are_all_written(live_server: LiveServer, study_db: Path) -> None:
    before = _reviews(study_db)
    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        posted = sum(pool.map(lambda n: _one_session(live_server.url, n), range(SESSIONS)))
    assert posted == SESSIONS * REVIEWS_EACH
    assert _reviews(study_db) - before == SESSIONS * REVIEWS_EACH
