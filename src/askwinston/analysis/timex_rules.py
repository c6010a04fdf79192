"""Word lists and regular-expression building blocks for the temporal tagger.

Rules are data: every list the tagger consults lives here under a name, so widening coverage
means editing a table, not the control flow in `timex.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Month names that are also ordinary words: alone they count only after a date preposition.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "sep", "jun", "jul", "aug"})

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip

# Parts of a day, as TIMEX3 writes them after a date ("2013-03-22TAF").
DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "a": 1, "an": 1, "a single": 1, "half a": 0,
}  # fmt: skip

# Holidays on a fixed calendar day.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
    "bastille day": (7, 14), "armistice day": (11, 11), "may day": (5, 1),
}  # fmt: skip

# Vague counts: TIMEX3 writes the amount as X ("PXY").
VAGUE_COUNTS = ("a few", "few", "several", "many", "some", "a couple of", "a number of")

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip

# Duration units: the ISO letter, and whether it belongs after "T" (time units).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "fortnight": ("2W", False),
    "month": ("M", False), "year": ("Y", False), "decade": ("DE", False),
    "century": ("CE", False), "centurie": ("CE", False),
}  # fmt: skip

# Adverbs that name a recurrence (TIMEX3 SET).
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "nightly": "P1D", "hourly": "PT1H",
}  # fmt: skip

# Leading modifiers of a date, mapped to their TIMEX3 `mod`.
MOD_PHRASES: dict[str, str] = {
    "the end of": "END", "the close of": "END", "the latter part of": "END",
    "the last part of": "END", "the second half of": "END", "the latter half of": "END",
    "the beginning of": "START", "the start of": "START", "the first half of": "START",
    "the early part of": "START", "the outset of": "START", "the dawn of": "START",
    "the middle of": "MID", "the midst of": "MID", "the height of": "MID",
    "early": "START", "late": "END", "mid": "MID", "mid-": "MID", "middle": "MID",
    "around": "APPROX", "about": "APPROX", "circa": "APPROX", "c.": "APPROX", "ca.": "APPROX",
    "approximately": "APPROX", "roughly": "APPROX", "some time in": "APPROX",
    "sometime in": "APPROX",
}  # fmt: skip

# Leading modifiers of a duration.
DURATION_MODS: dict[str, str] = {
    "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "about": "APPROX", "around": "APPROX", "some": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "a mere": "",
}  # fmt: skip

# Words before a bare number that make it a year ("in 1066", "by 1923").
YEAR_PREPOSITIONS = frozenset({
    "in", "by", "of", "since", "until", "till", "from", "during", "before", "after", "to",
    "through", "and", "year", "around", "circa", "c.", "about", "early", "late", "mid",
    "between", "summer", "winter", "spring", "autumn", "fall", "throughout", "as", "the",
})  # fmt: skip

# Nouns that a counted number precedes: "1500 men" is a count, not a year.
COUNTED_NOUNS = frozenset({
    "men", "women", "people", "troops", "soldiers", "tanks", "aircraft", "planes", "ships",
    "guns", "prisoners", "casualties", "dead", "killed", "wounded", "deaths", "miles", "km",
    "kilometres", "kilometers", "metres", "meters", "feet", "yards", "square", "dollars",
    "pounds", "votes", "members", "seats", "sailors", "horses", "cavalry", "infantry",
    "civilians", "refugees", "workers", "rifles", "vessels", "boats", "warships", "hectares",
    "acres", "tons", "tonnes", "strong", "persons", "children", "families", "cases",
    "mm", "cm", "kg", "percent", "per", "marines", "officers", "fighters", "insurgents",
    "militants", "rebels", "students", "villages", "houses", "units", "divisions",
})  # fmt: skip

# Words before a number that make it anything but a date.
NOT_DATE_BEFORE = frozenset({
    "page", "pages", "p.", "pp.", "chapter", "chapters", "section", "no.", "number", "aged",
    "age", "room", "route", "flight", "article", "paragraph", "line", "lines", "figure",
    "table", "$", "£", "€", "us$", "over", "under", "some", "nearly", "almost", "approximately",
    "roughly", "than", "only", "exactly", "total", "totalling", "totaling",
})  # fmt: skip

# Phrases that look temporal but are not, checked around a candidate.
NOT_DATE_AFTER_SEASON = frozenset({
    "cleaning", "collection", "term", "palace", "olympics", "games", "break", "time",
    "clothes", "session", "roll", "rolls", "water", "waters", "onion", "onions", "chicken",
})  # fmt: skip

# Nouns a season modifies as a time ("the summer offensive", "winter quarters").
SEASON_EVENT_NOUNS = frozenset({
    "offensive", "offensives", "counter-offensive", "counteroffensive", "campaign", "campaigns",
    "quarters", "months", "attack", "attacks", "assault", "uprising", "rains", "harvest",
    "fighting", "battles", "operations",
})  # fmt: skip

# Narrative "now" and similar: dates in news (anchored on the DCT), not in history notes.
NEWS_ONLY_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "today": "TODAY", "yesterday": "-1D",
    "tomorrow": "+1D", "tonight": "TNI", "recently": "PAST_REF", "nowadays": "PRESENT_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "at the time": "PAST_REF",
    "at present": "PRESENT_REF", "the present": "PRESENT_REF",
}  # fmt: skip

# Of NEWS_ONLY_WORDS, those that history notes also use as time references.
NARRATIVE_WORDS = frozenset({
    "today", "nowadays", "at present", "currently", "recently", "the past", "the future",
})  # fmt: skip

# Relative pointers: "last year" (-1), "this year" (0), "the following year" (+1).
RELATIVE_POINTERS: dict[str, int] = {
    "last": -1, "the last": -1, "previous": -1, "the previous": -1, "the preceding": -1,
    "the prior": -1,
    "this": 0, "that": 0, "the same": 0, "that same": 0, "the current": 0, "current": 0,
    "next": 1, "the next": 1, "the following": 1, "the subsequent": 1, "coming": 1,
    "the coming": 1,
}  # fmt: skip

# "later"/"after"/"earlier" after a counted unit: direction of the shift from the anchor.
SHIFT_WORDS: dict[str, int] = {
    "later": 1, "afterwards": 1, "afterward": 1, "after": 1, "on": 1, "hence": 1,
    "earlier": -1, "before": -1, "ago": -1, "previously": -1, "prior": -1, "before that": -1,
}  # fmt: skip

# Words that put a sentence in the future, so "Saturday" or "June" lies ahead of the DCT.
FUTURE_CUES = (
    r"\b(?:will|won't|'ll|shall|going to|plans? to|planned|is to|are to|scheduled|expected|"
    r"due to|set to|upcoming|next)\b"
)

# A month named without a year more than this many months before the story's current month
# is taken as next year's: only January right after a December ("December 1941 ... in
# January" -> January 1942). Wider windows (3-9) scored worse on WikiWars: stories flash back.
FLASHBACK_MONTHS = 10

# A lone year outside (anchor year + lo, anchor year + hi) does not move a precise anchor.
ASIDE_WINDOW = (-1, 10)

# Eras; a full stop is part of the era only in the dotted spelling ("B.C."), not "BC." at the
# end of a sentence.
ERA_BC = r"(?:B\.\s?C\.(?:E\.)?|BCE|BC)(?!\w)"
ERA_AD = r"(?:A\.\s?D\.|C\.E\.|AD|CE)(?!\w)"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first so a longer word wins at one position."""
    items = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
MONTH_RE = (
    rf"(?:(?:{alternation(_FULL_MONTHS)})(?!\w)|"
    rf"(?:{alternation(m for m in MONTHS if m not in _FULL_MONTHS)})\.?)"
)
WEEKDAY_RE = rf"(?:{alternation(WEEKDAYS)})"
SEASON_RE = rf"(?:{alternation(SEASONS)})"
NUMBER_RE = (
    r"(?:(?<![\d,.])\d{1,3}(?:,\d{3})+|(?<![\d,.])\d+(?:\.\d+)?|"
    rf"{alternation(NUMBER_WORDS)}|{alternation(VAGUE_COUNTS)})"
)
NUMBER_WORD_COMPOUND = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    r"(?:one|two|three|four|five|six|seven|eight|nine))"
)
UNIT_RE = rf"(?:{alternation(UNITS)})"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
ORDINAL_RE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{alternation(ORDINAL_WORDS)})"
DATE_MOD_RE = rf"(?:{alternation(MOD_PHRASES)})"
DURATION_MOD_RE = rf"(?:{alternation(k for k in DURATION_MODS)})"
POINTER_RE = rf"(?:{alternation(RELATIVE_POINTERS)})"


# The characters each rule in timex.RULES can start with (a fast pre-check, see
# timex._with_first_chars). Month-led rules start with a month's first letter, and so on.
_M = "JFMASONDjfmasond"
FIRST_CHARS: dict[str, str] = {
    "range_between": "[bBfF]", "range_dash": r"\d", "dmy": r"[tT\d]", "mdy": f"[{_M}]",
    "numeric": r"\d", "iso": r"\d", "day_list": r"\d", "month_list": f"[{_M}]",
    "month_year": f"[{_M}]", "day_month": r"[tT\d]", "month_day": f"[{_M}]",
    "season_year": r"[tTsSaAfFwW\d]", "season_rel": "[iIdDbBuUtToOlLpPnNcC]",
    "season_bare": "[iIdDtTuUbBaAoO]", "season_attr": "[sSaAfFwW]", "pointer_month": "[lLnNtT]",
    "month_of_year": rf"[tT\d{_M}]", "holiday": "[cCnNbBaAmM]", "part_of_year": "[tTlLeE]",
    "month": f"[{_M}]", "century": r"[tT\dfFsSeEnN]", "decade": r"[tT\d'’]",
    "year_era": r"\d", "era_year": "[aA]", "set": "[eEpP]", "set_adverb": "[dDwWmMaAyYnNhH]",
    "pointer_unit": "[lLtTpPcCnN]", "weekday": "[oOlLnNtTmMwWfFsS]",
    "duration": r"[\dtToOfFsSeEnNhHaAmM]", "recent_units": "[rRtT]", "bare_units": "[fFwWiI]",
    "units_shift": "[yYmMwWdDhH]", "to_this_day": "[tT]", "past_unit": "[tT]", "same_time": "[tT]",
    "news_word": "[nNcCtTyYrRaA]", "clock": r"\d", "short_year": "['’]", "year": r"\d",
}  # fmt: skip
