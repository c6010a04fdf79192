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
    """Clauses of the sentence with quotations lifted out, and the quotations themselves (a
    quotation that runs across clauses stays in its clauses, so no word is read twice)."""
    text = sentence.text
    base = sentence.span.start
    quotes = quote_regions(text)
    clauses = [(c.start - base, c.end - base) for c in sentence.clauses] or [(0, len(text))]
    out: list[Piece] = []
    for a, b in clauses:
        pos = a
        for qs, qe, bs, be in quotes:
            if qs >= a and qe <= b:
                out.extend(_broken(pos, text[pos:qs]))
                quoted = _trimmed(bs, text[bs:be], True)
                out.extend([quoted] if quoted else [])
                pos = qe
        out.extend(_broken(pos, text[pos:b]))
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
