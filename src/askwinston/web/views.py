"""Data for the pages, read from the knowledge base; templates only lay it out.

Each function takes an open connection and returns plain dicts, so the server and the static site
render the same data.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import defaultdict
from typing import Any

from askwinston.analysis import timex
from askwinston.store import kb
from askwinston.web import timeline as tl

Row = dict[str, Any]
ENTITY_KINDS = ("person", "org", "place", "group")
MENTION_LINES_SHOWN = 12
"""Lines listed per entity on the who's-who; every line is on the entity's own page."""
MAX_EVENTS_LISTED = 400
"""A window with more events than this shows counts per narrower window instead of a list."""
KIND_NAMES = {"person": "People", "org": "Organisations", "place": "Places", "group": "Groups"}
KIND_NAME = {"person": "Person", "org": "Organisation", "place": "Place", "group": "Group"}


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
    return [dict(r) for r in conn.execute(sql, params)]


def topics(conn: sqlite3.Connection) -> list[Row]:
    """Every document with its top-level sections (for the contents page)."""
    sections = defaultdict(list)
    for s in kb.sections(conn):
        sections[s["source"]].append(s)
    return [
        {**src, "title": src["title"] or src["path"], "sections": sections[src["key"]]}
        for src in kb.sources(conn)
    ]


def source(conn: sqlite3.Connection, key: str) -> Row | None:
    row = conn.execute("SELECT * FROM sources WHERE key = ?", (key,)).fetchone()
    return dict(row) if row else None


def _date_notes(conn: sqlite3.Connection, key: str) -> list[Row]:
    out = []
    for d in _rows(conn, "SELECT * FROM dates WHERE source = ?", (key,)):
        shown = timex.display(d["value"], d["mod"])
        span = tl.year_span(d["value"])
        zoom = f"y{int(span[0])}" if span else None
        out.append({**d, "kind": "date", "tip": f"Date: {shown} ({d['value']})",
                    "zoom": zoom})
    return out


def _facts_by_entity(conn: sqlite3.Connection, key: str) -> dict[str, dict[str, list[str]]]:
    facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"role": [], "fate": []})
    for f in _rows(
        conn,
        "SELECT f.entity_id, f.kind, f.text FROM facts f WHERE f.entity_id IN"
        " (SELECT entity_id FROM mentions WHERE source = ?) ORDER BY f.source, f.line",
        (key,),
    ):
        bucket = facts[f["entity_id"]].setdefault(f["kind"], [])
        if f["text"] not in bucket:
            bucket.append(f["text"])
    return facts


def _mention_notes(conn: sqlite3.Connection, key: str) -> list[Row]:
    facts = _facts_by_entity(conn, key)
    out = []
    for m in _rows(
        conn,
        "SELECT m.*, e.name, e.kind FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE m.source = ?",
        (key,),
    ):
        f = facts.get(m["entity_id"], {})
        tip = [f"{KIND_NAME.get(m['kind'], str(m['kind']).title())}: {m['name']}"]
        if f.get("role"):
            tip.append("role: " + "; ".join(f["role"][:3]))
        if f.get("fate"):
            tip.append("fate: " + "; ".join(f["fate"][:2]))
        out.append({**m, "tip": " · ".join(tip)})
    return out


def _quantity_notes(conn: sqlite3.Connection, key: str) -> list[Row]:
    out = []
    for q in _rows(conn, "SELECT * FROM quantities WHERE source = ?", (key,)):
        value = f"{q['value']:,.0f}" if q["value"] == int(q["value"]) else f"{q['value']:,}"
        words = [q["hedge"], value, q["unit"], q["counts"] and f"– {q['counts']}"]
        out.append({**q, "kind": "number", "tip": "Number: " + " ".join(w for w in words if w)})
    return out


def segments(text: str, start: int, notes: list[Row]) -> list[Row]:
    """Split a line into plain text and annotated pieces; overlapping notes: first, longest wins."""
    pieces: list[Row] = []
    pos = 0
    for n in sorted(notes, key=lambda n: (n["start"], -(n["end"] - n["start"]))):
        a, b = n["start"] - start, n["end"] - start
        if a < pos or b > len(text) or a >= b:
            continue
        if a > pos:
            pieces.append({"text": text[pos:a]})
        pieces.append({"text": text[a:b], "note": n})
        pos = b
    if pos < len(text):
        pieces.append({"text": text[pos:]})
    return pieces


def topic_lines(conn: sqlite3.Connection, key: str) -> list[Row]:
    """The document's lines as written, each cut into plain and highlighted pieces."""
    notes: dict[int, list[Row]] = defaultdict(list)
    for n in _date_notes(conn, key) + _mention_notes(conn, key) + _quantity_notes(conn, key):
        notes[n["line"]].append(n)
    return [
        {**ln, "pieces": segments(ln["text"], ln["start"], notes.get(ln["number"], []))}
        for ln in kb.source_lines(conn, key)
    ]


def _section_titles(conn: sqlite3.Connection) -> dict[tuple[str, int], str]:
    return {
        (r["source"], r["number"]): r["title"]
        for r in _rows(conn, "SELECT l.source, l.number, s.title FROM lines l"
                       " JOIN sections s ON s.id = l.section_id")
    }


def timeline_events(conn: sqlite3.Connection) -> list[Row]:
    """Dated events in order, each with its span of years, display date and section ("era")."""
    titles = _section_titles(conn)
    events = []
    for r in kb.timeline(conn):
        span = tl.with_mod(tl.year_span(r["value"]), r["mod"])
        if span is not None:
            events.append({**r, "span": span, "display": timex.display(r["value"], r["mod"]),
                           "era": titles.get((r["source"], r["line"]), "")})
    return events


def timeline(events: list[Row], zoom_key: str | None = None) -> Row:
    """Events (from `timeline_events`) on an axis for one zoom window, grouped into runs of the
    same section."""
    zoom = tl.parse_zoom(zoom_key)
    spans = [e["span"] for e in events]
    choices = tl.zoom_choices(spans, zoom)
    shown = [e for e in events if zoom.holds(e["span"])]
    empty = {"zoom": zoom, "choices": choices, "eras": [], "ticks": [], "count": len(shown),
             "overview": []}
    if len(shown) > MAX_EVENTS_LISTED:
        return {**empty, "overview": overview(shown, zoom, choices)}
    if not shown:
        return empty
    shown = [dict(e) for e in shown]
    lo, hi = tl.axis([e["span"] for e in shown], zoom)
    eras: list[Row] = []
    for e in shown:
        e["bar"] = tl.place(e["span"], lo, hi)
        if not eras or eras[-1]["title"] != e["era"]:
            eras.append({"title": e["era"], "events": []})
        eras[-1]["events"].append(e)
    return {**empty, "eras": eras, "ticks": tl.ticks(lo, hi)}


def overview(shown: list[Row], zoom: tl.Zoom, choices: list[tl.Zoom]) -> list[Row]:
    """Too many events to list: how many fall in each narrower window, to pick one."""
    narrower = [z for z in choices if z.start is not None and z.key != zoom.key
                and (zoom.start is None or zoom.start <= z.start < (zoom.end or 0))]
    level = narrower[0].key[0] if narrower else "y"
    counts = [(z, sum(1 for e in shown if z.holds(e["span"])))
              for z in narrower if z.key[0] == level]
    top = max([n for _, n in counts] + [1])
    return [{"zoom": z, "count": n, "width": round(1000 * n / top, 1)} for z, n in counts if n]


def zoom_keys(events: list[Row]) -> list[str]:
    """Every zoom window with events (for the static site, which renders one page each)."""
    spans = [e["span"] for e in events]
    keys: list[str] = []
    for width, letter in ((100, "c"), (10, "d"), (1, "y")):
        keys += [f"{letter}{y}" for y in sorted({math.floor(s[0] / width) * width
                                                 for s in spans})]
    return keys


def _grouped(conn: sqlite3.Connection, sql: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for r in _rows(conn, sql):
        out[r.pop("entity_id")].append(r)
    return out


def entities(conn: sqlite3.Connection) -> list[Row]:
    """Like `kb.entities`, in four queries rather than three per entity (big notes have
    thousands)."""
    mentions = _grouped(conn, "SELECT entity_id, source, line, text FROM mentions"
                              " ORDER BY entity_id, source, line, start")
    facts = _grouped(conn, "SELECT entity_id, kind, text, source, line FROM facts"
                           " ORDER BY entity_id, source, line")
    aliases = _grouped(conn, "SELECT entity_id, alias FROM aliases ORDER BY entity_id, alias")
    out = []
    for e in _rows(conn, "SELECT id, name, kind, description, variants FROM entities"
                         " ORDER BY kind, name"):
        f = facts.get(e["id"], [])
        out.append({**e, "variants": json.loads(e["variants"]),
                    "aliases": [a["alias"] for a in aliases.get(e["id"], [])],
                    "mentions": mentions.get(e["id"], []),
                    "roles": [x for x in f if x["kind"] == "role"],
                    "fates": [x for x in f if x["kind"] == "fate"]})
    return out


def who(conn: sqlite3.Connection) -> list[Row]:
    """The who's-who, grouped by kind: each entity with spellings, roles, fate and mentions."""
    lines = {(r["source"], r["number"]): r["text"] for r in
             _rows(conn, "SELECT source, number, text FROM lines")}
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for e in entities(conn):
        spellings = sorted(({m["text"] for m in e["mentions"]} | set(e["variants"])
                            | set(e["aliases"])) - {e["name"]})
        for f in e["roles"] + e["fates"]:
            f["context"] = lines.get((f["source"], f["line"]), "")
        by_kind[e["kind"]].append({**e, "spellings": spellings,
                                   "places": mention_places(e["mentions"], e["name"],
                                                            e["variants"])})
    for group in by_kind.values():
        for e in group:
            e["lines_count"] = sum(len(d["lines"]) for d in e["places"])
            e["preview"] = _preview(e["places"], MENTION_LINES_SHOWN)
    order = [k for k in ENTITY_KINDS if k in by_kind] + sorted(set(by_kind) - set(ENTITY_KINDS))
    return [{"kind": k, "title": KIND_NAMES.get(k, k.title()), "entities": by_kind[k]}
            for k in order]


def _preview(places: list[Row], limit: int) -> list[Row]:
    out, left = [], limit
    for doc in places:
        if left <= 0:
            break
        out.append({**doc, "lines": doc["lines"][:left]})
        left -= len(out[-1]["lines"])
    return out


def who_by_id(conn: sqlite3.Connection) -> dict[str, Row]:
    return {e["id"]: e for group in who(conn) for e in group["entities"]}


def mention_places(mentions: list[Row], name: str, variants: list[str] | None = None
                   ) -> list[Row]:
    """Mentions grouped by document, then by line: each line once, with the misspellings on it
    (all other spellings when `variants` is None)."""
    docs: dict[str, dict[int, Row]] = {}
    for m in mentions:
        line = docs.setdefault(m["source"], {}).setdefault(
            m["line"], {"line": m["line"], "count": 0, "texts": []})
        line["count"] += 1
        odd = m["text"] != name if variants is None else m["text"] in variants
        if odd and m["text"] not in line["texts"]:
            line["texts"].append(m["text"])
    return [{"source": s, "lines": list(lines.values())} for s, lines in docs.items()]


def context(conn: sqlite3.Connection, key: str, line: int, cited: list[str] | None = None,
            around: int = 2) -> list[Row]:
    """A cited line with the lines around it; on the cited line, `pieces` mark the cited words
    (the whole line when they cannot be found in it)."""
    rows = _rows(
        conn,
        "SELECT number, text, kind FROM lines WHERE source = ? AND number BETWEEN ? AND ?"
        " AND kind != 'blank' ORDER BY number",
        (key, line - around, line + around),
    )
    for r in rows:
        if r["number"] == line:
            r["pieces"] = cited_pieces(r["text"], cited or [])
    return rows


def cited_pieces(text: str, cited: list[str]) -> list[Row]:
    """The line cut into plain and cited pieces."""
    spans = []
    for c in cited:
        at = text.find(c) if c else -1
        if at >= 0:
            spans.append({"start": at, "end": at + len(c)})
    if not spans:
        spans = [{"start": 0, "end": len(text)}]
    return [{"text": p["text"], "mark": "note" in p} for p in segments(text, 0, spans)]


def offline_sentences(conn: sqlite3.Connection) -> str:
    """Every sentence as compact JSON for the static site's offline search (safe in <script>)."""
    data = [[s["source"], s["line"], s["text"]] for s in kb.sentences(conn)]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
