"""Sources: turn files and folders into `Source` objects (decoded text + origin of every line).

Readers are registered by file suffix in `READERS`; each takes (path, key, display) and returns
the sources in that file (a saved site or archive can hold many pages).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from askwinston.errors import UnreadableSource
from askwinston.model import Source
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


def _folder_files(folder: Path) -> list[Path]:
    """Files of a folder in a stable order, hidden files and folders left out."""
    files = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        files.append(path)
    return files


def _read_one(path: Path, key: str, display: str, result: ReadResult) -> None:
    try:
        result.sources.extend(reader_for(path)(path, key, display))
    except UnreadableSource as problem:
        result.problems.append(problem)


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
            for file in _folder_files(path):
                rel = file.relative_to(path).as_posix()
                if file.suffix.lower() not in READERS:
                    result.problems.append(
                        UnreadableSource(str(file), "skipped: not a notes format")
                    )
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


__all__ = ["READERS", "ReadResult", "Source", "read_paths", "reader_for"]
