"""Simple reasoning over the notes: who held a post before or after whom.

"Yagoda … was replaced by Yezhov" says both "Yezhov replaced Yagoda" and "Yagoda came before
Yezhov"; the same sentence does *not* say who replaced Yezhov, and a question asking that must
get "the notes don't say" rather than the other name in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from askwinston.ask import rules
from askwinston.ask.corpus import Passage
from askwinston.ask.extract import names

PRONOUN_BEFORE = re.compile(r"\b(?:he|she|they|who)\s+(?:was|were|had been|is|has been)\s*$", re.I)
"""A pronoun subject right before a passive succession verb: "he was replaced by …"."""


PRONOUN_AFTER = re.compile(r"\s+(?:him|her|them)\b", re.I)
"""An object pronoun right after a succession verb: "B replaced him"."""


PRONOUN_SUCCESSOR = re.compile(r"^(?:his|her|their)\s+(?:replacement|successor)s?\b"
                               r"(?:\s*(?::|-|–)\s*|\s+(?:was|were|is|became)\s+)", re.I)
"""A line that continues the line before it: "His replacement: Nikolai Yezhov." after
"Yagoda sacked"."""


@dataclass(frozen=True, slots=True)
class Succession:
    """`successor` took the place of `predecessor`, as one passage says."""

    predecessor: str
    successor: str
    passage: int


def _subject(p: Passage, verb_start: int) -> str | None:
    """The name before a succession verb; a pronoun there means the passage's first name."""
    before = [n for n in names(p, lambda _n: False) if n[1] <= verb_start]
    if not before:
        return None
    if PRONOUN_BEFORE.search(p.text[:verb_start]):
        return before[0][2]
    return before[-1][2]


def main_person(p: Passage) -> str | None:
    """Whom a line is about: its first person, else its first name."""
    found = names(p, lambda _n: False)
    people = [n for n in found if n[3] == "person"] or found
    return people[0][2] if people else None


def successions(p: Passage, previous: Passage | None = None) -> list[Succession]:
    """Every "A replaced B" / "B was replaced by A" / "A took over from B" / "B was sacked and
    A took his place" / "B's successor was A" in a passage; with the line before it, "B
    sacked." + "His replacement: A"."""
    found = names(p, lambda _n: False)
    out = []
    lead = PRONOUN_SUCCESSOR.match(p.text)
    if lead and previous is not None:
        first = main_person(previous)
        named = [n for n in found if n[0] >= lead.end()]
        if first and named and named[0][2] != first:
            out.append(Succession(first, named[0][2], p.index))
    for m in rules.SUCCESSION_VERBS.finditer(p.text):
        after = [n for n in found if n[0] >= m.end()]
        subject = _subject(p, m.start())
        if not after or subject is None:
            continue
        obj = after[0][2]
        if PRONOUN_AFTER.match(p.text[m.end():]):  # "More replaced him": the earlier name
            earlier = [n for n in found if n[1] <= m.start() and n[2] != subject]
            if not earlier:
                continue
            obj = earlier[0][2]
        if m.group("by"):
            out.append(Succession(subject, obj, p.index))
        else:
            out.append(Succession(obj, subject, p.index))
    for m in rules.TOOK_PLACE.finditer(p.text):
        before = [n for n in found if n[1] <= m.start()]
        if len(before) >= 2:
            out.append(Succession(before[-2][2], before[-1][2], p.index))
    for m in rules.SUCCESSOR_NOUN.finditer(p.text):
        before = [n for n in found if n[1] <= m.start() and m.start() - n[1] <= 1]
        after = [n for n in found if n[0] >= m.end()]
        if before and after:
            out.append(Succession(before[-1][2], after[0][2], p.index))
    return out
