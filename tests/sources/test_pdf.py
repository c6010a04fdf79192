"""PDF notes generated with reportlab read back with headings, bullets and page numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate

from askwinston.errors import UnreadableSource
from askwinston.model import split_lines
from askwinston.sources import read_paths
from askwinston.sources.pdf import read_pdf


def make_pdf(path: Path) -> Path:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]

    def bullets(*items: str) -> ListFlowable:
        return ListFlowable([ListItem(Paragraph(i, body)) for i in items], bulletType="bullet")

    story = [
        Paragraph("The Wars of the Roses", styles["Title"]),
        Paragraph("Causes", styles["Heading2"]),
        Paragraph("Henry VI was a weak king, and when he fell ill in 1453 the great nobles of "
                  "England began to fight each other for control of his government and lands.",
                  body),
        bullets("Loss of lands in France", "Royal debts"),
        PageBreak(),
        Paragraph("Bosworth", styles["Heading2"]),
        Paragraph("Henry Tudor won in 1485.", body),
        bullets("Richard III was killed"),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_pdf_structure_and_pages(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "notes.pdf")
    (source,) = read_pdf(path, "notes.pdf", str(path))
    assert source.kind == "pdf"
    assert source.title == "The Wars of the Roses"
    content = [(line.text, line.origin) for line in source.lines if line.text]
    assert content == [
        ("# The Wars of the Roses", "page 1"),
        ("## Causes", "page 1"),
        ("Henry VI was a weak king, and when he fell ill in 1453 the great nobles of England "
         "began to fight each other for control of his government and lands.", "page 1"),
        ("- Loss of lands in France", "page 1"),
        ("- Royal debts", "page 1"),
        ("## Bosworth", "page 2"),
        ("Henry Tudor won in 1485.", "page 2"),
        ("- Richard III was killed", "page 2"),
    ]
    assert [(ln.number, ln.start, ln.text) for ln in source.lines] == [
        (ln.number, ln.start, ln.text) for ln in split_lines(source.text)]


def test_encrypted_pdf_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    page = canvas.Canvas(str(path), encrypt="secret")
    page.drawString(72, 720, "Secret notes on Richard III")
    page.save()
    result = read_paths([path])
    assert not result.sources
    assert "locked.pdf" in str(result.problems[0])
    assert "password" in str(result.problems[0]) or "encrypted" in str(result.problems[0])


def test_scanned_pdf_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(72, 72, 300, 500, fill=1)  # a picture of a page, no text layer
    page.save()
    with pytest.raises(UnreadableSource, match=r"scan\.pdf.*no text layer"):
        read_pdf(path, "scan.pdf", str(path))


def test_corrupt_pdf_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage")
    with pytest.raises(UnreadableSource, match=r"broken\.pdf"):
        read_pdf(path, "broken.pdf", str(path))


def test_truncated_pdf_refused_or_partial(tmp_path: Path) -> None:
    raw = make_pdf(tmp_path / "whole.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(raw[: len(raw) // 3])
    try:
        sources = read_pdf(path, "cut.pdf", str(path))
    except UnreadableSource as problem:
        assert "cut.pdf" in str(problem)
    else:
        assert all(s.kind == "pdf" for s in sources)


def test_running_headers_and_page_numbers_dropped(tmp_path: Path) -> None:
    path = tmp_path / "running.pdf"
    pdf = canvas.Canvas(str(path))
    facts = ["Towton was fought in 1461.", "Barnet was fought in 1471.",
             "Tewkesbury was fought in 1471.", "Bosworth was fought in 1485."]
    for number, fact in enumerate(facts, start=1):
        pdf.drawString(72, 800, "Clayton School - History revision")
        pdf.drawString(72, 700, fact)
        pdf.drawString(280, 40, f"Page {number} of {len(facts)}")
        pdf.showPage()
    pdf.save()
    (source,) = read_pdf(path, "running.pdf", str(path))
    assert [(line.text, line.origin) for line in source.lines] == [
        (fact, f"page {n}") for n, fact in enumerate(facts, start=1)]
