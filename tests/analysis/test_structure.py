"""The shape of revision notes: title, headings, labels, bullets, sentences and clauses."""

from __future__ import annotations

import pytest

from askwinston.analysis.structure import shape_of, structure
from askwinston.model import LineKind, Source

NOTES = """\
These notes were put together from the history department's pages
when the old site closed down.
The Reformation
Why did Henry break with Rome?
Succession: Henry wanted a son - Catherine had given him a daughter.
The Pope refused an annulment. Cromwell found another way.
Key acts:
- Act of Supremacy 1534 made Henry head of the Church
* Dissolution of the monasteries began in 1536
## The Pilgrimage of Grace
In October 1536 rebels marched in Yorkshire ‘for the faith. Not against the king.’ said Aske.
Henry promised a pardon (c. 1537) but Aske was executed in July 1537.
|
"""


@pytest.fixture(scope="module")
def notes():  # type: ignore[no-untyped-def]
    return structure(Source(key="reformation.txt", path="reformation.txt", text=NOTES))


def kinds(notes) -> list[str]:  # type: ignore[no-untyped-def]
    return [nl.kind.value for nl in notes.lines]


def test_preamble_title_and_headings_are_found(notes) -> None:  # type: ignore[no-untyped-def]
    assert notes.title == "The Reformation"
    assert kinds(notes)[:4] == ["preamble", "preamble", "title", "heading"]
    titles = [(s.title, s.level, s.is_question) for s in notes.sections]
    assert titles == [
        ("The Reformation", 1, False),
        ("Why did Henry break with Rome?", 2, True),
        ("Key acts", 3, False),
        ("The Pilgrimage of Grace", 2, False),
    ]


def test_labels_bullets_and_junk_lines(notes) -> None:  # type: ignore[no-untyped-def]
    assert notes.lines[4].kind is LineKind.LABEL and notes.lines[4].label == "Succession"
    assert notes.lines[7].kind is LineKind.BULLET
    assert notes.lines[8].kind is LineKind.BULLET
    assert notes.lines[12].kind is LineKind.BLANK  # a stray "|" is not a note


def test_sentences_stay_on_their_line_with_exact_offsets(notes) -> None:  # type: ignore[no-untyped-def]
    text = notes.source.text
    for s in notes.sentences:
        assert text[s.span.start : s.span.end] == s.text
        line = notes.source.line(s.span.line)
        assert line.start <= s.span.start and s.span.end <= line.end


def test_sentence_split_respects_abbreviations_and_quotes(notes) -> None:  # type: ignore[no-untyped-def]
    by_line: dict[int, list[str]] = {}
    for s in notes.sentences:
        by_line.setdefault(s.span.line, []).append(s.text)
    assert by_line[6] == ["The Pope refused an annulment.", "Cromwell found another way."]
    assert len(by_line[11]) == 1  # the full stop inside the quotation does not end it
    assert len(by_line[12]) == 1  # "c. 1537" is not a sentence end
    assert by_line[8] == ["Act of Supremacy 1534 made Henry head of the Church"]
    assert by_line[5] == ["Henry wanted a son - Catherine had given him a daughter."]


def test_clauses_are_split_at_spaced_dashes(notes) -> None:  # type: ignore[no-untyped-def]
    first = next(s for s in notes.sentences if s.span.line == 5)
    parts = [notes.source.text[c.start : c.end] for c in first.clauses]
    assert parts == ["Henry wanted a son", "Catherine had given him a daughter."]
    assert first.label == "Succession"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("The Murder of the Princes", LineKind.HEADING),
        ("How far was Wolsey to blame?", LineKind.HEADING),
        ("Aftermath:", LineKind.HEADING),
        ("Wolsey fell from power in 1529", LineKind.TEXT),
        ("Kirov was shot", LineKind.TEXT),
        ("Causes: money, religion and power", LineKind.LABEL),
        ("April 1483: Edward IV died suddenly", LineKind.LABEL),
        ("c. 7,000 rebels were hanged", LineKind.TEXT),
        ("b. Second point", LineKind.BULLET),
        ("10:30 the fleet sailed", LineKind.TEXT),
        ("1. First point", LineKind.BULLET),
        ("### Deep heading", LineKind.HEADING),
        ("   ", LineKind.BLANK),
    ],
)
def test_line_shapes(line: str, kind: LineKind) -> None:
    assert shape_of(line).kind is kind


def test_notes_without_a_title_keep_their_first_line(notes) -> None:  # type: ignore[no-untyped-def]
    text = "Elizabeth became queen in 1558 after Mary died.\nShe never married.\n"
    n = structure(Source(key="e.txt", path="e.txt", text=text))
    assert n.title is None
    assert [s.text for s in n.sentences] == [
        "Elizabeth became queen in 1558 after Mary died.", "She never married."]


def test_seed_notes_shape(seed_file) -> None:  # type: ignore[no-untyped-def]
    text = seed_file.read_text(encoding="utf-8")
    n = structure(Source(key="seed.txt", path=str(seed_file), text=text))
    assert n.title == text.splitlines()[2]
    question_sections = [s for s in n.sections if s.is_question]
    assert len(question_sections) == 1 and question_sections[0].line == 4
    assert {nl.line.number for nl in n.lines if nl.kind is LineKind.PREAMBLE} == {1, 2}
    assert all(s.span.line > 3 for s in n.sentences)
