"""Consistency findings for the Check page: the one place the web app reads them from.

It rebuilds the parts of `Knowledge` the check needs (entities, events, numbers) from the knowledge
base and runs `askwinston.analysis.check.check` on them. Where that module is not there, a small
fallback reports the spellings the build already judged to be variants of one name.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from askwinston.model import (
    Entity,
    Event,
    Knowledge,
    Line,
    LineKind,
    Mention,
    NoteLine,
    Notes,
    Quantity,
    Section,
    Sentence,
    Source,
    Span,
    Timex,
    stable_id,
)

Row = dict[str, Any]


def _span(r: sqlite3.Row | Row) -> Span:
    return Span(r["source"], r["line"], r["start"], r["end"])


def _entities(conn: sqlite3.Connection) -> list[Entity]:
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in conn.execute("SELECT * FROM mentions ORDER BY source, start"):
        mentions[m["entity_id"]].append(Mention(_span(m), m["text"], m["sentence_id"]))
    return [
        Entity(e["id"], e["name"], e["kind"], mentions=mentions[e["id"]],
               description=e["description"], variants=json.loads(e["variants"]))
        for e in conn.execute("SELECT * FROM entities ORDER BY kind, name")
    ]


def event_kind(row: sqlite3.Row | Row) -> str:
    """The kind an event was built with (not stored): its id is derived from it."""
    if row["id"] == stable_id("event", "topic", row["sentence_id"]):
        return "topic"
    if row["id"] == stable_id("event", "reason", row["source"], row["start"]):
        return "reason"
    return "event"


def _events(conn: sqlite3.Connection) -> list[Event]:
    out = []
    for r in conn.execute("SELECT * FROM events ORDER BY source, start"):
        span = _span(r)
        when = (Timex(span, r["date_text"], r["date_type"], r["date_value"], r["date_mod"],
                      r["sentence_id"]) if r["date_value"] else None)
        event = Event(r["id"], span, r["sentence_id"], r["what"], when,
                      bool(r["date_inherited"]), tuple(json.loads(r["who"])), r["place"])
        if hasattr(event, "kind"):  # the entity layer's events say what they are
            object.__setattr__(event, "kind", event_kind(r))
        out.append(event)
    return out


def _notes(conn: sqlite3.Connection) -> list[Notes]:
    """Each document's shaped lines, sections and sentences (what the check reads of them)."""
    out = []
    for src in conn.execute("SELECT * FROM sources ORDER BY ordinal"):
        key = src["key"]
        rows = conn.execute("SELECT * FROM lines WHERE source = ? ORDER BY number", (key,))
        lines = [(Line(r["number"], r["start"], r["text"], r["origin"]), r) for r in rows]
        source = Source(key, src["path"], "", src["kind"], src["title"], src["origin"],
                        [line for line, _ in lines] or [Line(1, 0, "")])
        shaped = [NoteLine(line, LineKind(r["kind"]), r["section_id"], label=r["label"])
                  for line, r in lines]
        sections = [Section(s["id"], key, s["title"], s["line"], s["level"], s["ordinal"],
                            bool(s["is_question"]), s["parent_id"])
                    for s in conn.execute("SELECT * FROM sections WHERE source = ?", (key,))]
        sentences = [Sentence(s["id"], _span(s), s["text"], s["section_id"], s["ordinal"],
                              label=s["label"])
                     for s in conn.execute("SELECT * FROM sentences WHERE source = ?"
                                           " ORDER BY ordinal", (key,))]
        out.append(Notes(source, src["title"], sections, shaped, sentences))
    return out


def _quantities(conn: sqlite3.Connection) -> list[Quantity]:
    return [
        Quantity(_span(q), q["text"], q["value"], q["counts"], q["hedge"], q["of"], q["unit"],
                 q["sentence_id"])
        for q in conn.execute("SELECT * FROM quantities ORDER BY source, start")
    ]


def knowledge(conn: sqlite3.Connection) -> Knowledge:
    """What the consistency check reads, loaded back from the knowledge base."""
    return Knowledge(notes=_notes(conn), entities=_entities(conn), events=_events(conn),
                     quantities=_quantities(conn))


def _fallback(k: Knowledge) -> list[Any]:
    """Spelling variants only, in the check's own shape (kind, message, spans)."""
    from types import SimpleNamespace

    out = []
    for e in k.entities:
        if e.variants:
            forms = ", ".join(f"“{v}”" for v in e.variants)
            out.append(SimpleNamespace(kind="spelling",
                                       message=f"{e.name} is also spelled {forms}",
                                       spans=[m.span for m in e.mentions]))
    return out


def run_check(k: Knowledge) -> list[Any]:
    try:
        from askwinston.analysis.check import check
    except ImportError:
        return _fallback(k)
    return list(check(k))


def findings(conn: sqlite3.Connection) -> list[Row]:
    """Every finding with the lines it involves (text included), in the check's order."""
    texts = {(r["source"], r["number"]): r["text"]
             for r in conn.execute("SELECT source, number, text FROM lines")}
    out = []
    for f in run_check(knowledge(conn)):
        seen = sorted({(s.source, s.line) for s in f.spans})
        out.append({"kind": f.kind, "message": f.message,
                    "lines": [{"source": s, "line": n, "text": texts.get((s, n), "")}
                              for s, n in seen]})
    return out
