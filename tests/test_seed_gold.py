"""The seed notes against their gold file: the timeline and the who's who (skips without them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from askwinston.cli import main


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory, seed_file: Path) -> str:
    db = str(tmp_path_factory.mktemp("seed") / "seed.db")
    result = CliRunner().invoke(main, ["build", str(seed_file), "--db", db])
    assert result.exit_code == 0, result.stderr
    return db


@pytest.fixture(scope="module")
def gold(shared: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((shared / "eval" / "seed-gold.json").read_text(encoding="utf-8"))


def cli_json(*args: str) -> list[dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_timeline_lists_every_gold_dated_event_on_its_line(seed_db: str, gold: dict) -> None:  # type: ignore[type-arg]
    rows = cli_json("timeline", "--db", seed_db, "--json")
    found = {(r["line"], r["value"], r["mod"]) for r in rows}
    for item in gold["timeline"]:
        assert (item["line"], item["value"], item.get("mod")) in found, item


def test_timeline_is_in_chronological_order(seed_db: str, gold: dict) -> None:  # type: ignore[type-arg]
    rows = cli_json("timeline", "--db", seed_db, "--json")
    gold_values = {g["value"] for g in gold["timeline"]}
    listed = [r["value"] for r in rows if r["value"] in gold_values]
    starts = [(v[:4], v[5:7].replace("SU", "06")) for v in listed]  # a range sorts by its start
    assert starts == sorted(starts)
    assert listed.index("1934-02") < listed.index("1934-12-01") < listed.index("1935-01")


def test_people_lists_the_twelve_gold_people(seed_db: str, gold: dict) -> None:  # type: ignore[type-arg]
    people = cli_json("people", "--db", seed_db, "--json")
    names = {p["name"] for p in people}
    for person in gold["people"]:
        spellings = {person["name"], *person["aliases"]}
        assert names & spellings, f"{person['name']} missing from {sorted(names)}"
    for not_person in gold["not_people"]:
        assert not_person not in names


def test_check_flags_the_three_spellings_of_one_name(seed_db: str, gold: dict) -> None:  # type: ignore[type-arg]
    findings = cli_json("check", "--db", seed_db, "--json")
    spelling = [f for f in findings if f["kind"] == "spelling"]
    for variants in gold["name_variants"]:
        assert any(all(v in f["message"] for v in variants) for f in spelling), spelling
        assert all(f["lines"] for f in spelling)
