"""Read PDF notes with pypdf: text in reading order with its line structure, "page N" as every
line's origin, headings found by font size, bullets (•, ZapfDingbats) turned into "- " lines,
and lines wrapped mid-sentence joined back.

pypdf over pdfminer.six: on generated notes with headings and bullet lists pdfminer.six
(20260107) put every bullet glyph after the items, detached ("(cid:127)" lines at the end of
the block) while pypdf keeps each bullet just before its item; pypdf is already a dependency,
and its text visitor gives the font size we need to tell headings from text.
"""

from __future__ import annotations

import io
import math
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from askwinston.errors import UnreadableSource
from askwinston.model import Source
from askwinston.sources.lines import clean_line, source_from_lines
from askwinston.sources.text import read_bytes

MAX_PDF_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 2000
"""Longer documents are books, not notes; refusing them bounds time."""

HEADING_RATIO = 1.15
"""A line whose font is this much larger than the body text is a heading."""

MAX_HEADING_LEVELS = 3
MAX_HEADING_CHARS = 120
"""Longer lines are text in a big font (a pull quote), not headings."""

BULLET_GLYPHS = ("•", "●", "◦", "▪", "‣", "■", "□", "\x7f", "·", "➢", "", "o")
"""What bullets come out as: Unicode bullets, ZapfDingbats' (as \\x7f), Symbol's private-use
glyph and Word's "o" for second-level bullets (only when alone on a line)."""

PAGE_NUMBER = re.compile(r"^(page\s*)?\d{1,4}(\s*(of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$", re.I)
"""A page number line: "3", "Page 3", "3 of 10", "- 3 -"."""

RUNNING_PAGE_SHARE = 0.5
RUNNING_MIN_PAGES = 3
"""A line on more than half the pages (and at least 3) is a running header or footer."""

INLINE_BULLETS = ("•", "●", "◦", "▪", "‣", "■", "\x7f", "·", "➢", "")


@dataclass
class _PdfLine:
    text: str
    size: float
    page: int


def _effective_size(font_size: float, cm: list[float], tm: list[float]) -> float:
    scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
    return round(font_size * scale if scale > 0 else font_size, 1)


def _page_lines(page: Any, number: int) -> list[_PdfLine]:
    """Lines of one page with the largest font size on each."""
    lines: list[_PdfLine] = []
    current: list[str] = []
    size = 0.0

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, font_size: float) -> None:
        nonlocal size
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if part.strip():
                current.append(part)
                size = max(size, _effective_size(font_size or 0.0, cm, tm))
            if i < len(parts) - 1:
                flush()

    def flush() -> None:
        nonlocal size
        text = clean_line("".join(current))
        if text:
            lines.append(_PdfLine(text, size, number))
        current.clear()
        size = 0.0

    page.extract_text(visitor_text=visit)
    flush()
    return lines


def drop_running_lines(lines: list[_PdfLine], pages: int) -> list[_PdfLine]:
    """Without page numbers and running headers/footers ("Clayton School – History notes").

    Digits are ignored when comparing, so "Page 3 of 10" on every page counts as one line.
    """
    def shape(text: str) -> str:
        return re.sub(r"\d+", "#", text).casefold()

    on_pages: dict[str, set[int]] = {}
    for line in lines:
        on_pages.setdefault(shape(line.text), set()).add(line.page)
    running_at = max(RUNNING_MIN_PAGES, math.floor(RUNNING_PAGE_SHARE * pages) + 1)
    return [line for line in lines
            if not PAGE_NUMBER.match(line.text) and len(on_pages[shape(line.text)]) < running_at]


def _body_size(lines: list[_PdfLine]) -> float:
    """The font size most characters are set in."""
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


WRAP_WORDS = frozenset(
    "a an the of in on at to by for from with and or but as into than that which who whom "
    "whose his her their its".split()
)
"""A line ending in one of these was wrapped mid-phrase ("... wrote the platform in" / "1932.")."""


def _ends_mid_phrase(text: str) -> bool:
    words = text.split()
    return bool(words) and words[-1].lower() in WRAP_WORDS


def _markdown(lines: list[_PdfLine]) -> list[tuple[str, str]]:
    """Headings by size rank, bullets as "- ", wrapped lines joined; with "page N" origins."""
    body = _body_size(lines)
    big = sorted({ln.size for ln in lines if body and ln.size >= body * HEADING_RATIO},
                 reverse=True)
    levels = {size: min(i + 1, MAX_HEADING_LEVELS) for i, size in enumerate(big)}
    out: list[tuple[str, str, float]] = []  # text, origin, size
    pending_bullet = False
    for line in lines:
        origin = f"page {line.page}"
        text = line.text
        if text in BULLET_GLYPHS:
            pending_bullet = True
            continue
        glyph = next((g for g in INLINE_BULLETS if text.startswith(g + " ")), None)
        if glyph or pending_bullet:
            text = "- " + (text[len(glyph):].strip() if glyph else text)
            pending_bullet = False
        elif line.size in levels and len(text) <= MAX_HEADING_CHARS:
            text = "#" * levels[line.size] + " " + text
        elif (out and (text[:1].islower() or _ends_mid_phrase(out[-1][0]))
              and not out[-1][0].startswith("#") and out[-1][2] == line.size):
            prev_text, prev_origin, _ = out.pop()
            text = prev_text + " " + text  # a sentence wrapped onto the next line
            origin = prev_origin
        out.append((text, origin, line.size))
    return [(text, origin) for text, origin, _ in out]


def _open(raw: bytes, display: str) -> Any:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception as exc:  # missing crypto backend, damaged keys
            raise UnreadableSource(display, f"the PDF is encrypted and cannot be opened ({exc})"
                                   ) from None
        if not opened:
            raise UnreadableSource(display, "the PDF is password-protected; "
                                            "save an unprotected copy to read it")
    return reader


def pdf_lines(raw: bytes, display: str) -> list[tuple[str, str]]:
    """Markdown-ish lines with "page N" origins; UnreadableSource for broken or empty PDFs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pypdf warns about every quirk of real-world PDFs
        try:
            reader = _open(raw, display)
            count = len(reader.pages)
            if count > MAX_PDF_PAGES:
                raise UnreadableSource(display, f"{count:,} pages (the limit is {MAX_PDF_PAGES:,})")
            lines: list[_PdfLine] = []
            for number, page in enumerate(reader.pages, start=1):
                lines.extend(_page_lines(page, number))
        except UnreadableSource:
            raise
        except RecursionError:
            raise UnreadableSource(display, "not a readable PDF (structure nested too deeply)"
                                   ) from None
        except Exception as exc:  # pypdf raises many types on corrupt files
            raise UnreadableSource(display, f"not a readable PDF ({type(exc).__name__}: {exc})"
                                   ) from None
    lines = drop_running_lines(lines, count)
    if not lines:
        raise UnreadableSource(display, "the PDF has no text layer (a scanned document?); "
                                        "run OCR on it first")
    return _markdown(lines)


def read_pdf(path: Path, key: str, display: str) -> list[Source]:
    """Reader for .pdf files."""
    raw = read_bytes(path, display, MAX_PDF_BYTES)
    items = pdf_lines(raw, display)
    spaced: list[tuple[str, str | None]] = []
    for text, origin in items:
        if text.startswith("#") and spaced and spaced[-1][0]:
            spaced.append(("", origin))
        spaced.append((text, origin))
    title = next((t.lstrip("# ") for t, _ in items if t.startswith("# ")), None)
    return [source_from_lines(key, display, spaced, kind="pdf", title=title)]
