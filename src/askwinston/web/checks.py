"""Consistency findings for the Check page: the one place the web app reads them from.

`winston build` runs the consistency check (`askwinston.analysis.check`) and keeps its findings in
the knowledge base; this reads them with the text of every line they involve.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from askwinston.store import kb


def findings(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every finding (`kind`, `message`, `lines` with source, line and text), in the check's
    order; each finding's lines in reading order."""
    found = kb.findings(conn)
    for f in found:
        f["lines"].sort(key=lambda ln: (ln["source"], ln["line"]))
    return found
