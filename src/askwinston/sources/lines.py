"""Build a `Source` from lines that each carry their own origin.

Readers of pages, archives and PDFs know where every line came from (a URL, a page number);
building the Source from an explicit `lines` list keeps that, while the text stays exactly the
lines joined by "\\n" so offsets agree with what `split_lines` would give.
"""

from __future__ import annotations

import re

from askwinston.model import Line, Source

_SPACE = re.compile(r"\s+")
"""Any run of whitespace, newlines included: one line of output never spans two lines of text."""


def clean_line(text: str) -> str:
    """Collapse whitespace (and strip NULs) so the text is one editor line."""
    return _SPACE.sub(" ", text.replace("\x00", " ")).strip()


def source_from_lines(
    key: str,
    path: str,
    items: list[tuple[str, str | None]],
    *,
    kind: str,
    title: str | None = None,
    origin: str | None = None,
) -> Source:
    """A Source whose text is the given lines joined by "\\n", each line keeping its origin.

    Blank lines are kept between blocks (they help the notes' structure stand out) but never at
    the end, where `split_lines` would not count them.
    """
    while items and not items[-1][0]:
        items = items[:-1]
    lines: list[Line] = []
    pos = 0
    items = [(t.replace("\r", " ").replace("\n", " "), o) for t, o in items]
    for number, (text, line_origin) in enumerate(items, start=1):
        lines.append(Line(number, pos, text, line_origin))
        pos += len(text) + 1
    text = "\n".join(t for t, _ in items)
    return Source(key=key, path=path, text=text, kind=kind, title=title, origin=origin, lines=lines)


def with_blank_before_headings(lines: list[str]) -> list[str]:
    """Insert a blank line before each Markdown heading (not at the top), as Markdown writes it."""
    out: list[str] = []
    for line in lines:
        if line.startswith("#") and out and out[-1]:
            out.append("")
        out.append(line)
    return out
