"""Walking a folder as a person sees it: every file, in a stable order, hidden ones left out."""

from __future__ import annotations

from pathlib import Path


def visible_files(folder: Path) -> list[Path]:
    """Files under `folder`, sorted, without hidden files or anything inside hidden folders."""
    files = []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        files.append(path)
    return files
