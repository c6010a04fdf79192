"""`build`: read notes, analyse them, and swap the result into the knowledge base atomically.

The new knowledge is written to a temporary file beside the knowledge base. Only when it is
complete is it swapped in: a fresh knowledge base is renamed into place; an existing one has its
knowledge tables replaced from the temporary file in one SQLite transaction, which leaves the
learner's progress tables untouched and is safe with other processes reading or reviewing
(renaming a file under a WAL database that others have open would lose their writes). A failed
or interrupted build leaves the old knowledge base exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askwinston.analysis.check import check
from askwinston.analysis.pipeline import Progress, analyse
from askwinston.errors import NothingToBuild
from askwinston.model import Source
from askwinston.sources import read_paths
from askwinston.store import kb
from askwinston.store.schema import KNOWLEDGE_TABLES, migrate


@dataclass
class BuildReport:
    """What a build did: counts from the knowledge base, and the files it refused."""

    db: Path
    stats: dict[str, Any]
    problems: list[str] = field(default_factory=list)


def _temporary_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.building-{os.getpid()}")


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def _write_fresh(
    tmp: Path, sources: list[Source], problems: list[str], progress: Progress | None
) -> None:
    """Analyse and write everything into a new database file (created first, so it is visible)."""
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = MEMORY")
        conn.execute("PRAGMA synchronous = OFF")
        migrate(conn)
        knowledge = analyse(sources, progress)
        knowledge.problems = problems
        conn.execute("BEGIN")
        kb.write_knowledge(conn, knowledge)
        kb.write_findings(conn, check(knowledge))
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def _swap_into_existing(tmp: Path, db: Path) -> None:
    """Replace the knowledge tables of `db` with those of `tmp` in one transaction."""
    conn = kb.connect(db)
    try:
        conn.execute("ATTACH DATABASE ? AS fresh", (str(tmp),))
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in KNOWLEDGE_TABLES:
                conn.execute(f"DELETE FROM main.{table}")
                conn.execute(f"INSERT INTO main.{table} SELECT * FROM fresh.{table}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE fresh")
    finally:
        conn.close()


def swap_in(tmp: Path, db: Path) -> None:
    """Make the finished temporary knowledge base the real one."""
    if db.exists() and db.stat().st_size > 0:
        _swap_into_existing(tmp, db)
        _remove(tmp)
    else:
        _remove(db)
        os.replace(tmp, db)


def build_sources(
    sources: list[Source],
    db: str | Path,
    problems: Iterable[str] = (),
    progress: Progress | None = None,
) -> BuildReport:
    """Analyse already-read sources into the knowledge base at `db`."""
    db = Path(db)
    problem_list = list(problems)
    if not sources:
        raise NothingToBuild(problem_list)
    if db.exists():
        kb.connect(db).close()  # refuse a foreign or damaged file before spending time on analysis
    tmp = _temporary_path(db)
    _remove(tmp)
    try:
        _write_fresh(tmp, sources, problem_list, progress)
        swap_in(tmp, db)
    finally:
        _remove(tmp)
    with kb.opened(db) as conn:
        return BuildReport(db, kb.stats(conn), problem_list)


def build(
    paths: Iterable[str | Path], db: str | Path, progress: Progress | None = None
) -> BuildReport:
    """Read files and folders of notes and build the knowledge base; bad files are reported."""
    result = read_paths(paths)
    problems = [str(p) for p in result.problems]
    return build_sources(result.sources, db, problems, progress)
