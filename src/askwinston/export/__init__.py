"""Exports of the cards and timeline to other tools: Anki, Quizlet, Moodle, TimelineJS, …

Writers are imported when used (genanki and the card generator are heavy), so listing the
formats costs nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from askwinston.errors import UnknownFormat

if TYPE_CHECKING:
    from askwinston.export.deck import Deck

MODULES = {
    "anki": "anki",
    "quizlet": "quizlet",
    "gift": "gift",
    "moodle-xml": "moodle_xml",
    "timelinejs": "timelinejs",
    "csv": "csv_export",
    "markdown": "markdown",
}
"""Export format name (as `winston export FORMAT` takes it) → module of askwinston.export."""

FORMATS = tuple(MODULES)


def writer(fmt: str) -> Callable[[Deck, Path], None]:
    """The `write(deck, path)` function of a format; UnknownFormat for any other name."""
    if fmt not in MODULES:
        raise UnknownFormat(fmt, FORMATS)
    module = importlib.import_module(f"askwinston.export.{MODULES[fmt]}")
    write: Callable[[Deck, Path], None] = module.write
    return write
