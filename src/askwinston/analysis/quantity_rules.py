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

WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}
"""Spelled-out numbers, counted only when they number a plural noun after them ("seven other
commanders"); "the two confessed" or "world war two" are not counts."""

NUMBER = re.compile(
    r"(?i)(?<![\w.,])(?:(?P<hedge>" + "|".join(re.escape(h) for h in HEDGES) + r")\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<pct>%|per ?cent))?"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|bn|m|k)\b)?"
    r"(?:\s+(?:out\s+)?of\s+(?:the\s+)?(?P<of>\d[\d,]*)(?![\d,]*\s*(?:%|per ?cent)))?"
    r"(?![\w%])"
)
"""A number with optional hedge, percent sign, scale and "out of N"."""

ORDINAL_SUFFIX = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
"""Right after a number: "17th Party congress" is a position, not a count."""

AGE_CONTEXT = re.compile(r"(?i)\b(?:age|aged|ages)\s+(?:of\s+)?(?:only\s+|just\s+|about\s+)?$")
"""Before a number: "over the age of 12", "aged only 18" are ages, not counts."""

AGE_AFTER = re.compile(r"(?i)^(?:\s*(?:and|or)\s+(?:over|under|above|older|younger)\b"
                       r"|-?\s*years?[- ]old\b|-year\b)")
"""After a number: "children of 12 and over", "his 12-year-old son" are ages."""

YEAR_RANGE_BEFORE = re.compile(r"\b1\d{3}[–-]$")
"""Before a number: "1937–38", the second year of a range."""

ERA_AFTER = re.compile(r"^(?:\s*[–-]\s*\d{1,4})?\s*(?:BC|BCE|AD|CE|B\.C\.?|A\.D\.?)\b")
ERA_BEFORE = re.compile(r"\b(?:AD|CE|A\.D\.)\s*(?:\d{1,4}\s*[–-]\s*)?$")
"""Years with an era: "55 and 54 BC", "AD 43", "c. AD 60–61" are dates, not counts."""

_MONTH = (r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|May)\b")
MONTH_AFTER = re.compile(r"^(?i:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH)
MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\.?\s+$")
"""A day of a month: "28 July", "4 Aug 1914", "July 28" are dates even when no year follows."""

PREDICATE_DROP_DEPS = frozenset(
    {"aux", "auxpass", "punct", "mark", "advcl", "parataxis", "npadvmod", "nsubj",
     "nsubjpass", "expl"})
"""Branches of a verb left out of what a number counts."""

YEAR = re.compile(r"^1\d{3}$|^20\d{2}$")
"""Four-digit numbers from 1000 to 2099 with no hedge or scale are years."""

COUNT_DROP_WORDS = words("being been be having")
"""Auxiliaries dropped from what a number counts: "3 million being executed" → "executed"."""

MAX_COUNT_WORDS = 8
"""`counts` is a short phrase; anything longer is cut."""
