"""Reading text and Markdown notes: encodings, line origins, and refusing what is not notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwinston.errors import EmptyNotes, SourceTooLarge, UnreadableSource
from askwinston.sources import read_paths
from askwinston.sources.text import MAX_TEXT_BYTES, read_text_file


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf8_with_bom_is_read_without_the_bom(tmp_path: Path) -> None:
    f = write(tmp_path / "bom.txt", "\ufeffThe Tudors\nHenry VIII ruled from 1509.\n".encode())
    source = read_text_file(f, "bom.txt")
    assert source.text.startswith("The Tudors")
    assert source.lines[1].text == "Henry VIII ruled from 1509."


def test_windows_1252_curly_quotes_are_decoded(tmp_path: Path) -> None:
    text = "Churchill said \u201cwe shall never surrender\u201d \u2013 in 1940\n"
    f = write(tmp_path / "win.txt", text.encode("cp1252"))
    assert read_text_file(f, "win.txt").text == text


def test_latin1_accents_are_decoded(tmp_path: Path) -> None:
    text = "Robespierre led the Comit\u00e9 de salut public in 1793\n"
    f = write(tmp_path / "latin.txt", text.encode("latin-1"))
    assert "Comit\u00e9" in read_text_file(f, "latin.txt").text


def test_line_numbers_and_offsets_match_the_file(tmp_path: Path) -> None:
    text = "Title\r\nfirst line\r\n\r\nthird line\n"
    source = read_text_file(write(tmp_path / "crlf.txt", text.encode()), "crlf.txt")
    assert [ln.number for ln in source.lines] == [1, 2, 3, 4]
    for line in source.lines:
        assert source.text[line.start : line.end] == line.text
    assert source.lines[3].text == "third line"


def test_binary_file_is_refused_with_its_name(tmp_path: Path) -> None:
    f = write(tmp_path / "photo.txt", bytes(range(256)) * 20)
    with pytest.raises(UnreadableSource, match=r"photo\.txt.*binary"):
        read_text_file(f, "photo.txt")


def test_empty_and_whitespace_files_are_refused(tmp_path: Path) -> None:
    for name, data in (("empty.md", b""), ("blank.txt", b"  \n\n\t\n")):
        with pytest.raises(EmptyNotes, match=name):
            read_text_file(write(tmp_path / name, data), name)


def test_a_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    result = read_paths([tmp_path / "nowhere.txt"])
    assert not result.sources
    assert "nowhere.txt" in str(result.problems[0])


def test_a_file_over_the_size_cap_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    line = b"In 1066 William landed at Pevensey and marched on Hastings.\n"
    with big.open("wb") as fh:
        for _ in range(20 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    assert big.stat().st_size > MAX_TEXT_BYTES
    with pytest.raises(SourceTooLarge, match=r"huge\.txt"):
        read_text_file(big, "huge.txt")


def test_a_folder_mixing_good_and_bad_files_reads_the_good_ones(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    write(notes / "a.md", b"# Normans\nHastings was fought in 1066.\n")
    write(notes / "sub" / "b.txt", b"Domesday Book\nCompiled in 1086.\n")
    write(notes / "empty.txt", b"")
    write(notes / "bin.txt", b"\x00\x01\x02" * 100)
    write(notes / "picture.png", b"\x89PNG\r\n")
    write(notes / ".hidden.md", b"# secret\n")
    result = read_paths([notes])
    assert sorted(s.key for s in result.sources) == ["notes/a.md", "notes/sub/b.txt"]
    refused = " ".join(str(p) for p in result.problems)
    for name in ("empty.txt", "bin.txt", "picture.png"):
        assert name in refused
    assert ".hidden" not in refused
