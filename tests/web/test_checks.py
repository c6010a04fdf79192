"""The Check page reads the consistency check through one function, from the knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwinston.store import kb
from askwinston.web import checks


def test_findings_from_the_knowledge_base_match_the_check_on_fresh_notes(
        seed_file: Path, seed_db: Path) -> None:
    check = pytest.importorskip("askwinston.analysis.check")
    from askwinston.analysis.pipeline import analyse
    from askwinston.sources import read_paths

    fresh = check.check(analyse(read_paths([seed_file]).sources))
    with kb.opened(seed_db) as conn:
        stored = checks.findings(conn)
    assert [(f["kind"], f["message"]) for f in stored] == [(f.kind, f.message) for f in fresh]
    assert [[ln["line"] for ln in f["lines"]] for f in stored] == \
        [sorted({s.line for s in f.spans}) for f in fresh]


def test_yezhov_spellings_are_a_finding_with_their_lines(seed_db: Path) -> None:
    with kb.opened(seed_db) as conn:
        found = checks.findings(conn)
    spelling = [f for f in found if f["kind"] == "spelling" and "Yezhov" in f["message"]]
    assert spelling, found
    assert {ln["line"] for ln in spelling[0]["lines"]} >= {25, 27}
    assert all(ln["text"] for ln in spelling[0]["lines"])
