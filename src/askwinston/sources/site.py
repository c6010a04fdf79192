"""Saved websites as folders or ZIP files: list their pages safely, for `amalgamate` to join.

Archives come from anywhere, so a ZIP is checked before anything is read: member count, total
and per-member expansion (ZIP bombs) and names that climb out of the archive (path traversal)
refuse the whole archive with a message that says why. Nothing is ever extracted to disk.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from askwinston.errors import SourceTooLarge, UnreadableSource
from askwinston.sources.folders import visible_files
from askwinston.sources.html import HTML_SUFFIXES, MAX_PAGE_BYTES
from askwinston.sources.text import read_bytes

MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
"""Largest saved site (ZIP or WARC file, or folder of pages) read at all: 1 GiB on disk."""

MAX_SITE_BYTES = 512 * 1024 * 1024
"""Most page bytes read from one site, whatever the archive claims: bounds time and memory."""

MAX_ZIP_MEMBERS = 20_000
"""More members than any saved school site has; millions of tiny members is a known bomb."""

MAX_ZIP_RATIO = 200
"""Expansion (uncompressed / compressed) above which a member is called a ZIP bomb; HTML
compresses about 5–10×, so 200× is only reached by crafted data."""

ZIP_RATIO_FLOOR = 1024 * 1024
"""Members smaller than this are not ratio-checked: tiny files can compress absurdly well."""

ZIP_MEMBER_DAMAGE = (zipfile.BadZipFile, zlib.error, ValueError, RuntimeError, OSError, EOFError,
                     NotImplementedError, UnicodeDecodeError)
"""What reading a damaged, encrypted or oddly compressed member raises (zlib.error is not an
OSError, and an encrypted member is a RuntimeError)."""

INDEX_NAMES = ("index.html", "index.htm", "default.htm", "default.html", "index.xhtml")

SITE_SHARE = 0.5
"""A folder counts as a saved site when more than this share of its files are web pages."""


@dataclass
class RawPage:
    """One page as fetched or saved, before extraction.

    `status` and `location` let WARC redirects and errors pass through to the one place that
    decides what to keep; `captured` is the WARC capture time (ISO 8601) where there is one.
    """

    url: str
    raw: bytes
    charset: str | None = None
    captured: str | None = None
    status: int = 200
    location: str | None = None


def is_page_name(name: str) -> bool:
    """True for file names of web pages."""
    return name.lower().endswith(HTML_SUFFIXES)


# ---------------------------------------------------------------- folders


NOTES_SUFFIXES = (".txt", ".md", ".text", ".markdown", ".docx", ".pdf")
"""Files that are notes in their own right: a saved site does not read them, but says so."""


def looks_like_saved_site(folder: Path) -> bool:
    """FOLDER_CLAIMS predicate: an index page at the top, or mostly web pages."""
    if any((folder / name).is_file() for name in INDEX_NAMES):
        return True
    files = visible_files(folder)
    pages = sum(1 for f in files if is_page_name(f.name))
    notes_like = [f for f in files if f.suffix.lower() in (*HTML_SUFFIXES, *NOTES_SUFFIXES)]
    return pages >= 2 and pages > SITE_SHARE * len(notes_like)


def folder_pages(folder: Path, display: str,
                 problems: list[UnreadableSource]) -> Iterator[RawPage]:
    """Pages of a saved-site folder, one at a time; other files are left alone.

    Unreadable or oversized pages are reported and skipped; the site goes on.
    """
    total = 0
    for path in visible_files(folder):
        rel = path.relative_to(folder).as_posix()
        if path.suffix.lower() in NOTES_SUFFIXES:
            problems.append(UnreadableSource(f"{display}/{rel}", "skipped: this folder is read "
                                             "as a saved website; give this file on its own"))
        if not is_page_name(path.name):
            continue
        try:
            raw = read_bytes(path, f"{display}/{rel}", MAX_PAGE_BYTES)
        except UnreadableSource as problem:
            problems.append(problem)
            continue
        total += len(raw)
        if total > MAX_SITE_BYTES:
            problems.append(SourceTooLarge(display, total, MAX_SITE_BYTES))
            return
        yield RawPage(url=rel, raw=raw)


# ---------------------------------------------------------------- ZIP files


def unsafe_member_name(name: str) -> bool:
    """True for names that would land outside the folder they are extracted into."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return True
    return ".." in PurePosixPath(normal).parts


def check_zip(archive: zipfile.ZipFile, display: str) -> None:
    """Refuse ZIP bombs and path traversal before reading a byte of content."""
    members = archive.infolist()
    if len(members) > MAX_ZIP_MEMBERS:
        raise UnreadableSource(display, f"refused: {len(members):,} files in the archive "
                                        f"(the limit is {MAX_ZIP_MEMBERS:,}; possible ZIP bomb)")
    total = 0
    for info in members:
        if unsafe_member_name(info.filename):
            raise UnreadableSource(display, f"refused: archive member {info.filename!r} points "
                                            "outside the archive (path traversal)")
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > ZIP_RATIO_FLOOR and ratio > MAX_ZIP_RATIO:
            raise UnreadableSource(display, f"refused: {info.filename!r} expands {ratio:,.0f}× "
                                            f"(limit {MAX_ZIP_RATIO}×; possible ZIP bomb)")
    if total > MAX_SITE_BYTES:
        raise UnreadableSource(display, f"refused: the archive expands to {total:,} bytes "
                                        f"(limit {MAX_SITE_BYTES:,}; possible ZIP bomb)")


def open_zip(path: Path, display: str) -> zipfile.ZipFile:
    """Open and check a ZIP file, with every failure as an UnreadableSource naming it."""
    try:
        size = path.stat().st_size
    except OSError:
        raise UnreadableSource(display, "no such file") from None
    if size > MAX_ARCHIVE_BYTES:
        raise SourceTooLarge(display, size, MAX_ARCHIVE_BYTES)
    try:
        archive = zipfile.ZipFile(path)
    except ZIP_MEMBER_DAMAGE as exc:  # a damaged directory fails in the same ways as a member
        raise UnreadableSource(display, f"not a readable ZIP file ({exc})") from None
    try:
        check_zip(archive, display)
    except UnreadableSource:
        archive.close()
        raise
    return archive


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read one member, never more than `limit` bytes whatever its header says.

    Raises ValueError when it is larger, and the zipfile errors when it is damaged.
    """
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit:,} bytes")
    return data


def zip_pages(path: Path, display: str, problems: list[UnreadableSource]) -> Iterator[RawPage]:
    """Pages of a zipped saved site, one at a time; damaged members are reported and skipped."""
    with open_zip(path, display) as archive:
        total = 0
        for info in archive.infolist():
            if info.is_dir() or not is_page_name(info.filename):
                continue
            name = info.filename.replace("\\", "/")
            if any(part.startswith(".") or part == "__MACOSX" for part in name.split("/")):
                continue
            try:
                raw = read_member(archive, info, MAX_PAGE_BYTES)
            except ZIP_MEMBER_DAMAGE as exc:
                problems.append(UnreadableSource(f"{display}/{name}", f"skipped: {exc}"))
                continue
            total += len(raw)
            if total > MAX_SITE_BYTES:
                problems.append(SourceTooLarge(display, total, MAX_SITE_BYTES))
                return
            yield RawPage(url=name, raw=raw)
