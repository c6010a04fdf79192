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


def test_pages_of_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    found = [{"kind": "spelling" if i % 3 else "undated", "message": f"m{i}", "lines": []}
             for i in range(250)]
    first = checks.page(found)
    assert (first["pages"], first["start"], len(first["findings"])) == (3, 1, 100)
    assert first["kinds"] == {"undated": 84, "spelling": 166}
    last = checks.page(found, "spelling", 2)
    assert (last["start"], len(last["findings"]), last["chosen"]) == (101, 66, 166)
    with pytest.raises(ValueError, match="no page 4"):
        checks.page(found, None, 4)
    assert checks.page([])["pages"] == 1


def test_check_page_filters_and_pages(seed_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from askwinston.web.app import create_app

    from .conftest import local_client

    monkeypatch.setattr(checks, "PAGE_SIZE", 1)
    c = local_client(create_app(seed_db, study_factory=None))
    r = c.get("/check")
    assert r.status_code == 200 and "Page 1 of" in r.text and 'rel="next"' in r.text
    assert c.get("/check?kind=spelling").status_code == 200
    assert c.get("/check?kind=nonsense").status_code == 404
    assert c.get("/check?page=999").status_code == 404
    assert c.get("/check?page=x").status_code == 400
