"""Saved sites: folder, ZIP and WARC amalgamate to the same notes, in menu order, without the
site's furniture; archives that are bombs, climb out of their folder or are cut short
are handled."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from clayton_site import BASE, CONTENT, FURNITURE, MENU, expected_headings, page_html, write_warc

from askwinston.errors import UnreadableSource
from askwinston.model import split_lines
from askwinston.sources import read_paths
from askwinston.sources import site as site_module
from askwinston.sources.amalgamate import SiteSource, amalgamate, to_markdown
from askwinston.sources.site import looks_like_saved_site


def _headings(source: SiteSource) -> list[str]:
    return [line.text for line in source.lines if line.text.startswith("# ")]


def _assert_consistent(source: SiteSource) -> None:
    """Text, lines and offsets agree, as if the text had been split by an editor."""
    assert [(ln.number, ln.start, ln.text) for ln in source.lines] == [
        (ln.number, ln.start, ln.text) for ln in split_lines(source.text)]


def test_folder_amalgamates_in_menu_order(site_folder: Path) -> None:
    source = amalgamate(site_folder)
    assert source.kind == "site"
    assert _headings(source) == expected_headings()
    assert _headings(source) != sorted(_headings(source))  # menu order is not alphabetical
    assert source.title == "The Wars of the Roses"
    _assert_consistent(source)


def test_folder_zip_and_warc_give_the_same_notes(site_folder: Path, site_zip: Path,
                                                 site_warc: Path) -> None:
    folder, zipped, warc = amalgamate(site_folder), amalgamate(site_zip), amalgamate(site_warc)
    assert folder.text == zipped.text == warc.text


@pytest.mark.parametrize("which", ["site_folder", "site_zip", "site_warc"])
def test_no_furniture_left(which: str, request: pytest.FixtureRequest) -> None:
    source = amalgamate(request.getfixturevalue(which))
    for furniture in FURNITURE:
        assert furniture not in source.text
    menu_labels = {label for _, label in MENU}
    assert not any(line.text.lstrip("- ") in menu_labels for line in source.lines)
    for title, _ in CONTENT.values():
        assert f"# {title}" in source.text
    assert "Bosworth" in source.text and "Tudor rose" in source.text


def test_warc_keeps_latest_capture_and_page_urls(site_warc: Path) -> None:
    source = amalgamate(site_warc)
    assert "coming soon" not in source.text  # the older draft of battles.html
    towton = next(line for line in source.lines if "Towton" in line.text)
    assert towton.origin == BASE + "battles.html (captured 2013-05-01)"
    assert all(line.origin and line.origin.startswith(BASE) for line in source.lines)
    assert [str(p) for p in source.problems] == [
        f"{site_warc}: skipped page {BASE}missing.html: HTTP 404"]


def test_uncompressed_warc_reads_too(tmp_path: Path, site_folder: Path) -> None:
    path = write_warc(tmp_path / "clayton.warc", gzip=False)
    assert amalgamate(path).text == amalgamate(site_folder).text


def test_folder_lines_name_their_page(site_folder: Path) -> None:
    source = amalgamate(site_folder)
    line = next(line for line in source.lines if "Stanley" in line.text)
    assert line.origin == "bosworth.html"


def test_to_markdown_names_each_page(site_warc: Path) -> None:
    markdown = to_markdown(amalgamate(site_warc))
    assert markdown.count("<!-- from: ") == len(MENU)
    lines = markdown.splitlines()
    at = lines.index("# The Battle of Bosworth")
    assert lines[at + 1] == f"<!-- from: {BASE}bosworth.html (captured 2013-05-01) -->"
    assert markdown.endswith("\n")


def test_read_paths_claims_site_folder_and_archives(site_folder: Path, site_zip: Path,
                                                    site_warc: Path) -> None:
    assert looks_like_saved_site(site_folder)
    result = read_paths([site_folder, site_zip, site_warc])
    assert [s.kind for s in result.sources] == ["site", "site", "site"]
    assert len({s.text for s in result.sources}) == 1
    assert any("HTTP 404" in str(p) for p in result.problems)


def test_folder_of_notes_is_not_a_site(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Notes\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# More notes\n", encoding="utf-8")
    assert not looks_like_saved_site(tmp_path)


def test_duplicate_pages_and_copied_paragraphs_dropped(tmp_path: Path) -> None:
    for name, _ in MENU[:4]:
        (tmp_path / name).write_text(page_html(name), encoding="utf-8")
    (tmp_path / "copy-of-causes.html").write_text(page_html("causes.html"), encoding="utf-8")
    copied = CONTENT["bosworth.html"][1]
    (tmp_path / "bosworth.html").write_text(page_html("bosworth.html"), encoding="utf-8")
    (tmp_path / "bosworth-again.html").write_text(
        page_html("bosworth.html", heading="Bosworth again",
                  body=copied + "<p>A new line only here about the Stanleys.</p>"),
        encoding="utf-8")
    source = amalgamate(tmp_path)
    assert source.text.count("# Causes of the wars") == 1
    assert source.text.count("On 22 August 1485 Henry Tudor defeated") == 1
    assert "A new line only here" in source.text


def test_redirect_is_followed_for_menu_order(tmp_path: Path) -> None:
    """A menu that links to an old URL still puts the page where the menu has it."""
    from clayton_site import _response
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "moved.warc.gz"
    menu = '<nav><a href="zebra.html">Z</a> <a href="old.html">Old</a></nav>'
    home = f"<html><body>{menu}<h1>Home</h1><p>Start here.</p></body></html>".encode()
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        _response(writer, BASE + "aardvark.html", "200 OK",
                  b"<h1>Aardvark</h1><p>Moved here.</p>", "2013-01-01T00:00:00Z")
        _response(writer, BASE + "old.html", "302 Found", b"", "2013-01-01T00:00:00Z",
                  [("Location", "aardvark.html")])
        _response(writer, BASE + "zebra.html", "200 OK", b"<h1>Zebra</h1><p>Last.</p>",
                  "2013-01-01T00:00:00Z")
        _response(writer, BASE, "200 OK", home, "2013-01-01T00:00:00Z")
    assert _headings(amalgamate(path)) == ["# Home", "# Zebra", "# Aardvark"]


def test_truncated_warc_keeps_earlier_pages(tmp_path: Path, site_warc: Path) -> None:
    data = (tmp_path / "plain.warc")
    write_warc(data, gzip=False)
    raw = data.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(raw[: int(len(raw) * 0.8)])
    source = amalgamate(cut)
    assert source.lines
    assert any("truncated" in p.problem or "skipped" in p.problem for p in source.problems)


def test_not_a_warc_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(b"this is not an archive at all\n" * 10)
    with pytest.raises(UnreadableSource, match=r"junk\.warc\.gz"):
        amalgamate(path)


def test_other_gz_is_refused_by_read_paths(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 20)
    result = read_paths([path])
    assert not result.sources
    assert "not a web archive" in str(result.problems[0])


def test_zip_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", b"<p>" + b"A" * (20 * 1024 * 1024) + b"</p>")
    with pytest.raises(UnreadableSource, match="ZIP bomb") as caught:
        amalgamate(path)
    assert str(path) in str(caught.value)


def test_zip_with_too_many_members_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_module, "MAX_ZIP_MEMBERS", 5)
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for i in range(6):
            archive.writestr(f"p{i}.html", "<p>x</p>")
    with pytest.raises(UnreadableSource, match="files in the archive"):
        amalgamate(path)


@pytest.mark.parametrize("evil", ["../../etc/cron.d/evil.html", "/etc/passwd.html",
                                  "site/../../up.html", "C:\\Windows\\x.html"])
def test_traversal_zip_refused(tmp_path: Path, evil: str) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("index.html", "<h1>Home</h1><p>Fine.</p>")
        archive.writestr(evil, "<p>Gotcha</p>")
    with pytest.raises(UnreadableSource, match="path traversal"):
        amalgamate(path)
    result = read_paths([path])
    assert not result.sources and "path traversal" in str(result.problems[0])


def test_bad_page_is_skipped_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, _ in MENU[:3]:
        (tmp_path / name).write_text(page_html(name), encoding="utf-8")
    (tmp_path / "huge.html").write_text("<p>" + "x" * 5000 + "</p>", encoding="utf-8")
    monkeypatch.setattr(site_module, "MAX_PAGE_BYTES", 4000)
    result = read_paths([tmp_path])
    assert len(result.sources) == 1 and "# Key people" in result.sources[0].text
    assert any("huge.html" in str(p) and "too large" in str(p) for p in result.problems)


def test_corrupt_zip_member_is_skipped(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("index.html", "<h1>Home</h1><p>The first page of notes.</p>")
        archive.writestr("broken.html", "<h1>Broken</h1><p>CORRUPTME and more.</p>")
    data = buffer.getvalue().replace(b"CORRUPTME", b"XXXXXXXXX")  # CRC no longer matches
    path = tmp_path / "damaged.zip"
    path.write_bytes(data)
    source = amalgamate(path)
    assert "# Home" in source.text and "Broken" not in source.text
    assert any("broken.html" in str(p) for p in source.problems)


def test_empty_site_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "nothing here")
    with pytest.raises(UnreadableSource, match="no web pages"):
        amalgamate(path)


def test_warc_expansion_cap_stops_the_walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            site_warc: Path) -> None:
    from askwinston.sources import warc as warc_module

    monkeypatch.setattr(warc_module, "MAX_EXPANDED_BYTES", 5_000)
    source = amalgamate(site_warc)
    assert 0 < len(_headings(source)) < len(MENU)
    assert any("gzip bomb" in p.problem for p in source.problems)


def test_single_page_amalgamates(tmp_path: Path) -> None:
    path = tmp_path / "bosworth.html"
    path.write_text(page_html("bosworth.html"), encoding="utf-8")
    source = amalgamate(path)
    assert _headings(source) == ["# The Battle of Bosworth"]
    assert "Exam board" in source.text  # one page: nothing repeats across pages


@pytest.mark.parametrize("name", ["clayton.arc", "clayton.arc.gz"])
def test_arc_files_amalgamate_too(tmp_path: Path, site_folder: Path, name: str) -> None:
    from clayton_site import write_arc

    source = amalgamate(write_arc(tmp_path / name, gzip=name.endswith(".gz")))
    assert source.text == amalgamate(site_folder).text
    assert source.lines[0].origin == BASE + "index.html (captured 2013-05-01)"
    assert read_paths([tmp_path / name]).sources[0].kind == "site"


def test_notes_beside_a_saved_site_are_reported(tmp_path: Path) -> None:
    for name, _ in MENU[:2]:
        (tmp_path / name).write_text(page_html(name), encoding="utf-8")
    (tmp_path / "my-notes.md").write_text("# Mine\n", encoding="utf-8")
    result = read_paths([tmp_path])
    assert [s.kind for s in result.sources] == ["site"]
    assert any("my-notes.md" in str(p) and "on its own" in str(p) for p in result.problems)


def test_same_day_captures_latest_time_wins(tmp_path: Path) -> None:
    from clayton_site import _response
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "sameday.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        _response(writer, BASE + "index.html", "200 OK", b"<h1>Home</h1><p>Afternoon copy.</p>",
                  "2013-05-01T15:00:00Z")
        _response(writer, BASE + "index.html", "200 OK", b"<h1>Home</h1><p>Morning copy.</p>",
                  "2013-05-01T09:00:00Z")
        _response(writer, BASE + "untyped.html", "200 OK", b"<html><h1>Untyped</h1><p>Kept.</p>",
                  "2013-05-01T09:00:00Z", [("Server", "old")])
        _response(writer, BASE + "data.bin", "200 OK", b"\x00\x01binary", "2013-05-01T09:00:00Z",
                  [("Server", "old")])
    source = amalgamate(path)
    assert "Afternoon copy." in source.text and "Morning copy." not in source.text
    assert "# Untyped" in source.text and "binary" not in source.text
    assert source.lines[0].origin == BASE + "index.html (captured 2013-05-01)"


def test_page_without_h1_titled_from_title_without_site_name(tmp_path: Path) -> None:
    for name, _ in MENU[:3]:
        (tmp_path / name).write_text(page_html(name), encoding="utf-8")
    body = "<p>Parliament passed an Act of Attainder against the Yorkists in 1459.</p>"
    (tmp_path / "coventry.html").write_text(
        page_html("causes.html", heading="Parliament of Devils", body=body)
        .replace("<h1>Parliament of Devils</h1>", ""), encoding="utf-8")
    assert "# Parliament of Devils" in amalgamate(tmp_path).text.splitlines()


def test_unparseable_urls_in_a_crawl(tmp_path: Path) -> None:
    """Regression (found by fuzzing): "http://[x" is not a URL, but its page is still a page."""
    from clayton_site import _response
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "odd.warc"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        _response(writer, "http://[broken/index.html", "200 OK",
                  b'<h1>Odd</h1><p>Still notes.</p><a href="http://[x">x</a>',
                  "2013-01-01T00:00:00Z")
        _response(writer, BASE + "moved.html", "301 Moved", b"", "2013-01-01T00:00:00Z",
                  [("Location", "http://[nowhere")])
    assert "Still notes." in amalgamate(path).text


def test_zip_of_unsupported_version_refused(tmp_path: Path) -> None:
    """Regression (found by fuzzing): zipfile raises NotImplementedError for some headers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.html", "<h1>Home</h1>")
    data = bytearray(buffer.getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 84  # "needs version 8.4 to extract"
    path = tmp_path / "future.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableSource, match=r"future\.zip"):
        amalgamate(path)
