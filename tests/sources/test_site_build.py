"""A rescued website builds to the same knowledge as its rescued notes, however it was saved."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from clayton_site import CONTENT
from click.testing import CliRunner

from askwinston import api
from askwinston.cli import main


def knowledge_of(path: Path, db: Path) -> dict[str, Any]:
    api.build([path], db)
    return {
        "timeline": [(r["value"], r["event"]) for r in api.timeline(db)],
        "people": sorted(p["name"] for p in api.entities(db, "person")),
        "answer": api.ask(db, "When did Henry Tudor defeat Richard III?")["answer"],
    }


@pytest.fixture(scope="module")
def rescued_notes(tmp_path_factory: pytest.TempPathFactory, site_warc: Path) -> Path:
    out = tmp_path_factory.mktemp("rescued") / "notes.md"
    result = CliRunner().invoke(main, ["amalgamate", str(site_warc), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "7 pages" in result.stdout
    return out


def test_rescued_markdown_keeps_provenance_and_drops_furniture(rescued_notes: Path) -> None:
    text = rescued_notes.read_text(encoding="utf-8")
    assert text.count("<!-- from: http://clayton.example/history/") == 7
    assert "cookies" not in text and "© 2012" not in text


@pytest.mark.parametrize("which", ["site_folder", "site_zip", "site_warc"])
def test_each_saved_form_builds_like_the_rescued_notes(
    which: str, request: pytest.FixtureRequest, rescued_notes: Path, tmp_path: Path
) -> None:
    saved = knowledge_of(request.getfixturevalue(which), tmp_path / "site.db")
    plain = knowledge_of(rescued_notes, tmp_path / "plain.db")
    assert saved == plain
    assert tuple(v for v, _ in saved["timeline"] if v.startswith("1485-08")) == ("1485-08-22", )
    assert "1485" in (saved["answer"] or "")


def test_site_lines_cite_their_page(site_warc: Path, tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    api.build([site_warc], db)
    result = CliRunner().invoke(main, ["ask", "--db", str(db), "--json",
                                       "Who did Henry VII marry?"])
    citation = json.loads(result.stdout)["citations"][0]
    from askwinston.store import kb

    with kb.opened(db) as conn:
        row = conn.execute("SELECT origin FROM lines WHERE source = ? AND number = ?",
                           (citation["source"], citation["line"])).fetchone()
    page = next(name for name, (_, body) in CONTENT.items()
                if citation["text"] in " ".join(re.sub(r"<[^>]+>", " ", body).split()))
    assert row["origin"].startswith(f"http://clayton.example/history/{page}")
