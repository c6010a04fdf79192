"""Web archives (WARC, ARC, gzipped or not) as a stream of pages for `amalgamate`.

Records are read one at a time (warcio streams them), page bodies are capped, and a damaged or
truncated record ends the walk with a problem that names the record: the pages before it are
kept, because a crawl cut short is still worth reading.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from askwinston.errors import SourceTooLarge, UnreadableSource
from askwinston.sources.html import MAX_PAGE_BYTES
from askwinston.sources.site import MAX_ARCHIVE_BYTES, MAX_SITE_BYTES, RawPage

WARC_NAMES = (".warc", ".arc", ".warc.gz", ".arc.gz")
"""File name endings of web archives (`Path.suffix` of "x.warc.gz" is only ".gz")."""

MAX_RECORDS = 500_000
"""Records walked in one archive at most; a bigger crawl is not a set of notes."""

MAX_EXPANDED_BYTES = 2 * 1024 * 1024 * 1024
"""Most record bytes (as the records declare them) walked in one archive. warcio decompresses
every record it passes over, so without this a small .warc.gz of zeros (a gzip bomb) would keep
a build busy for hours; the walk stops before passing over a record that would go beyond it."""

_HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<!--)", re.I)

HTML_TYPES = ("text/html", "application/xhtml+xml")

_DAMAGE = (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, IndexError, KeyError,
           TypeError, AttributeError, UnicodeDecodeError)
"""What warcio raises (or lets through) on truncated and corrupt records."""


def is_web_archive(path: Path) -> bool:
    """True for names ending .warc, .arc, .warc.gz or .arc.gz."""
    return path.name.lower().endswith(WARC_NAMES)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _status(record: object) -> int:
    headers = getattr(record, "http_headers", None)
    if headers is None:
        return 200  # ARC records and resource records carry no status: they were stored as fetched
    try:
        return int(headers.get_statuscode() or 0)
    except (TypeError, ValueError):
        return 0


def _record_page(record: object, display: str) -> RawPage | None:
    """A RawPage from a response/resource record, or None when it is not a web page."""
    rec_type = getattr(record, "rec_type", "")
    if rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI") or ""
    http = getattr(record, "http_headers", None)
    # a response's WARC Content-Type is "application/http"; only a resource record's is the page's
    source_headers = http if http is not None else headers
    content_type = source_headers.get_header("Content-Type") or ""
    status = _status(record)
    captured = headers.get_header("WARC-Date") or None  # ISO 8601: sorts by time as text
    if 300 <= status < 400 and http is not None:
        return RawPage(url=url, raw=b"", captured=captured, status=status,
                       location=http.get_header("Location"))
    if status != 200:
        return RawPage(url=url, raw=b"", captured=captured, status=status)
    if content_type and not any(t in content_type.lower() for t in HTML_TYPES):
        return None
    raw = record.content_stream().read(MAX_PAGE_BYTES + 1)  # type: ignore[attr-defined]
    if not content_type and not _HTML_START.search(raw[:1024]):
        return None  # no Content-Type: a page only if it starts like one
    if len(raw) > MAX_PAGE_BYTES:
        raise ValueError(f"page over {MAX_PAGE_BYTES:,} bytes")
    return RawPage(url=url, raw=raw, charset=_charset(content_type), captured=captured)


def _walk(stream: BinaryIO, display: str, problems: list[UnreadableSource]) -> Iterator[RawPage]:
    count = 0
    total = 0
    expanded = 0
    last_url = "the start"
    records = iter(ArchiveIterator(stream, arc2warc=True))
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except _DAMAGE as exc:
            if count == 0:
                raise UnreadableSource(display, f"not a readable web archive "
                                                f"({type(exc).__name__}: {exc})") from None
            problems.append(UnreadableSource(
                display, f"damaged or truncated record after {last_url} ({type(exc).__name__}: "
                         f"{exc}); the pages before it were kept"))
            return
        count += 1
        if count > MAX_RECORDS:
            problems.append(UnreadableSource(display, f"stopped after {MAX_RECORDS:,} records"))
            return
        url = record.rec_headers.get_header("WARC-Target-URI") or f"record {count}"
        expanded += max(int(getattr(record, "length", 0) or 0), 0)
        if expanded > MAX_EXPANDED_BYTES:
            problems.append(UnreadableSource(
                display, f"stopped at record {count} ({url}): the records expand to over "
                         f"{MAX_EXPANDED_BYTES:,} bytes (possible gzip bomb)"))
            return
        try:
            page = _record_page(record, display)
        except _DAMAGE as exc:
            problems.append(UnreadableSource(display, f"skipped record {count} ({url}): {exc}"))
            last_url = url
            continue
        last_url = url
        if page is None:
            continue
        total += len(page.raw)
        if total > MAX_SITE_BYTES:
            problems.append(SourceTooLarge(display, total, MAX_SITE_BYTES))
            return
        yield page


def warc_pages(path: Path, display: str, problems: list[UnreadableSource]) -> Iterator[RawPage]:
    """Pages, redirects and errors of a WARC/ARC file in file order, streamed."""
    try:
        size = path.stat().st_size
    except OSError:
        raise UnreadableSource(display, "no such file") from None
    if size > MAX_ARCHIVE_BYTES:
        raise SourceTooLarge(display, size, MAX_ARCHIVE_BYTES)
    with path.open("rb") as stream:
        yield from _walk(stream, display, problems)
