"""Read OpenDocument text (.odt, LibreOffice/Google Docs export) notes: headings by outline
level, list items as "- " (indented by nesting), table rows with cells joined by " | ".

content.xml is walked with lxml directly, so no extra dependency; the archive gets the same
bomb and traversal checks as any ZIP before it is opened.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import lxml.etree

from askwinston.errors import EmptyNotes, UnreadableSource
from askwinston.model import Source
from askwinston.sources.lines import clean_line, source_from_lines, with_blank_before_headings
from askwinston.sources.site import ZIP_MEMBER_DAMAGE, open_zip, read_member

MAX_CONTENT_BYTES = 50 * 1024 * 1024
"""content.xml larger than this is not a set of notes."""

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
"""No entity expansion and no network: content.xml comes from an untrusted file."""


def _q(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


def _inline_text(element: lxml.etree._Element) -> list[str]:
    """The text of a paragraph or heading; a line break inside it starts a new line."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == _q(TEXT, "line-break"):
            parts.append("\n")
        elif child.tag == _q(TEXT, "s"):
            parts.append(" " * int(child.get(_q(TEXT, "c"), "1") or 1))
        elif child.tag == _q(TEXT, "tab"):
            parts.append(" ")
        elif child.tag not in (_q(OFFICE, "annotation"), _q(TEXT, "note")):
            parts.append("".join(_inline_text(child)))
        parts.append(child.tail or "")
    return ["".join(parts)] if element.tag != _q(TEXT, "p") else "".join(parts).split("\n")


def _walk(elements: Iterable[lxml.etree._Element], out: list[str], depth: int) -> None:
    """Blocks (headings, paragraphs, lists, tables) among `elements`, in order, into `out`."""
    for child in elements:
        tag = child.tag
        if tag == _q(TEXT, "h"):
            level = int(child.get(_q(TEXT, "outline-level"), "1") or 1)
            text = clean_line(" ".join(_inline_text(child)))
            if text:
                out.append("#" * max(1, min(level, 6)) + " " + text)
        elif tag == _q(TEXT, "p"):
            texts = [clean_line(t) for t in _inline_text(child)]
            out.extend(t for t in texts if t)
        elif tag == _q(TEXT, "list"):
            for item in child:
                _list_item(item, out, depth)
        elif tag == _q(TABLE, "table"):
            for row in child.iter(_q(TABLE, "table-row")):
                cells = [clean_line(" ".join(cell.itertext()))
                         for cell in row if cell.tag == _q(TABLE, "table-cell")]
                if any(cells):
                    out.append(" | ".join(cells))
        elif isinstance(tag, str):
            _walk(child, out, depth)  # sections, frames, ...


def _list_item(item: lxml.etree._Element, out: list[str], depth: int) -> None:
    first = True
    for child in item:
        if child.tag == _q(TEXT, "list"):
            for sub in child:
                _list_item(sub, out, depth + 1)
            continue
        inner: list[str] = []
        _walk([child], inner, depth)
        for line in inner:
            if first and not line.startswith("#"):
                out.append("  " * depth + "- " + line)
                first = False
            else:
                out.append(line)


def odt_lines(content: bytes) -> list[str]:
    """Markdown-ish lines of an ODT's content.xml."""
    root = lxml.etree.fromstring(content, _PARSER)
    body = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    out: list[str] = []
    _walk(body if body is not None else root, out, 0)
    return out


def read_odt(path: Path, key: str, display: str) -> list[Source]:
    """Reader for .odt files."""
    with open_zip(path, display) as archive:
        try:
            content = read_member(archive, archive.getinfo("content.xml"), MAX_CONTENT_BYTES)
        except KeyError:
            raise UnreadableSource(display, "not an OpenDocument text (no content.xml)") from None
        except ZIP_MEMBER_DAMAGE as exc:
            raise UnreadableSource(display, f"damaged OpenDocument file ({exc})") from None
    try:
        lines = odt_lines(content)
    except (lxml.etree.XMLSyntaxError, ValueError, RecursionError) as exc:
        raise UnreadableSource(display, f"damaged OpenDocument file ({exc})") from None
    if not lines:
        raise EmptyNotes(display)
    title = next((line.lstrip("# ") for line in lines if line.startswith("#")), None)
    items: list[tuple[str, str | None]] = [(ln, None) for ln in with_blank_before_headings(lines)]
    return [source_from_lines(key, display, items, kind="odt", title=title)]
