"""Every export read back by a parser that did not write it."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import genanki
import pytest
from lxml import etree

from askwinston.errors import UnknownFormat
from askwinston.export import (
    anki,
    csv_export,
    gift,
    markdown,
    moodle_xml,
    quizlet,
    timelinejs,
    writer,
)
from askwinston.export.deck import Deck, load_deck
from askwinston.store.build import build
from askwinston.study.cards import Card

NOTES = """\
The Norman Conquest
Edward the Confessor died in January 1066 - Harold Godwinson was crowned the next day.
Harald Hardrada was the king of Norway.
In September 1066 Harald Hardrada invaded the north with over 10,000 men.
Harald Hardrada was killed by Harold Godwinson at Stamford Bridge.
On 14 October 1066 William of Normandy defeated Harold at Hastings.
Edgar the earl of Mercia submitted; Gospatric the earl of Northumbria fled.
Odo the bishop of Bayeux stayed.
In 1086 William ordered the Domesday survey of about 13,000 places.
"""

TRICKY = Card("t1", "qa", "Which {brace} = sign ~ tilde # hash: colon\tand tab?",
              "a\tb\nc <b>&", (), "tricky.txt", 1, "s", "f")


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    folder = tmp_path_factory.mktemp("export")
    (folder / "conquest.txt").write_text(NOTES, encoding="utf-8")
    build([folder / "conquest.txt"], folder / "k.db")
    loaded = load_deck(folder / "k.db")
    loaded.cards.append(TRICKY)
    return loaded


def test_deck_has_every_kind(deck: Deck) -> None:
    assert {"qa", "mcq", "cloze", "order"} <= {c.kind for c in deck.cards}


def test_anki_package_opens_as_zip_with_an_anki_collection(deck: Deck, tmp_path: Path) -> None:
    path = tmp_path / "deck.apkg"
    anki.write(deck, path)
    with zipfile.ZipFile(path) as z:
        assert "collection.anki2" in z.namelist()
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "c.anki2")
    notes = conn.execute("SELECT guid, mid, flds FROM notes").fetchall()
    models = json.loads(conn.execute("SELECT models FROM col").fetchone()[0])
    conn.close()
    assert len(notes) == len(deck.cards)
    assert {str(anki.BASIC_MODEL_ID), str(anki.CLOZE_MODEL_ID)} <= set(models)
    assert {g for g, _, _ in notes} == {genanki.guid_for(c.id) for c in deck.cards}
    cloze = [f for _, mid, f in notes if mid == anki.CLOZE_MODEL_ID]
    assert cloze and all(re.search(r"\{\{c1::[^}]+\}\}", f) for f in cloze)
    tricky = next(f for g, _, f in notes if g == genanki.guid_for("t1")).split("\x1f")
    assert "&lt;b&gt;&amp;" in tricky[1] and "<b>" not in tricky[1]


def test_quizlet_lines_split_back_into_the_same_pairs(deck: Deck) -> None:
    text = quizlet.text(deck)
    rows = text.split("\n")[:-1]
    assert len(rows) == len(deck.cards)
    pairs = [row.split("\t") for row in rows]
    assert all(len(p) == 2 for p in pairs)
    assert pairs[-1] == ["Which {brace} = sign ~ tilde # hash: colon and tab?", "a b c <b>&"]
    qa = next(i for i, c in enumerate(deck.cards) if c.kind == "qa")
    assert pairs[qa] == [deck.cards[qa].question, deck.cards[qa].answer]


GIFT_QUESTION = re.compile(r"::(?P<name>(?:\\.|[^:\\])*)::(?P<text>(?:\\.|[^{\\])*)"
                           r"\{(?P<answers>(?:\\.|[^}\\])*)\}(?P<after>(?:\\.|[^\n\\])*)")
GIFT_ANSWER = re.compile(r"([=~])((?:\\.|[^=~\\])*)")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).strip()


def parse_gift(text: str) -> list[dict[str, object]]:
    """A small independent GIFT reader: name, text, right and wrong answers."""
    out = []
    for block in re.split(r"\n\s*\n", text):
        body = "\n".join(x for x in block.splitlines() if not x.startswith(("//", "$CATEGORY")))
        if not body.strip():
            continue
        m = GIFT_QUESTION.fullmatch(body.strip())
        assert m, body
        answers = [(k, unescape(v)) for k, v in GIFT_ANSWER.findall(m.group("answers"))]
        out.append({"name": unescape(m.group("name")), "text": unescape(m.group("text")),
                    "right": [v for k, v in answers if k == "="],
                    "wrong": [v for k, v in answers if k == "~"]})
    return out


def test_gift_parses_back(deck: Deck) -> None:
    questions = parse_gift(gift.text(deck))
    assert len(questions) == len(deck.cards)
    for card, q in zip(deck.cards, questions, strict=True):
        assert q["name"] == f"{card.kind} {card.id}"
        if card.kind == "mcq":
            assert q["right"] == [card.answer] and len(q["wrong"]) == 3  # type: ignore[arg-type]
        elif card.kind in ("qa", "cloze"):
            assert q["right"][0] == " ".join(card.answer.split())  # type: ignore[index]
    assert questions[-1]["text"] == "Which {brace} = sign ~ tilde # hash: colon and tab?"


MOODLE_TYPES = {"category", "multichoice", "shortanswer", "numerical", "matching"}


def test_moodle_xml_parses_with_required_elements(deck: Deck, tmp_path: Path) -> None:
    path = tmp_path / "quiz.xml"
    moodle_xml.write(deck, path)
    root = etree.parse(str(path)).getroot()
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert len(questions) == len(deck.cards) + 1
    assert {q.get("type") for q in questions} <= MOODLE_TYPES
    for q in questions[1:]:
        assert q.findtext("name/text") and q.findtext("questiontext/text")
        kind = q.get("type")
        if kind == "multichoice":
            fractions = sorted(a.get("fraction") for a in q.findall("answer"))
            assert fractions == ["0", "0", "0", "100"] and q.findtext("single") == "true"
        elif kind == "matching":
            subs = q.findall("subquestion")
            assert len(subs) >= 3 and all(s.findtext("answer/text") for s in subs)
        elif kind == "numerical":
            assert float(q.findtext("answer/text") or "x") >= 0
        else:
            assert q.findall("answer") and q.findtext("answer/text")
    tricky = questions[-1]
    assert tricky.findtext("questiontext/text") == TRICKY.question
    assert tricky.findtext("answer/text") == TRICKY.answer


def test_timelinejs_has_documented_fields(deck: Deck) -> None:
    doc = json.loads(json.dumps(timelinejs.document(deck)))
    assert doc["title"]["text"]["headline"]
    assert len(doc["events"]) == len(deck.timeline) > 0
    for event in doc["events"]:
        start = event["start_date"]
        assert isinstance(start["year"], int)
        assert 1 <= start.get("month", 1) <= 12 and 1 <= start.get("day", 1) <= 31
        assert event["text"]["headline"] and event["text"]["text"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("-0044", {"year": -44}), ("-0044-03-15", {"year": -44, "month": 3, "day": 15}),
     ("1936-SU", {"year": 1936, "month": 6}), ("193", {"year": 1930}), ("1066", {"year": 1066})],
)
def test_timelinejs_dates(value: str, expected: dict[str, int]) -> None:
    assert timelinejs.date_object(value) == expected


def test_timelinejs_ranges_get_an_end_date() -> None:
    row = {"value": "1933/1938", "text": "between 1933 and 1938", "display": "1933–1938",
           "event": "e", "sentence": "s", "source": "x", "line": 1}
    slide = timelinejs.event(row)
    assert slide and slide["start_date"]["year"] == 1933 and slide["end_date"] == {"year": 1938}


def test_csv_round_trips(deck: Deck) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_export.text(deck), newline="")))
    assert len(rows) == len(deck.cards)
    assert rows[-1]["answer"] == TRICKY.answer and rows[-1]["question"] == TRICKY.question
    assert [r["id"] for r in rows] == [c.id for c in deck.cards]


def test_markdown_revision_sheet(deck: Deck) -> None:
    text = markdown.text(deck)
    assert text.startswith("# ") and "## Timeline" in text and "## Test yourself" in text
    for card in deck.cards:
        if card.kind == "qa" and card is not TRICKY:
            assert card.question in text


def test_unknown_format_is_a_named_error() -> None:
    with pytest.raises(UnknownFormat, match="pdf"):
        writer("pdf")
