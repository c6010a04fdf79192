"""Word notes generated with python-docx read back with headings, bullets, tables, in order."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from askwinston.errors import EmptyNotes, UnreadableSource
from askwinston.model import split_lines
from askwinston.sources import read_paths
from askwinston.sources.docx import read_docx


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.core_properties.title = "Wars of the Roses revision"
    document.add_heading("The Wars of the Roses", level=0)
    document.add_heading("Causes", level=1)
    document.add_paragraph("Henry VI was a weak ruler who lost the English lands in France.")
    document.add_paragraph("Nobles kept private armies", style="List Bullet")
    document.add_paragraph("York was made Protector in 1454", style="List Bullet")
    document.add_paragraph("who advised him", style="List Bullet 2")
    document.add_heading("Battles", level=2)
    document.add_paragraph("St Albans in 1455", style="List Number")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Battle"
    table.cell(1, 0).text, table.cell(1, 1).text = "1461", "Towton"
    paragraph = document.add_paragraph("Bosworth, 1485.")
    paragraph.add_run().add_break()
    paragraph.add_run("Richard III killed.")
    document.add_paragraph("• A typed bullet about Elizabeth of York")
    document.add_paragraph("")
    document.save(str(path))
    return path


def test_docx_structure_in_order(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "notes.docx")
    (source,) = read_docx(path, "notes.docx", str(path))
    assert source.kind == "docx"
    assert source.title == "Wars of the Roses revision"
    assert [line.text for line in source.lines if line.text] == [
        "# The Wars of the Roses",
        "# Causes",
        "Henry VI was a weak ruler who lost the English lands in France.",
        "- Nobles kept private armies",
        "- York was made Protector in 1454",
        "  - who advised him",
        "## Battles",
        "- St Albans in 1455",
        "Year | Battle",
        "1461 | Towton",
        "Bosworth, 1485.",
        "Richard III killed.",
        "- A typed bullet about Elizabeth of York",
    ]
    assert [(ln.number, ln.start, ln.text) for ln in source.lines] == [
        (ln.number, ln.start, ln.text) for ln in split_lines(source.text)]


def test_docx_through_read_paths(tmp_path: Path) -> None:
    result = read_paths([make_docx(tmp_path / "notes.docx")])
    assert [s.kind for s in result.sources] == ["docx"] and not result.problems


def test_corrupt_docx_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><<<")
        archive.writestr("word/document.xml", "not xml")
    with pytest.raises(UnreadableSource, match=r"broken\.docx.*not a readable Word document"):
        read_docx(path, "broken.docx", str(path))


def test_not_a_zip_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_bytes(b"I am a text file pretending to be Word")
    result = read_paths([path])
    assert not result.sources
    assert "fake.docx" in str(result.problems[0])


def test_truncated_docx_refused(tmp_path: Path) -> None:
    raw = make_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(UnreadableSource, match=r"cut\.docx"):
        read_docx(path, "cut.docx", str(path))


def test_empty_docx(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(EmptyNotes):
        read_docx(path, "empty.docx", str(path))
