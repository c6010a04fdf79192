"""Sources: turn files and folders into `Source` objects (decoded text + origin of every line).

Readers are registered by file suffix in `READERS`; each takes (path, key, display) and returns
the sources in that file (a saved site or archive can hold many pages).

Formats: .txt/.md (text.py), .html/.htm/.xhtml (html.py), .docx (docx.py), .odt (odt.py),
.pdf (pdf.py), .epub (epub.py: chapters in spine order, kind "epub"), and saved websites
amalgamated into ONE source of kind "site" (amalgamate.py): a folder that
`site.looks_like_saved_site` claims, a .zip, or a web archive (.warc, .arc, .warc.gz, .arc.gz —
registered under ".gz", which refuses other gzipped files).

Partial reads: a saved site with some bad pages still gives its Source; the pages skipped, and
why, are on `SiteSource.problems` (a list of UnreadableSource), which `read_paths` moves into
`ReadResult.problems` next to the refused files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from askwinston.errors import UnreadableSource
from askwinston.model import Source
from askwinston.sources.folders import visible_files
from askwinston.sources.text import TEXT_SUFFIXES, read_text_file

Reader = Callable[[Path, str, str], list[Source]]


def _read_text(path: Path, key: str, display: str) -> list[Source]:
    return [read_text_file(path, key, display)]


READERS: dict[str, Reader] = {suffix: _read_text for suffix in TEXT_SUFFIXES}
"""File suffix → reader. Other modules in this package add their formats here."""


@dataclass
class ReadResult:
    """What reading some paths gave: the sources, and each refused file with its reason."""

    sources: list[Source] = field(default_factory=list)
    problems: list[UnreadableSource] = field(default_factory=list)


def reader_for(path: Path) -> Reader:
    """The reader for a file; unknown suffixes are tried as plain text (binary is refused there)."""
    return READERS.get(path.suffix.lower(), _read_text)


def _read_one(path: Path, key: str, display: str, result: ReadResult) -> None:
    """Read one file or claimed folder; a source's own `problems` (skipped pages of a saved
    site, see `SiteSource`) are moved into the result so they are reported like refused files."""
    reader = READERS["/"] if path.is_dir() else reader_for(path)
    try:
        sources = reader(path, key, display)
    except UnreadableSource as problem:
        result.problems.append(problem)
        return
    for source in sources:
        result.problems.extend(getattr(source, "problems", None) or [])
    result.sources.extend(sources)


def read_paths(paths: Iterable[str | Path]) -> ReadResult:
    """Read files and folders; a bad file is reported and skipped, the rest go on."""
    result = ReadResult()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            folder_reader = READERS.get("/")  # a saved-site reader may claim whole folders
            if folder_reader is not None and _is_claimed_folder(path):
                _read_one(path, path.name, str(given), result)
                continue
            for file in visible_files(path):
                rel = file.relative_to(path).as_posix()
                if file.suffix.lower() not in READERS:
                    skipped = UnreadableSource(str(file), "skipped: not a notes format")
                    result.problems.append(skipped)
                    continue
                _read_one(file, f"{path.name}/{rel}", str(file), result)
        elif not path.exists():
            result.problems.append(UnreadableSource(str(given), "no such file or folder"))
        else:
            _read_one(path, path.name, str(given), result)
    return result


FOLDER_CLAIMS: list[Callable[[Path], bool]] = []
"""Predicates that say a folder is one unit (a saved website) rather than a folder of notes."""


def _is_claimed_folder(path: Path) -> bool:
    return any(claim(path) for claim in FOLDER_CLAIMS)



def _register_formats() -> None:
    """Add the web, archive, Word and PDF readers (imported here, after READERS exists)."""
    from askwinston.sources import amalgamate, docx, epub, html, odt, pdf, site

    for suffix in html.HTML_SUFFIXES:
        READERS[suffix] = html.read_html
    READERS["/"] = amalgamate.read_site  # folders claimed by site.looks_like_saved_site
    READERS[".zip"] = amalgamate.read_site
    READERS[".warc"] = amalgamate.read_site
    READERS[".arc"] = amalgamate.read_site
    READERS[".gz"] = amalgamate.read_gz  # x.warc.gz and x.arc.gz; other .gz files are refused
    READERS[".docx"] = docx.read_docx
    READERS[".pdf"] = pdf.read_pdf
    READERS[".odt"] = odt.read_odt
    READERS[".epub"] = epub.read_epub
    FOLDER_CLAIMS.append(site.looks_like_saved_site)


_register_formats()

__all__ = ["FOLDER_CLAIMS", "READERS", "ReadResult", "Source", "read_paths", "reader_for"]
