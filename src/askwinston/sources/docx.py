"""Read Word (.docx) notes: headings as `#` lines by level, list paragraphs as `- ` bullets,
tables as one line per row with cells joined by " | ", in document order.

A .docx is a ZIP, so it gets the same bomb and traversal checks as a zipped site before
python-docx sees it; anything python-docx cannot open is refused naming the file.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from askwinston.errors import EmptyNotes, UnreadableSource
from askwinston.model import Source
from askwinston.sources.lines import clean_line, source_from_lines, with_blank_before_headings
from askwinston.sources.site import open_zip

HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.I)
TITLE_STYLES = ("title",)
LIST_STYLE = re.compile(r"\blist\b", re.I)
"""Word's built-in "List Bullet", "List Number 2", "List Paragraph" ... styles."""

BULLET_GLYPHS = ("•", "●", "◦", "▪", "‣", "–", "-", "*")
"""Typed bullets at the start of a plain paragraph (notes often fake lists this way)."""


def _style_name(paragraph: object) -> str:
    style = getattr(paragraph, "style", None)
    return (getattr(style, "name", None) or "") if style is not None else ""


def _list_level(paragraph: object) -> int | None:
    """Indent level of a list paragraph (numbering or list style), None for other paragraphs."""
    p_pr = paragraph._p.pPr  # type: ignore[attr-defined]
    num_pr = p_pr.numPr if p_pr is not None else None
    if num_pr is not None:
        ilvl = num_pr.ilvl
        return int(ilvl.val) if ilvl is not None and ilvl.val is not None else 0
    if LIST_STYLE.search(_style_name(paragraph)):
        digits = re.findall(r"\d+", _style_name(paragraph))
        return int(digits[-1]) - 1 if digits else 0
    return None


def paragraph_lines(paragraph: object) -> list[str]:
    """One paragraph as Markdown-ish lines (a soft line break starts a new line)."""
    texts = [clean_line(t) for t in (paragraph.text or "").splitlines()]  # type: ignore[attr-defined]
    texts = [t for t in texts if t]
    if not texts:
        return []
    style = _style_name(paragraph)
    if heading := HEADING_STYLE.match(style):
        return ["#" * int(heading.group(1)) + " " + " ".join(texts)]
    if style.lower() in TITLE_STYLES:
        return ["# " + " ".join(texts)]
    level = _list_level(paragraph)
    if level is not None:
        return ["  " * level + "- " + texts[0], *texts[1:]]
    lines = []
    for text in texts:
        glyph = next((g for g in BULLET_GLYPHS if text.startswith(g + " ")), None)
        lines.append("- " + text[len(glyph) + 1:].strip() if glyph else text)
    return lines


def table_lines(table: object) -> list[str]:
    """Rows as lines; merged cells (repeated by python-docx) appear once."""
    lines = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        previous = None
        for cell in row.cells:
            if cell._tc is previous:
                continue
            previous = cell._tc
            cells.append(clean_line(cell.text))
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def docx_lines(document: object) -> list[str]:
    """Body paragraphs and tables in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "p":
            lines.extend(paragraph_lines(Paragraph(child, document)))  # type: ignore[arg-type]
        elif tag == "tbl":
            lines.extend(table_lines(Table(child, document)))  # type: ignore[arg-type]
    return lines


def read_docx(path: Path, key: str, display: str) -> list[Source]:
    """Reader for .docx files."""
    import docx

    open_zip(path, display).close()  # bomb/traversal checks before python-docx unpacks it
    try:
        document = docx.Document(str(path))
        lines = docx_lines(document)
        title = clean_line(document.core_properties.title or "") or None
    except UnreadableSource:
        raise
    except (zipfile.BadZipFile, KeyError) as exc:
        raise UnreadableSource(display, f"not a readable Word document ({exc})") from None
    except Exception as exc:  # python-docx and lxml raise many types on corrupt files
        raise UnreadableSource(display, "not a readable Word document "
                                        f"({type(exc).__name__}: {exc})") from None
    if not lines:
        raise EmptyNotes(display)
    if title is None:
        title = next((line.lstrip("# ") for line in lines if line.startswith("#")), None)
    spaced = with_blank_before_headings(lines)
    items: list[tuple[str, str | None]] = [(line, None) for line in spaced]
    return [source_from_lines(key, display, items, kind="docx", title=title)]
