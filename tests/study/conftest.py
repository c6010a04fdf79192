"""Knowledge bases for the study tests: small notes written here, the seed, the examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from askwinston.store import kb
from askwinston.store.build import build
from askwinston.study.cards import Card, generate_cards

REPO = Path(__file__).resolve().parents[2]

NOTES = """\
The Norman Conquest
Edward the Confessor died in January 1066 - Harold Godwinson was crowned the next day.
Harald Hardrada was the king of Norway.
In September 1066 Harald Hardrada invaded the north with over 10,000 men.
Harald Hardrada was killed by Harold Godwinson at Stamford Bridge.
On 14 October 1066 William of Normandy defeated Harold at Hastings.
William was crowned on 25 December 1066 in Westminster Abbey.
Odo the bishop of Bayeux said ‘the Normans fought like lions against the shield wall’.
In 1086 William ordered the Domesday survey of about 13,000 places.
"""


def build_notes(folder: Path, text: str = NOTES, name: str = "conquest.txt") -> Path:
    notes = folder / name
    notes.write_text(text, encoding="utf-8")
    db = folder / "k.db"
    build([notes], db)
    return db


def cards_of(db: Path) -> list[Card]:
    with kb.opened(db) as conn:
        return generate_cards(conn)


@pytest.fixture()
def notes_db(tmp_path: Path) -> Path:
    return build_notes(tmp_path)


@pytest.fixture(scope="session")
def seed_db(seed_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    build([seed_file], db)
    return db


@pytest.fixture(scope="session")
def seed_cards(seed_db: Path) -> list[Card]:
    return cards_of(seed_db)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    build([REPO / "examples"], db)
    return db


@pytest.fixture(scope="session")
def examples_cards(examples_db: Path) -> list[Card]:
    return cards_of(examples_db)
