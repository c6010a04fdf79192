"""What card generation reads from the knowledge base, cut into clauses with their items."""

from __future__ import annotations

import json
import math
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from askwinston.analysis.nlp import load_nlp
from askwinston.analysis.timex import sort_key
from askwinston.store import kb
from askwinston.study import templates as t

Row = dict[str, Any]


@dataclass(frozen=True)
class Item:
    """A date, quantity or quote of the notes, with its offsets into the source."""

    kind: str
    text: str
    source: str
    line: int
    start: int
    end: int
    value: str = ""
    row: Row = field(default_factory=dict, compare=False, hash=False)

    @property
    def answer(self) -> str:
        """The text as a short answer: 'the summer of 1930' → 'summer of 1930'."""
        return re.sub(r"(?i)^the (?=spring|summer|autumn|winter)", "", self.text).strip(" ,.")

    @property
    def explicit(self) -> bool:
        """A calendar date written with its digits ('May 1935'), not 'the next day' or 'days'."""
        row = self.row
        return (
            row.get("type") in ("DATE", "TIME")
            and bool(row.get("resolved", 1))
            and bool(re.search(r"\d", self.text))
            and bool(re.match(r"-?\d", self.value))
        )

    @property
    def year(self) -> int:
        return sort_key(self.value)[0] if self.value else 0


@dataclass
class Clause:
    """One note-style clause of a sentence (the whole sentence when it has no ' - ')."""

    source: str
    line: int
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    sentence_index: int
    section: str | None = None
    dates: list[Item] = field(default_factory=list)
    quantities: list[Item] = field(default_factory=list)
    quotes: list[Item] = field(default_factory=list)
    inherited: Item | None = None
    rewritten: bool = False

    def when(self) -> Iterator[tuple[Item, bool]]:
        """The clause's own first date, else one inherited from earlier on its line."""
        own = [d for d in self.dates if d.explicit]
        if own:
            yield own[0], False
        elif self.inherited is not None and not self.dates:
            yield self.inherited, True

    def holds(self, item: Item) -> bool:
        return item.source == self.source and self.start <= item.start and item.end <= self.end


@dataclass
class Context:
    """Clauses, lines and people of a knowledge base, with a cached spaCy parse per text."""

    clauses: list[Clause]
    lines: dict[tuple[str, int], str]
    dates: list[Item]
    quantities: list[Item]
    quotes: list[Item]
    people: list[Row]
    nlp: Language
    sources: list[str] = field(default_factory=list)
    others: list[Row] = field(default_factory=list)
    docs: dict[str, Doc] = field(default_factory=dict)
    by_line: dict[tuple[str, int], list[Clause]] = field(default_factory=dict)
    roles_by_line: dict[tuple[str, int], list[tuple[str, str]]] | None = None
    person_pools: dict[str, list[str]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)
    pools: dict[tuple[str, str, str | None], tuple[list[Item], list[float]]] = field(
        default_factory=dict
    )

    def line_text(self, source: str, line: int) -> str:
        return self.lines.get((source, line), "")

    def parse(self, text: str) -> Doc:
        if text not in self.docs:
            self.docs[text] = self.nlp(text)
        return self.docs[text]

    def kb_roles(self, clause: Clause) -> list[tuple[str, str]]:
        """Role facts the knowledge base holds for people on this clause's line."""
        if self.roles_by_line is None:
            self.roles_by_line = {}
            for p in self.people:
                for f in p["roles"]:
                    self.roles_by_line.setdefault((f["source"], f["line"]), []).append(
                        (p["name"], f["text"])
                    )
        return self.roles_by_line.get((clause.source, clause.line), [])

    def on_line(self, source: str, line: int) -> list[Clause]:
        if not self.by_line:
            for c in self.clauses:
                self.by_line.setdefault((c.source, c.line), []).append(c)
        return self.by_line.get((source, line), [])

    def sorted_pool(
        self, kind: str, source: str, unit: str | None
    ) -> tuple[list[Item], list[float]]:
        """Dates (by year) or quantities (by order of magnitude) of one source, sorted."""
        key = (kind, topic(source), unit)
        if key not in self.pools:
            if kind == "date":
                mine = (d for d in self.dates if topic(d.source) == topic(source) and d.explicit)
                items = sorted(mine, key=lambda d: d.year)
                keys = [float(d.year) for d in items]
            else:
                mine = (q for q in self.quantities if topic(q.source) == topic(source))
                items = sorted((q for q in mine if q.row.get("unit") == unit), key=_magnitude)
                keys = [_magnitude(q) for q in items]
            self.pools[key] = (items, keys)
        return self.pools[key]

    def lead_in(self, clause: Clause) -> str:
        """The short sentence before this one on its line, which a 'They …' sentence leans on
        ('Ending the purges. They were supposed to …'); '' when there is none to borrow."""
        if clause.start != clause.sentence_start or clause.rewritten:
            return ""
        before = [
            c for c in self.on_line(clause.source, clause.line)
            if c.sentence_index == clause.sentence_index - 1
        ]
        if not before or before[0].sentence != before[-1].sentence:
            return ""
        text = before[0].sentence.strip()
        return text if len(text.split()) <= t.MAX_LEAD_IN_WORDS else ""

    def source_order(self, source: str) -> int:
        if not self.ranks:
            self.ranks = {key: i for i, key in enumerate(self.sources)}
        return self.ranks.get(source, len(self.sources))

    def non_person_names(self) -> set[str]:
        """Names the knowledge base gives to places and organisations."""
        if "others" not in self.names:
            self.names["others"] = {n for e in self.others for n in [e["name"], *e["aliases"]]}
        return self.names["others"]

    def person_names(self) -> set[str]:
        """Every name and alias of a person in the knowledge base."""
        if "people" not in self.names:
            self.names["people"] = {n for p in self.people for n in [p["name"], *p["aliases"]]}
        return self.names["people"]

    def person_pool(self, source: str) -> list[str]:
        """People of one source first, then the rest, by how often they are mentioned."""
        if source not in self.person_pools:
            ranked = sorted(
                self.people,
                key=lambda p: (p["source"] != source, -len(p["mentions"]), p["name"]),
            )
            self.person_pools[source] = [p["name"] for p in ranked[: 3 * t.POOL_SIZE]]
        return self.person_pools[source]

    def preparse(self, texts: Iterable[str]) -> None:
        todo = list(dict.fromkeys(x for x in texts if x not in self.docs))
        for text, doc in zip(todo, self.nlp.pipe(todo, batch_size=256), strict=True):
            self.docs[text] = doc

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Context:
        lines = {(r["source"], r["number"]): r["text"] for r in _all_lines(conn)}
        clauses = list(_clauses(kb.sentences(conn)))
        dates = [_item("date", r, r["value"]) for r in kb.dates(conn)]
        quantities = [_item("quantity", r) for r in kb.quantities(conn)]
        quotes = [_item("quote", r) for r in kb.quotes(conn)]
        _assign(clauses, dates, "dates")
        _assign(clauses, quantities, "quantities")
        _assign(clauses, quotes, "quotes")
        _inherit(clauses)
        for clause in clauses:
            _stand_alone(clause)
        people = kb.entities(conn, "person")
        order = [r["key"] for r in kb.sources(conn)]
        others = [e for e in kb.entities(conn) if e["kind"] in ("place", "org")]
        return cls(clauses, lines, dates, quantities, quotes, people, load_nlp(), order, others)


def topic(source: str) -> str:
    """The folder a source is in ('stalins-purges/02-murder.md' → 'stalins-purges'): one topic
    whose pages share order and who's-who cards and distractors."""
    return source.rsplit("/", 1)[0] if "/" in source else source


def _magnitude(q: Item) -> float:
    return math.log10(max(float(q.row.get("value") or 0), 1e-9))


def _all_lines(conn: sqlite3.Connection) -> list[Row]:
    return [dict(r) for r in conn.execute("SELECT source, number, text FROM lines")]


def _item(kind: str, row: Row, value: str = "") -> Item:
    return Item(kind, row["text"], row["source"], row["line"], row["start"], row["end"], value, row)


def _clauses(sentences: list[Row]) -> Iterator[Clause]:
    for s in sentences:
        spans = json.loads(s["clauses"]) or [[s["start"], s["end"]]]
        for a, b in spans:
            text = s["text"][a - s["start"] : b - s["start"]]
            lead = len(text) - len(text.lstrip())
            yield Clause(
                s["source"], s["line"], a + lead, b, text.strip(), s["text"], s["start"],
                s["ordinal"], s.get("section"),
            )


def _assign(clauses: list[Clause], items: list[Item], attr: str) -> None:
    by_line: dict[tuple[str, int], list[Clause]] = defaultdict(list)
    for c in clauses:
        by_line[(c.source, c.line)].append(c)
    for item in items:
        here = by_line[(item.source, item.line)]
        home = next((c for c in here if c.holds(item)), None) or next(
            (c for c in here if c.start <= item.start < c.end), None
        )
        if home is not None:
            getattr(home, attr).append(item)


def _inherit(clauses: list[Clause]) -> None:
    """A line with one date in its first sentence dates its later sentences too."""
    by_line: dict[tuple[str, int], list[Clause]] = defaultdict(list)
    for c in clauses:
        by_line[(c.source, c.line)].append(c)
    for group in by_line.values():
        dated = [d for c in group for d in c.dates]
        if len(dated) != 1 or not dated[0].explicit:
            continue
        first = next(c for c in group if c.dates)
        for c in group:
            if c.sentence_index > first.sentence_index and not c.dates:
                c.inherited = dated[0]


def _stand_alone(clause: Clause) -> None:
    """'This led to 3 million being executed' → '3 million people were executed' (offsets moved)."""
    m = t.CONNECTORS.match(clause.text)
    first = clause.quantities[0] if clause.quantities else None
    if m is None or first is None or first.start - clause.start != m.end():
        return
    after = first.end - clause.start
    if not clause.text[after:].lstrip().startswith(t.BEING):
        return
    gap = len(clause.text[after:]) - len(clause.text[after:].lstrip()) + len(t.BEING)
    insert = " " + t.BEING_AS.format(noun=t.PEOPLE_NOUN)
    clause.text = clause.text[m.end() : after] + insert + clause.text[after + gap :]
    delta_q = -m.end()
    delta_rest = delta_q + len(insert) - gap

    def moved(item: Item) -> Item:
        d = delta_q if item.start < clause.start + after else delta_rest
        return replace(item, start=item.start + d, end=item.end + d)

    clause.dates = [moved(i) for i in clause.dates]
    clause.quantities = [moved(i) for i in clause.quantities]
    clause.quotes = [moved(i) for i in clause.quotes]
    clause.rewritten = True
