"""Question rules one by one, on the shared spaCy pipeline."""

from __future__ import annotations

import pytest

from askwinston.analysis.nlp import load_nlp
from askwinston.study.distractors import choose, form, same_thing, scaled_numbers, shifted_dates
from askwinston.study.kinds.order import order_key, too_close
from askwinston.study.questions import dangling, question, remove_span, statement


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Kirov was shot in his office.", "When was Kirov shot in his office?"),
        ("Leonid Nikolaev walked into the party headquarters.",
         "When did Leonid Nikolaev walk into the party headquarters?"),
        ("The government’s popularity had fallen because of the famine.",
         "When had the government’s popularity fallen?"),
        ("17th Party congress met", "When did the 17th Party congress meet?"),
        ("Stalin was the only survivor.", "When was Stalin the only survivor?"),
    ],
)
def test_when_questions_invert_or_add_do(clause: str, expected: str) -> None:
    assert question(load_nlp()(clause), "When") == expected


@pytest.mark.parametrize(
    "clause",
    ["They claimed that there was a plot.", "This led to a purge.", "Only after this it ended."],
)
def test_clauses_that_lean_on_an_earlier_sentence_give_no_question(clause: str) -> None:
    assert question(load_nlp()(clause), "When") is None


def test_remove_span_takes_the_preposition_along() -> None:
    text = "In January 1935 Kamenev was imprisoned."
    assert remove_span(text, 3, 15) == "Kamenev was imprisoned."


def test_statement_of_a_clause() -> None:
    assert statement(load_nlp()("17th Party congress met")) == "The 17th Party congress met"
    assert dangling("he wanted them executed") and not dangling("Kirov was shot in his office")
    assert dangling("Later that month Henry VI died") and dangling("That evening a decree passed")
    assert not dangling("Trotsky was attacked in August 1940 and died the next day")
    assert dangling("Stalin set off from Moscow and reached Leningrad the next day")


def test_distractor_forms_and_variants() -> None:
    assert form("1st December 1934") == form("3rd May 1935")
    assert form("February 1934") != form("1934")
    assert same_thing("Yezhov", "Yezkhov") and same_thing("Nikolaev", "Leonid Nikolaev")
    assert not same_thing("February 1934", "February 1935")
    assert all(form(d) == form("1st December 1934") for d in shifted_dates("1st December 1934"))
    assert "over 60,000" in scaled_numbers("over 30,000")
    assert all(int(x.split()[0]) <= 16 for x in scaled_numbers("15 out of 16"))
    assert scaled_numbers("3 of the 5") and all(
        int(x.split()[0]) <= 5 for x in scaled_numbers("3 of the 5"))


def test_choose_needs_three_distinct_distractors() -> None:
    options = choose("Yezhov", ["Yezkhov", "Stalin", "Kirov", "Yagoda"], [], "seed",
                     same_form=False)
    assert len(options) == 4 and "Yezhov" in options and "Yezkhov" not in options
    assert choose("Yezhov", ["Yezkhov", "Stalin"], [], "seed", same_form=False) == ()


@pytest.mark.parametrize(
    ("value", "key"),
    [("1934-12-01", (1934, 12, 1)), ("1936-SU", (1936, 7, 0)), ("1940", (1940, 0, 0)),
     ("-0044-03-15", (-44, 3, 15)), ("193", None), ("1933/1938", None), ("PXD", None)],
)
def test_order_key(value: str, key: tuple[int, int, int] | None) -> None:
    assert order_key(value) == key


def test_order_drops_events_a_learner_could_not_place() -> None:
    assert too_close((1934, 12, 0), (1934, 12, 1)) and too_close((1936, 0, 0), (1936, 9, 0))
    assert not too_close((1934, 12, 1), (1935, 1, 0)) and not too_close((1934, 2, 0), (1934, 5, 0))
