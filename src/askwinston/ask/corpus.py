"""What ask reads: sentences with their annotations, from a knowledge base or from memory.

One shape for both, so benchmarks can answer from `Knowledge` built in memory (SQuAD paragraphs)
with exactly the code that answers from SQLite. Offsets of annotations are relative to their
sentence, which is all extraction needs.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from askwinston.model import Knowledge


@dataclass(frozen=True, slots=True)
class Mark:
    """An annotation inside a sentence: [start, end) relative to the sentence text."""

    start: int
    end: int
    text: str
    kind: str  # date | quantity | person | org | place | group | quote
    value: str = ""  # date value, or the quote's speaker
    entity: str = ""  # entity id for names


@dataclass(slots=True)
class Passage:
    """A sentence of the notes with what the analysis found in it."""

    index: int
    id: str
    source: str
    line: int
    text: str
    section: str
    section_is_question: bool
    label: str
    marks: list[Mark] = field(default_factory=list)
    event_date: str = ""  # the date an event on this sentence inherited, as written
    is_heading: bool = False

    def of_kind(self, *kinds: str) -> list[Mark]:
        return [m for m in self.marks if m.kind in kinds]


@dataclass(slots=True)
class Corpus:
    """Passages in reading order, plus the names of entities and their spellings."""

    passages: list[Passage]
    names: dict[str, set[str]] = field(default_factory=dict)  # entity id -> spellings
    kinds: dict[str, str] = field(default_factory=dict)  # entity id -> kind
    roles: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    """entity id -> (role as the notes word it, source, line), in reading order."""


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql)]


def _add_mark(by_sentence: dict[str, list[Mark]], starts: dict[str, int], sid: str | None,
              start: int, end: int, text: str, kind: str, value: str = "",
              entity: str = "") -> None:
    if sid is None or sid not in starts:
        return
    base = starts[sid]
    by_sentence[sid].append(Mark(start - base, end - base, text, kind, value or "", entity))


def from_connection(conn: sqlite3.Connection) -> Corpus:
    """Load every passage and annotation from an open knowledge base."""
    sents = _rows(conn, "SELECT s.id, s.source, s.line, s.start, s.text, s.label,"
                  " coalesce(sec.title, '') AS section, coalesce(sec.is_question, 0) AS q"
                  " FROM sentences s LEFT JOIN sections sec ON sec.id = s.section_id"
                  " JOIN sources src ON src.key = s.source ORDER BY src.ordinal, s.ordinal")
    starts = {r["id"]: r["start"] for r in sents}
    marks: dict[str, list[Mark]] = defaultdict(list)
    for r in _rows(conn, "SELECT sentence_id, start, end, text, value FROM dates"):
        _add_mark(marks, starts, r["sentence_id"], r["start"], r["end"], r["text"], "date",
                  r["value"])
    for r in _rows(conn, "SELECT sentence_id, start, end, text FROM quantities"):
        _add_mark(marks, starts, r["sentence_id"], r["start"], r["end"], r["text"], "quantity")
    for r in _rows(conn, "SELECT sentence_id, start, end, text, speaker FROM quotes"):
        _add_mark(marks, starts, r["sentence_id"], r["start"], r["end"], r["text"], "quote",
                  r["speaker"] or "")
    kinds = {r["id"]: r["kind"] for r in _rows(conn, "SELECT id, kind FROM entities")}
    names: dict[str, set[str]] = defaultdict(set)
    for r in _rows(conn, "SELECT id, name, variants FROM entities"):
        names[r["id"]].add(r["name"])
        names[r["id"]].update(json.loads(r["variants"] or "[]"))
    for r in _rows(conn, "SELECT entity_id, alias FROM aliases"):
        names[r["entity_id"]].add(r["alias"])
    for r in _rows(conn, "SELECT entity_id, sentence_id, start, end, text FROM mentions"):
        _add_mark(marks, starts, r["sentence_id"], r["start"], r["end"], r["text"],
                  kinds.get(r["entity_id"], "person"), entity=r["entity_id"])
    inherited = {r["sentence_id"]: r["date_text"] for r in _rows(
        conn, "SELECT sentence_id, date_text FROM events WHERE date_text IS NOT NULL")}
    order = {r["key"]: r["ordinal"] for r in _rows(conn, "SELECT key, ordinal FROM sources")}
    passages = [
        _passage(r["id"], r["source"], r["line"], r["text"], r["section"], bool(r["q"]),
                 r["label"] or "", marks.get(r["id"], []), inherited.get(r["id"], "") or "")
        for r in sents
    ]
    passages += [
        _passage(r["id"], r["source"], r["line"], r["title"], r["title"], bool(r["is_question"]),
                 "", [], "", heading=True)
        for r in _rows(conn, "SELECT * FROM sections")
    ]
    roles: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for r in _rows(conn, "SELECT entity_id, text, source, line FROM facts WHERE kind = 'role'"
                   " ORDER BY source, line, start"):
        roles[r["entity_id"]].append((r["text"], r["source"], r["line"]))
    return Corpus(_ordered(passages, order), dict(names), kinds, dict(roles))


def _passage(pid: str, source: str, line: int, text: str, section: str, is_q: bool,
             label: str, marks: list[Mark], event_date: str, heading: bool = False) -> Passage:
    """A passage whose text starts with its line's label ("Date: February 1934 …")."""
    shift = len(label) + 2 if label else 0
    moved = [Mark(m.start + shift, m.end + shift, m.text, m.kind, m.value, m.entity)
             for m in marks]
    full = f"{label}: {text}" if label else text
    return Passage(0, pid, source, line, full, section, is_q, label,
                   sorted(moved, key=lambda m: m.start), event_date, heading)


def _ordered(passages: list[Passage], order: dict[str, int]) -> list[Passage]:
    """Reading order (headings before the sentences under them), numbered."""
    passages.sort(key=lambda p: (order.get(p.source, 0), p.line))
    for i, p in enumerate(passages):
        p.index = i
    return passages


def from_knowledge(knowledge: Knowledge) -> Corpus:
    """The same passages from `Knowledge` held in memory (no SQLite)."""
    starts: dict[str, int] = {}
    marks: dict[str, list[Mark]] = defaultdict(list)
    meta: list[tuple[Any, ...]] = []
    for notes in knowledge.notes:
        for s in notes.sentences:
            starts[s.id] = s.span.start
            sec = notes.section(s.section_id)
            meta.append((s, sec.title if sec else "", bool(sec and sec.is_question)))
    for t in knowledge.timexes:
        _add_mark(marks, starts, t.sentence_id, t.span.start, t.span.end, t.text, "date", t.value)
    for q in knowledge.quantities:
        _add_mark(marks, starts, q.sentence_id, q.span.start, q.span.end, q.text, "quantity")
    for qt in knowledge.quotes:
        _add_mark(marks, starts, qt.sentence_id, qt.span.start, qt.span.end, qt.text, "quote",
                  qt.speaker or "")
    names: dict[str, set[str]] = {}
    kinds: dict[str, str] = {}
    for e in knowledge.entities:
        names[e.id] = {e.name, *e.aliases, *e.variants}
        kinds[e.id] = e.kind
        for m in e.mentions:
            _add_mark(marks, starts, m.sentence_id, m.span.start, m.span.end, m.text, e.kind,
                      entity=e.id)
    inherited = {ev.sentence_id: ev.when.text for ev in knowledge.events if ev.when}
    passages = [
        _passage(s.id, s.span.source, s.span.line, s.text, title, is_q, s.label or "",
                 marks.get(s.id, []), inherited.get(s.id, ""))
        for s, title, is_q in meta
    ]
    passages += [
        _passage(sec.id, sec.source, sec.line, sec.title, sec.title, sec.is_question, "", [], "",
                 heading=True)
        for notes in knowledge.notes for sec in notes.sections
    ]
    order = {n.source.key: i for i, n in enumerate(knowledge.notes)}
    roles = {e.id: [(f.text, f.span.source, f.span.line) for f in e.facts if f.kind == "role"]
             for e in knowledge.entities}
    return Corpus(_ordered(passages, order), names, kinds, roles)
