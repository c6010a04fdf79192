"""Read plain-text and Markdown notes, whatever their encoding, keeping every line's origin."""

from __future__ import annotations

from pathlib import Path

from askwinston.errors import EmptyNotes, SourceTooLarge, UnreadableSource
from askwinston.model import Source

MAX_TEXT_BYTES = 10 * 1024 * 1024
"""Larger text files are refused: notes are pages (this is about 1.7 million words), and an
accidental log file or data dump should not tie up the machine for an hour."""

BINARY_SNIFF_BYTES = 8192
CONTROL_CHAR_LIMIT = 0.05
"""Share of control characters (besides tab and newlines) above which a file is called binary."""

TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown"}


def decode(raw: bytes, path: str) -> str:
    """Decode bytes as UTF-8 (with or without BOM), then Windows-1252, then Latin-1.

    Windows-1252 before Latin-1 because notes typed in Word on Windows carry curly quotes in the
    0x80–0x9F range, which Latin-1 would turn into invisible control characters.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def looks_binary(raw: bytes) -> bool:
    """True for data that is not text: NUL bytes or many control characters near the start."""
    head = raw[:BINARY_SNIFF_BYTES]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > CONTROL_CHAR_LIMIT


def read_bytes(path: Path, display: str, limit: int = MAX_TEXT_BYTES) -> bytes:
    """Read a file, naming it in the error when it is missing, unreadable or too large."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise SourceTooLarge(display, size, limit)
        return path.read_bytes()
    except FileNotFoundError:
        raise UnreadableSource(display, "no such file") from None
    except IsADirectoryError:
        raise UnreadableSource(display, "is a folder, not a file") from None
    except PermissionError:
        raise UnreadableSource(display, "permission denied") from None
    except OSError as exc:
        raise UnreadableSource(display, f"cannot be read ({exc.strerror or exc})") from None


def text_source(raw: bytes, key: str, display: str, kind: str = "text") -> Source:
    """Build a Source from the bytes of a text file, refusing binary and empty input."""
    if looks_binary(raw):
        raise UnreadableSource(display, "looks like a binary file, not text notes")
    text = decode(raw, display)
    if not text.strip():
        raise EmptyNotes(display)
    return Source(key=key, path=display, text=text, kind=kind)


def read_text_file(path: Path, key: str, display: str | None = None) -> Source:
    """Read one .txt or .md file into a Source."""
    shown = display or str(path)
    kind = TEXT_SUFFIXES.get(path.suffix.lower(), "text")
    return text_source(read_bytes(path, shown), key, shown, kind)
