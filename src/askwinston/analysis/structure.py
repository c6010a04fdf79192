"""Source → Notes: find the title, headings, labels, bullets and sentences of revision notes.

Notes are written in short lines, often without full stops, so a sentence never crosses a line
end; a line holds one or more sentences, and a sentence holds clauses joined by " - ".
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from askwinston.analysis import structure_rules as rules
from askwinston.model import (
    Line,
    LineKind,
    NoteLine,
    Notes,
    Section,
    Sentence,
    Source,
    Span,
    stable_id,
)


@dataclass(frozen=True, slots=True)
class Shape:
    """What one line looks like before sections are assigned."""

    kind: LineKind
    level: int = 0
    label: str | None = None
    offset: int = 0  # where the content starts inside the line
    title: str | None = None  # heading text, without markup
    is_question: bool = False


def _words(text: str) -> list[str]:
    return text.split()


def _title_case_share(words: list[str]) -> float:
    major = [w for w in words
             if w.lower().strip("'’\"") not in rules.MINOR_WORDS and not w[:1].isdigit()]
    if not major:
        return 0.0
    capitalised = sum(1 for w in major if w[:1].isupper())
    return capitalised / len(major)


def is_question_heading(text: str) -> bool:
    """ "Why did the purges take place?" — a short question standing alone on its line."""
    words = _words(text)
    return (
        text.endswith("?")
        and 2 <= len(words) <= rules.QUESTION_HEADING_MAX_WORDS
        and words[0].lower() in rules.QUESTION_WORDS
    )


def is_plain_heading(text: str) -> bool:
    """A short Title-Case line with no closing punctuation and no note-style clauses."""
    words = _words(text)
    if not words or len(words) > rules.HEADING_MAX_WORDS or text[-1] in rules.CLOSING_PUNCTUATION:
        return False
    if rules.CLAUSE_SEPARATOR.search(text) or not (text[0].isupper() or text[0].isdigit()):
        return False
    return len(words) == 1 or _title_case_share(words) >= rules.TITLE_CASE_SHARE


def is_label_heading(text: str) -> bool:
    """ "The First Show trial:" — a short line ending in a colon introduces the lines below."""
    words = _words(text)
    return text.endswith(":") and 1 <= len(words) <= rules.LABEL_HEADING_MAX_WORDS


def shape_of(text: str) -> Shape:
    """Classify one line by its shape alone."""
    stripped = text.strip()
    if not any(ch.isalnum() for ch in stripped) or rules.HTML_COMMENT.match(stripped):
        return Shape(LineKind.BLANK)  # empty, or only rules and stray marks such as "|" or "***"
    lead = len(text) - len(text.lstrip())
    if m := rules.MARKDOWN_HEADING.match(stripped):
        title = m.group(2)
        return Shape(LineKind.HEADING, len(m.group(1)), None, lead + m.start(2), title,
                     is_question_heading(title))
    if m := rules.BULLET.match(text):
        return Shape(LineKind.BULLET, offset=m.end())
    if is_question_heading(stripped):
        return Shape(LineKind.HEADING, 2, None, lead, stripped, True)
    if is_label_heading(stripped):
        return Shape(LineKind.HEADING, 3, None, lead, stripped.rstrip(":").strip())
    if (m := rules.LABEL.match(stripped)) and not rules.CLOCK_TIME.match(stripped):
        return Shape(LineKind.LABEL, label=m.group(1), offset=lead + m.end())
    if is_plain_heading(stripped):
        return Shape(LineKind.HEADING, 2, None, lead, stripped)
    return Shape(LineKind.TEXT, offset=lead)


def _find_title(shapes: list[Shape], lines: list[Line]) -> int | None:
    """Index of the title line: the first heading among the first few non-blank lines."""
    seen = 0
    for i, shape in enumerate(shapes):
        if shape.kind is LineKind.BLANK:
            continue
        if shape.kind is LineKind.HEADING and not shape.is_question:
            return i
        seen += 1
        if seen >= rules.PREAMBLE_MAX_LINES:
            return None
    return None


def _is_preamble(shapes: list[Shape], title_index: int) -> bool:
    """Prose before the title (who wrote the notes, where from) is kept out of the analysis."""
    before = [s for s in shapes[:title_index] if s.kind is not LineKind.BLANK]
    return bool(before) and all(s.kind in (LineKind.TEXT, LineKind.LABEL) for s in before)


def _section_levels(shapes: list[Shape], title_index: int | None) -> list[Shape]:
    """Markdown headings keep their level; plain headings sit under the title."""
    return shapes  # levels are already set by shape; kept as a hook for level repair


def structure(source: Source) -> Notes:
    """Turn a source into notes: title, sections, shaped lines and sentences."""
    shapes = _section_levels([shape_of(line.text) for line in source.lines], None)
    title_index = _find_title(shapes, source.lines)
    preamble = title_index is not None and _is_preamble(shapes, title_index)
    if title_index is not None and title_index > 0 and not preamble:
        title_index = None if shapes[0].kind is not LineKind.BLANK else title_index
    title = shapes[title_index].title if title_index is not None else None

    sections: list[Section] = []
    note_lines: list[NoteLine] = []
    sentences: list[Sentence] = []
    stack: list[Section] = []
    for i, (line, shape) in enumerate(zip(source.lines, shapes, strict=True)):
        kind = shape.kind
        if preamble and title_index is not None and i < title_index:
            kind = LineKind.PREAMBLE if kind is not LineKind.BLANK else kind
        elif i == title_index:
            kind = LineKind.TITLE
        if kind in (LineKind.TITLE, LineKind.HEADING):
            level = 1 if kind is LineKind.TITLE else max(shape.level, 2 if title else 1)
            while stack and stack[-1].level >= level:
                stack.pop()
            section = Section(
                id=stable_id(source.key, line.number, shape.title),
                source=source.key,
                title=shape.title or line.text.strip(),
                line=line.number,
                level=level,
                ordinal=len(sections),
                is_question=shape.is_question,
                parent_id=stack[-1].id if stack else None,
            )
            sections.append(section)
            stack.append(section)
        section_id = stack[-1].id if stack else None
        note_lines.append(
            NoteLine(line, kind, section_id, shape.level, shape.label, line.start + shape.offset)
        )
        if kind in (LineKind.TEXT, LineKind.LABEL, LineKind.BULLET):
            for span, text in split_sentences(line, shape.offset):
                sentences.append(
                    Sentence(
                        id=stable_id(source.key, span.line, span.start - line.start, text),
                        span=Span(source.key, span.line, span.start, span.end),
                        text=text,
                        section_id=section_id,
                        ordinal=len(sentences),
                        clauses=tuple(split_clauses(source.key, span, text)),
                        label=shape.label,
                    )
                )
    return Notes(source, title, sections, note_lines, sentences)


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, where a full stop does not end the sentence."""
    regions = []
    i = 0
    while i < len(text):
        ch = text[i]
        opening = ch in rules.OPEN_QUOTES and (i == 0 or not text[i - 1].isalnum())
        if opening:
            close = rules.CLOSE_QUOTES[ch]
            j = i + 1
            while j < len(text):
                after_ok = j + 1 >= len(text) or not text[j + 1].isalnum()
                if text[j] == close and after_ok:
                    break
                j += 1
            if j < len(text):
                regions.append((i, j))
                i = j
        i += 1
    return regions


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower().rstrip(".")
    return word in rules.ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(line: Line, offset: int = 0) -> list[tuple[Span, str]]:
    """Sentences of one line (offsets into the source), leading markup skipped."""
    text = line.text
    regions = _quote_regions(text)
    cuts = [offset]
    for m in rules.SENTENCE_END.finditer(text, offset):
        end = m.start()
        if any(a <= end - 1 <= b for a, b in regions):
            continue
        punct = end - 1
        while punct > 0 and text[punct] not in ".!?":
            punct -= 1
        if text[punct] == "." and _is_abbreviation(text, punct):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    pieces = []
    for a, b in itertools.pairwise(cuts):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            start = line.start + a + lead
            pieces.append((Span("", line.number, start, start + len(body)), body))
    return pieces


def split_clauses(source_key: str, span: Span, text: str) -> list[Span]:
    """Note-style clauses of a sentence, split at spaced dashes (a single clause if none)."""
    spans = []
    pos = 0
    for m in rules.CLAUSE_SEPARATOR.finditer(text):
        if m.start() > pos:
            spans.append(Span(source_key, span.line, span.start + pos, span.start + m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append(Span(source_key, span.line, span.start + pos, span.end))
    return spans
