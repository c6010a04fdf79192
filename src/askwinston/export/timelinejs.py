"""TimelineJS 3 JSON: a title slide and one event a dated line (negative years for BC)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from askwinston.export.deck import Deck, Row

SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
"""A season's first month, so seasons sort among months."""


def date_object(value: str, display: str | None = None) -> dict[str, Any] | None:
    """TIMEX3 value → {"year", "month"?, "day"?}; '-0044' → year -44; '193' (1930s) → 1930."""
    m = re.fullmatch(r"(-?)(\d{2,4})(?:-(\d{2}|SP|SU|FA|WI))?(?:-(\d{2}))?(?:T.*)?", value)
    if m is None:
        return None
    digits = m.group(2)
    year = int(digits) * (10 ** (4 - len(digits))) if not m.group(1) else int(digits)
    out: dict[str, Any] = {"year": -year if m.group(1) else year}
    part = m.group(3)
    if part:
        out["month"] = SEASON_MONTH.get(part) or int(part)
    if m.group(4):
        out["day"] = int(m.group(4))
    if display:
        out["display_date"] = display
    return out


def headline(row: Row) -> str:
    """The event as the notes' analysis words it, capitalised; the sentence if it has none."""
    text = (row.get("event") or row["sentence"]).strip()
    return text[:1].upper() + text[1:]


def event(row: Row) -> dict[str, Any] | None:
    first, _, last = row["value"].partition("/")
    start = date_object(first, row.get("display"))
    if start is None:
        return None
    slide: dict[str, Any] = {
        "start_date": start,
        "display_date": row.get("display") or row["text"],
        "text": {
            "headline": headline(row),
            "text": f"{row['sentence']} <small>({row['source']}:{row['line']})</small>",
        },
        "group": row["source"],
        "unique_id": f"{row['source']}-{row['line']}-{first}".replace(".", "-"),
    }
    end = date_object(last) if last else None
    if end is not None:
        slide["end_date"] = end
    return slide


def document(deck: Deck) -> dict[str, Any]:
    events = [e for e in map(event, deck.timeline) if e is not None]
    return {"title": {"text": {"headline": deck.title, "text": "Timeline from the notes"}},
            "events": events}


def write(deck: Deck, path: Path) -> None:
    path.write_text(json.dumps(document(deck), ensure_ascii=False, indent=2), encoding="utf-8")
