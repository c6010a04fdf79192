"""The consistency check: each kind of finding, with its lines."""

from __future__ import annotations

from askwinston.analysis.check import Finding, check, content_words, overlap
from askwinston.analysis.pipeline import analyse_text
from askwinston.model import Knowledge


def findings(text: str, kind: str) -> list[Finding]:
    return [f for f in check(analyse_text(text)) if f.kind == kind]


def test_content_words_and_overlap() -> None:
    assert content_words("the soldiers were deported to the east") == {"soldiers", "deported",
                                                                       "east"}
    assert overlap("soldiers deported to the east", "soldiers deported east") == 1.0
    assert overlap("shot", "shot") == 0.0  # too vague to compare


def test_spelling_variants() -> None:
    [f] = findings("Notes\nPetrovsky was sacked.\nLater Petrowsky was shot.\n", "spelling")
    assert "Petrowsky" in f.message
    assert sorted({s.line for s in f.spans}) == [2, 3]


def test_conflicting_numbers() -> None:
    [f] = findings("Notes\nAt least 12,000 soldiers were deported to the east.\n"
                   "Over 9,000 soldiers were deported to the east.\n", "conflicting-number")
    assert sorted(s.line for s in f.spans) == [2, 3]


def test_same_number_is_no_conflict() -> None:
    assert findings("Notes\n12,000 soldiers were deported to the east.\n"
                    "Then 12,000 soldiers were deported to the east.\n",
                    "conflicting-number") == []


def test_conflicting_dates() -> None:
    [f] = findings("Notes\nIn 1921 Ranek was arrested in Varsk.\n"
                   "In 1922 Ranek was arrested in Varsk.\n", "conflicting-date")
    assert sorted(s.line for s in f.spans) == [2, 3]


def test_less_precise_date_is_no_conflict() -> None:
    assert findings("Notes\nIn 1921 Ranek was arrested in Varsk.\n"
                    "In March 1921 Ranek was arrested in Varsk.\n", "conflicting-date") == []


def test_undated_event_in_a_dated_sequence() -> None:
    text = ("Notes\nIn 1921 Ranek was arrested.\nThe Trial\nThe judges were bribed.\n"
            "In 1922 Ranek was shot.\n")
    [f] = findings(text, "undated")
    assert [s.line for s in f.spans] == [4]


def test_seed_check(seed_knowledge: Knowledge) -> None:
    found = check(seed_knowledge)
    [spelling] = [f for f in found if f.kind == "spelling"]
    assert "Yezkhov" in spelling.message and "Yehzkov" in spelling.message
    assert {25, 27} <= {s.line for s in spelling.spans}
    assert all(f.spans for f in found)


def test_a_line_with_a_dated_clause_is_dated() -> None:
    text = "Notes\nThe Trial\nThe judges were bribed - in 1922 Ranek was shot.\n"
    assert findings(text, "undated") == []


def test_spelling_finding_says_where_each_spelling_is() -> None:
    [f] = findings("Notes\nPetrovsky was sacked.\nLater Petrowsky was shot.\n", "spelling")
    assert "“Petrowsky” (notes.txt line 3)" in f.message
    assert "elsewhere Petrovsky (notes.txt line 2)" in f.message


def test_a_line_with_a_year_in_its_label_is_not_undated() -> None:
    text = "Notes\nThe Trial\nApril 1483: the judges were bribed.\nIn 1922 Ranek was shot.\n"
    assert findings(text, "undated") == []
