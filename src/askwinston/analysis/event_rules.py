"""Event and cause rules as data: the notes' own signal words for causes and consequences."""

from __future__ import annotations

import re

from askwinston.analysis.lexicon import words

BACKWARD_SIGNALS = (
    "this led to", "this resulted in", "this caused", "this meant", "this was followed by",
    "this triggered", "as a result", "as a consequence", "consequently", "therefore", "so",
    "thus", "hence", "because of this", "after this", "→", "->",
)
"""At the start of a sentence: what follows is a consequence of the event before it."""

FORWARD_SIGNALS = ("led to", "resulted in", "→", "->", "so that", "which meant", "so")
"""Inside a sentence: the part before is the cause, the part after the effect."""

REASON_SIGNALS = ("because of", "because", "on the grounds that", "due to", "owing to",
                  "as a result of", "in response to", "in revenge for", "since")
"""Inside a sentence: the phrase after the signal is the cause of the event before it."""

CLAUSE_BREAKS = re.compile(
    r"\s*(?:→|->|=>|⇒)\s*"
    r"|,?\s+so\s+(?=(?:the|a|an|he|she|they|it|this|his|her|their|its|many|most)\b)",
    re.IGNORECASE)
"""Where a note-style clause ends before a consequence: an arrow, or ", so the …". The break
is kept in the text so the signal can still be read."""

QUESTION_CAUSE = re.compile(r"(?i)^(?:why|how come)\s+(?:did|do|does|was|were|is|are|had)\s+"
                            r"(?P<topic>.+?)\??$")
"""A "Why did the purges take place?" heading: its lines are causes of its topic."""

CONSEQUENCE_HEADING = re.compile(
    r"(?i)^(?:the\s+)?(?:aftermath|consequences?|results?|effects?|impact)\s+of\s+(?P<topic>.+?)"
    r"[:.]?$")
"""An "The aftermath of the purges" heading: its lines are consequences of its topic."""

WHAT_DROP_DEPS = words("aux auxpass punct mark cc advmod relcl advcl det appos")
"""Branches left out of an event's compact "what"."""

DANGLING_WORDS = words("of in on at to for from by with because into onto over under and or")
"""Words an event's "what" may not end with once dates and clauses are cut out of it."""

PERSONAL_PRONOUNS = words("he she")
"""Subjects that stand for the person of the line before ("He lost his post")."""

MAX_WHAT_WORDS = 10
"""An event's "what" is a few words, not the sentence."""


def signal_pattern(signals: tuple[str, ...], anchored: bool) -> re.Pattern[str]:
    """A pattern that finds any of the signals as whole words (at the start if anchored)."""
    alts = "|".join(re.escape(s) for s in sorted(signals, key=len, reverse=True))
    lead = r"^\W*" if anchored else r"(?:(?<=\s)|^)"
    return re.compile(rf"(?i){lead}(?P<signal>{alts})(?=\W|$)")
