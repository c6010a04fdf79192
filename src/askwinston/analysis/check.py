"""Consistency check: where the notes disagree with themselves, with the lines that say so.

A pure function of `Knowledge`: spelling variants of one name, one event given two dates, one
count given two numbers, and undated events inside a dated sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from askwinston.analysis import check_rules as rules
from askwinston.model import Entity, Event, Knowledge, Quantity, Span


@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistency: what kind, a sentence for people, and every line involved."""

    kind: str  # spelling | conflicting-date | conflicting-number | undated
    message: str
    spans: list[Span] = field(default_factory=list)


def _lines(spans: list[Span]) -> str:
    """ "notes.md line 3, 5; other.md line 2": every line, by file."""
    by_source: dict[str, set[int]] = {}
    for sp in spans:
        by_source.setdefault(sp.source, set()).add(sp.line)
    parts = []
    for source, lines in by_source.items():
        word = "line" if len(lines) == 1 else "lines"
        parts.append(f"{source} {word} {', '.join(str(n) for n in sorted(lines))}")
    return "; ".join(parts)


def content_words(text: str) -> frozenset[str]:
    """Lower-case words of a phrase without the small words, for comparing phrases."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(w for w in words if w not in rules.STOPWORDS)


def overlap(a: str, b: str) -> float:
    """Jaccard overlap of the content words of two phrases (0 when either is too vague)."""
    wa, wb = content_words(a), content_words(b)
    if min(len(wa), len(wb)) < rules.MIN_COMPARED_WORDS:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def spelling_findings(entities: list[Entity]) -> list[Finding]:
    """One finding per name written more than one way: where each spelling is used."""
    out = []
    for e in entities:
        if not e.variants:
            continue
        variant = [m.span for m in e.mentions if m.text in e.variants]
        usual = [m.span for m in e.mentions if m.text not in e.variants]
        forms = ", ".join(f"“{v}”" for v in e.variants)
        message = f"{e.name} is also spelled {forms} ({_lines(variant)})"
        if usual:
            message += f"; elsewhere {e.name} ({_lines(usual)})"
        out.append(Finding("spelling", message, variant + usual))
    return out


def _compatible(a: str, b: str) -> bool:
    """ "1934" and "1934-12" do not disagree: one is just less precise."""
    return a.startswith(b) or b.startswith(a)


def date_findings(events: list[Event]) -> list[Finding]:
    """The same event (same people, same words) given two different dates."""
    by_people: dict[frozenset[str], list[Event]] = {}
    for e in events:
        if e.when is not None and not e.when_inherited:
            by_people.setdefault(frozenset(e.who), []).append(e)
    pairs = (p for group in by_people.values() for p in combinations(group, 2))
    out = []
    for a, b in pairs:
        assert a.when is not None and b.when is not None
        if _compatible(a.when.value, b.when.value):
            continue
        if overlap(a.what, b.what) >= rules.SAME_EVENT_OVERLAP:
            out.append(Finding(
                "conflicting-date",
                f"“{a.what}” is dated {a.when.text} and {b.when.text} "
                f"({_lines([a.span, b.span])})", [a.span, b.span]))
    return out


def number_findings(quantities: list[Quantity]) -> list[Finding]:
    """The same thing counted with two different numbers."""
    out = []
    for a, b in combinations([q for q in quantities if q.counts], 2):
        if a.value == b.value and a.of == b.of:
            continue
        if overlap(a.counts or "", b.counts or "") >= rules.SAME_COUNT_OVERLAP:
            out.append(Finding(
                "conflicting-number",
                f"“{a.counts}” is counted as {a.text} and as {b.text} ({_lines([a.span, b.span])})",
                [a.span, b.span]))
    return out


def _undated_before_dates(events: list[Event], sections: dict[str, str | None]
                          ) -> list[tuple[list[Event], Event]]:
    """Per section: the events with no date that come before its first dated event (later
    ones inherit the date of the line before them, as notes intend)."""
    by_section: dict[tuple[str, str | None], list[Event]] = {}
    for e in sorted(events, key=lambda e: (e.span.source, e.span.start)):
        by_section.setdefault((e.span.source, sections.get(e.sentence_id)), []).append(e)
    out = []
    for evs in by_section.values():
        first = next((i for i, e in enumerate(evs) if e.when is not None), None)
        dated_lines = {e.span.line for e in evs if e.when is not None}
        run = [e for e in evs[:first or 0] if e.span.line not in dated_lines]
        if first and run:
            out.append((run, evs[first]))
    return out


def undated_findings(events: list[Event], sections: dict[str, str | None]) -> list[Finding]:
    """Lines with no date in a section whose other lines are dated (`sections`: sentence id →
    section id)."""
    out = []
    for run, dated in _undated_before_dates(events, sections):
        assert dated.when is not None
        spans = [e.span for e in run]
        out.append(Finding(
            "undated",
            f"no date on {_lines(spans)}, in a section dated from {dated.when.text} "
            f"(line {dated.span.line})", spans))
    return out


def check(knowledge: Knowledge) -> list[Finding]:
    """Every inconsistency found in the notes, spelling first, in line order within a kind."""
    sentence_events = [e for e in knowledge.events if e.kind == "event"]
    sections = {s.id: s.section_id for n in knowledge.notes for s in n.sentences}
    dated_labels = {(n.source.key, nl.line.number) for n in knowledge.notes for nl in n.lines
                    if nl.label and rules.LABEL_WITH_YEAR.search(nl.label)}
    undated_candidates = [e for e in sentence_events
                          if (e.span.source, e.span.line) not in dated_labels]
    return [
        *spelling_findings(knowledge.entities),
        *date_findings(sentence_events),
        *number_findings(knowledge.quantities),
        *undated_findings(undated_candidates, sections),
    ]

