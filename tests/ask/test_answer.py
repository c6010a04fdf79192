"""Answering from small notes written for these tests: types, spans, abstention, hostile input."""

from __future__ import annotations

import time

import pytest

from askwinston.ask.answer import ABSTAIN_BELOW, MAX_QUESTION_CHARS, Answerer, check_question
from askwinston.errors import BadQuestion

NOTES = "\n".join(
    [
        'The Fall of the Abbey',
        "The Abbot's Death",
        'On 3rd March 1536 Thomas Welbeck rode into the abbey courtyard at Ravensmoor. '
        'The abbot was stabbed in the chapter house.',
        "Prior Anselm was removed on the grounds that he had hidden the abbey's silver "
        'from the visitors he was replaced by Edmund Haye.',
        'Crowther the steward of the abbey wrote to the king asking for mercy.',
        'By 1538 over 1,200 monks had been pensioned off - 9 out of 12 houses in the '
        'county were closed.',
        'Aftermath',
        'Haye later said "the cloister is empty and the bells are sold" to a visiting bishop.',
        'In 1540 40% of the abbey lands had been sold to local gentry.',
        '',
    ]
)


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer.from_text(NOTES, "abbey.txt")


@pytest.mark.parametrize(
    ("question", "answer", "line"),
    [
        ("When was the abbot stabbed?", "3rd March 1536", 3),
        ("who stabbed the abbot", "Thomas Welbeck", 3),
        ("Where was the abbot stabbed?", "in the chapter house", 3),
        ("Who replaced the prior?", "Edmund Haye", 4),
        ("Why was the prior removed?", "he had hidden the abbey's silver from the visitors", 4),
        ("How many monks had been pensioned off by 1538?", "over 1,200", 6),
        ("What percentage of the abbey lands had been sold?", "40%", 9),
        ("Who was the steward of the abbey?", "Crowther", 5),
    ],
)
def test_typed_answers(answerer: Answerer, question: str, answer: str, line: int) -> None:
    result = answerer.ask(question)
    assert result["answer"] is not None
    assert answer.lower() in result["answer"].lower()
    assert line in [c["line"] for c in result["citations"]]


def test_the_answer_is_not_the_name_the_question_gives(answerer: Answerer) -> None:
    assert answerer.ask("Who replaced the prior?")["answer"] != "prior"
    assert "Welbeck" in (answerer.ask("who killed the abbot")["answer"] or "")


def test_misspelt_names_are_matched(answerer: Answerer) -> None:
    result = answerer.ask("when did welbek ride into the abbey")
    assert result["answer"] == "3rd March 1536"


def test_quote_speaker(answerer: Answerer) -> None:
    assert "Haye" in (answerer.ask("Who said 'the cloister is empty'?")["answer"] or "")


def test_predecessor_by_reasoning(answerer: Answerer) -> None:
    assert "Anselm" in (answerer.ask("Who was prior before Haye?")["answer"] or "")
    assert answerer.ask("Who took over from Anselm?")["answer"] == "Edmund Haye"


@pytest.mark.parametrize(
    "question",
    [
        "When was the abbot born?",
        "Who replaced Edmund Haye?",
        "Who was the abbot's brother?",
        "¿Cuándo murió el abad?",
        "<script>alert(1)</script>",
        "'; DROP TABLE sentences; --",
    ],
)
def test_the_notes_dont_say(answerer: Answerer, question: str) -> None:
    result = answerer.ask(question)
    assert result["answer"] is None
    assert result["citations"] == []
    assert 0.0 <= result["confidence"] < ABSTAIN_BELOW


def test_result_shape(answerer: Answerer) -> None:
    result = answerer.ask("When was the abbot stabbed?")
    assert set(result) >= {"question", "answer", "confidence", "citations"}
    assert set(result["citations"][0]) == {"source", "line", "text"}
    assert result["citations"][0]["source"] == "abbey.txt"
    assert 0.0 <= result["confidence"] <= 1.0


@pytest.mark.parametrize("question", ["", "   ", "x" * 10_000])
def test_bad_questions_are_refused_clearly(question: str) -> None:
    with pytest.raises(BadQuestion):
        check_question(question)


def test_limit_is_in_the_message() -> None:
    with pytest.raises(BadQuestion, match=f"{MAX_QUESTION_CHARS:,}"):
        check_question("why " * 2000)


def test_long_question_under_the_limit_is_quick(answerer: Answerer) -> None:
    started = time.perf_counter()
    answerer.ask(" ".join(["abbot monks silver chapter"] * 45)[:MAX_QUESTION_CHARS])
    assert time.perf_counter() - started < 1.0


def test_empty_notes_answer_nothing() -> None:
    from askwinston.ask.corpus import Corpus

    result = Answerer.from_corpus(Corpus([])).ask("When did it happen?")
    assert result["answer"] is None


def test_which_question_gets_a_short_phrase(answerer: Answerer) -> None:
    result = answerer.ask("Which gentry bought the abbey lands?")
    assert result["answer"] is not None
    assert len(result["answer"].split()) <= 4


def test_sentence_start_words_are_not_people() -> None:
    notes = "Later the hall burned.\nLater that year Ann Rowe rebuilt the hall.\n"
    result = Answerer.from_text(notes).ask("Who rebuilt the hall?")
    assert result["answer"] == "Ann Rowe"


def test_asking_does_not_import_spacy() -> None:
    """`winston ask` must start fast: neither spaCy nor the HTML readers load to ask."""
    import subprocess
    import sys
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "src"
    code = ("import sys; import askwinston.cli, askwinston.api;"
            " from askwinston.ask.answer import Answerer;"
            " print(sorted(m for m in ('spacy', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(src)}, check=True)
    assert out.stdout.strip() == "[]"


HEADED = "\n".join(
    [
        "The Mill Riots",
        "Why did the weavers riot?",
        "Wages: by 1812 pay had halved because of the new power looms.",
        "Hunger: bread prices doubled in the wet summer.",
        "The First Riot",
        "April 1812 - 300 weavers broke into Burton's mill at Middleton.",
        "Magistrate Joseph Hanson said 'the looms must be protected at any cost' to the crowd.",
        "In May 1812 the militia fired on the crowd.",
        "Hanson, Hansen and Hanssen are all spellings found in the letters.",
    ]
)


@pytest.fixture(scope="module")
def headed() -> Answerer:
    return Answerer.from_text(HEADED + "\n", "mill.txt")


def test_why_is_answered_under_the_notes_own_why_heading(headed: Answerer) -> None:
    result = headed.ask("why did the weavers riot")
    assert result["answer"] is not None and "Wages" in result["answer"]
    assert 3 in [c["line"] for c in result["citations"]]


def test_a_heading_is_answered_by_the_lines_under_it(headed: Answerer) -> None:
    assert headed.ask("when was the first riot")["answer"] == "April 1812"


def test_what_did_someone_say(headed: Answerer) -> None:
    answer = headed.ask("what did hanson say")["answer"] or ""
    assert answer.startswith("the looms must be protected")


def test_what_happened_in_a_month(headed: Answerer) -> None:
    assert "militia fired" in (headed.ask("what happened in May 1812")["answer"] or "")


def test_html_around_a_question_is_dropped(headed: Answerer) -> None:
    assert headed.ask("<b>when was the first riot</b>")["answer"] == "April 1812"


def test_how_did_someone_die(answerer: Answerer) -> None:
    assert (answerer.ask("how did the abbot die")["answer"] or "").startswith("stabbed")


def test_object_questions_want_the_name_after_the_verb() -> None:
    notes = "Lord Ashby married Joan Carew in 1402 at Exeter.\n"
    assert Answerer.from_text(notes).ask("who did ashby marry")["answer"] == "Joan Carew"


def test_a_name_used_as_an_adjective_is_a_weak_answer() -> None:
    notes = "In 1402 the Welsh rebels were led by Owain Glyndwr near Conwy.\n"
    assert Answerer.from_text(notes).ask("who led the rebels")["answer"] == "Owain Glyndwr"


def test_the_date_in_a_question_picks_the_sentence_so_dated() -> None:
    notes = ("In March 1812 about 40 frames were broken at Rawfolds.\n"
             "In May 1812 about 200 frames were broken at Westhoughton.\n")
    result = Answerer.from_text(notes).ask("how many frames were broken in may 1812")
    assert result["answer"] == "about 200"


def test_who_was_answers_with_the_role_the_notes_give() -> None:
    from askwinston.analysis.pipeline import analyse_text
    from askwinston.ask.answer import Answerer

    notes = ("The Tudors\n"
             "Thomas Cromwell, the king's chief minister, arranged the break with Rome.\n"
             "Cromwell was executed in July 1540.\n")
    answerer = Answerer.from_knowledge(analyse_text(notes, "tudors.txt"))
    result = answerer.ask("Who was Cromwell?")
    assert result["answer"] is not None and "chief minister" in result["answer"]
    assert result["citations"][0]["line"] == 2
    assert answerer.ask("Who was Wolsey?")["answer"] is None
