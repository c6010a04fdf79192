"""Number rules as data: hedges, scales, and what is not a count (ordinals, ages)."""

from __future__ import annotations

import re

from askwinston.analysis.lexicon import words

HEDGES = ("at least", "more than", "over", "about", "around", "almost", "nearly", "under",
          "fewer than", "less than", "up to", "some", "approximately", "roughly", "at most",
          "c.", "circa", "well over", "just over", "just under")
"""Words before a number that qualify it: kept as `Quantity.hedge`."""

SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "m": 1e6, "k": 1e3,
          "bn": 1e9}
"""Scale words after a number."""

WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50,
                "hundred": 100, "a hundred": 100, "thousands": 1000}
"""Spelled-out numbers counted when a scale or a counted noun follows them (not yet used for
bare words: "the two confessed" is a reference, not a count)."""

NUMBER = re.compile(
    r"(?i)(?<![\w.,])(?:(?P<hedge>" + "|".join(re.escape(h) for h in HEDGES) + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<pct>%|per ?cent))?"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|bn|m|k)\b)?"
    r"(?:\s+out\s+of\s+(?P<of>\d[\d,]*))?"
    r"(?![\w%])"
)
"""A number with optional hedge, percent sign, scale and "out of N"."""

ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
"""Right after a number: "17th Party congress" is a position, not a count."""

AGE_CONTEXT = re.compile(r"(?i)\b(?:age|aged|ages)\s+(?:of\s+)?$")
"""Before a number: "over the age of 12" is an age, not a count."""

YEAR = re.compile(r"^1\d{3}$|^20\d{2}$")
"""Four-digit numbers from 1000 to 2099 with no hedge or scale are years."""

COUNT_DROP_WORDS = words("being been be having")
"""Auxiliaries dropped from what a number counts: "3 million being executed" → "executed"."""

MAX_COUNT_WORDS = 8
"""`counts` is a short phrase; anything longer is cut."""
