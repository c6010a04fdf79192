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
    return ", ".join(f"line {n}" for n in sorted({s.line for s in spans}))


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
    """One finding per name written more than one way."""
    out = []
    for e in entities:
        if not e.variants:
            continue
        spans = [m.span for m in e.mentions]
        forms = ", ".join(f"“{v}”" for v in e.variants)
        out.append(Finding("spelling", f"{e.name} is also spelled {forms} ({_lines(spans)})",
                           spans))
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


def _undated_runs(events: list[Event]) -> list[tuple[Event | None, list[Event], Event | None]]:
    """Runs of consecutive undated events with the dated events before and after them."""
    runs: list[tuple[Event | None, list[Event], Event | None]] = []
    before: Event | None = None
    run: list[Event] = []
    for e in sorted(events, key=lambda e: e.span.start):
        if e.when is None:
            run.append(e)
            continue
        if run:
            runs.append((before, run, e))
            run = []
        before = e
    return runs


def undated_findings(events: list[Event]) -> list[Finding]:
    """Lines whose events have no date at all, between dated lines of the same notes."""
    out = []
    by_source: dict[str, list[Event]] = {}
    for e in events:
        by_source.setdefault(e.span.source, []).append(e)
    for evs in by_source.values():
        for before, run, after in _undated_runs(evs):
            if before is None or after is None or before.when is None or after.when is None:
                continue
            spans = [e.span for e in run]
            out.append(Finding(
                "undated",
                f"{_lines(spans).capitalize()} have no date, between {before.when.text} "
                f"(line {before.span.line}) and {after.when.text} (line {after.span.line})",
                spans))
    return out


def check(knowledge: Knowledge) -> list[Finding]:
    """Every inconsistency found in the notes, spelling first, in line order within a kind."""
    sentence_events = [e for e in knowledge.events if e.kind == "event"]
    return [
        *spelling_findings(knowledge.entities),
        *date_findings(sentence_events),
        *number_findings(knowledge.quantities),
        *undated_findings(sentence_events),
    ]

