"""EPUB notes (built by hand) read chapter by chapter in spine order, not file order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from askwinston.errors import UnreadableSource
from askwinston.sources import read_paths
from askwinston.sources.epub import read_epub

CHAPTERS = {  # file name -> (heading, text); the spine puts them in the order z, a, m
    "z-first.xhtml": ("Edward IV", "Edward IV won the crown at Towton in 1461."),
    "a-second.xhtml": ("Richard III", "Richard III took the throne in 1483."),
    "m-third.xhtml": ("Henry VII", "Henry VII founded the Tudor dynasty in 1485."),
}
SPINE = ["z-first.xhtml", "a-second.xhtml", "m-third.xhtml"]


def make_epub(path: Path, spine: list[str] = SPINE) -> Path:
    items = "".join(f'<item id="c{i}" href="text/{name}" media-type="application/xhtml+xml"/>'
                    for i, name in enumerate(CHAPTERS))
    items += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    ids = {name: f"c{i}" for i, name in enumerate(CHAPTERS)}
    refs = "".join(f'<itemref idref="{ids[name]}"/>' for name in spine)
    opf = ('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0">'
           '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Kings of England'
           f"</dc:title></metadata><manifest>{items}</manifest><spine>{refs}"
           '<itemref idref="nav" linear="no"/></spine></package>')
    container = ('<?xml version="1.0"?><container version="1.0" '
                 'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
                 '<rootfile full-path="OEBPS/content.opf" '
                 'media-type="application/oebps-package+xml"/></rootfiles></container>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("META-INF/container.xml", container)
        archive.writestr("OEBPS/content.opf", opf)
        archive.writestr("OEBPS/nav.xhtml", "<html><body><nav><ol><li>Contents</li></ol></nav>"
                                            "</body></html>")
        for name, (heading, text) in CHAPTERS.items():
            archive.writestr(f"OEBPS/text/{name}", '<html xmlns="http://www.w3.org/1999/xhtml">'
                             f"<body><h1>{heading}</h1><p>{text}</p></body></html>")
    return path


def test_epub_in_spine_order(tmp_path: Path) -> None:
    (source,) = read_paths([make_epub(tmp_path / "kings.epub")]).sources
    assert source.kind == "epub" and source.title == "Kings of England"
    assert [line.text for line in source.lines if line.text.startswith("# ")] == [
        "# Edward IV", "# Richard III", "# Henry VII"]
    towton = next(line for line in source.lines if "Towton" in line.text)
    assert towton.origin == "OEBPS/text/z-first.xhtml"
    assert "Contents" not in source.text


def test_epub_without_container_refused(tmp_path: Path) -> None:
    path = tmp_path / "bare.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
    with pytest.raises(UnreadableSource, match=r"bare\.epub.*not an EPUB"):
        read_epub(path, "bare.epub", str(path))


def test_epub_with_traversal_refused(tmp_path: Path) -> None:
    path = make_epub(tmp_path / "evil.epub")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("../../evil.xhtml", "<p>x</p>")
    with pytest.raises(UnreadableSource, match="path traversal"):
        read_epub(path, "evil.epub", str(path))
