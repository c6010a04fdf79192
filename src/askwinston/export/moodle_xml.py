"""Moodle XML: multichoice, shortanswer, numerical and matching questions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from askwinston.export.deck import Deck, cloze_parts
from askwinston.export.gift import alternatives
from askwinston.study.cards import Card
from askwinston.study.templates import CLOZE_GAP

PLAIN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


def _text(parent: ET.Element, tag: str, value: str, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, tag, attrs)
    ET.SubElement(node, "text").text = value
    return node


def _question(quiz: ET.Element, kind: str, card: Card, text: str) -> ET.Element:
    q = ET.SubElement(quiz, "question", {"type": kind})
    _text(q, "name", f"{card.kind} {card.id}")
    _text(q, "questiontext", text, format="html")
    _text(q, "generalfeedback", f"{card.source}:{card.line}", format="html")
    ET.SubElement(q, "defaultgrade").text = "1"
    return q


def _answer(q: ET.Element, value: str, fraction: int) -> None:
    node = _text(q, "answer", value, fraction=str(fraction), format="moodle_auto_format")
    _text(node, "feedback", "")


def add(quiz: ET.Element, card: Card) -> None:
    if card.kind == "mcq":
        q = _question(quiz, "multichoice", card, card.question)
        for option in card.options:
            _answer(q, option, 100 if option == card.answer else 0)
        ET.SubElement(q, "single").text = "true"
        ET.SubElement(q, "shuffleanswers").text = "1"
        ET.SubElement(q, "answernumbering").text = "abc"
    elif card.kind in ("order", "whoswho"):
        q = _question(quiz, "matching", card, card.question)
        pairs = (
            [(item, str(i)) for i, item in enumerate(card.options, 1)]
            if card.kind == "order"
            else [tuple(p.split(" — ", 1)) for p in card.options]
        )
        for left, right in pairs:
            sub = _text(q, "subquestion", left, format="html")
            _text(sub, "answer", right)
        ET.SubElement(q, "shuffleanswers").text = "1"
    elif PLAIN_NUMBER.fullmatch(card.answer):
        q = _question(quiz, "numerical", card, card.question)
        node = _text(q, "answer", card.answer.replace(",", ""), fraction="100")
        ET.SubElement(node, "tolerance").text = "0"
    else:
        text = card.question
        if card.kind == "cloze":
            before, after = cloze_parts(card)
            text = before + CLOZE_GAP + after
        q = _question(quiz, "shortanswer", card, text)
        ET.SubElement(q, "usecase").text = "0"
        for alt in alternatives(card.answer):
            _answer(q, alt, 100)


def tree(deck: Deck) -> ET.ElementTree[ET.Element]:
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(category, "category", f"$course$/askwinston/{deck.title}")
    for card in deck.cards:
        add(quiz, card)
    ET.indent(quiz)
    return ET.ElementTree(quiz)


def write(deck: Deck, path: Path) -> None:
    tree(deck).write(path, encoding="UTF-8", xml_declaration=True)
