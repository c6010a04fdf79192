"""Generalisation check on notes written for it, on topics the rules were not written from
(the French Revolution, the Cuban Missile Crisis, the Black Death), with student-style questions
written before the system was run on them (`data/`): paraphrase, misspellings, "who took over
from", "what happened to", "who won", and 10 the notes cannot answer.

Before the generalisation pass: 32 of 62 right (13 wrong answers, 17 wrong abstentions). The
mechanisms were then improved on it, so this is a regression floor, not a held-out score.

`data/norman/` (the Norman Conquest, 24 questions, 5 unanswerable) was written later, mid-pass,
as a check on mechanisms already made: 17 of 24 on its first run (as before the pass), then
the failures it showed (a pronoun doer, a passive with no agent, a title as the role asked
for) were made general, and it stays as a second regression floor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from askwinston.ask.answer import Answerer
from askwinston.ask.scoring import is_correct

DATA = Path(__file__).parent / "data"
REQUIRED = 55
MAX_WRONG_ANSWERS = 4
"""Confidently wrong answers cost marks; abstaining is better."""


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.md")))
    return Answerer.from_text(text + "\n", "new-topics.md")  # data/norman/ is its own set


@pytest.fixture(scope="module")
def questions() -> list[dict[str, Any]]:
    lines = (DATA / "new_topics_questions.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_new_topics_accuracy(answerer: Answerer, questions: list[dict[str, Any]]) -> None:
    results = [(q, answerer.ask(q["q"])["answer"]) for q in questions]
    wrong = [(q["q"], a) for q, a in results if not is_correct(a, q["a"])]
    assert len(questions) - len(wrong) >= REQUIRED, wrong
    confidently_wrong = [(q, a) for q, a in wrong if a is not None]
    assert len(confidently_wrong) <= MAX_WRONG_ANSWERS, confidently_wrong


@pytest.mark.parametrize(("folder", "required"), [("norman", 20), ("russia", 18)])
def test_later_sets(folder: str, required: int) -> None:
    """Sets written later as checks: the Norman Conquest (17/24 on its first run, as before the
    pass) and Russia in 1917 (written after most of the pass: 17/22 on its first run, against
    13/22 before the pass; then 'led at first by' and 'came back' were made general)."""
    path = DATA / folder
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(path.glob("*.md")))
    answerer = Answerer.from_text(text + "\n", f"{folder}.md")
    lines = (path / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    wrong = [(q["q"], a) for q in questions
             if not is_correct(a := answerer.ask(q["q"])["answer"], q["a"])]
    assert len(questions) - len(wrong) >= required, wrong
    assert not [w for w in wrong if w[1] is not None], wrong


def test_unanswerable_new_topics_abstain(answerer: Answerer,
                                         questions: list[dict[str, Any]]) -> None:
    unanswerable = [q["q"] for q in questions if not q["a"]]
    assert len(unanswerable) == 10
    answered = [(q, answerer.ask(q)["answer"]) for q in unanswerable if answerer.ask(q)["answer"]]
    assert len(answered) <= 1, answered


MECHANISMS = "\n".join([
    "# Wars and Ministers",
    "",
    "## Towton",
    "Edward IV defeated the Lancastrians at Towton in March 1461.",
    "",
    "## Tewkesbury",
    "At Tewkesbury in May 1471 the Lancastrian army was beaten by Edward IV.",
    "",
    "## Hastings",
    "- Harold had the bigger army, but the Normans waited to see who would win.",
    "",
    "## The ministry",
    "June 1820 - Sidmouth sacked, blamed for the riots.",
    "His replacement: Robert Peel.",
    "Wellington backed down on the Catholic question in 1829.",
    "Grey was removed in 1834.",
    "A committee of ministers called the Cabinet Council met weekly.",
    "The Duke of Clarence fell out with the Lord Mayor, Matthew Wood.",
    "Peel brought in the Corn Law in 1828.",
    "Reason: landowners wanted high grain prices.",
    "",
    "## Riots",
    "The Bristol riots were ended by the Mayor of Bristol, Charles Pinney.",
    "Thistlewood planned to kill Castlereagh, Sidmouth and the rest of the Cabinet.",
    "Perceval was shot in the lobby of the Commons in 1812.",
    "",
    "## Peterloo",
    "Henry Hunt spoke to a crowd of 60,000 at St Peter's Field in 1819.",
    "They were charged by the yeomanry.",
    "The rebels marched on Manchester, led by Samuel Bamford.",
])


@pytest.fixture(scope="module")
def mechanisms() -> Answerer:
    return Answerer.from_text(MECHANISMS + "\n", "mechanisms.md")


@pytest.mark.parametrize(("question", "gold"), [
    ("who won the battle of towton", "Edward IV"),
    ("who won at tewkesbury", "Edward IV"),
    ("who won the battle of hastings", None),  # a name near "win" is not its winner
    ("who took over from sidmouth", "Robert Peel"),  # a line goes on about the line before
    ("who replaced peel", None),  # the notes say it the other way round
    ("when was grey sacked", "1834"),  # "sacked" is a word, not a misspelt "backed"
    ("what was the committee of ministers called", "Cabinet Council"),
    ("what was the duke of clarence called", None),  # no name given
    ("who ended the bristol riots", "Charles Pinney"),  # the person, not the title
    ("why did peel bring in the corn law", "landowners wanted high grain prices"),
    ("when did the corn law get passed", "1828"),
    ("who killed castlereagh", None),  # a name after the deed is its victim, not its doer
    ("who shot perceval", None),  # a passive with no "by": the notes don't say who
    ("who led the rebels", "Samuel Bamford"),  # "led by" is a passive, not "the rebels" verb
])
def test_general_mechanisms(mechanisms: Answerer, question: str, gold: str | None) -> None:
    answer = mechanisms.ask(question)["answer"]
    if gold is None:
        assert answer is None
    else:
        assert answer is not None and gold.lower() in answer.lower(), answer
