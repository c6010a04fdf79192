"""The knowledge base schema, as an ordered list of migrations recorded in the database.

Knowledge tables are rewritten by every build; progress tables (study state and review logs)
are never touched by a build, and are keyed by stable ids so they survive rebuilding the notes.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

APPLICATION_ID = 0x41534B57  # "ASKW": marks the file as ours, so a foreign file is never rewritten

KNOWLEDGE_TABLES = (
    "sources",
    "lines",
    "sections",
    "sentences",
    "entities",
    "aliases",
    "mentions",
    "facts",
    "dates",
    "quantities",
    "quotes",
    "events",
    "links",
    "problems",
    "findings",
)
"""Tables a build replaces, in an order that respects references."""

PROGRESS_TABLES = ("card_state", "review_log")
"""Tables a build keeps: what a learner has done."""

MIGRATION_1 = """
CREATE TABLE sources (
    key TEXT PRIMARY KEY, path TEXT NOT NULL, kind TEXT NOT NULL, title TEXT, origin TEXT,
    sha256 TEXT NOT NULL, n_lines INTEGER NOT NULL, n_words INTEGER NOT NULL,
    ordinal INTEGER NOT NULL
);
CREATE TABLE lines (
    source TEXT NOT NULL, number INTEGER NOT NULL, start INTEGER NOT NULL, text TEXT NOT NULL,
    kind TEXT NOT NULL, section_id TEXT, label TEXT, origin TEXT,
    PRIMARY KEY (source, number)
);
CREATE TABLE sections (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT NOT NULL, line INTEGER NOT NULL,
    level INTEGER NOT NULL, ordinal INTEGER NOT NULL, is_question INTEGER NOT NULL, parent_id TEXT
);
CREATE TABLE sentences (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, line INTEGER NOT NULL, start INTEGER NOT NULL,
    end INTEGER NOT NULL, text TEXT NOT NULL, section_id TEXT, ordinal INTEGER NOT NULL,
    label TEXT, clauses TEXT NOT NULL
);
CREATE INDEX sentences_by_line ON sentences (source, line);
CREATE TABLE entities (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, description TEXT,
    variants TEXT NOT NULL
);
CREATE TABLE aliases (entity_id TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (entity_id, alias));
CREATE TABLE mentions (
    entity_id TEXT NOT NULL, sentence_id TEXT, source TEXT NOT NULL, line INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX mentions_by_entity ON mentions (entity_id);
CREATE INDEX mentions_by_sentence ON mentions (sentence_id);
CREATE TABLE facts (
    entity_id TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, sentence_id TEXT,
    source TEXT NOT NULL, line INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE TABLE dates (
    id INTEGER PRIMARY KEY, sentence_id TEXT, source TEXT NOT NULL, line INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
    value TEXT NOT NULL, mod TEXT, resolved INTEGER NOT NULL
);
CREATE INDEX dates_by_sentence ON dates (sentence_id);
CREATE TABLE quantities (
    id INTEGER PRIMARY KEY, sentence_id TEXT, source TEXT NOT NULL, line INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, value REAL NOT NULL,
    counts TEXT, hedge TEXT, of REAL, unit TEXT
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY, sentence_id TEXT, source TEXT NOT NULL, line INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, speaker TEXT,
    speaker_entity_id TEXT
);
CREATE TABLE events (
    id TEXT PRIMARY KEY, sentence_id TEXT NOT NULL, source TEXT NOT NULL, line INTEGER NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL, what TEXT NOT NULL, date_text TEXT,
    date_type TEXT, date_value TEXT, date_mod TEXT, date_inherited INTEGER NOT NULL,
    who TEXT NOT NULL, place TEXT, sort_key TEXT
);
CREATE TABLE links (
    cause_id TEXT NOT NULL, effect_id TEXT NOT NULL, signal TEXT NOT NULL, source TEXT NOT NULL,
    line INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
);
CREATE TABLE problems (path TEXT NOT NULL, problem TEXT NOT NULL);
CREATE TABLE card_state (
    card_id TEXT PRIMARY KEY, state TEXT NOT NULL, due TEXT, retired INTEGER NOT NULL DEFAULT 0,
    fingerprint TEXT, updated_at TEXT NOT NULL
);
CREATE TABLE review_log (
    id INTEGER PRIMARY KEY, card_id TEXT NOT NULL, rating INTEGER NOT NULL,
    reviewed_at TEXT NOT NULL, duration_ms INTEGER, log TEXT NOT NULL
);
CREATE INDEX review_log_by_card ON review_log (card_id);
"""

MIGRATION_2 = """
ALTER TABLE events ADD COLUMN kind TEXT NOT NULL DEFAULT 'event';
CREATE TABLE findings (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, message TEXT NOT NULL, spans TEXT NOT NULL
);
"""
"""Events say what they are (event, reason, topic); the consistency check is kept with the build."""

MIGRATIONS: tuple[str, ...] = (MIGRATION_1, MIGRATION_2)
"""Migration N (1-based) brings a database from schema version N-1 to N. Append, never edit."""

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def is_ours(conn: sqlite3.Connection) -> bool:
    """True for an askwinston database (or a brand-new empty file)."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return True
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return app_id == 0 and tables == 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration the database lacks, each in its own transaction; return the version."""
    version = current_version(conn)
    if version == 0:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations"
            " (version INTEGER PRIMARY KEY, applied_at TEXT)"
        )
    for number in range(version + 1, SCHEMA_VERSION + 1):
        stamp = datetime.now(UTC).isoformat()
        conn.executescript(
            "BEGIN;"
            + MIGRATIONS[number - 1]
            + f";INSERT INTO schema_migrations VALUES ({number}, '{stamp}');"
            + f"PRAGMA user_version = {number};COMMIT;"
        )
    return current_version(conn)
