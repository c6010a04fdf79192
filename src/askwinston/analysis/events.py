"""Events: when, who, what, where for each clause that reports something, and cause → effect.

Per sentence (`sentence_frames`) every unquoted clause with a verb gives a compact frame: the
subject and predicate in a few words, the people and places named in it, its own date if any.
Per document (`build`) frames become events; undated ones inherit the date of the section
heading or of the previous dated line in the section (`when_inherited=True`); and the notes'
signals ("This led to", "because of", "on the grounds that", "→", a "Why did…?" heading, an
"aftermath of…" heading) become `Link`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from askwinston.analysis import event_rules as rules
from askwinston.analysis.entities import Candidate
from askwinston.analysis.segments import Segment
from askwinston.model import Entity, Event, Link, Notes, Section, Sentence, Span, Timex, stable_id

BACKWARD = rules.signal_pattern(rules.BACKWARD_SIGNALS, anchored=True)
FORWARD = rules.signal_pattern(rules.FORWARD_SIGNALS, anchored=False)
REASON = rules.signal_pattern(rules.REASON_SIGNALS, anchored=False)


@dataclass(frozen=True, slots=True)
class Frame:
    """What one clause says happened, before dates are inherited across lines."""

    sentence_id: str
    span: Span
    what: str
    who: tuple[str, ...]  # every name; `build` keeps those resolved to people
    where: tuple[str, ...]  # every name; `build` keeps the first resolved to a place
    section_id: str | None = None
    when: Timex | None = None
    pronoun: bool = False  # the subject is "he"/"she": who it is comes from the line before


def _keep(tok: Token, root: Token, skip: frozenset[int]) -> bool:
    if tok is root:
        return True
    if tok.i in skip:
        return False
    if tok.dep_ == "prep" and tok.children and all(c.i in skip for c in tok.children):
        return False  # "arrested in [April 1939]": the preposition of a date
    if tok.ent_type_ in ("DATE", "TIME") or tok.dep_ in rules.WHAT_DROP_DEPS:
        if tok.dep_ == "cc":
            return tok.head.pos_ in ("NOUN", "PROPN", "NUM")  # "Kamenev and Zinoviev"
        return tok.dep_ == "advmod" and tok.i > tok.head.i and tok.head.pos_ == "VERB"
    return not (tok.dep_ in ("prep", "npadvmod") and tok.i < root.i and tok.head is root)


def _join(tokens: list[Token]) -> str:
    """Tokens as written: the original space between neighbours, one space across gaps."""
    out = ""
    for a, b in zip(tokens, [*tokens[1:], None], strict=True):
        out += a.text
        if b is not None:
            out += a.whitespace_ if b.i == a.i + 1 else " "
    return out


def _compact(tok: Token, root: Token, skip: frozenset[int]) -> list[Token]:
    """A token with the branches that say what happened (no dates, auxiliaries, clauses)."""
    if not _keep(tok, root, skip):
        return []
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj" and tok is root:
            continue
        out.extend(_compact(child, root, skip))
    return out


def _predicate_root(seg: Segment) -> Token | None:
    roots = [t for t in seg.doc if t.dep_ == "ROOT"]
    for r in roots:
        if r.pos_ in ("VERB", "AUX"):
            return r
    return next((t for t in seg.doc if t.pos_ == "VERB"), None)


def what_of(root: Token, skip: frozenset[int] = frozenset()) -> str:
    """ "Kirov shot in his office", "Yagoda removed, replaced by Yezhov" (`skip`: token indices
    to leave out, such as the words of a date)."""
    parts = [sorted(_compact(root, root, skip), key=lambda t: t.i)]
    for conj in (c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
        parts.append(sorted(_compact(conj, conj, skip), key=lambda t: t.i))
    words: list[str] = []
    for i, part in enumerate(parts):
        text = _join(part)
        if i and text:
            words[-1] = words[-1] + ","
        words.extend(text.split())
    words = words[: rules.MAX_WHAT_WORDS]
    while words and words[-1].lower().strip(",") in rules.DANGLING_WORDS:
        words.pop()
    return " ".join(words).strip(" ,")


def plain_what(seg: Segment, skip: frozenset[int]) -> str:
    """The clause's own words without its date, when the parse found no subject to build on
    ("in the summer of 1930 support for the regime was sinking" is often misparsed)."""
    lead = BACKWARD.match(seg.doc.text)
    cut = lead.end() if lead else 0
    words = [t for t in seg.doc if t.i not in skip and not t.is_punct and t.idx >= cut]
    while words and (words[0].pos_ in ("ADP", "CCONJ", "SCONJ", "DET") or words[0].i in skip):
        words = words[1:]
    text = _join(words[: rules.MAX_WHAT_WORDS])
    return text


def anchored(t: Timex) -> bool:
    """A date that can place an event: a DATE whose value starts with a year ("1934-12",
    "-0044"), not an unanchored "XXXX-WI" ("the winter") or "PRESENT_REF"."""
    return t.type == "DATE" and (t.value[:1].isdigit() or t.value[:2].lstrip("-")[:1].isdigit())


def _in(span: Span, lo: int, hi: int) -> bool:
    return lo <= span.start < hi


def sentence_frames(sentence: Sentence, segments: list[Segment], candidates: list[Candidate],
                    timexes: list[Timex]) -> list[Frame]:
    """One frame per unquoted clause with a verb."""
    out = []
    base = sentence.span.start
    for seg in segments:
        root = None if seg.quoted or seg.label else _predicate_root(seg)
        if root is None:
            continue
        lo, hi = base + seg.offset, base + seg.offset + len(seg.doc.text)
        here = [c for c in candidates if _in(c.span, lo, hi)]
        who = tuple(dict.fromkeys(c.text for c in here))
        where = who
        own = next((t for t in timexes if _in(t.span, lo, hi) and anchored(t)), None)
        span = Span(sentence.span.source, sentence.span.line, lo, hi)
        dates = [(t.span.start - lo, t.span.end - lo) for t in timexes]
        skip = frozenset(t.i for t in seg.doc if any(a <= t.idx < b for a, b in dates))
        subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        has_subject = bool(subjects)
        pronoun = any(c.lower_ in rules.PERSONAL_PRONOUNS for c in subjects)
        what = what_of(root, skip) if has_subject else plain_what(seg, skip)
        out.append(Frame(sentence.id, span, what, who, where, sentence.section_id, own,
                         pronoun))
    return out


# ---------------------------------------------------------------- across one document


def _sentence_dates(notes: Notes, timexes: list[Timex]) -> dict[str, Timex]:
    """Each sentence's first date; a date in a line's label ("Oct 1905: …", tagged with no
    sentence) belongs to the sentences of that line."""
    by_line: dict[int, list[str]] = {}
    for s in notes.sentences:
        by_line.setdefault(s.span.line, []).append(s.id)
    out: dict[str, Timex] = {}
    for t in timexes:
        if not anchored(t):
            continue
        for sid in [t.sentence_id] if t.sentence_id else by_line.get(t.span.line, []):
            out.setdefault(sid, t)
    return out


def _heading_dates(notes: Notes, timexes: list[Timex]) -> dict[str, Timex]:
    """Dates written in a heading (a Timex on the heading's line that belongs to no sentence)."""
    by_line = {t.span.line: t for t in timexes if t.sentence_id is None and anchored(t)}
    return {s.id: by_line[s.line] for s in notes.sections if s.line in by_line}


def _canonical(names: tuple[str, ...], index: dict[str, Entity], kind: str) -> tuple[str, ...]:
    """Names as their entity is called, keeping only those resolved to `kind` (when known)."""
    out = []
    for n in names:
        e = index.get(n.lower())
        if e is None and not index and kind == "person":
            out.append(n)
        elif e is not None and e.kind == kind:
            out.append(e.name)
    return tuple(dict.fromkeys(out))


def _dated(notes: Notes, frames: list[Frame], timexes: list[Timex],
           index: dict[str, Entity]) -> list[Event]:
    own = _sentence_dates(notes, timexes)
    headings = _heading_dates(notes, timexes)
    sections = {s.id: s.section_id for s in notes.sentences}
    last: dict[str | None, Timex] = {}
    events: list[Event] = []
    for f in frames:
        when = f.when or own.get(f.sentence_id)
        inherited = False
        if when is None:
            when = last.get(f.section_id) or headings.get(f.section_id or "")
            inherited = when is not None
        else:
            last[f.section_id] = when
        where = next(iter(_canonical(f.where, index, "place")), None)
        who = _canonical(f.who, index, "person")
        if f.pronoun and not who:
            who = _previous_person(events, f.section_id, sections)
        events.append(Event(stable_id("event", f.span.source, f.span.start), f.span,
                            f.sentence_id, f.what, when, inherited, who, where))
    return events


def _previous_person(events: list[Event], section_id: str | None,
                     sections: dict[str, str | None]) -> tuple[str, ...]:
    """ "He lost his post": the first person of the latest earlier event in the section."""
    for e in reversed(events):
        if sections.get(e.sentence_id) != section_id:
            break
        if e.who:
            return e.who[:1]
    return ()


def _sub_event(sentence: Sentence, start: int, text: str, kind: str) -> Event:
    """An event for a reason phrase ("because of collectivisation …")."""
    what = " ".join(text.strip(" .,;").split()[: rules.MAX_WHAT_WORDS])
    span = Span(sentence.span.source, sentence.span.line, sentence.span.start + start,
                sentence.span.start + start + len(text.rstrip(" .")))
    return Event(stable_id("event", kind, span.source, span.start), span, sentence.id, what,
                 kind=kind)


def _topic_event(notes: Notes, section: Section, topic: str) -> Event:
    line = notes.source.line(section.line)
    span = Span(notes.source.key, line.number, line.start, line.end)
    return Event(stable_id("event", "topic", section.id), span, section.id, topic.strip(),
                 kind="topic")


def _sentence_links(sentence: Sentence, events: list[Event], previous: Event | None,
                    extra: list[Event]) -> list[Link]:
    """Links signalled inside or at the start of one sentence."""
    links = []
    text = sentence.text
    base = sentence.span.start
    span = sentence.span
    if (m := BACKWARD.search(text)) and previous is not None and events:
        links.append(Link(previous.id, events[0].id, m.group("signal").lower(), span))
    else:
        for m in (m for m in FORWARD.finditer(text) if m.start() > 0):  # "A → B → C"
            before = [e for e in events if e.span.start < base + m.start()]
            after = [e for e in events if e.span.start >= base + m.start()]
            if before and after:
                links.append(Link(before[-1].id, after[0].id, m.group("signal").lower(), span))
    for m in REASON.finditer(text):
        effects = [e for e in events if e.span.start < base + m.start()]
        if not effects:
            continue
        cause = _sub_event(sentence, m.end(), text[m.end():], "reason")
        extra.append(cause)
        links.append(Link(cause.id, effects[-1].id, m.group("signal").lower(), span))
    return links


def _section_links(notes: Notes, events: list[Event], extra: list[Event]) -> list[Link]:
    """Lines under "Why did X?" are causes of X; lines under "The aftermath of X" its results."""
    links = []
    sections = {s.id: s.section_id for s in notes.sentences}
    for section in notes.sections:
        why = rules.QUESTION_CAUSE.match(section.title) if section.is_question else None
        after = rules.CONSEQUENCE_HEADING.match(section.title)
        if not (why or after):
            continue
        m = why or after
        assert m is not None
        topic = _topic_event(notes, section, m.group("topic"))
        mine = [e for e in events if sections.get(e.sentence_id) == section.id]
        if not mine:
            continue
        extra.append(topic)
        for e in mine:
            pair = (e.id, topic.id) if why else (topic.id, e.id)
            links.append(Link(*pair, "why-heading" if why else "aftermath", e.span))
    return links


def build(notes: Notes, frames: list[Frame], timexes: list[Timex],
          index: dict[str, Entity] | None = None) -> tuple[list[Event], list[Link]]:
    """Events with their dates (own or inherited) and the cause → effect links between them."""
    events = _dated(notes, frames, timexes, index or {})
    by_sentence: dict[str, list[Event]] = {}
    for e in events:
        by_sentence.setdefault(e.sentence_id, []).append(e)
    extra: list[Event] = []
    links: list[Link] = []
    previous: Event | None = None
    for sentence in notes.sentences:
        mine = by_sentence.get(sentence.id, [])
        links.extend(_sentence_links(sentence, mine, previous, extra))
        if mine:
            previous = mine[-1]
    links.extend(_section_links(notes, events, extra))
    return events + extra, links


def topic_of(heading: str) -> str | None:
    """The topic of a cause or consequence heading, None for other headings."""
    m = rules.QUESTION_CAUSE.match(heading) or rules.CONSEQUENCE_HEADING.match(heading)
    return re.sub(r"\s+", " ", m.group("topic")) if m else None
