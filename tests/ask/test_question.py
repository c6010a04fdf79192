"""Question analysis: answer type, content words, quoted words, dates, succession direction."""

from __future__ import annotations

import pytest

from askwinston.ask.question import analyse, question_kind, rewrite, succession_kind
from askwinston.ask.text import edit_distance, stem


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When did the fire start?", "date"),
        ("what year was the treaty signed", "date"),
        ("Who led the march?", "person"),
        ("whom did the queen marry", "person"),
        ("Where did the army land?", "place"),
        ("In which city was the treaty signed?", "place"),
        ("How many ships sank?", "number"),
        ("What percentage of voters stayed home?", "number"),
        ("how old was the king", "number"),
        ("Why did the strike fail?", "reason"),
        ("What caused the riot?", "reason"),
        ("Who said 'we shall fight on the beaches'?", "quote"),
        ("How did the admiral die?", "manner"),
        ("What did the charter promise?", "description"),
    ],
)
def test_question_kind(question: str, kind: str) -> None:
    assert analyse(question).kind == kind


def test_leading_filler_is_ignored() -> None:
    assert question_kind("so when did the war end") == "date"


def test_content_words_drop_question_and_type_words() -> None:
    q = analyse("In what year were the monks expelled?")
    assert q.stems == ["monk", "expel"]


def test_quoted_words_are_kept() -> None:
    assert analyse("Who said 'no surrender to the barons'?").quoted == "no surrender to the barons"


def test_dates_in_the_question_are_constraints() -> None:
    q = analyse("How many farms were seized in May 1921?")
    assert q.dates == ["1921-05"]


def test_student_phrasings_are_rewritten() -> None:
    assert rewrite("who took over from the abbot") == "who replaced the abbot"


@pytest.mark.parametrize(
    ("question", "direction"),
    [
        ("who replaced the abbot", "successor"),
        ("Who succeeded Harold as earl?", "successor"),
        ("Who was abbot after Odo?", "successor"),
        ("Who was abbot before Odo?", "predecessor"),
        ("who did Odo replace", "predecessor"),
        ("who led the march", ""),
    ],
)
def test_succession_direction(question: str, direction: str) -> None:
    assert succession_kind(rewrite(question)) == direction


@pytest.mark.parametrize(
    ("a", "b"),
    [("killed", "kills"), ("shot", "shooting"), ("removed", "remove"), ("politburo", "politbureau"),
     ("called", "call"), ("executed", "executes"), ("died", "dying")],
)
def test_word_forms_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_edit_distance_counts_a_swap_as_one() -> None:
    assert edit_distance("sergei", "sergie") == 1
    assert edit_distance("yezov", "yezhov") == 1
    assert edit_distance("abcdef", "uvwxyz") > 2


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which river did the army cross?", "entity"),
        ("What is the largest town in the county?", "entity"),
        ("Who were the Lollards?", "description"),
        ("In what year did the siege end?", "date"),
        ("With whom did the earl side?", "person"),
        ("The rebels marched on which city?", "place"),
        ("The abbey was closed in what year?", "date"),
    ],
)
def test_more_question_shapes(question: str, kind: str) -> None:
    assert analyse(question).kind == kind


def test_head_words_of_which_questions() -> None:
    assert analyse("Which royal charter granted the market?").head == ["royal", "charter"]
    assert analyse("What was the name of the ship?").head == []
