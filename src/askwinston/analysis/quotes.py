"""Quoted speech and who said it.

The speaker is, in order of trust: a person named right after the quote with a speech word or
"by" ("‘…’ said Oskarov", "called ‘…’ by Lenin"); the subject of a speech verb in the clause; the
subject of the main clause when the quote follows an object ("had him shot, ‘that scoundrel…’" is
Stalin's); the person named just before the quote in the same clause; a person in the line's
"Label:". The name is linked to its entity after the notes are resolved (`link_speakers`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from askwinston.analysis.entities import Candidate
from askwinston.analysis.quote_rules import (
    AFTER_QUOTE,
    AFTER_QUOTE_WINDOW,
    SPEECH_VERBS,
    quote_regions,
)
from askwinston.analysis.segments import Segment
from askwinston.model import Entity, Quote, Sentence, Span


def _clause_of(sentence: Sentence, pos: int) -> tuple[int, int]:
    """Offsets (inside the sentence) of the clause holding position `pos`."""
    base = sentence.span.start
    for c in sentence.clauses:
        if c.start - base <= pos < c.end - base:
            return c.start - base, c.end - base
    return 0, len(sentence.text)


def _speech_subject(segments: list[Segment], sentence: Sentence, lo: int, hi: int,
                    people: list[Candidate]) -> Candidate | None:
    """The subject of a speech verb (said, claimed…) in an unquoted piece of the clause."""
    base = sentence.span.start
    for seg in segments:
        if seg.quoted or not lo <= seg.offset < hi:
            continue
        for tok in seg.doc:
            if tok.lemma_ in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
                for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                    start = base + seg.offset + subj.idx
                    hit = next((p for p in people if p.span.start <= start < p.span.end), None)
                    if hit:
                        return hit
    return None


def _named_after_quote(sentence: Sentence, people: list[Candidate], quote_end: int,
                       hi: int) -> Candidate | None:
    """ "‘…’ said Oskarov", "called ‘…’ by Lenin": a speech word or "by" right after the quote,
    then the speaker."""
    base = sentence.span.start
    after = sentence.text[quote_end:hi]
    if not AFTER_QUOTE.match(after):
        return None
    window = quote_end + len(after[:AFTER_QUOTE_WINDOW])
    return next((c for c in people if quote_end <= c.span.start - base < window), None)


def _speaker(sentence: Sentence, segments: list[Segment], candidates: list[Candidate],
             quote_start: int, quote_end: int) -> Candidate | None:
    base = sentence.span.start
    lo, hi = _clause_of(sentence, quote_start)
    people = [c for c in candidates if c.kind == "person" and not c.quoted]
    said = _named_after_quote(sentence, people, quote_end, hi) or _speech_subject(
        segments, sentence, lo, hi, people)
    if said:
        return said
    before = [c for c in people if lo <= c.span.start - base < quote_start]
    if not before:
        labelled = [c for c in people if c.span.start < base]  # "Vyshinsky: 'I demand …'"
        return labelled[-1] if labelled else None
    last = before[-1]
    if last.role == "object":  # "had him shot, ‘that scoundrel …’": the one who had it done
        subjects = [c for c in before if c.role == "subject"]
        return subjects[-1] if subjects else last
    return last


def annotate_sentence(sentence: Sentence, segments: list[Segment],
                      candidates: list[Candidate]) -> list[Quote]:
    """Quotes of one sentence, each with the speaker its sentence gives."""
    out = []
    base = sentence.span.start
    for start, end, body_start, body_end in quote_regions(sentence.text):
        who = _speaker(sentence, segments, candidates, start, end)
        span = Span(sentence.span.source, sentence.span.line, base + start, base + end)
        body = sentence.text[body_start:body_end]
        out.append(Quote(span, body, who.text if who else None, None, sentence.id))
    return out


def _label_speaker(label: str | None, names: dict[str, Entity]) -> Entity | None:
    """The last known person named in a line's label ("Zinoviev: ‘…’")."""
    if not label:
        return None
    found = [(m.start(), names[w.lower()]) for w in names
             for m in re.finditer(rf"(?<!\w){re.escape(w)}(?!\w)", label, re.IGNORECASE)
             if names[w.lower()].kind == "person"]
    return max(found, key=lambda f: f[0])[1] if found else None


def link_speakers(quotes: list[Quote], names: dict[str, Entity],
                  labels: dict[int, str] | None = None) -> list[Quote]:
    """Speakers named by their entity's canonical name and id; a quote with no speaker in its
    sentence takes a person named in its line's label (`labels`: line → label)."""
    out = []
    for q in quotes:
        entity = names.get(q.speaker.lower()) if q.speaker else None
        if q.speaker is None:
            entity = _label_speaker((labels or {}).get(q.span.line), names)
        if entity is not None and entity.kind == "person":
            q = replace(q, speaker=entity.name, speaker_entity_id=entity.id)
        out.append(q)
    return out
