"""Quotation marks as data: which characters open and close quoted speech.

The curly closing single quote ’ doubles as an apostrophe ("Kirov’s"), so a closing mark only
counts when it is not followed by a letter; an opening mark only counts after a non-letter.
"""

from __future__ import annotations

import re

from askwinston.analysis.lexicon import words

QUOTE = re.compile(
    r"(?:(?<=[^\w])|^)"
    r"(?:‘(?P<a>[^‘’]+(?:’\w[^‘’]*)*)’(?!\w)"
    r"|“(?P<b>[^“”]+)”"
    r"|\"(?P<c>[^\"]+)\""
    r"|'(?P<d>\w[^']*(?:'\w[^']*)*)'(?!\w))"
)
"""‘single curly’, “double curly”, "straight double", 'straight single' (apostrophes allowed)."""

MIN_QUOTE_WORDS = 3
"""Shorter quoted text is a term in scare quotes, not speech."""

SPEECH_VERBS = words(
    "say said claim state declare write announce shout tell reply add warn insist argue "
    "complain proclaim exclaim remark admit call describe comment cry boast"
)
"""Lemmas whose subject is the speaker of a nearby quote."""


AFTER_QUOTE = re.compile(
    r"^\W*(?:by|said|says|wrote|writes|claimed|declared|replied|added|announced|"
    r"shouted|exclaimed|insisted|warned|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*\s+"
    r"(?:said|says|wrote|claimed|declared|replied|added|announced|insisted|warned))\b")
"""Right after a quote: "by Lenin", "said Oskarov", "Oskarov said" name the speaker."""

AFTER_QUOTE_WINDOW = 40
"""How far after the quote (characters) the speaker's name may be."""


def quote_regions(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, body_start, body_end) of every quotation long enough to be speech."""
    out = []
    for m in QUOTE.finditer(text):
        group = next(g for g in "abcd" if m.group(g) is not None)
        if len(m.group(group).split()) >= MIN_QUOTE_WORDS:
            out.append((m.start(), m.end(), m.start(group), m.end(group)))
    return out
