"""Consistency findings for the Check page: the one place the web app reads them from.

`winston build` runs the consistency check (`askwinston.analysis.check`) and keeps its findings in
the knowledge base; this reads them with the text of every line they involve.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from askwinston.store import kb

PAGE_SIZE = 100
"""Findings per page: big notes can have thousands."""


def findings(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every finding (`kind`, `message`, `lines` with source, line and text), in the check's
    order; each finding's lines in reading order."""
    found = kb.findings(conn)
    for f in found:
        f["lines"].sort(key=lambda ln: (ln["source"], ln["line"]))
    return found


def page(found: list[dict[str, Any]], kind: str | None = None, number: int = 1
         ) -> dict[str, Any]:
    """One page of findings, of one kind or all; ValueError for a page that does not exist."""
    counts: dict[str, int] = {}
    for f in found:
        counts[f["kind"]] = counts.get(f["kind"], 0) + 1
    chosen = [f for f in found if kind is None or f["kind"] == kind]
    pages = max(1, -(-len(chosen) // PAGE_SIZE))
    if number < 1 or number > pages:
        raise ValueError(f"there is no page {number} (there are {pages})")
    start = (number - 1) * PAGE_SIZE
    return {"findings": chosen[start:start + PAGE_SIZE], "start": start + 1, "kind": kind,
            "kinds": counts, "total": len(found), "chosen": len(chosen), "number": number,
            "pages": pages}
