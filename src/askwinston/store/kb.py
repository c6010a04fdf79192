"""Read and write the knowledge base: one SQLite file in WAL mode.

Readers return plain dicts shaped like the CLI's JSON contract, so the CLI and the web app only
format them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from askwinston.analysis.timex import sort_key
from askwinston.errors import NoKnowledgeBase, NotAKnowledgeBase
from askwinston.model import Knowledge, Notes
from askwinston.store.schema import SCHEMA_VERSION, is_ours, migrate

BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for another (a quiz in one window, a build in another)."""

Row = dict[str, Any]


def connect(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """Open a knowledge base (migrating it if older); refuse files that are not ours."""
    path = Path(path)
    if not create and not path.exists():
        raise NoKnowledgeBase(str(path))
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not is_ours(conn):
            conn.close()
            raise NotAKnowledgeBase(str(path), "it holds other tables")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise NotAKnowledgeBase(str(path), str(exc)) from None
    return conn


@contextmanager
def opened(path: str | Path) -> Iterator[sqlite3.Connection]:
    """A connection that is closed afterwards."""
    conn = connect(path)
    try:
        yield conn
    finally:
        conn.close()


def _span(obj: Any) -> tuple[str, int, int, int]:
    return (obj.span.source, obj.span.line, obj.span.start, obj.span.end)


def _write_notes(conn: sqlite3.Connection, notes: Notes, ordinal: int) -> None:
    src = notes.source
    digest = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
    conn.execute(
        "INSERT INTO sources VALUES (?,?,?,?,?,?,?,?,?)",
        (
            src.key,
            src.path,
            src.kind,
            notes.title or src.title,
            src.origin,
            digest,
            len(src.lines),
            len(src.text.split()),
            ordinal,
        ),
    )
    conn.executemany(
        "INSERT INTO lines VALUES (?,?,?,?,?,?,?,?)",
        [
            (
                src.key,
                nl.line.number,
                nl.line.start,
                nl.line.text,
                nl.kind.value,
                nl.section_id,
                nl.label,
                nl.line.origin,
            )
            for nl in notes.lines
        ],
    )
    conn.executemany(
        "INSERT INTO sections VALUES (?,?,?,?,?,?,?,?)",
        [
            (s.id, s.source, s.title, s.line, s.level, s.ordinal, int(s.is_question), s.parent_id)
            for s in notes.sections
        ],
    )
    conn.executemany(
        "INSERT INTO sentences VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (
                s.id,
                src.key,
                s.span.line,
                s.span.start,
                s.span.end,
                s.text,
                s.section_id,
                s.ordinal,
                s.label,
                json.dumps([[c.start, c.end] for c in s.clauses]),
            )
            for s in notes.sentences
        ],
    )


def _write_entities(conn: sqlite3.Connection, knowledge: Knowledge) -> None:
    for e in knowledge.entities:
        conn.execute(
            "INSERT INTO entities VALUES (?,?,?,?,?)",
            (e.id, e.name, e.kind, e.description, json.dumps(e.variants)),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO aliases VALUES (?,?)", [(e.id, a) for a in e.aliases]
        )
        conn.executemany(
            "INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
            [(e.id, m.sentence_id, *_span(m), m.text) for m in e.mentions],
        )
        conn.executemany(
            "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?)",
            [(e.id, f.kind, f.text, f.sentence_id, *_span(f)) for f in e.facts],
        )


def _event_row(ev: Any) -> tuple[Any, ...]:
    w = ev.when
    key = json.dumps(sort_key(w.value, w.mod)) if w else None
    return (
        ev.id,
        ev.sentence_id,
        *_span(ev),
        ev.what,
        w.text if w else None,
        w.type if w else None,
        w.value if w else None,
        w.mod if w else None,
        int(ev.when_inherited),
        json.dumps(list(ev.who)),
        ev.where,
        key,
        ev.kind,
    )


def write_knowledge(conn: sqlite3.Connection, knowledge: Knowledge) -> None:
    """Write everything a build found; the caller owns the transaction."""
    for i, notes in enumerate(knowledge.notes):
        _write_notes(conn, notes, i)
    _write_entities(conn, knowledge)
    conn.executemany(
        "INSERT INTO dates (sentence_id, source, line, start, end, text, type, value, mod,"
        " resolved) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            (t.sentence_id, *_span(t), t.text, t.type, t.value, t.mod, int(t.resolved))
            for t in knowledge.timexes
        ],
    )
    conn.executemany(
        "INSERT INTO quantities (sentence_id, source, line, start, end, text, value, counts, hedge,"
        " of, unit) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (q.sentence_id, *_span(q), q.text, q.value, q.counts, q.hedge, q.of, q.unit)
            for q in knowledge.quantities
        ],
    )
    conn.executemany(
        "INSERT INTO quotes (sentence_id, source, line, start, end, text, speaker,"
        " speaker_entity_id) VALUES (?,?,?,?,?,?,?,?)",
        [
            (q.sentence_id, *_span(q), q.text, q.speaker, q.speaker_entity_id)
            for q in knowledge.quotes
        ],
    )
    conn.executemany(
        "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [_event_row(ev) for ev in knowledge.events],
    )
    conn.executemany(
        "INSERT INTO links VALUES (?,?,?,?,?,?,?)",
        [(lk.cause_id, lk.effect_id, lk.signal, *_span(lk)) for lk in knowledge.links],
    )
    conn.executemany(
        "INSERT INTO problems VALUES (?,?)",
        [([*p.split(": ", 1), ""])[:2] for p in knowledge.problems],
    )


def write_findings(conn: sqlite3.Connection, findings: list[Any]) -> None:
    """Keep the consistency check's findings with the build that found them."""
    conn.executemany(
        "INSERT INTO findings (kind, message, spans) VALUES (?,?,?)",
        [(f.kind, f.message, json.dumps([[s.source, s.line, s.start, s.end] for s in f.spans]))
         for f in findings],
    )


def findings(conn: sqlite3.Connection) -> list[Row]:
    """The consistency report: spelling variants, conflicting dates or numbers, undated events."""
    out = []
    for r in _rows(conn, "SELECT * FROM findings ORDER BY id"):
        places = dict.fromkeys((s, n) for s, n, _, _ in json.loads(r["spans"]))
        lines = [{"source": s, "line": n, "text": _line_text(conn, s, n)} for s, n in places]
        out.append({"kind": r["kind"], "message": r["message"], "lines": lines})
    return out


def _line_text(conn: sqlite3.Connection, source: str, number: int) -> str:
    row = conn.execute("SELECT text FROM lines WHERE source = ? AND number = ?",
                       (source, number)).fetchone()
    return str(row[0]) if row else ""


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
    return [dict(r) for r in conn.execute(sql, params)]


def stats(conn: sqlite3.Connection) -> Row:
    """Counts of what the knowledge base holds, for `build --json`."""

    def count(sql: str) -> int:
        return int(conn.execute(sql).fetchone()[0])

    return {
        "documents": count("SELECT count(*) FROM sources"),
        "lines": count("SELECT count(*) FROM lines"),
        "words": count("SELECT coalesce(sum(n_words), 0) FROM sources"),
        "sentences": count("SELECT count(*) FROM sentences"),
        "dates": count("SELECT count(*) FROM dates"),
        "people": count("SELECT count(*) FROM entities WHERE kind = 'person'"),
        "entities": count("SELECT count(*) FROM entities"),
        "quantities": count("SELECT count(*) FROM quantities"),
        "quotes": count("SELECT count(*) FROM quotes"),
        "events": count("SELECT count(*) FROM events"),
        "problems": [f"{r['path']}: {r['problem']}" for r in _rows(conn, "SELECT * FROM problems")],
        "schema_version": SCHEMA_VERSION,
    }


def sources(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM sources ORDER BY ordinal")


def source_lines(conn: sqlite3.Connection, source: str) -> list[Row]:
    return _rows(conn, "SELECT * FROM lines WHERE source = ? ORDER BY number", (source,))


def sentences(conn: sqlite3.Connection) -> list[Row]:
    """Every sentence with its section title, in reading order."""
    return _rows(
        conn,
        "SELECT s.*, sec.title AS section FROM sentences s LEFT JOIN sections sec"
        " ON sec.id = s.section_id JOIN sources src ON src.key = s.source"
        " ORDER BY src.ordinal, s.ordinal",
    )


def timeline(conn: sqlite3.Connection, include_inherited: bool = False) -> list[Row]:
    """Dated events in chronological order (BC before AD, a month inside its year, ...).

    Dates the notes leave unresolved ("a few days after the execution" with nothing to anchor
    it) are left off rather than placed at a guessed point.
    """
    rows = _rows(
        conn,
        "SELECT e.*, s.text AS sentence FROM events e JOIN sentences s ON s.id = e.sentence_id"
        " WHERE e.date_value IS NOT NULL AND e.date_type IN ('DATE', 'TIME')"
        " AND e.kind = 'event' AND e.date_value NOT LIKE '%X%'"
        + ("" if include_inherited else " AND e.date_inherited = 0"),
    )
    order = {r["id"]: i for i, r in enumerate(_rows(conn, "SELECT id FROM sentences"))}
    rows.sort(
        key=lambda r: (
            json.loads(r["sort_key"]),
            r["source"],
            r["line"],
            order.get(r["sentence_id"], 0),
        )
    )
    return [
        {
            "value": r["date_value"],
            "text": r["date_text"],
            "type": r["date_type"],
            "mod": r["date_mod"],
            "source": r["source"],
            "line": r["line"],
            "event": r["what"],
            "sentence": r["sentence"],
            "who": json.loads(r["who"]),
            "where": r["place"],
            "inherited": bool(r["date_inherited"]),
        }
        for r in rows
    ]


def entities(conn: sqlite3.Connection, kind: str | None = None) -> list[Row]:
    """The who's-who: each entity with spellings, roles, fate, and every line it is on."""
    where = " WHERE kind = ?" if kind else ""
    out = []
    for e in _rows(
        conn, "SELECT * FROM entities" + where + " ORDER BY kind, name", (kind,) if kind else ()
    ):
        mentions = _rows(
            conn,
            "SELECT source, line, text FROM mentions WHERE entity_id = ?"
            " ORDER BY source, line, start",
            (e["id"],),
        )
        facts = _rows(
            conn,
            "SELECT kind, text, source, line FROM facts WHERE entity_id = ? ORDER BY source, line",
            (e["id"],),
        )
        aliases = [
            r["alias"]
            for r in _rows(
                conn, "SELECT alias FROM aliases WHERE entity_id = ? ORDER BY alias", (e["id"],)
            )
        ]
        first = mentions[0]["source"] if mentions else None
        out.append(
            {
                "id": e["id"],
                "name": e["name"],
                "kind": e["kind"],
                "aliases": aliases,
                "variants": json.loads(e["variants"]),
                "source": first,
                "lines": sorted({m["line"] for m in mentions if m["source"] == first}),
                "mentions": mentions,
                "roles": [f for f in facts if f["kind"] == "role"],
                "fates": [f for f in facts if f["kind"] == "fate"],
                "description": e["description"],
            }
        )
    return out


def dates(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM dates ORDER BY source, start")


def quantities(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM quantities ORDER BY source, start")


def quotes(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM quotes ORDER BY source, start")


def events(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM events ORDER BY source, start")


def links(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM links")


def sections(conn: sqlite3.Connection) -> list[Row]:
    return _rows(conn, "SELECT * FROM sections ORDER BY source, ordinal")
