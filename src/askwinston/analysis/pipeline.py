"""Sources → Knowledge: structure, parse each sentence once, run every annotator.

Each sentence is parsed as its note-style clauses and quotations (`segments.Segment`), which
spaCy parses far better than the whole glued line. spaCy Docs are kept only for one batch of
sentences at a time; annotators that reason over a whole document or the whole set of notes
(entities, events) work on the small results instead, so memory stays flat however large the
notes are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from askwinston.analysis import entities, events, quantities, quotes, timex
from askwinston.analysis.entities import Candidate
from askwinston.analysis.entity_facts import plural_fates
from askwinston.analysis.events import Frame
from askwinston.analysis.nlp import load_nlp
from askwinston.analysis.segments import Piece, Segment, label_piece, pieces
from askwinston.analysis.structure import structure
from askwinston.model import Fact, Knowledge, Notes, Quantity, Quote, Sentence, Source, Timex

BATCH_SIZE = 512
"""Sentences parsed per spaCy batch: large enough for speed, small enough for flat memory."""

Progress = Callable[[int], None]
"""Called with the number of words just analysed, for progress bars."""


@dataclass
class DocumentResults:
    """What the per-sentence annotators found in one document."""

    notes: Notes
    timexes: list[Timex]
    candidates: list[Candidate] = field(default_factory=list)
    plural_fates: list[Fact] = field(default_factory=list)  # of "they", owners found later
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)


def _pieces(notes: Notes) -> list[tuple[Sentence, list[Piece]]]:
    """Each sentence cut into pieces; the first sentence of a "Label:" line also gets the label."""
    lines = {nl.line.number: nl for nl in notes.lines}
    seen: set[int] = set()
    out = []
    for s in notes.sentences:
        ps = pieces(s)
        label = label_piece(s, lines[s.span.line]) if s.span.line not in seen else None
        seen.add(s.span.line)
        out.append((s, [label, *ps] if label else ps))
    return out


def _parsed(notes: Notes) -> Iterator[tuple[Sentence, list[Segment]]]:
    """Each sentence with its clauses, quotations and label parsed (see `segments`)."""
    nlp = load_nlp()
    cut = _pieces(notes)
    texts = (p.text for _, ps in cut for p in ps)
    docs: Iterator[Doc] = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
    for sentence, ps in cut:
        yield sentence, [Segment(p.offset, next(docs), p.quoted, p.label) for p in ps]


def _by_sentence(timexes: list[Timex]) -> dict[str, list[Timex]]:
    grouped: dict[str, list[Timex]] = {}
    for t in timexes:
        grouped.setdefault(t.sentence_id or "", []).append(t)
    return grouped


def analyse_notes(notes: Notes, progress: Progress | None = None) -> DocumentResults:
    """Run the per-sentence annotators over one document."""
    results = DocumentResults(notes, timex.annotate(notes))
    dates = _by_sentence(results.timexes)
    for sentence, segments in _parsed(notes):
        cands = entities.sentence_candidates(sentence, segments)
        results.candidates.extend(cands)
        results.plural_fates.extend(plural_fates(sentence, segments))
        results.quantities.extend(
            quantities.annotate_sentence(sentence, segments, dates.get(sentence.id, []))
        )
        results.quotes.extend(quotes.annotate_sentence(sentence, segments, cands))
        results.frames.extend(
            events.sentence_frames(sentence, segments, cands, dates.get(sentence.id, []))
        )
        if progress is not None:
            progress(len(sentence.text.split()))
    return results


def analyse(sources: Iterable[Source], progress: Progress | None = None) -> Knowledge:
    """Understand a set of notes: every annotation tied to its source line."""
    knowledge = Knowledge()
    documents = [analyse_notes(structure(source), progress) for source in sources]
    all_candidates = [c for d in documents for c in d.candidates]
    knowledge.notes = [d.notes for d in documents]
    plural = [f for d in documents for f in d.plural_fates]
    knowledge.entities = entities.resolve(knowledge.notes, all_candidates, plural)
    names = entities.name_index(knowledge.entities)
    for d in documents:
        knowledge.timexes.extend(d.timexes)
        knowledge.quantities.extend(d.quantities)
        labels = {nl.line.number: nl.label for nl in d.notes.lines if nl.label}
        knowledge.quotes.extend(quotes.link_speakers(d.quotes, names, labels))
        doc_events, links = events.build(d.notes, d.frames, d.timexes, names)
        knowledge.events.extend(doc_events)
        knowledge.links.extend(links)
    return knowledge


def analyse_text(text: str, key: str = "notes.txt") -> Knowledge:
    """Convenience for tests and the API: analyse one text given as a string."""
    return analyse([Source(key=key, path=key, text=text)])
