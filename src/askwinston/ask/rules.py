"""Rules as data for questions and answers: question shapes, answer cues, words to skip.

Each constant is one idea, matched case-insensitively; `question.py` and `extract.py` read them.
"""

from __future__ import annotations

import re

QUESTION_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.I))
    for kind, pattern in (
        ("quote", r"\bwho\b.*\b(?:said|say|says|wrote|declared|claimed|called)\b.*['\"‘“]"),
        ("quote", r"^(?:who said|who says|who wrote the words|whose words)\b"),
        ("event", r"^what (?:happened|happens) (?:to|with|at|in|on|after|during)\b"),
        ("saying", r"^what (?:did|does|do|had) .+\b(?:say|said|write|wrote|declare|claim|shout"
                   r"|announce|call)\b(?:\s+(?:about|of|to|when)\b.*)?\s*\??$"),
        ("date", r"^(?:when|what year|which year|in what year|in which year|what date|on what"
                 r" date|on which date|what month|in what month|what day|what century|what"
                 r" time|at what time|by what year|since when|until when|how long ago)\b"),
        ("number", r"^(?:how many|how much|how old|how long|how far|how big|how large|how"
                   r" tall|how high|what percentage|what percent|what proportion|what fraction"
                   r"|what number|what share|what age|what was the population|how often)\b"),
        ("reason", r"^(?:why|for what reason|what was the reason|what were the reasons|what"
                   r" (?:was|were) the causes?|what caused|what led to|how come)\b"),
        ("place", r"^(?:where|in what (?:city|country|town|place|region|state|area)|in which"
                  r" (?:city|country|town|place|region|state|area)|what (?:city|country|town|"
                  r"place|region|state|area)|which (?:city|country|town|place|region|state|"
                  r"area)|from where|to where)\b"),
        ("person", r"^(?:who|whom|whose|(?:which|what) (?:person|man|woman|king|queen|leader"
                   r"|emperor|general|president|pope|ruler))\b"),
        ("manner", r"^how (?:did|was|were|does|do|is|are|had)\b"),
        ("list", r"^(?:list|name (?:the|two|three|some|all)|give (?:two|three|some))\b"),
        ("entity", r"^what (?:is|was|are|were) (?:the|a|an)\b"),
        ("entity", r"^(?:what|which)\s+(?!(?:was|were|is|are|did|does|do|had|has|have|can|"
                   r"could|would|will|should|might|may|must|happened|happens|caused|led|made|"
                   r"makes|became|a|an|the|of|in|to|for|about)\b)[a-z]+"),
    )
)
"""Question start → expected answer type; the first pattern that matches wins."""

DEFINITION_QUESTION = re.compile(
    r"^(?i:who|what) (?i:was|were|is|are) (?:the )?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*\??$")
""""Who were the Semuren?": a name to explain, not a person to find."""

LEADING_PREPOSITION = re.compile(
    r"^(?:in|on|at|with|about|for|from|by|to|of|during|since|until|after|before|under|into|"
    r"through|against|among|between|around|roughly|approximately)\s+(?=(?:what|which|who|whom|"
    r"whose|when|where|how|why)\b)", re.I)
"""A preposition before the question word ("In what language …", "With whom …"): skipped."""

LATE_WH_WORD = re.compile(r"(?<=\s)(?:what|which|who|whom|whose|when|where|how many|how much)\b")
"""A question word that comes late ("… in what year?"): the type is read from there."""

COPULA_QUESTION = re.compile(r"^what (?:is|was|are|were) (?:the|a|an) ", re.I)
""""What was the X?": a name for a description, or a description of a name (see answer.py)."""

NOT_HEAD = frozenset({"name", "title", "term", "word", "kind", "type", "sort"})
"""Words after "what is the" that say an answer is a name, not what it names."""

HEAD_WORDS = 2
"""How many words after "what"/"which" name the kind of thing wanted ("which NASA orbiter")."""

TYPE_WORDS = frozenset(
    "when year date month day century time many much old long far big large tall high "
    "percentage percent proportion fraction number share age population often reason reasons "
    "cause causes caused city country town place region state area person man woman name "
    "happen happened before after".split()
)
"""Words that say what kind of answer is wanted, not what it is about: not content terms."""

SUCCESSOR_QUESTION = re.compile(
    r"^who (?:replaced|succeeded|followed|came after|takeover)\b|^who (?:was|became) .+"
    r"\bafter\b|\bsuccessor\b", re.I)
PREDECESSOR_QUESTION = re.compile(
    r"^who (?:was|were) .+\bbefore\b|^who (?:did|had) .+\b(?:replace|succeed|follow)\b"
    r"|^who preceded\b|\bpredecessor\b", re.I)
"""Questions about who held a post after or before someone."""

SUCCESSION_VERBS = re.compile(
    r"\b(?P<verb>replac(?:ed|es|e|ing)|succeed(?:ed|s)?|took over from|takes over from"
    r"|followed)\b(?P<by>\s+by\b)?", re.I)
"""Succession in the notes: "A was replaced by B" (by = passive) or "B replaced A"."""

TOOK_PLACE = re.compile(r"\b(?:took|takes|take|taking)\s+(?:over\s+)?(?:his|her|their)\s+"
                        r"(?:place|post|job|role|seat|throne)\b", re.I)
""""A was sacked and B took his place": B succeeds the name before B."""

SUCCESSOR_NOUN = re.compile(r"(?:[’']s?\s+)(?:successor|replacement)\b", re.I)
""""A's successor (as …) was B": A before, B after."""

REASON_CUES: tuple[str, ...] = (
    "on the grounds that", "because of", "because", "due to", "as a result of", "owing to",
    "in order to", "so that", "since", "as a reaction to", "in response to", "to stop",
    "to prevent", "out of", "for fear that", "fearing", "led to", "caused", "→",
)
"""Words that introduce a reason; the answer to "why" is the clause after them."""

CLAUSE_END = re.compile(r"\s+-\s+|;|:|\.\s|\.$|,\s(?:but|and|so|which|who|while)\b|\s→\s")
"""Where a clause of a note ends: " - ", ";", ":", a full stop, ", but" …"""

PLACE_PREPOSITIONS = ("in", "at", "into", "near", "from", "to", "outside", "inside", "on")
"""Prepositions that start a place phrase after the verb."""

NAME_SKIP = frozenset(
    "The A An In On At By For From To Of And But Or If After Before During When While Only "
    "Some Many Most This That These Those There Their They He She It His Her We I Official "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Summer Winter Spring Autumn "
    "Motive Results Ending New Penalties Security No Both Between Also Later Then One Two However "
    "Although Though Because Since As Under Despite Following Many Several Each Every Other "
    "Another Such What Which Who Why How Where Its Our Your".split()
)
"""Capitalised words that start sentences or name times: never an answer to "who"."""

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "hundreds": 100,
    "thousand": 1000, "thousands": 1000, "million": 10**6, "millions": 10**6, "dozen": 12,
    "dozens": 12, "half": 0.5,
}
"""Numbers in words, accepted as answers to "how many"."""

HEDGES = ("at least", "more than", "over", "about", "around", "almost", "nearly", "under",
          "fewer than", "less than", "up to", "some", "roughly", "approximately", "c.",
          "just over", "just under", "well over", "as many as", "only")
NUMBER = re.compile(
    r"(?i)(?<![\w.])(?:(?P<hedge>" + "|".join(re.escape(h) for h in HEDGES) + r")\s+)?"
    r"(?P<num>[£$€]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[£$€]?\d+(?:\.\d+)?|(?:"
    + "|".join(NUMBER_WORDS) + r"))\b"
    r"(?:\s*(?P<pct>%|per ?cent))?(?:\s+(?P<scale>thousand|million|billion))?"
    r"(?:\s+out of\s+(?P<of>\d[\d,]*))?(?:-year-old|\s+years?\s+old)?"
)
"""A number with its hedge: "over 30,000", "15 out of 16", "60%", "at least 3 million"."""

PERCENT_WORDS = frozenset({"percentag", "percent", "proportion", "fraction", "share", "%"})
"""Question stems that want a percentage or share."""

COMMON_STARTERS = frozenset(
    "according although however major despite following during meanwhile eventually initially "
    "finally later soon after before since while many most some several various another other "
    "both each every such among within without throughout unlike like instead".split()
)
"""Words that start sentences capitalised without being names, even when notes never write
them in lower case."""

NAMED_HEAD = re.compile(
    r"(?i)\b(battle|siege|treaty|war|peace|act|statute|edict|massacre|revolt|rebellion|rising"
    r"|uprising|invasion|crisis|council|congress|conference|plot|raid)s?\s+(?:of|at|on)\s+"
    r"(?:the\s+)?(?!the\b|a\b|an\b|what\b|which\b)[a-z]")
"""A generic head before the name of a thing ("the battle of Towton", "treaty of Troyes"):
the name says which one, and notes often write it alone ("at Towton")."""

NAMING_QUESTION = re.compile(r"(?i)^what\b.*\b(?:called|named|known as|nicknamed)\s*\??$")
""""What were Kennedy's advisers called?": the answer is the name the notes give (after
"called", a capitalised or quoted name), never a description."""

NAMING_CUE = re.compile(r"\b(?i:called|named|nicknamed|known as)\s+(?:the\s+)?"
                        r"(?P<name>[‘“\"'][^’”\"']{2,60}[’”\"']|[A-Z][\w’'-]*(?:\s+(?:of\s+)?"
                        r"[A-Z][\w’'-]*)*)")
"""A name given in the notes: "a group called ExComm", "known as the 'Congress of Victors'"."""

GET_PASSIVE = re.compile(r"(?i)\b(?:get|gets|got|getting|gotten)\s+(?=\w+ed\b)")
""""When did the Bastille get stormed?" is "… stormed?": the "get" of a passive says nothing."""

REGNAL_NUMBER = re.compile(r"(?i)(?<=[a-z]\s)\b((?=[ivxl]{1,5}\b)(?!i\b)[ivxl]+)\b")
""""Louis XVI", "henry viii": notes name the king with the number once, then "Louis" alone."""
