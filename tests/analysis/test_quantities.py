"""Quantities: hedge, value, "out of", percent, and what they count; dates and ages are not."""

from __future__ import annotations

from typing import Any

import pytest

from askwinston.analysis import quantity_rules as rules
from askwinston.analysis.pipeline import analyse_text
from askwinston.model import Knowledge, Quantity


def quantities(text: str) -> list[Quantity]:
    return analyse_text("Notes\n" + text + "\n").quantities


@pytest.mark.parametrize(("text", "value", "hedge", "of", "unit"), [
    ("At least 2 million peasants starved.", 2_000_000, "at least", None, None),
    ("Over 12,000 soldiers were deported to the east.", 12_000, "over", None, None),
    ("Only 3 out of 10 officers survived.", 3, None, 10, None),
    ("About 40% of the officers were dismissed.", 0.4, "about", None, "percent"),
    ("Nearly 1.5 million refugees fled.", 1_500_000, "nearly", None, None),
])
def test_value_and_hedge(text: str, value: float, hedge: str | None, of: float | None,
                         unit: str | None) -> None:
    [q] = quantities(text)
    assert (q.value, q.hedge, q.of, q.unit) == (pytest.approx(value), hedge, of, unit)


@pytest.mark.parametrize(("text", "words"), [
    ("Over 12,000 soldiers were deported to the east.", ["soldiers", "deported", "east"]),
    ("Only 3 out of 10 officers survived.", ["officers", "survived"]),
    ("The general had Ranek and 9 of his men arrested.", ["of his men", "arrested"]),
    ("This led to at least 2 million being sent to camps.", ["sent to camps"]),
    ("In May 1920 - 4,000 had their land taken away.", ["had their land taken away"]),
])
def test_counts_is_a_short_phrase(text: str, words: list[str]) -> None:
    [q] = quantities(text)
    assert q.counts is not None
    for w in words:
        assert w in q.counts
    assert "being" not in q.counts.split()
    assert len(q.counts.split()) <= rules.MAX_COUNT_WORDS


@pytest.mark.parametrize("text", [
    "The 17th congress met in 1934.",  # an ordinal and a year
    "Death applied to anyone over the age of 12.",  # an age
    "In January 1935 the trial began.",  # a date
])
def test_not_counts(text: str) -> None:
    assert quantities(text) == []


def test_span_points_at_the_number() -> None:
    k: Knowledge = analyse_text("Notes\nBy then over 30,000 were exiled.\n")
    [q] = k.quantities
    source = k.notes[0].source.text
    assert source[q.span.start:q.span.end] == "over 30,000"
    assert q.span.line == 2


# ---------------------------------------------------------------- seed gold


KEY_WORDS = {
    7: ["group", "arrested"],
    12: ["executed", "labour camps"],
    17: ["deported", "Leningrad", "Siberia"],
    18: ["membership cards", "taken away"],
    24: ["political opponents", "shot"],
    26: ["generals", "killed"],
    30: ["party members", "expelled"],
}
"""Words each gold `counts` phrase turns on (our phrasing may differ slightly from the gold's)."""


def test_seed_gold_quantities(seed_knowledge: Knowledge, gold: dict[str, Any]) -> None:
    found = {q.span.line: q for q in seed_knowledge.quantities}
    assert len(seed_knowledge.quantities) == len(gold["quantities"])
    for g in gold["quantities"]:
        q = found[g["line"]]
        assert q.text.lower() == g["text"].lower()
        if "value" in g:
            assert q.value == pytest.approx(g["value"])
        assert q.of == g.get("of")
        assert q.counts is not None
        for word in KEY_WORDS[g["line"]]:
            assert word in q.counts, (g["line"], q.counts)


@pytest.mark.parametrize(("text", "value", "of", "words"), [
    ("Then 18 of the 21 were shot.", 18, 21, ["shot"]),
    ("Only 3 of the 5 marshals survived the purge.", 3, 5, ["marshals", "survived"]),
])
def test_x_of_the_y_is_a_ratio(text: str, value: float, of: float, words: list[str]) -> None:
    [q] = quantities(text)
    assert (q.value, q.of) == (value, of)
    assert q.counts is not None and all(w in q.counts for w in words)
    assert "21" not in q.counts.split()


def test_spelled_out_numbers_count_a_plural_noun() -> None:
    [q] = quantities("He and seven other commanders were tried and shot.")
    assert (q.text, q.value) == ("seven", 7)
    assert q.counts is not None and "commanders" in q.counts
    assert quantities("After that the two confessed.") == []
    assert quantities("Stalin killed more generals than world war two.") == []


@pytest.mark.parametrize("text", [
    "From April 1935 children of 12 and over could be punished like adults.",
    "Edward IV died and his 12-year-old son became king.",
    "His son Edward, aged only 18, carried on the fight.",
    "The worst years of the Terror, 1937–38, are named after him.",
])
def test_ages_and_year_ranges_are_not_counts(text: str) -> None:
    assert quantities(text) == []


def test_counts_leave_out_clauses_before_the_verb() -> None:
    [q] = quantities("The hunt grew into a terror: at least 3 million people were shot.")
    assert q.counts == "people shot"


@pytest.mark.parametrize("text", [
    "Caesar raided Britain twice, in 55 and 54 BC.",
    "In AD 43 Claudius invaded.",
    "Boudica revolted c. AD 60–61.",
])
def test_years_with_an_era_are_not_counts(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize("text", [
    "Austria-Hungary declared war on Serbia on 28 July.",
    "Britain declared war on 4 Aug.",
    "War was declared on July 28.",
])
def test_days_of_a_month_are_not_counts(text: str) -> None:
    assert quantities(text) == []


def test_may_as_a_verb_is_not_a_month() -> None:
    [q] = quantities("Up to 5,000 may have died in the camps.")
    assert q.value == 5000
