"""The data model every layer shares: sources, lines, sentences and the annotations on them.

Every annotation carries a `Span` that points back into the original text (1-based line, character
offsets into the decoded source text), because a claim without its source line is a bug here.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


def stable_id(*parts: object, length: int = 16) -> str:
    """A short hex id derived from content and position, so rebuilds give the same ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class Span:
    """Where something is: source key, 1-based line, and character offsets into the source text."""

    source: str
    line: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a source as an editor shows it; `start` is its offset in the source text."""

    number: int
    start: int
    text: str
    origin: str | None = None  # e.g. the page URL or "page 3" for sources that are not plain files

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Source:
    """Decoded text of one input with the origin of every line.

    `key` is stable across machines and working directories (it seeds every id); `path` is what
    the user gave, for display.
    """

    key: str
    path: str
    text: str
    kind: str = "text"  # text | markdown | html | site | docx | pdf | ...
    title: str | None = None
    origin: str | None = None  # URL, WARC record, ... where the source is not just a file
    lines: list[Line] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.lines:
            self.lines = split_lines(self.text)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]


def split_lines(text: str) -> list[Line]:
    """Split text into lines the way an editor numbers them (\\n, \\r\\n or \\r end a line)."""
    lines: list[Line] = []
    pos = 0
    number = 1
    n = len(text)
    while pos < n:
        end = pos
        while end < n and text[end] not in "\r\n":
            end += 1
        lines.append(Line(number, pos, text[pos:end]))
        if end < n and text[end] == "\r" and end + 1 < n and text[end + 1] == "\n":
            end += 1
        pos = end + 1
        number += 1
    return lines


class LineKind(StrEnum):
    """What a line of revision notes is, by its shape."""

    BLANK = "blank"
    TITLE = "title"
    HEADING = "heading"
    LABEL = "label"  # "Unpopularity: by the summer of ..."
    BULLET = "bullet"
    TEXT = "text"
    PREAMBLE = "preamble"  # lines before the title, e.g. where the notes came from


@dataclass(frozen=True, slots=True)
class NoteLine:
    """A line with its shape: kind, heading level, label, and where its content starts."""

    line: Line
    kind: LineKind
    section_id: str | None
    level: int = 0
    label: str | None = None
    content_start: int = 0  # offset in the source text where the line's content starts


@dataclass(slots=True)
class Section:
    """A heading and the lines under it."""

    id: str
    source: str
    title: str
    line: int
    level: int
    ordinal: int
    is_question: bool = False
    parent_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or note-style line without a full stop), never crossing a line end.

    `clauses` are the parts joined by " - " in note style, as spans inside the sentence.
    """

    id: str
    span: Span
    text: str
    section_id: str | None
    ordinal: int
    clauses: tuple[Span, ...] = ()
    label: str | None = None


@dataclass(slots=True)
class Notes:
    """One source understood as revision notes: title, sections, shaped lines and sentences."""

    source: Source
    title: str | None
    sections: list[Section]
    lines: list[NoteLine]
    sentences: list[Sentence]

    def section(self, section_id: str | None) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression normalised to TIMEX3: type DATE|TIME|DURATION|SET, value, mod."""

    span: Span
    text: str
    type: str
    value: str
    mod: str | None = None
    sentence_id: str | None = None
    resolved: bool = True  # False when a relative expression could not be anchored


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text, as written."""

    span: Span
    text: str
    sentence_id: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A role ("head of the NKVD") or a fate ("shot") of an entity, with its line."""

    kind: str  # role | fate
    text: str
    span: Span
    sentence_id: str | None = None


@dataclass(slots=True)
class Entity:
    """A person, organisation, place or group, with every spelling and mention."""

    id: str
    name: str
    kind: str  # person | org | place | group
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    description: str | None = None
    variants: list[str] = field(default_factory=list)  # spellings judged to be misspellings


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its hedge and what it counts: "at least 3 million" executed."""

    span: Span
    text: str
    value: float
    counts: str | None = None
    hedge: str | None = None  # at least | over | about | under | ...
    of: float | None = None  # "15 out of 16" -> value 15, of 16
    unit: str | None = None  # percent | people | ...
    sentence_id: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted speech and who said it."""

    span: Span
    text: str
    speaker: str | None = None
    speaker_entity_id: str | None = None
    sentence_id: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened: when, who, what, where — from one sentence or clause."""

    id: str
    span: Span
    sentence_id: str
    what: str
    when: Timex | None = None
    when_inherited: bool = False
    who: tuple[str, ...] = ()
    where: str | None = None
    kind: str = "event"  # event (a clause) | reason (a "because of …" phrase) | topic (a heading)


@dataclass(frozen=True, slots=True)
class Link:
    """A cause → effect link between events, from the notes' own signal words."""

    cause_id: str
    effect_id: str
    signal: str
    span: Span


@dataclass(slots=True)
class Knowledge:
    """Everything understood from a set of notes; what `build` writes to the knowledge base."""

    notes: list[Notes] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # sources refused, with the reason
