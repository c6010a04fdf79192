"""Shapes of revision notes, as data: what makes a line a heading, a label, a bullet.

Kept apart from the code that applies them so a rule can be read, tested and changed alone.
"""

from __future__ import annotations

import re

HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
"""`<!-- from: URL -->`: provenance written by `winston amalgamate`, not part of the notes."""

MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
"""`# Title`, `## Section` (closing hashes allowed, as Markdown does)."""

BULLET = re.compile(r"^(\s*)(?:(?:[-*•·–+]|\d{1,2}[.)]|[a-z]\))\s+(?=\S)|[a-h]\.\s+(?=[A-Z]))")
"""`- point`, `* point`, `• point`, `1. point`, `a) point`, `b. Point` — but not `c. 7,000`."""

LABEL = re.compile(r"^((?:[A-Z0-9][\w'’&/,()-]*)(?: [\w'’&/()-]+){0,5}):\s+(?=\S)")
"""`Unpopularity: text`, `The Rytov Platform: text` — a short capitalised label, a colon, text."""

CLOCK_TIME = re.compile(r"^\d{1,2}:\d{2}")
"""`10:30 ...` is a time, not a label."""

QUESTION_WORDS = frozenset(
    [
        "why",
        "what",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "which",
        "how",
        "was",
        "were",
        "did",
        "do",
        "does",
        "is",
        "are",
        "could",
        "should",
        "would",
        "can",
        "to",
    ]
)
"""First words of question headings: "Why did the purges take place?", "To what extent ...?"."""

MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "vs",
        "v.",
        "v",
        "against",
        "under",
        "over",
        "into",
        "after",
        "before",
        "during",
    ]
)
"""Words a Title Case heading leaves in lower case."""

CLOSING_PUNCTUATION = ".!;,"
"""A heading does not end with these; a question heading ends with '?', a sub-heading with ':'."""

HEADING_MAX_WORDS = 8
"""Plain-text headings are short: "The Murder of Kirov", "The Purges begin"."""

QUESTION_HEADING_MAX_WORDS = 14
LABEL_HEADING_MAX_WORDS = 8
"""A line like "The First Show trial:" introduces what follows it."""

TITLE_CASE_SHARE = 0.5
"""Share of non-minor words that must be capitalised for a short line to count as a heading."""

PREAMBLE_MAX_LINES = 5
"""A title found within this many non-blank lines may follow a preamble (where notes came from)."""

CLAUSE_SEPARATOR = re.compile(r"\s+[-–—]+\s+")
"""Note-style clauses joined by a spaced dash: "Lominadze was sacked - Kirov defeated Stalin"."""

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
"""A full stop, question or exclamation mark, optional closing quote, space, then a capital."""

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "mt",
        "gen",
        "col",
        "lt",
        "capt",
        "sgt",
        "rev",
        "prof",
        "sr",
        "jr",
        "no",
        "vol",
        "ch",
        "pp",
        "p",
        "fig",
        "c",
        "ca",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "cf",
        "al",
        "ad",
        "bc",
        "u.s",
        "u.k",
    ]
)
"""Words that end with a full stop without ending the sentence ("1 Dec. 1934", "c. 1066")."""

OPEN_QUOTES = '“‘"'
CLOSE_QUOTES = {"“": "”", "‘": "’", '"': '"'}
