"""Regression gate for the temporal tagger on shared data (skipped when ../shared is absent).

- Seed notes: every gold timeline value is found on its line with its mod, and no listed
  not-date is tagged.
- A pinned WikiWars slice: value F1 (TE3 way) must not fall below a floor set a little under
  what the tagger reached when the floor was pinned (value F1 0.827, relaxed F1 0.922
  on these three documents).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from askwinston.analysis.timex import TimeContext, TimexMatch, tag

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # the benchmark package lives at the repository root
    sys.path.insert(0, str(REPO))

WIKIWARS_SLICE = ["09_GrecoPersian", "16_SpanishCivilWar", "20_PolishSoviet"]
WIKIWARS_VALUE_F1_FLOOR = 0.80
WIKIWARS_RELAXED_F1_FLOOR = 0.90


@pytest.fixture(scope="module")
def seed_lines(seed_file: Path) -> dict[int, tuple[str, list[TimexMatch]]]:
    """Each seed line with the timexes found on it, one narrative context for the document."""
    ctx = TimeContext()
    lines = seed_file.read_text(encoding="utf-8").split("\n")
    return {i: (line, tag(line, context=ctx)) for i, line in enumerate(lines, 1)}


@pytest.fixture(scope="module")
def seed_gold(shared: Path) -> dict:
    return json.loads((shared / "eval" / "seed-gold.json").read_text(encoding="utf-8"))


def test_seed_timeline_found_on_its_line(seed_lines: dict, seed_gold: dict) -> None:
    missing = []
    for item in seed_gold["timeline"]:
        _, found = seed_lines[item["line"]]
        if not any(m.value == item["value"] and m.mod == item.get("mod") for m in found):
            missing.append((item["line"], item["value"], [(m.text, m.value, m.mod) for m in found]))
    assert not missing


def test_seed_not_dates_are_not_tagged(seed_lines: dict, seed_gold: dict) -> None:
    wrong = []
    for item in seed_gold["not_dates"]:
        line, found = seed_lines[item["line"]]
        start = line.find(item["text"])
        assert start >= 0, item
        end = start + len(item["text"])
        wrong += [(item["text"], m.text) for m in found if m.start < end and start < m.end]
    assert not wrong


def test_wikiwars_slice_does_not_regress(shared: Path) -> None:
    from benchmarks.corpora import load_wikiwars
    from benchmarks.timex import askwinston_tag, score_corpus

    root = shared / "benchmarks" / "wikiwars"
    if not root.is_dir():
        pytest.skip("WikiWars is not in ../shared/benchmarks")
    docs = load_wikiwars(root, WIKIWARS_SLICE)
    assert [d.name for d in docs] == WIKIWARS_SLICE
    scores, _ = score_corpus(docs, [askwinston_tag(d) for d in docs])
    assert scores["value_f1"] >= WIKIWARS_VALUE_F1_FLOOR, scores
    assert scores["relaxed_f1"] >= WIKIWARS_RELAXED_F1_FLOOR, scores
