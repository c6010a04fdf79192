"""Word and PDF copies of the bundled example build to the same timeline and people as its
Markdown: a teacher's own files give the same knowledge as the notes typed out."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

from askwinston import api

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "stalins-purges"


def blocks(page: Path) -> list[tuple[str, str]]:
    """The page's lines as (kind, text): heading level "1"/"2", "bullet" or "para"."""
    out = []
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            out.append((str(len(line) - len(line.lstrip("#"))), line.lstrip("# ")))
        elif line.startswith("- "):
            out.append(("bullet", line[2:]))
        elif line.strip():
            out.append(("para", line))
    return out


def write_docx(page: Path, path: Path) -> Path:
    document = docx.Document()
    for kind, text in blocks(page):
        if kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif kind == "para":
            document.add_paragraph(text)
        else:
            document.add_heading(text, level=int(kind))
    document.save(str(path))
    return path


def write_pdf(page: Path, path: Path) -> Path:
    styles = getSampleStyleSheet()
    story: list[Any] = []
    for kind, text in blocks(page):
        if kind == "bullet":
            item = ListItem(Paragraph(escape(text), styles["BodyText"]))
            story.append(ListFlowable([item], bulletType="bullet"))
        elif kind == "para":
            story.append(Paragraph(escape(text), styles["BodyText"]))
        else:
            story.append(Paragraph(escape(text), styles["Heading" + kind]))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def knowledge(folder: Path, db: Path) -> dict[str, Any]:
    api.build([folder], db)
    return {
        "timeline": sorted((r["value"], r["mod"] or "") for r in api.timeline(db)),
        "people": sorted(p["name"] for p in api.entities(db, "person")),
    }


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return knowledge(EXAMPLE, tmp_path_factory.mktemp("md") / "k.db")


@pytest.mark.parametrize("writer", [write_docx, write_pdf], ids=["docx", "pdf"])
def test_word_and_pdf_build_like_the_markdown(writer: Any, markdown: dict[str, Any],
                                              tmp_path: Path) -> None:
    folder = tmp_path / "stalins-purges"
    folder.mkdir()
    suffix = ".docx" if writer is write_docx else ".pdf"
    for page in sorted(EXAMPLE.glob("*.md")):
        writer(page, folder / (page.stem + suffix))
    built = knowledge(folder, tmp_path / "k.db")
    assert built["people"] == markdown["people"]
    assert built["timeline"] == markdown["timeline"]
