"""Single web pages: main content as Markdown-ish lines, furniture out, charsets honoured."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from askwinston.errors import EmptyNotes, UnreadableSource
from askwinston.model import split_lines
from askwinston.sources import read_paths
from askwinston.sources.html import decode_html, extract_page, is_boilerplate, read_html

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Edward IV – Clayton History</title></head><body>
<nav class="main-menu"><a href="index.html">Home</a> <a href="kings.html">Kings</a></nav>
<div id="cookie-consent">We use cookies on this site. <button>Accept all cookies</button></div>
<article><h1>Edward IV</h1>
<p>Edward became king in 1461 after the Yorkist victory at Towton.</p>
<h2>His two reigns</h2>
<ul><li>First reign: 1461 to 1470</li>
<li>Second reign: 1471 to 1483<ul><li>won back the throne at Barnet</li></ul></li></ul>
<h3>Family</h3>
<table><tr><th>Relation</th><th>Name</th></tr>
<tr><td>Wife</td><td>Elizabeth Woodville</td></tr></table>
</article>
<footer>© 2012 Clayton School. All rights reserved.</footer></body></html>"""


def _read(tmp_path: Path, content: str | bytes, name: str = "page.html") -> list[str]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    (source,) = read_html(path, name, str(path))
    return [line.text for line in source.lines]


def test_structure_kept_furniture_dropped(tmp_path: Path) -> None:
    lines = _read(tmp_path, PAGE)
    assert lines[0] == "# Edward IV"
    assert "## His two reigns" in lines
    assert "### Family" in lines
    assert "- First reign: 1461 to 1470" in lines
    assert any(line.strip() == "- won back the throne at Barnet" for line in lines)
    assert "Wife | Elizabeth Woodville" in lines
    text = "\n".join(lines)
    for furniture in ("Home", "cookies", "©", "All rights reserved"):
        assert furniture not in text


def test_source_fields_and_offsets(tmp_path: Path) -> None:
    path = tmp_path / "edward.html"
    path.write_text(PAGE, encoding="utf-8")
    (source,) = read_paths([path]).sources
    assert source.kind == "html"
    assert source.title == "Edward IV"
    assert all(line.origin == "edward.html" for line in source.lines)
    assert [(ln.number, ln.start, ln.text) for ln in source.lines] == [
        (ln.number, ln.start, ln.text) for ln in split_lines(source.text)]


def test_tiny_page_is_not_lost(tmp_path: Path) -> None:
    assert _read(tmp_path, "<h1>Towton</h1><p>1461.</p>") == ["# Towton", "1461."]


def test_malformed_html_still_read(tmp_path: Path) -> None:
    lines = _read(tmp_path, "<html><body><h2>Barnet<p>Fought in fog in 1471<li>Warwick killed")
    assert "Fought in fog in 1471" in " ".join(lines)
    assert "Warwick killed" in " ".join(lines)


def test_meta_charset_cp1252(tmp_path: Path) -> None:
    raw = ('<html><head><meta http-equiv="Content-Type" content="text/html; '
           'charset=windows-1252"></head><body><h1>Notes</h1>'
           '<p>Henry\u2019s claim was \u201cweak\u201d \u2013 through his mother.</p></body></html>'
           ).encode("cp1252")
    expected = "Henry\u2019s claim was \u201cweak\u201d \u2013 through his mother."
    assert expected in _read(tmp_path, raw)


def test_undeclared_cp1252_falls_back(tmp_path: Path) -> None:
    raw = "<h1>Notes</h1><p>Margaret of Anjou\u2019s army.</p>".encode("cp1252")
    assert "Margaret of Anjou\u2019s army." in _read(tmp_path, raw)


def test_bom_beats_meta(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + '<meta charset="iso-8859-1"><p>Towton \u2013 1461</p>'.encode()
    assert _read(tmp_path, raw) == ["Towton \u2013 1461"]


def test_declared_header_charset_wins_over_meta() -> None:
    raw = '<meta charset="utf-8"><p>caf\u00e9</p>'.encode("latin-1")
    assert "caf\u00e9" in decode_html(raw, "iso-8859-1")
    assert "caf\u00e9" in decode_html(raw, "no-such-charset")  # unknown label: sniffed instead


def test_utf16_page(tmp_path: Path) -> None:
    raw = "<h1>Tewkesbury</h1><p>Fought in 1471.</p>".encode("utf-16")
    assert _read(tmp_path, raw) == ["# Tewkesbury", "Fought in 1471."]


def test_binary_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableSource, match="binary"):
        _read(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)


def test_page_of_furniture_only_is_empty(tmp_path: Path) -> None:
    with pytest.raises(EmptyNotes):
        _read(tmp_path, "<footer>© 2012 Clayton School</footer>")


def test_links_in_document_order() -> None:
    page = extract_page(PAGE.encode(), "http://x.example/kings/edward.html")
    assert page.links == ["http://x.example/kings/index.html", "http://x.example/kings/kings.html"]


@pytest.mark.parametrize("line", ["© 2012 Clayton School", "Copyright 2012 Clayton",
                                  "This website uses cookies", "Skip to content", "Back to top"])
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", ["Cookies were not eaten in 1485", "The copyright of history",
                                  "- Richard III fought back to the top of the hill"])
def test_notes_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_saved_from_address_is_the_origin(tmp_path: Path) -> None:
    path = tmp_path / "saved.html"
    path.write_text("<!-- saved from url=(0038)http://clayton.example/history/x.html -->\n"
                    "<html><body><h1>Towton</h1><p>Fought in 1461.</p></body></html>",
                    encoding="utf-8")
    (source,) = read_html(path, "saved.html", str(path))
    assert {line.origin for line in source.lines} == {"http://clayton.example/history/x.html"}


def test_canonical_link_is_the_origin(tmp_path: Path) -> None:
    path = tmp_path / "canon.html"
    path.write_text('<html><head><link rel="canonical" href="https://ex.example/towton">'
                    "</head><body><h1>Towton</h1><p>Fought in 1461.</p></body></html>",
                    encoding="utf-8")
    (source,) = read_html(path, "canon.html", str(path))
    assert source.origin == "https://ex.example/towton"


@pytest.mark.parametrize("markup", ["<ul><li>", "<div>", "<blockquote>", "<table><tr><td>",
                                    "<ol><li><p>"])
def test_deep_nesting_is_quick(markup: str) -> None:
    """Regression: nested lists were walked once per ancestor (2^depth work)."""
    import time

    started = time.perf_counter()
    for depth in (40, 400, 4000):
        with contextlib.suppress(ValueError):
            extract_page((markup * depth + "Towton 1461").encode(), "deep.html")
    assert time.perf_counter() - started < 5
