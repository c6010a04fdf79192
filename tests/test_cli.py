"""The `winston` command line: the contract other tools and the README rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run

from askwinston.cli import main

NOTES = """\
The Great Fire of London
The fire started in a bakery on Pudding Lane on 2 September 1666.
Samuel Pepys buried his parmesan cheese in the garden.
It burned for four days and destroyed 13,200 houses.
Christopher Wren designed the new St Paul's Cathedral, finished in 1711.
"""


@pytest.fixture()
def db(tmp_path: Path) -> str:
    notes = tmp_path / "fire.txt"
    notes.write_text(NOTES, encoding="utf-8")
    path = str(tmp_path / "k.db")
    code, _, err = run("build", str(notes), "--db", path)
    assert code == 0, err
    return path


def test_build_json_reports_counts_and_skipped_files(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "fire.md").write_text(NOTES, encoding="utf-8")
    (tmp_path / "notes" / "empty.md").write_text("")
    code, out, err = run("build", str(tmp_path / "notes"), "--db", str(tmp_path / "k.db"),
                         "--json")
    assert code == 0
    stats = json.loads(out)
    assert stats["documents"] == 1 and stats["sentences"] == 4
    assert "empty.md" in err and "empty" in err


def test_build_with_nothing_readable_fails_with_one_clear_line(tmp_path: Path) -> None:
    code, _out, err = run("build", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "k.db"))
    assert code == 1
    assert "missing.txt" in err and "nothing to build" in err
    assert "Traceback" not in err


def test_commands_without_a_knowledge_base_say_how_to_make_one(tmp_path: Path) -> None:
    code, _, err = run("timeline", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "winston build" in err


def test_timeline_json_is_chronological_with_lines(db: str) -> None:
    _code, out, _ = run("timeline", "--db", db, "--json")
    rows = json.loads(out)
    assert [r["value"] for r in rows] == ["1666-09-02", "1711"]
    assert rows[0]["line"] == 2 and rows[0]["source"] == "fire.txt"
    assert set(rows[0]) >= {"value", "text", "type", "mod", "source", "line", "event", "sentence"}


def test_dates_json_offsets_point_into_the_file(tmp_path: Path) -> None:
    notes = tmp_path / "fire.txt"
    notes.write_text(NOTES, encoding="utf-8")
    code, out, _ = run("dates", str(notes), "--json")
    assert code == 0
    found = json.loads(out)
    assert {d["value"] for d in found} >= {"1666-09-02", "1711"}
    for d in found:
        assert NOTES[d["start"] : d["end"]] == d["text"]
        assert d["text"] in NOTES.splitlines()[d["line"] - 1]


def test_ask_answers_with_a_citation_and_abstains_otherwise(db: str) -> None:
    code, out, _ = run("ask", "--db", db, "--json", "Where did the fire start?",
                       "Who was the mayor of Paris?")
    assert code == 0
    first, second = (json.loads(line) for line in out.strip().splitlines())
    assert first["citations"][0]["line"] == 2
    assert "Pudding Lane" in first["answer"]
    assert second["answer"] is None and second["citations"] == []


def test_ask_reads_questions_from_a_file_and_reports_bad_ones(db: str, tmp_path: Path) -> None:
    qfile = tmp_path / "q.txt"
    qfile.write_text("Who designed St Paul's Cathedral?\n" + "x" * 10_000 + "\n")
    code, out, _ = run("ask", "--db", db, "--json", "--questions", str(qfile))
    assert code == 0
    good, bad = (json.loads(line) for line in out.strip().splitlines())
    assert good["citations"][0]["line"] == 5
    assert bad["answer"] is None and "limit" in bad["error"]


def test_people_and_entities_json_shape(db: str) -> None:
    code, out, _ = run("people", "--db", db, "--json")
    people = json.loads(out)
    assert code == 0 and people
    for p in people:
        assert set(p) >= {"name", "kind", "aliases", "source", "lines", "roles", "description"}
        assert p["kind"] == "person"
    code, out, _ = run("entities", "--db", db, "--json", "--kind", "place")
    assert all(e["kind"] == "place" for e in json.loads(out))


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, f"winston {name} has no help text"
        assert f"winston {name}" in readme, f"winston {name} is not documented in README.md"
