"""Consistency-check thresholds as data."""

from __future__ import annotations

import re

from askwinston.analysis.lexicon import words

STOPWORDS = words(
    "a an the of to in on at by for from with and or but was were is are be been being had has "
    "have it its this that they them their his her he she who which as into over than more "
    "only just"
)
"""Words left out when comparing two events or two counts."""

SAME_EVENT_OVERLAP = 0.6
"""Share of content words two events' "what" must share (Jaccard) to be the same event."""

SAME_COUNT_OVERLAP = 0.6
"""Share of content words two quantities' "counts" must share to count the same thing."""

MIN_COMPARED_WORDS = 2
"""Phrases with fewer content words are too vague to compare."""

LABEL_WITH_YEAR = re.compile(r"\b\d{3,4}\b")
"""A "Label:" with a year in it ("April 1483:") dates its line, even if no Timex was read from
the label, so such lines are never reported as undated."""
