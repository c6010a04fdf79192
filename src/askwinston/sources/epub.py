"""Read EPUB books of notes: the XHTML chapters in spine (reading) order, amalgamated like a
saved site into one Source of kind "epub", a `# Chapter` section per chapter, each line's origin
the chapter's path inside the book.

An EPUB is a ZIP, so the archive gets the ZIP bomb and traversal checks first; the container
and package XML are parsed without entity expansion or network access.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import lxml.etree

from askwinston.errors import UnreadableSource
from askwinston.model import Source
from askwinston.sources.amalgamate import amalgamate_pages
from askwinston.sources.html import MAX_PAGE_BYTES
from askwinston.sources.lines import clean_line
from askwinston.sources.site import ZIP_MEMBER_DAMAGE, RawPage, open_zip, read_member

MAX_PACKAGE_BYTES = 5 * 1024 * 1024
CONTAINER = "META-INF/container.xml"
XHTML_TYPES = ("application/xhtml+xml", "text/html")

_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True)


def _xml(data: bytes) -> lxml.etree._Element:
    root = lxml.etree.fromstring(data, _PARSER)
    if root is None:
        raise ValueError("empty XML")
    return root


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _package(archive: zipfile.ZipFile, display: str) -> tuple[str, list[str], str | None]:
    """Path of the package document, the spine as member names, and the book's title."""
    try:
        container = _xml(read_member(archive, archive.getinfo(CONTAINER), MAX_PACKAGE_BYTES))
        opf_path = next(el.get("full-path") for el in container.iter()
                        if _local(el.tag) == "rootfile" and el.get("full-path"))
        opf = _xml(read_member(archive, archive.getinfo(opf_path), MAX_PACKAGE_BYTES))
    except (KeyError, StopIteration):
        raise UnreadableSource(display, "not an EPUB (no container or package document)"
                               ) from None
    except (*ZIP_MEMBER_DAMAGE, lxml.etree.XMLSyntaxError) as exc:
        raise UnreadableSource(display, f"damaged EPUB ({exc})") from None
    folder = posixpath.dirname(opf_path)
    manifest = {}
    for item in opf.iter():
        if _local(item.tag) == "item" and item.get("id") and item.get("href"):
            if "nav" in (item.get("properties") or "").split():
                continue  # the table of contents, not notes
            if (item.get("media-type") or "") in XHTML_TYPES:
                href = unquote(str(item.get("href")).split("#")[0])
                manifest[item.get("id")] = posixpath.normpath(posixpath.join(folder, href))
    spine = [manifest[ref.get("idref")] for ref in opf.iter()
             if _local(ref.tag) == "itemref" and ref.get("linear", "yes") != "no"
             and ref.get("idref") in manifest]
    title = next((clean_line("".join(el.itertext())) for el in opf.iter()
                  if _local(el.tag) == "title"), None)
    return opf_path, spine, title or None


def read_epub(path: Path, key: str, display: str) -> list[Source]:
    """Reader for .epub files."""
    problems: list[UnreadableSource] = []
    with open_zip(path, display) as archive:
        _, spine, title = _package(archive, display)
        if not spine:
            raise UnreadableSource(display, "the EPUB lists no chapters")

        def chapters() -> Iterator[RawPage]:
            for name in spine:
                try:
                    raw = read_member(archive, archive.getinfo(name), MAX_PAGE_BYTES)
                except KeyError:
                    problems.append(UnreadableSource(display, f"skipped chapter {name}: missing"))
                    continue
                except ZIP_MEMBER_DAMAGE as exc:
                    problems.append(UnreadableSource(display, f"skipped chapter {name}: {exc}"))
                    continue
                yield RawPage(url=name, raw=raw)

        return [amalgamate_pages(chapters(), key, display, problems, order=spine, kind="epub",
                                 title=title)]
