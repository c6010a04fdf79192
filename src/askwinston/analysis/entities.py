"""People, organisations, places and groups (first version: spaCy NER, merged by name)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from askwinston.model import Entity, Mention, Notes, Sentence, Span, stable_id

KIND_OF_LABEL = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place",
                 "FAC": "place", "NORP": "group"}
"""spaCy labels → askwinston kinds."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name found in one sentence, before names are merged across the notes."""

    text: str
    kind: str
    span: Span
    sentence_id: str
    label: str


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def sentence_candidates(sentence: Sentence, doc: Doc) -> list[Candidate]:
    """Named entities of one sentence as candidates, with spans into the source."""
    out = []
    for ent in doc.ents:
        kind = KIND_OF_LABEL.get(ent.label_)
        if kind is None:
            continue
        text = _strip_possessive(ent.text)
        start = sentence.span.start + ent.start_char
        span = Span(sentence.span.source, sentence.span.line, start, start + len(text))
        out.append(Candidate(text, kind, span, sentence.id, ent.label_))
    return out


def resolve(notes: list[Notes], candidates: list[Candidate]) -> list[Entity]:
    """Merge candidates with the same name; the most frequent kind wins."""
    by_name: dict[str, list[Candidate]] = defaultdict(list)
    for cand in candidates:
        by_name[cand.text].append(cand)
    entities = []
    for name, cands in by_name.items():
        kinds = [c.kind for c in cands]
        kind = max(set(kinds), key=kinds.count)
        mentions = [Mention(c.span, c.text, c.sentence_id) for c in cands]
        entities.append(Entity(stable_id("entity", kind, name), name, kind, [], mentions))
    return sorted(entities, key=lambda e: (e.kind, e.name))
