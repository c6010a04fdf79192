"""Exports of the cards and timeline to other tools: Anki, Quizlet, Moodle, TimelineJS, …"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from askwinston.export import anki, csv_export, gift, markdown, moodle_xml, quizlet, timelinejs
from askwinston.export.deck import Deck

WRITERS: dict[str, Callable[[Deck, Path], None]] = {
    "anki": anki.write,
    "quizlet": quizlet.write,
    "gift": gift.write,
    "moodle-xml": moodle_xml.write,
    "timelinejs": timelinejs.write,
    "csv": csv_export.write,
    "markdown": markdown.write,
}
"""Export format name (as `winston export FORMAT` takes it) → writer."""

FORMATS = tuple(WRITERS)
