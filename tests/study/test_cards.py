"""Cards: every answer on its cited line, every gold fact covered, ids stable across rebuilds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from askwinston.store import kb
from askwinston.store.build import build
from askwinston.study.answers import normalise
from askwinston.study.cards import Card
from askwinston.study.context import topic
from askwinston.study.distractors import same_thing
from askwinston.study.questions import dangling
from askwinston.study.templates import CLOZE_GAP, PEOPLE_NOUN

from .conftest import cards_of

TEMPLATE_WORDS = {PEOPLE_NOUN, "were", "the"}


def lines_of(db: Path) -> dict[tuple[str, int], str]:
    with kb.opened(db) as conn:
        return {(r["source"], r["number"]): r["text"]
                for r in conn.execute("SELECT source, number, text FROM lines")}


def on_line(text: str, line: str) -> bool:
    return normalise(text) in normalise(line)


def words_on(text: str, lines: list[str]) -> bool:
    """Every word of an item (but the template's own) is on one of the lines."""
    pool = " ".join(normalise(x) for x in lines).split()
    return all(w in pool for w in normalise(text).split() if w not in TEMPLATE_WORDS)


def check_cards(cards: list[Card], lines: dict[tuple[str, int], str]) -> None:
    topic_lines: dict[str, list[str]] = {}  # order and who's who span the pages of a topic
    for (source, _), text in lines.items():
        topic_lines.setdefault(topic(source), []).append(text)
    for card in cards:
        line = lines[(card.source, card.line)]
        assert card.sentence and normalise(card.sentence) in normalise(line), card
        if card.kind in ("qa", "cloze", "mcq"):
            assert on_line(card.answer, line), card
        if card.kind == "order":
            pages = topic_lines[topic(card.source)]
            assert all(words_on(item, pages) for item in card.options), card
        if card.kind == "whoswho":
            for pair in card.options:
                name, role = pair.split(" — ", 1)
                assert any(on_line(name, x) and on_line(role, x)
                           for x in topic_lines[topic(card.source)]), pair


def check_shapes(cards: list[Card]) -> None:
    for card in cards:
        if card.kind in ("qa", "mcq"):
            assert card.question.endswith("?") and not dangling(card.question), card
        if card.kind == "cloze":
            assert card.question.count(CLOZE_GAP) == 1, card
        if card.kind == "mcq":
            assert len(set(card.options)) == 4 and card.answer in card.options
            assert not any(same_thing(card.answer, o) for o in card.options if o != card.answer)
        if card.kind == "order":
            assert 3 <= len(card.options) <= 5
        if card.kind == "whoswho":
            assert 3 <= len(card.options) <= 5 and all(" — " in p for p in card.options)


def test_small_notes_give_every_kind_with_answers_on_their_lines(notes_db: Path) -> None:
    cards = cards_of(notes_db)
    kinds = {c.kind for c in cards}
    assert {"qa", "cloze", "mcq", "order"} <= kinds
    check_cards(cards, lines_of(notes_db))
    check_shapes(cards)
    qa = {c.question: c.answer for c in cards if c.kind == "qa"}
    assert qa["When did Edward the Confessor die?"] == "January 1066"
    assert qa["Who killed Harald Hardrada?"] == "Harold Godwinson"
    assert qa["Who was Harald Hardrada?"] == "the king of Norway"


def test_seed_cards_answers_are_on_their_lines(seed_db: Path, seed_cards: list[Card]) -> None:
    check_cards(seed_cards, lines_of(seed_db))
    check_shapes(seed_cards)


def test_example_cards_answers_are_on_their_lines(examples_db: Path,
                                                  examples_cards: list[Card]) -> None:
    assert len(examples_cards) > 50
    assert {"order", "whoswho"} <= {c.kind for c in examples_cards}  # across a topic's pages
    check_cards(examples_cards, lines_of(examples_db))
    check_shapes(examples_cards)


@pytest.fixture(scope="session")
def gold(shared: Path) -> dict[str, list[dict[str, object]]]:
    data: dict[str, list[dict[str, object]]] = json.loads(
        (shared / "eval" / "seed-gold.json").read_text(encoding="utf-8"))
    return data


def at_line(cards: list[Card], line: object) -> list[Card]:
    return [c for c in cards if c.line == line]


def test_every_gold_dated_event_has_a_card(seed_cards: list[Card], gold: dict) -> None:
    for event in gold["timeline"]:
        want = normalise(str(event["text"]))
        assert any(want in normalise(c.answer) or normalise(c.answer) in want
                   for c in at_line(seed_cards, event["line"])), event


def test_every_gold_quantity_has_a_card(seed_cards: list[Card], gold: dict) -> None:
    for q in gold["quantities"]:
        want = normalise(str(q["text"]))
        assert any(want == normalise(c.answer) for c in at_line(seed_cards, q["line"])), q


def test_every_gold_quote_has_a_card(seed_cards: list[Card], gold: dict) -> None:
    for q in gold["quotes"]:
        start = normalise(str(q["starts"]))[:20]
        cards = [c for c in at_line(seed_cards, q["line"]) if start in normalise(c.question)]
        assert cards, q
        speakers = {c.answer for c in cards if c.question.startswith("Who said")}
        assert speakers <= {q["speaker"]}, (q, speakers)


def test_every_person_with_a_role_has_a_card(seed_db: Path, seed_cards: list[Card]) -> None:
    with kb.opened(seed_db) as conn:
        people = [p for p in kb.entities(conn, "person") if p["roles"]]
    for person in people:
        assert any(person["name"] in c.question + c.answer + " ".join(c.options)
                   for c in seed_cards), person["name"]
    matched = " ".join(" ".join(c.options) for c in seed_cards if c.kind == "whoswho")
    assert all(name in matched for name in ("Yagoda", "Rytov", "Lominadze"))


def test_card_ids_survive_a_rebuild(tmp_path: Path, notes_db: Path) -> None:
    first = [c.id for c in cards_of(notes_db)]
    build([notes_db.parent / "conquest.txt"], notes_db)
    assert [c.id for c in cards_of(notes_db)] == first
    assert len(set(first)) == len(first)


def test_no_card_quotes_outside_knowledge(seed_cards: list[Card]) -> None:
    """Distractors may be invented (nearby dates, scaled numbers); answers never are."""
    for card in seed_cards:
        assert not re.search(r"\{\{|\}\}", card.question + card.answer)
