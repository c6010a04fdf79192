"""OpenDocument text notes (built by hand: no ODF writer is installed) read back in order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from askwinston.errors import UnreadableSource
from askwinston.model import split_lines
from askwinston.sources import read_paths
from askwinston.sources.odt import read_odt

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')

BODY = """
<text:h text:outline-level="1">The Princes in the Tower</text:h>
<text:p>Edward V and his brother Richard were lodged in the Tower in 1483.</text:p>
<text:h text:outline-level="2">Suspects</text:h>
<text:list>
  <text:list-item><text:p>Richard III</text:p>
    <text:list><text:list-item><text:p>had the most to gain</text:p></text:list-item></text:list>
  </text:list-item>
  <text:list-item><text:p>Henry<text:s/>Tudor</text:p></text:list-item>
</text:list>
<table:table><table:table-row><table:table-cell><text:p>Year</text:p></table:table-cell>
<table:table-cell><text:p>Event</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell><text:p>1674</text:p></table:table-cell>
<table:table-cell><text:p>Bones found</text:p></table:table-cell></table:table-row></table:table>
<text:section><text:p>Last seen in 1483.<text:line-break/>Fate unknown.</text:p></text:section>
"""


def make_odt(path: Path, body: str = BODY) -> Path:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS}>'
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return path


def test_odt_structure(tmp_path: Path) -> None:
    path = make_odt(tmp_path / "princes.odt")
    (source,) = read_paths([path]).sources
    assert source.kind == "odt" and source.title == "The Princes in the Tower"
    assert [line.text for line in source.lines if line.text] == [
        "# The Princes in the Tower",
        "Edward V and his brother Richard were lodged in the Tower in 1483.",
        "## Suspects",
        "- Richard III",
        "  - had the most to gain",
        "- Henry Tudor",
        "Year | Event",
        "1674 | Bones found",
        "Last seen in 1483.",
        "Fate unknown.",
    ]
    assert [(ln.number, ln.start, ln.text) for ln in source.lines] == [
        (ln.number, ln.start, ln.text) for ln in split_lines(source.text)]


def test_odt_with_entity_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "lol.odt"
    bomb = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            f'<office:document-content {NS}><office:body><office:text>'
            "<text:p>&b;</text:p></office:text></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", bomb)
    try:
        sources = read_odt(path, "lol.odt", str(path))
    except UnreadableSource as problem:
        assert "lol.odt" in str(problem)
    else:
        assert "aaaaaaaaaa" not in sources[0].text  # entities are not expanded


def test_odt_without_content_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(UnreadableSource, match=r"empty\.odt.*no content\.xml"):
        read_odt(path, "empty.odt", str(path))
