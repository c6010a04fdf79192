"""The study desk: every call to the `StudySession` (shared with `winston quiz`) goes through one
writer thread, so reviews from many browser tabs are written one at a time and none is lost.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
SessionFactory = Callable[[str], Any]
RATINGS = ((1, "Again"), (2, "Hard"), (3, "Good"), (4, "Easy"))
CHART_DAYS = 14


def default_factory() -> SessionFactory | None:
    """`StudySession` from the study package, or None where it is not installed yet."""
    try:
        from askwinston.study.session import StudySession
    except ImportError:
        return None
    return lambda db: StudySession(db)


class StudyDesk:
    """One writer thread owns the study session; handlers await its results."""

    def __init__(self, db: str | Path, factory: SessionFactory | None) -> None:
        self.db = str(db)
        self.factory = factory
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="winston-writer")
        self._session: Any = None
        self._stamp: tuple[int, int] | None = None
        self._cards: dict[str, Any] = {}

    @property
    def available(self) -> bool:
        return self.factory is not None

    def _ensure(self) -> Any:
        """The session, made anew when the notes were rebuilt (a build replaces the file)."""
        st = os.stat(self.db)
        stamp = (st.st_ino, st.st_dev)
        if self._session is None or stamp != self._stamp:
            assert self.factory is not None
            self._session = self.factory(self.db)
            self._stamp = stamp
            self._cards.clear()
        return self._session

    async def _run(self, fn: Callable[[], T]) -> T:
        return await asyncio.wrap_future(self._pool.submit(fn))

    async def next_card(self) -> Any:
        def call() -> Any:
            card = self._ensure().next_card()
            if card is not None:
                self._cards[str(card.id)] = card
            return card

        return await self._run(call)

    async def card(self, card_id: str) -> Any:
        return self._cards.get(card_id)

    async def check_answer(self, card: Any, given: str) -> bool:
        return bool(await self._run(lambda: self._ensure().check_answer(card, given)))

    async def review(self, card_id: str, rating: int, given: str | None,
                     duration_ms: int | None) -> dict[str, Any]:
        def call() -> dict[str, Any]:
            return dict(self._ensure().review(card_id, rating, given=given,
                                              duration_ms=duration_ms))

        return await self._run(call)

    async def progress(self) -> dict[str, Any]:
        return await self._run(lambda: dict(self._ensure().progress()))

    def close(self) -> None:
        self._pool.shutdown(wait=True)


def shown_options(card: Any) -> tuple[str, ...]:
    """Options as the learner sees them (order and who's-who cards are shuffled by the study
    package, and an answer of numbers refers to this order)."""
    try:
        from askwinston.study.session import shown_options as shown
    except ImportError:
        return tuple(card.options)
    return tuple(shown(card))


def card_view(card: Any) -> dict[str, Any]:
    """What the study page shows for a card: its options in order, and for who's-who cards the
    names to match."""
    names = [o.split(" — ", 1)[0] for o in card.options] if card.kind == "whoswho" else []
    return {"options": shown_options(card), "names": names}


KIND_LABELS = {"qa": "Question", "cloze": "Fill the gap", "mcq": "Multiple choice",
               "order": "Put in order", "whoswho": "Who was who"}


def comes_back(interval_days: str | None) -> str:
    """`0.007` → "in 10 minutes"; `1` → "tomorrow"; `12.4` → "in 12 days"."""
    try:
        days = float(interval_days or "")
    except ValueError:
        return "later"
    if days < 1 / 24:
        minutes = max(1, round(days * 24 * 60))
        return f"in {minutes} minute{'s' if minutes != 1 else ''}"
    if days < 1:
        hours = round(days * 24)
        return f"in {hours} hour{'s' if hours != 1 else ''}"
    whole = round(days)
    return "tomorrow" if whole == 1 else f"in {whole} days"


def chart(reviews_by_day: list[dict[str, Any]], today: dt.date | None = None) -> dict[str, Any]:
    """Bars for the last CHART_DAYS days (zero where nothing was reviewed), for an SVG."""
    today = today or dt.date.today()
    counts = {str(r["day"])[:10]: int(r["count"]) for r in reviews_by_day}
    days = [today - dt.timedelta(days=i) for i in range(CHART_DAYS - 1, -1, -1)]
    top = max([counts.get(d.isoformat(), 0) for d in days] + [1])
    bars = []
    for i, d in enumerate(days):
        n = counts.get(d.isoformat(), 0)
        h = round(80 * n / top, 1)
        bars.append({"x": i * 20 + 2, "y": round(90 - h, 1), "height": h, "count": n,
                     "label": d.strftime("%d %b"), "short": d.strftime("%d")})
    return {"bars": bars, "total": sum(b["count"] for b in bars), "days": CHART_DAYS}
