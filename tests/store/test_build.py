"""Building the knowledge base: atomic, migrated, and never losing study progress."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from askwinston.errors import NotAKnowledgeBase, NothingToBuild
from askwinston.store import kb
from askwinston.store.build import build
from askwinston.store.schema import SCHEMA_VERSION

NOTES = """\
The Norman Conquest
Edward the Confessor died in January 1066 - Harold Godwinson was crowned the next day.
Harald Hardrada invaded the north and was killed at Stamford Bridge in September 1066.
William of Normandy landed at Pevensey and defeated Harold at Hastings on 14 October 1066.
"""


@pytest.fixture()
def notes_file(tmp_path: Path) -> Path:
    path = tmp_path / "conquest.txt"
    path.write_text(NOTES, encoding="utf-8")
    return path


def snapshot(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id, text FROM sentences ORDER BY id").fetchall()
        return [tuple(r) for r in rows]
    finally:
        conn.close()


def test_build_writes_a_migrated_wal_knowledge_base(tmp_path: Path, notes_file: Path) -> None:
    db = tmp_path / "k.db"
    report = build([notes_file], db)
    assert report.stats["documents"] == 1 and report.stats["sentences"] == 3
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))
    conn.close()
    assert not list(tmp_path.glob(".k.db.building-*"))


def test_sentence_ids_are_stable_across_rebuilds(tmp_path: Path, notes_file: Path) -> None:
    db = tmp_path / "k.db"
    build([notes_file], db)
    first = snapshot(db)
    build([notes_file], db)
    assert snapshot(db) == first


def test_rebuilding_keeps_study_progress(tmp_path: Path, notes_file: Path) -> None:
    db = tmp_path / "k.db"
    build([notes_file], db)
    with kb.opened(db) as conn:
        conn.execute("INSERT INTO card_state VALUES ('card-1', '{}', NULL, 0, 'f', 'now')")
        conn.execute("INSERT INTO review_log (card_id, rating, reviewed_at, log)"
                     " VALUES ('card-1', 3, 'now', '{}')")
    notes_file.write_text(NOTES + "William was crowned on Christmas Day 1066.\n", encoding="utf-8")
    report = build([notes_file], db)
    assert report.stats["sentences"] == 4
    with kb.opened(db) as conn:
        assert conn.execute("SELECT count(*) FROM review_log").fetchone()[0] == 1
        assert conn.execute("SELECT card_id FROM card_state").fetchone()[0] == "card-1"


def test_a_failed_build_leaves_the_old_knowledge_base(tmp_path: Path, notes_file: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "k.db"
    build([notes_file], db)
    before = snapshot(db)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("askwinston.store.kb.write_knowledge", broken)
    (tmp_path / "more.txt").write_text("Another page\nThe Domesday survey was made in 1086.\n")
    with pytest.raises(RuntimeError):
        build([notes_file, tmp_path / "more.txt"], db)
    assert snapshot(db) == before
    assert not list(tmp_path.glob(".k.db.building-*"))


def test_nothing_readable_means_nothing_built(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(NothingToBuild, match=r"empty\.txt"):
        build([tmp_path / "empty.txt"], tmp_path / "k.db")
    assert not (tmp_path / "k.db").exists()


def test_a_foreign_database_is_never_overwritten(tmp_path: Path, notes_file: Path) -> None:
    db = tmp_path / "accounts.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE ledger (amount INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAKnowledgeBase, match=r"accounts\.db"):
        build([notes_file], db)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM ledger").fetchone()[0] == 0


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, notes_file: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("this is my essay, not a database " * 100)
    with pytest.raises(NotAKnowledgeBase):
        build([notes_file], db)
    assert db.read_text().startswith("this is my essay")


@pytest.mark.slow
def test_ctrl_c_during_build_keeps_the_old_knowledge_base(tmp_path: Path,
                                                          notes_file: Path) -> None:
    db = tmp_path / "k.db"
    build([notes_file], db)
    before = snapshot(db)
    big = tmp_path / "big.txt"
    big.write_text(("Cromwell dissolved the Rump Parliament in April 1653 and ruled as Lord "
                    "Protector until he died in September 1658.\n") * 6000, encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "askwinston.cli", "build", str(big),
                             "--db", str(db)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".k.db.building-*")) and time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail("build ended before it could be interrupted")
        time.sleep(0.05)
    time.sleep(0.5)
    assert proc.poll() is None, "build finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert b"interrupted" in stderr
    assert snapshot(db) == before
    assert not list(tmp_path.glob(".k.db.building-*"))
