"""Quotes: curly and straight marks, apostrophes inside, and the speaker from the sentence."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from askwinston.analysis.pipeline import analyse_text
from askwinston.analysis.quote_rules import quote_regions
from askwinston.model import Knowledge


@pytest.mark.parametrize(("text", "body"), [
    ("He said ‘we must not fail in Kirov’s city’ loudly", "we must not fail in Kirov’s city"),
    ("He said “we must not fail now” loudly", "we must not fail now"),
    ('He said "we must not fail now" loudly', "we must not fail now"),
    ("He said 'we can't fail now' loudly", "we can't fail now"),
])
def test_quote_marks(text: str, body: str) -> None:
    [(_, _, bs, be)] = quote_regions(text)
    assert text[bs:be] == body


def test_apostrophes_and_scare_quotes_are_not_speech() -> None:
    assert quote_regions("Kirov’s bodyguards and Stalin’s men were ‘enemies’") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Notes\nOskarov said ‘the traitor deserved nothing better than this’.\n", "Oskarov"),
    ("Notes\nThe crowd was silent - Marek the party boss ‘we will all be shot for this’ - "
     "Marek was sacked.\n", "Marek"),
    ("Notes\nOskarov made Ranek a scapegoat and had him shot, ‘that traitor Ranek deserved "
     "it’ he wrote.\n", "Oskarov"),
])
def test_speaker(text: str, speaker: str) -> None:
    k = analyse_text(text)
    [q] = k.quotes
    assert q.speaker == speaker
    entity = next(e for e in k.entities if e.id == q.speaker_entity_id)
    assert entity.name == speaker


def test_speaker_unknown_is_none() -> None:
    [q] = analyse_text("Notes\nThe slogan was ‘all power to the soviets’.\n").quotes
    assert q.speaker is None and q.speaker_entity_id is None


def test_seed_gold_quotes(seed_knowledge: Knowledge, gold: dict[str, Any]) -> None:
    assert len(seed_knowledge.quotes) == len(gold["quotes"])
    ids = {e.id: e.name for e in seed_knowledge.entities}
    for g in gold["quotes"]:
        q = next(q for q in seed_knowledge.quotes if q.span.line == g["line"])
        assert q.text.startswith(g["starts"])
        assert q.speaker == g["speaker"]
        assert q.speaker_entity_id is not None and ids[q.speaker_entity_id] == g["speaker"]


def test_a_quote_across_clauses_is_read_once() -> None:
    from askwinston.analysis.segments import pieces
    from askwinston.analysis.structure import structure
    from askwinston.model import Source

    text = "Notes\nMarek said ‘Petrov must go - Petrov is a traitor’ loudly.\n"
    [sentence] = structure(Source(key="n.txt", path="n.txt", text=text)).sentences
    starts = [p.offset for p in pieces(sentence)]
    assert len(starts) == len(set(starts))
    spans = [(p.offset, p.offset + len(p.text)) for p in pieces(sentence)]
    assert all(a2 >= b1 for (_, b1), (a2, _) in pairwise(spans))
    k = analyse_text(text)
    petrov = next(e for e in k.entities if e.name == "Petrov")
    assert len({m.span for m in petrov.mentions}) == len(petrov.mentions) == 2


def test_speaker_from_a_label_known_elsewhere() -> None:
    k = analyse_text("Notes\nZurovin was arrested in 1935 and shot.\n"
                     "Zurovin: 'we are all innocent of this'\n")
    [q] = k.quotes
    assert q.speaker == "Zurovin" and q.speaker_entity_id is not None


@pytest.mark.parametrize(("text", "speaker"), [
    ("Notes\nMarek, once called ‘the darling of the whole party’ by Lenz, was tried.\n", "Lenz"),
    ("Notes\nIn 1920 ‘we shall never surrender to them’ said Oskarov to Marek.\n", "Oskarov"),
])
def test_speaker_named_after_the_quote(text: str, speaker: str) -> None:
    [q] = analyse_text(text).quotes
    assert q.speaker == speaker
