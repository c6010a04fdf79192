"""`winston cards`, `quiz` and `export`: the study commands' contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from askwinston.cli import interval_text
from askwinston.export import FORMATS

NOTES = """\
The Great Fire of London
The fire started in a bakery on Pudding Lane on 2 September 1666.
Samuel Pepys buried his parmesan cheese in the garden in September 1666.
The fire destroyed 13,200 houses in 1666.
Christopher Wren designed the new St Paul's Cathedral in 1675.
Charles II was the king of England.
"""


@pytest.fixture()
def db(tmp_path: Path) -> str:
    notes = tmp_path / "fire.txt"
    notes.write_text(NOTES, encoding="utf-8")
    path = str(tmp_path / "k.db")
    code, _, err = run("build", str(notes), "--db", path)
    assert code == 0, err
    return path


def test_cards_json_shape(db: str) -> None:
    code, out, _ = run("cards", "--db", db, "--json")
    cards = json.loads(out)
    assert code == 0 and cards
    assert all(set(c) == {"id", "kind", "question", "answer", "options", "source", "line"}
               for c in cards)
    assert any(c["question"] == "When did the fire start in a bakery on Pudding Lane?"
               for c in cards)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_writes_every_format(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    code, _, err = run("export", fmt, "-o", str(out), "--db", db)
    assert code == 0, err
    assert out.stat().st_size > 0 and "cards" in err


def test_export_refuses_an_unknown_format(db: str, tmp_path: Path) -> None:
    code, _, err = run("export", "pdf", "-o", str(tmp_path / "x"), "--db", db)
    assert code == 2 and "pdf" in err


def test_quiz_reviews_then_stops_at_end_of_input(db: str) -> None:
    code, out, _ = run("quiz", "--db", db, "--limit", "3", input="1666\n3\n\n1\n")
    assert code == 0
    assert "reviewed this session" in out and "next due" in out
    code, out, _ = run("cards", "--db", db, "--json")
    assert code == 0


def test_cards_gate_reports_the_round_trip(db: str) -> None:
    code, out, err = run("cards", "--db", db, "--json", "--gate")
    assert code == 0 and "gate:" in err
    kept = json.loads(out)
    _, everything, _ = run("cards", "--db", db, "--json")
    assert {c["id"] for c in kept} <= {c["id"] for c in json.loads(everything)}


def test_interval_text_reads_like_a_person() -> None:
    assert interval_text(0.007) == "10 minutes"
    assert interval_text(0.0006) == "1 minute"
    assert interval_text(0.5) == "12 hours"
    assert interval_text(3.2) == "3 days"
