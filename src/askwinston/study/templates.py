"""Question templates, wh-word rules and the word lists card generation relies on, as data.

Each constant is used by one rule in `study/questions.py` or `study/cards.py`; change a rule here
and the tests in tests/study/test_templates.py say what it does to the cards.
"""

from __future__ import annotations

import re

WH_WORD = {
    "date": "When",
    "person": "Who",
    "quantity": "How many",
    "percent": "What percentage",
    "reason": "Why",
}
"""The wh-word for each kind of answer."""

DO_SUPPORT = {"VBD": "did", "VBZ": "does", "VBP": "do"}
"""Auxiliary added when a clause has none: "Nikolaev walked" → "When did Nikolaev walk"."""

ASK_WHEN = "{wh} {aux} {subject} {rest}?"
ASK_WHEN_NO_AUX = "{wh} {aux} {subject} {verb} {rest}?"
ASK_WHO_AGENT = "Who {verb} {object}{rest}?"
ASK_WHO_SAID = "Who said ‘{quote}’?"
ASK_WHO_WAS = "Who was {name}?"
ASK_WHY = "Why {aux} {subject} {rest}?"
ASK_HOW_MANY = "{wh} {noun}{rest}?"
ASK_ORDER = "Put these events in order, earliest first."
ASK_MATCH = "Match each person to their role."
ASK_QUOTE_END = "Complete the quote{by}: ‘{start} _____’"
CLOZE_GAP = "_____"
"""What a cloze question shows where the answer was; Anki export turns it into {{c1::…}}."""

DANGLING_START = frozenset(
    "he she it they them this these those that his her their its him there such"
    " one another other others".split()
)
"""A clause whose first word is one of these needs an earlier sentence to make sense."""

DANGLING_ANYWHERE = frozenset("they them this these it he she him".split())
"""Words that leave a question without its referent (possessives are allowed: 'his office')."""

DANGLING_PHRASES = re.compile(
    r"(?i)\b(?:that|the same|the following|the next|the previous)"
    r" (?:day|week|month|year|evening|night)\b"
)
"""Times told relative to an earlier line ('Later that month …', 'reached Leningrad the next
day'): a card would not say when. A date (or the gap for one) earlier in the same sentence
anchors them ('attacked in August 1940 and died the next day')."""
ANCHOR = re.compile(r"\b\d{3,4}\b")
"""What anchors a relative time inside a sentence: a year."""

DATE_PREPOSITIONS = ("in", "on", "by", "during", "from", "at", "since", "until", "between", "of")
"""Prepositions dropped together with a date when a clause becomes a question."""

CONNECTORS = re.compile(
    r"(?i)^(?:this|which|it|that)\s+(?:was\s+followed\s+by|led\s+to|resulted\s+in|meant)\s+"
)
"""'This led to 3 million being executed' — dropped, with 'being' → 'people were', to make a
clause that stands alone: '3 million people were executed'."""
BEING = "being "
BEING_AS = "{noun} were "

PEOPLE_NOUN = "people"
"""What a bare number counts when the notes name no noun: '280,000 had their cards taken away'."""

REASON_MARKERS = ("because of", "because", "on the grounds that", "due to", "as a result of")
"""Where the notes give a reason for a clause."""

ROLE_HEADS = frozenset(
    "head chief leader secretary commissar chairman president commander general minister king"
    " queen earl duke tsar premier founder member prime governor marshal lord bishop archbishop"
    " chancellor protector boss".split()
)
"""Nouns that make a noun phrase a role: 'the head of the NKVD', 'the party chief in …'."""

MIN_CLOZE_WORDS = 6
CLAUSE_ALONE_WORDS = 8
"""A shorter note-style clause is shown with the rest of its sentence."""
MAX_CLOZE_WORDS = 45
MAX_QUESTION_WORDS = 28
ORDER_MIN, ORDER_MAX = 3, 5
MATCH_MIN, MATCH_MAX = 3, 5
MCQ_OPTIONS = 4
SAME_ORDER = 1.1
"""A number from the notes is a distractor when within ~10x of the answer (log10 distance)."""
REPLACE_VERBS = frozenset({"replaced", "succeeded"})
"""'X was replaced by Y' → 'Who replaced X as <X's role>?'."""
MAX_REASON_WORDS = 16
SPEECH_VERBS = frozenset(
    "say claim declare write shout tell ask reply announce warn complain boast admit cry".split()
)
"""Verbs whose subject is the speaker of the quote that follows."""
MAX_LEAD_IN_WORDS = 12
"""A cloze may borrow the previous sentence of its line as context when it is this short."""
TIME_RELATIONS = frozenset({"after", "before", "until", "till", "since", "around"})
"""A date after one of these is not *when* something happened: no when-question."""
RELATION_WINDOW = 5
"""How many words before a date are searched for a time relation ('until his death in 1483')."""
MIN_QUOTE_WORDS = 8
"""Shorter quotes are not worth completing."""
NOT_SPEAKER_DEPS = frozenset({"pobj", "dobj", "dative", "poss"})
"""A name in one of these positions ('sent Stalin a note', 'the bishop of Bayeux') is not the
speaker of the quote after it."""
POOL_SIZE = 12
"""How many of the nearest dates or numbers of the notes are tried as distractors."""
NAMING_VERBS = frozenset({"call", "name", "dub", "describe", "label", "brand", "nickname"})
"""'Bukharin, once called "the favourite of the party" by Lenin': the person before a quote
after one of these (as a past participle) is the one described, not the speaker."""
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""A how-many question needs a finite verb after the number ('were killed', 'died'), not a
participle alone ('two branches, both descended from Edward III')."""
