"""A sentence cut into the pieces spaCy parses best: note-style clauses, and quoted speech apart.

Revision notes glue clauses with " - " and drop quotations into the middle of a clause; parsed as
one sentence they give a tangled tree. Each clause (with quotations cut out) and each quotation
is parsed on its own, and every annotator maps offsets back through `Segment.offset`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from askwinston.analysis.event_rules import CLAUSE_BREAKS
from askwinston.analysis.quote_rules import quote_regions
from askwinston.model import NoteLine, Sentence


@dataclass(frozen=True, slots=True)
class Piece:
    """Text to parse: where it starts inside the sentence, and whether it is quoted speech."""

    offset: int
    text: str
    quoted: bool = False
    label: bool = False  # the "Label:" of the line, before the sentence (negative offset)


@dataclass(frozen=True, slots=True)
class Segment:
    """A parsed piece of a sentence."""

    offset: int  # character offset of doc[0] from the start of sentence.text (may be negative)
    doc: Doc
    quoted: bool = False
    label: bool = False

    def start_of(self, token_idx: int, sentence: Sentence) -> int:
        """Source offset of a token."""
        return sentence.span.start + self.offset + self.doc[token_idx].idx


def _trimmed(offset: int, text: str, quoted: bool) -> Piece | None:
    lead = len(text) - len(text.lstrip())
    body = text.strip()
    return Piece(offset + lead, body, quoted) if any(c.isalnum() for c in body) else None


def _broken(offset: int, text: str) -> list[Piece]:
    """An unquoted stretch cut at arrows and ", so the …" (see `event_rules.CLAUSE_BREAKS`)."""
    out = []
    pos = 0
    for m in CLAUSE_BREAKS.finditer(text):
        if m.start() == 0:
            continue
        piece = _trimmed(offset + pos, text[pos:m.start()], False)
        if piece:
            out.append(piece)
        pos = m.end()
    piece = _trimmed(offset + pos, text[pos:], False)
    return [*out, piece] if piece else out


def pieces(sentence: Sentence) -> list[Piece]:
    """Clauses of the sentence with quotations lifted out, then the quotations themselves."""
    text = sentence.text
    quotes = quote_regions(text)
    out: list[Piece] = []
    for clause in sentence.clauses or ():
        a, b = clause.start - sentence.span.start, clause.end - sentence.span.start
        pos = a
        for qs, qe, _, _ in quotes:
            if qs >= a and qe <= b:
                out.extend(_broken(pos, text[pos:qs]))
                pos = qe
        out.extend(_broken(pos, text[pos:b]))
    if not sentence.clauses:
        out.extend(_broken(0, text))
    for _, _, bs, be in quotes:
        piece = _trimmed(bs, text[bs:be], True)
        if piece:
            out.append(piece)
    return sorted(out, key=lambda p: p.offset)


def label_piece(sentence: Sentence, line: NoteLine) -> Piece | None:
    """The label of a "Label: text" line, read with the line's first sentence: it often names
    who speaks or acts ("Prosecutor Andrei Vyshinsky: …", "Stalin's claim: …")."""
    if not line.label or line.line.number != sentence.span.line:
        return None
    start = line.line.start + line.line.text.find(line.label)
    if start >= sentence.span.start:
        return None
    return Piece(start - sentence.span.start, line.label, False, True)
