"""Succession reasoning: who came after or before whom, however the notes word it, and no
answer when the notes only say it the other way round."""

from __future__ import annotations

import pytest

from askwinston.ask.answer import Answerer

WORDINGS = [
    "In 1541 the bailiff Hugh Marden was dismissed and Walter Pryce took his place as bailiff.",
    "In 1541 Walter Pryce replaced Hugh Marden as bailiff of the manor.",
    "Hugh Marden's successor as bailiff of the manor was Walter Pryce.",
    "Walter Pryce took over from Hugh Marden as bailiff of the manor in 1541.",
    "Hugh Marden, bailiff of the manor, was replaced by Walter Pryce in 1541.",
    "Hugh Marden was bailiff of the manor until 1541, when he was succeeded by Walter Pryce.",
]


@pytest.fixture(scope="module", params=WORDINGS)
def answerer(request: pytest.FixtureRequest) -> Answerer:
    return Answerer.from_text(f"The Manor\n{request.param}\nThe manor court met every month.\n")


@pytest.mark.parametrize("question", ["who took over from marden", "Who replaced Hugh Marden?"])
def test_successor(answerer: Answerer, question: str) -> None:
    assert answerer.ask(question)["answer"] == "Walter Pryce"


def test_predecessor(answerer: Answerer) -> None:
    assert answerer.ask("who was bailiff before pryce")["answer"] == "Hugh Marden"


@pytest.mark.parametrize(
    "question", ["who succeeded pryce", "who replaced walter pryce as bailiff"]
)
def test_the_other_way_round_is_not_said(answerer: Answerer, question: str) -> None:
    assert answerer.ask(question)["answer"] is None
