"""Anki .apkg via genanki: a basic and a cloze model with fixed ids, GUIDs from card ids."""

from __future__ import annotations

import html
import warnings
from pathlib import Path

import genanki

from askwinston.export.deck import Deck, cloze_parts
from askwinston.model import stable_id
from askwinston.study.cards import Card
from askwinston.study.session import shown_options

BASIC_MODEL_ID = 1_734_050_601
CLOZE_MODEL_ID = 1_734_050_602
"""Fixed forever: Anki recognises re-imported notes by model id and GUID."""

CSS = (
    ".card { font-family: sans-serif; font-size: 20px; }"
    " .source { color: #777; font-size: 14px; }"
)

BASIC = genanki.Model(
    BASIC_MODEL_ID,
    "askwinston basic",
    fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Source"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}<div class="source">{{Source}}</div>',
        }
    ],
    css=CSS,
)
CLOZE = genanki.Model(
    CLOZE_MODEL_ID,
    "askwinston cloze",
    fields=[{"name": "Text"}, {"name": "Source"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": '{{cloze:Text}}<div class="source">{{Source}}</div>',
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)


def deck_id(title: str) -> int:
    return int(stable_id("anki-deck", title, length=8), 16) & 0x7FFFFFFF


def _list(items: tuple[str, ...], tag: str = "ol") -> str:
    return f"<{tag}>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + f"</{tag}>"


def question_html(card: Card) -> str:
    text = html.escape(card.question)
    if card.kind in ("mcq", "order"):
        return text + _list(shown_options(card))
    if card.kind == "whoswho":
        names = tuple(p.split(" — ", 1)[0] for p in card.options)
        return text + _list(names) + _list(shown_options(card), "ul")
    return text


def answer_html(card: Card) -> str:
    if card.kind in ("order", "whoswho"):
        return _list(card.options)
    return html.escape(card.answer)


def note(card: Card) -> genanki.Note:
    source = html.escape(f"{card.source}:{card.line}")
    guid = genanki.guid_for(card.id)
    if card.kind == "cloze":
        before, after = cloze_parts(card)
        gap = html.escape(card.answer).replace("}}", "} }").replace("::", ": :")
        text = f"{html.escape(before)}{{{{c1::{gap}}}}}{html.escape(after)}"
        return genanki.Note(model=CLOZE, fields=[text, source], guid=guid, tags=[card.kind])
    return genanki.Note(
        model=BASIC, fields=[question_html(card), answer_html(card), source], guid=guid,
        tags=[card.kind],
    )


def write(deck: Deck, path: Path) -> None:
    package = genanki.Deck(deck_id(deck.title), deck.title)
    for card in deck.cards:
        package.add_note(note(card))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # genanki's own datetime use
        genanki.Package(package).write_to_file(str(path))
