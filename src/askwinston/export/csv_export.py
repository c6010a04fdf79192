"""Cards as CSV (RFC 4180 quoting, UTF-8 with a header row)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from askwinston.export.deck import Deck

COLUMNS = ("id", "kind", "question", "answer", "options", "source", "line", "sentence")
OPTION_SEPARATOR = " | "


def text(deck: Deck) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for c in deck.cards:
        writer.writerow([c.id, c.kind, c.question, c.answer, OPTION_SEPARATOR.join(c.options),
                         c.source, c.line, c.sentence])
    return buffer.getvalue()


def write(deck: Deck, path: Path) -> None:
    path.write_text(text(deck), encoding="utf-8", newline="")
