"""Temporal tagger: finds time expressions and normalises them to TIMEX3 values.

Pure Python and rule based, so it is fast, explainable and needs no model. Each rule in `RULES`
is a regular expression plus a normaliser; candidates are taken left to right (longest first
at one position) and normalised in text order, because relative expressions ("two days later",
"8th Nov") are resolved against the last fully specified date seen so far (narrative mode) or
against the document creation time (news mode).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from askwinston.analysis import timex_rules as R
from askwinston.model import Notes, Span, Timex

# ---------------------------------------------------------------------------------------------
# Public types


@dataclass(frozen=True)
class TimexMatch:
    """One time expression found in a text: offsets into that text plus its TIMEX3 reading."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    resolved: bool = True


@dataclass
class TimeContext:
    """The anchor relative expressions resolve against; carried across calls within a document."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def set(self, year: int | None, month: int | None = None, day: int | None = None) -> None:
        """Take a newly mentioned date as the anchor, at the granularity it was written."""
        self.year, self.month, self.day = year, month, day

    def accept(self, year: int, month: int | None = None, day: int | None = None) -> None:
        """Move the anchor, unless a bare year looks like an aside far from the narrative.

        Once the story is at a precise date, a lone year well before it ("as in 1614") or far
        after it ("documents found in 2004") is a flashback or a comment, not a move of the
        story; partial dates that follow still belong to the narrative's year.
        """
        if month is None and self.month is not None and self.year is not None:
            lo, hi = R.ASIDE_WINDOW
            if not self.year + lo <= year <= self.year + hi:
                return
        self.set(year, month, day)


@dataclass(frozen=True)
class _Norm:
    """What a rule's normaliser returns: TIMEX3 type/value/mod and the extent to keep."""

    type: str
    value: str
    mod: str | None = None
    resolved: bool = True
    start: int | None = None  # narrowed extent (e.g. without a leading preposition)
    end: int | None = None
    anchor: tuple[int, int | None, int | None] | None = None  # date to anchor on afterwards


@dataclass
class _State:
    """Everything a normaliser may consult: the text, the mode, the DCT and the anchor."""

    text: str
    mode: str
    dct: dt.date | None
    ctx: TimeContext
    ranges: bool


Normaliser = Callable[[re.Match[str], _State], "_Norm | None"]

# ---------------------------------------------------------------------------------------------
# Small helpers


def fmt_year(year: int) -> str:
    """TIMEX3 year: four digits, BC as a minus sign ("-0044"); there is no year 0."""
    return f"-{abs(year):04d}" if year < 0 else f"{year:04d}"


def _ymd(year: int, month: int | None = None, day: int | None = None) -> str:
    """A TIMEX3 calendar value at the granularity given."""
    out = fmt_year(year)
    if month is not None:
        out += f"-{month:02d}"
        if day is not None:
            out += f"-{day:02d}"
    return out


def _month(word: str) -> int:
    """Month number of a month name or abbreviation ("Dec." -> 12)."""
    return R.MONTHS[word.lower().rstrip(".")]


def _number(word: str) -> int | None:
    """Integer for digits or a number word; None for vague counts ("several")."""
    w = re.sub(r"\s+", " ", word.lower()).replace("-", " ").replace(",", "")
    if w.replace(".", "", 1).isdigit():
        return int(float(w)) if "." not in w else None
    if w in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[w]
    parts = w.split()
    if len(parts) == 2 and all(p in R.NUMBER_WORDS for p in parts):
        return R.NUMBER_WORDS[parts[0]] + R.NUMBER_WORDS[parts[1]]
    return None


def _ordinal(word: str) -> int:
    """Integer of "19th" or "nineteenth"."""
    w = word.lower()
    if w in R.ORDINAL_WORDS:
        return R.ORDINAL_WORDS[w]
    return int(re.sub(r"\D", "", w))


def _valid_day(year: int, month: int, day: int) -> bool:
    """True if the day exists in that month (BC years use a non-leap February)."""
    try:
        dt.date(year if year > 0 else 2001, month, day)
    except ValueError:
        return False
    return True


def _era_year(number: int, era: str | None) -> int:
    """A signed year from a number and its era: BC years are negative (44 BC -> -44)."""
    if era and era.replace(".", "").replace(" ", "").upper().startswith("B"):
        return -number
    return number


def _word_before(text: str, pos: int) -> str:
    """The word (lower case) that ends just before pos, skipping spaces."""
    m = re.search(r"([\w$£€.']+)\s*$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


def _word_after(text: str, pos: int) -> str:
    """The word (lower case) that starts just after pos, skipping spaces."""
    m = re.match(r"\s*([\w%]+)", text[pos : pos + 30])
    return m.group(1).lower() if m else ""


def _capitalised(m: re.Match[str], group: str) -> bool:
    """Month and weekday names only count capitalised ("May", not the verb "may")."""
    return m.group(group)[0].isupper()


def _anchor_year(st: _State) -> int | None:
    """The year a partial date belongs to: the narrative anchor, else the DCT's year."""
    if st.mode == "news" and st.dct is not None:
        return st.dct.year
    if st.ctx.year is not None:
        return st.ctx.year
    return st.dct.year if st.dct is not None else None


def _anchor_date(st: _State, news_uses_dct: bool = True) -> tuple[int, int | None, int | None]:
    """The date relative words shift from: the DCT in news, else the last full date."""
    if st.mode == "news" and news_uses_dct and st.dct is not None:
        return (st.dct.year, st.dct.month, st.dct.day)
    if st.ctx.year is not None:
        return (st.ctx.year, st.ctx.month, st.ctx.day)
    if st.dct is not None:
        return (st.dct.year, st.dct.month, st.dct.day)
    return (0, None, None)


def _shift(anchor: tuple[int, int | None, int | None], unit: str, n: int) -> str | None:
    """Anchor moved by n units, at the unit's granularity; None if the anchor is too coarse."""
    year, month, day = anchor
    if year == 0:
        return None
    if unit == "Y":
        new = year + n
        if (year > 0) != (new > 0) or new == 0:  # no year 0 between 1 BC and AD 1
            new += 1 if n > 0 else -1
        return fmt_year(new)
    if unit == "DE":
        return fmt_year(year + 10 * n)[:3]
    if unit == "CE":
        century = (year - 1) // 100 + n if year > 0 else -((-year - 1) // 100 + 1) - n
        return f"{century:02d}" if century >= 0 else f"-{-century - 1:02d}"
    if unit == "M":
        if month is None:
            return None
        idx = year * 12 + month - 1 + n
        return _ymd(idx // 12, idx % 12 + 1)
    if unit in ("W", "D") and month is not None and day is not None and year > 0:
        delta = dt.timedelta(days=n * (7 if unit == "W" else 1))
        try:
            d = dt.date(year, month, day) + delta
        except (ValueError, OverflowError):
            return None
        if unit == "W":
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
        return d.isoformat()
    return None


def _anchor_of(value: str) -> tuple[int, int | None, int | None] | None:
    """The (year, month, day) a resolved calendar value anchors later expressions on."""
    m = re.match(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if not m:
        return None
    return (int(m.group(1)), int(m.group(2)) if m.group(2) else None,
            int(m.group(3)) if m.group(3) else None)  # fmt: skip


def _date(value: str, **kw: object) -> _Norm:
    """A DATE whose resolved value anchors what follows."""
    return _Norm("DATE", value, anchor=_anchor_of(value), **kw)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Normalisers, one per rule family


def _n_full_date(m: re.Match[str], st: _State) -> _Norm | None:
    """ "1st December 1934", "December 1, 1934", "5 September 490 BC"."""
    if not _capitalised(m, "m"):
        return None
    year = _era_year(int(m.group("y")), m.groupdict().get("era"))
    month, day = _month(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
    if not _valid_day(year, month, day) or (abs(year) < 100 and not m.groupdict().get("era")):
        return None
    return _date(_ymd(year, month, day))


def _n_numeric(m: re.Match[str], st: _State) -> _Norm | None:
    """ "08/11/1923": day first (British notes) unless only month-first is possible."""
    a, b, y = int(m.group("a")), int(m.group("b")), m.group("y")
    year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
    day, month = (a, b) if b <= 12 else (b, a)
    if month > 12 or not _valid_day(year, month, day):
        return None
    return _date(_ymd(year, month, day))


def _n_iso(m: re.Match[str], st: _State) -> _Norm | None:
    """ "1934-12-01" written as ISO."""
    year, month, day = int(m.group("y")), int(m.group("mo")), int(m.group("d"))
    if not (1 <= month <= 12) or not _valid_day(year, month, day):
        return None
    return _date(_ymd(year, month, day))


def _n_month_year(m: re.Match[str], st: _State) -> _Norm | None:
    """ "February 1934", "Feb. 1934"."""
    if not _capitalised(m, "m"):
        return None
    year = _era_year(int(m.group("y")), m.groupdict().get("era"))
    if abs(year) < 1000 and not m.groupdict().get("era"):
        return None  # "January of 114": a count, not a year
    return _date(_ymd(year, _month(m.group("m"))))


def _n_day_month(m: re.Match[str], st: _State) -> _Norm | None:
    """ "8th Nov", "November 8": the year comes from context."""
    if not _capitalised(m, "m"):
        return None
    month, day = _month(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
    year = _anchor_year(st)
    if year is None:
        return _Norm("DATE", f"XXXX-{month:02d}-{day:02d}", resolved=False)
    year = _news_year(st, m.start(), month)
    if not _valid_day(year, month, day):
        return None
    return _date(_ymd(year, month, day))


def _n_day_list(m: re.Match[str], st: _State) -> _Norm | None:
    """ "6-7 January 1916", "22 to 24 February": the first day takes the month (and year)
    written after the last one."""
    if not _capitalised(m, "m"):
        return None
    month, day = _month(m.group("m")), int(re.sub(r"\D", "", m.group("d")))
    year = int(m.group("y")) if m.group("y") else _anchor_year(st)
    if year is None:
        return _Norm("DATE", f"XXXX-{month:02d}-{day:02d}", resolved=False)
    if not _valid_day(year, month, day):
        return None
    return _Norm("DATE", _ymd(year, month, day))


def _n_month(m: re.Match[str], st: _State) -> _Norm | None:
    """ "in March": a month alone, year from context; ambiguous names need a preposition."""
    if not _capitalised(m, "m"):
        return None
    word = m.group("m").lower().rstrip(".")
    before = _word_before(st.text, m.start())
    if (word in R.AMBIGUOUS_MONTHS or word not in R.MONTHS or len(word) < 4) and (
        before not in R.YEAR_PREPOSITIONS and before not in ("last", "next", "this", "that")
    ):
        return None
    if word in ("may", "march") and m.start() > 0 and st.text[m.start() - 1] not in " \t\n(":
        return None
    year = _anchor_year(st)
    month = _month(word)
    if year is None:
        return _Norm("DATE", f"XXXX-{month:02d}", resolved=False)
    return _date(_ymd(_news_year(st, m.start(), month), month))


def _n_month_of_year(m: re.Match[str], st: _State) -> _Norm | None:
    """ "July 25 of that year", "November of the same year": the anchor year, shifted."""
    if not _capitalised(m, "m"):
        return None
    step = R.RELATIVE_POINTERS[re.sub(r"\s+", " ", m.group("p").lower())]
    year = st.ctx.year if st.ctx.year is not None else _anchor_year(st)
    month = _month(m.group("m"))
    day_text = m.group("d") or m.group("d2")
    if year is None:
        return _Norm("DATE", f"XXXX-{month:02d}", resolved=False)
    shifted = _shift((year, None, None), "Y", step)
    year = int(shifted) if shifted else year
    day = int(re.sub(r"\D", "", day_text)) if day_text else None
    if day is not None and not _valid_day(year, month, day):
        return None
    return _date(_ymd(year, month, day))


def _n_holiday(m: re.Match[str], st: _State) -> _Norm | None:
    """ "Christmas 1914", "New Year's Day": fixed-date holidays, year from text or context."""
    if not m.group("h")[0].isupper():
        return None
    month, day = R.HOLIDAYS[m.group("h").lower().replace("’", "'")]
    year = int(m.group("y")) if m.group("y") else _anchor_year(st)
    if year is None:
        return _Norm("DATE", f"XXXX-{month:02d}-{day:02d}", resolved=False)
    return _date(_ymd(year, month, day))


def _n_part_of_year(m: re.Match[str], st: _State) -> _Norm | None:
    """ "the end of the year", "later in the month": the anchor's year or month, with a mod."""
    year, month, _ = _anchor_date(st, news_uses_dct=True)
    phrase = re.sub(r"\s+", " ", m.group("mp").lower())
    mod = R.MOD_PHRASES.get(phrase) or {"late in": "END", "early in": "START"}.get(phrase)
    if year == 0 or (m.group("u").lower() == "month" and month is None):
        return _Norm("DATE", "XXXX", mod, resolved=False)
    value = fmt_year(year) if m.group("u").lower() == "year" else _ymd(year, month)
    return _Norm("DATE", value, mod)


def _future_cue(st: _State, pos: int) -> bool:
    """True if the sentence around pos speaks of the future ("will", "plans to", "expected")."""
    start = max(st.text.rfind(".", 0, pos), st.text.rfind("\n", 0, pos), pos - 100)
    end_candidates = [i for i in (st.text.find(".", pos), st.text.find("\n", pos)) if i >= 0]
    end = min([*end_candidates, pos + 80])
    return re.search(R.FUTURE_CUES, st.text[start + 1 : end], re.IGNORECASE) is not None


def _news_year(st: _State, pos: int, month: int) -> int:
    """Year of a month named without one: in news the nearest past one unless future tense;
    in a narrative the story's year, except that a January right after a December starts the
    next year."""
    year = _anchor_year(st) or 0
    if st.mode != "news" or st.dct is None:
        if st.mode == "news" or st.ctx.month is None or st.ctx.year is None or year <= 0:
            return year
        # stories move forward: a month well before the current one is next year's
        return year + 1 if month < st.ctx.month - R.FLASHBACK_MONTHS else year
    if _future_cue(st, pos):
        return year + 1 if month < st.dct.month else year
    return year - 1 if month > st.dct.month else year


def _n_pointer_month(m: re.Match[str], st: _State) -> _Norm | None:
    """ "last June", "next May": the month before/after the anchor date."""
    if not _capitalised(m, "m"):
        return None
    month = _month(m.group("m"))
    year, amonth, _ = _anchor_date(st)
    if year == 0:
        return _Norm("DATE", f"XXXX-{month:02d}", resolved=False)
    step = R.RELATIVE_POINTERS[re.sub(r"\s+", " ", m.group("p").lower())]
    if step < 0 and amonth is not None and month >= amonth:
        year -= 1
    elif step > 0 and amonth is not None and month <= amonth:
        year += 1
    return _date(_ymd(year, month))


def _n_season_year(m: re.Match[str], st: _State) -> _Norm | None:
    """ "Summer 1936", "the summer of 1930", "1936 summer" -> 1936-SU; "spring of 480 BC"."""
    if m.group("ey"):
        year = _era_year(int(m.group("ey")), m.group("era"))
    else:
        year = int(m.group("y") or m.group("y2"))
        if year < 1000:
            return None
    season = R.SEASONS[(m.group("s") or m.group("s2")).lower()]
    return _Norm("DATE", f"{fmt_year(year)}-{season}", anchor=(year, None, None))


def _names_something(text: str, start: int, end: int) -> bool:
    """A capitalised season inside a sentence followed by a capitalised word is part of a name."""
    rest = text[end:].lstrip(" ")
    inside = start > 0 and text[:start].strip() != ""
    return text[start].isupper() and inside and rest[:1].isupper()


def _n_season_rel(m: re.Match[str], st: _State) -> _Norm | None:
    """ "that winter", "the following spring", "in the autumn": season of the anchor year."""
    after = _word_after(st.text, m.end())
    if after in R.NOT_DATE_AFTER_SEASON or (after == "of" and m.group("s").lower() == "fall"):
        return None  # "spring cleaning", "the fall of Paris"
    if _names_something(st.text, m.start("s"), m.end("s")):
        return None  # "the Winter War", "the Spring Offensive": a name, not a season
    season = R.SEASONS[m.group("s").lower()]
    pointer = (m.group("p") or "").lower()
    year, _, _ = _anchor_date(st, news_uses_dct=pointer in ("last", "next", "this"))
    step = R.RELATIVE_POINTERS.get(pointer, 0)
    start = m.start("x")
    em = (m.group("em") or "").lower()
    mod = R.MOD_PHRASES.get(em) if em else None
    if year == 0:
        return _Norm("DATE", f"XXXX-{season}", mod, resolved=False, start=start)
    shifted = _shift((year, None, None), "Y", step) or fmt_year(year)
    return _Norm("DATE", f"{shifted}-{season}", mod, start=start)


def _n_year_era(m: re.Match[str], st: _State) -> _Norm | None:
    """ "44 BC" -> -0044, "AD 43" -> 0043."""
    number = int(m.group("y"))
    if number == 0:
        return None
    year = _era_year(number, m.group("era"))
    return _date(fmt_year(year))


def _plausible_year(m: re.Match[str], st: _State, year: int) -> bool:
    """A bare number is a year only if in range and not a count, a page, a price or an age."""
    before = _word_before(st.text, m.start())
    after = _word_after(st.text, m.end())
    if before in R.NOT_DATE_BEFORE or after in R.COUNTED_NOUNS:
        return False
    if re.match(r"\s*(?:%|per\s*cent|percent)", st.text[m.end() : m.end() + 10]):
        return False
    if 1000 <= year <= 2100:
        return True
    return before in R.YEAR_PREPOSITIONS and 100 <= year < 1000 and (
        before in ("in", "year", "since", "until") or _bc_context(m, st)
    )


def _bc_context(m: re.Match[str], st: _State) -> bool:
    """True if a bare year is BC: the story is in BC, or "264 to 241 BC" follows."""
    if st.ctx.year is not None and st.ctx.year < 0:
        return True
    follow = st.text[m.end() : m.end() + 20]
    return re.match(rf"\s*(?:-|–|—|to|and|or|/)\s*\d{{1,4}}\s*{R.ERA_BC}", follow) is not None


def _n_year(m: re.Match[str], st: _State) -> _Norm | None:
    """ "1934": a year when plausible in context."""
    year = int(m.group("y"))
    if not _plausible_year(m, st, year):
        return None
    if year < 1000 and _bc_context(m, st):
        year = -year
    return _date(fmt_year(year))


def _n_short_year(m: re.Match[str], st: _State) -> _Norm | None:
    """ "'34": a two-digit year, only after a date preposition, century from the anchor."""
    if _word_before(st.text, m.start()) not in R.YEAR_PREPOSITIONS:
        return None
    anchor = _anchor_year(st)
    century = (anchor // 100) * 100 if anchor and anchor > 0 else 1900
    year = century + int(m.group("yy"))
    if anchor and year > anchor + 10:  # "'58" written in 2013 means 1958
        year -= 100
    return _date(fmt_year(year))


def _n_decade(m: re.Match[str], st: _State) -> _Norm | None:
    """ "the 1930s" -> 193; "the '30s" takes its century from the anchor."""
    if m.group("dec"):
        digits = m.group("dec")[:-1]
        if m.group("era") and _era_year(1, m.group("era")) < 0:
            return _Norm("DATE", f"-{int(digits):03d}")
        return _Norm("DATE", digits) if len(digits) == 3 else None
    anchor = _anchor_year(st)
    century = (anchor // 100) if anchor and anchor > 0 else 19
    return _Norm("DATE", f"{century:02d}{m.group('sd')[0]}")


def _n_century(m: re.Match[str], st: _State) -> _Norm | None:
    """ "the 19th century" -> 18; "the 5th century BC" -> -04."""
    n = _ordinal(m.group("c"))
    if not 1 <= n <= 21:
        return None
    if m.group("era") and _era_year(1, m.group("era")) < 0:
        return _Norm("DATE", f"-{n - 1:02d}")
    return _Norm("DATE", f"{n - 1:02d}")


def _n_range(m: re.Match[str], st: _State) -> _Norm | None:
    """ "between 1933 and 1938", "1914–18", "from 1924 to 1929" -> "1933/1938"."""
    if not st.ranges:
        return None
    a = int(m.group("a"))
    b_text = m.group("b")
    b = int(b_text) if len(b_text) >= 3 else (a // 100) * 100 + int(b_text)
    era = m.groupdict().get("era")
    a, b = _era_year(a, era), _era_year(b, era)
    if not (a < b and (era or (1000 <= a <= 2100 and 1000 <= b <= 2100))):
        return None
    if _word_after(st.text, m.end()) in R.COUNTED_NOUNS:
        return None
    return _Norm("DATE", f"{fmt_year(a)}/{fmt_year(b)}", anchor=(a, None, None))


def _duration_value(n: int | None, unit_word: str) -> str:
    """ISO duration for n units ("P15Y", "PT3H", "PXD" when the count is vague)."""
    letter, is_time = R.UNITS[unit_word.lower().rstrip("s") if unit_word.lower() != "centuries"
                              else "century"]  # fmt: skip
    count = "X" if n is None else str(n)
    if letter == "2W":
        return f"P{'X' if n is None else 2 * n}W"
    if letter in ("DE", "CE") and n is not None:  # as the TE3 gold writes them: P10Y, P100Y
        return f"P{n * (10 if letter == 'DE' else 100)}Y"
    return f"PT{count}{letter}" if is_time else f"P{count}{letter}"


def _n_duration(m: re.Match[str], st: _State) -> _Norm | None:
    """ "15 years", "three months", "a few days"; "two days later" becomes a shifted DATE."""
    unit_word = m.group("u")
    plural = bool(m.group("pl"))
    n = _number(m.group("n"))
    after = _word_after(st.text, m.end())
    hyphen = "-" in st.text[m.start("n") : m.start("u")]
    if after in ("old", "olds") or st.text[m.end() : m.end() + 4] == "-old":
        return None  # an age
    if unit_word.lower() == "second" and m.group("n").lower() in ("a", "an"):
        return None  # "a second offensive": an ordinal
    if plural and m.group("n").lower() in ("a", "an", "one"):
        return None  # "a months-long siege"
    if _word_before(st.text, m.start()) in R.ORDINAL_WORDS or (
        not plural and not hyphen and n is not None and n > 1
    ):
        return None  # "the first five year plan": part of a name
    if st.mode == "news" and after in R.SHIFT_WORDS and after != "ago":
        pass  # TimeML (news) marks "a month earlier" as the duration; the shift is a signal
    elif after in R.SHIFT_WORDS and after not in ("on", "after", "before", "prior"):
        return _shifted(m, st, n, unit_word, R.SHIFT_WORDS[after])
    elif after in ("after", "before") and m.group("p") is None:
        return _event_shift(m, st, n, unit_word, R.SHIFT_WORDS[after])
    return _Norm("DURATION", _duration_value(n, unit_word))


def _shifted(m: re.Match[str], st: _State, n: int | None, unit: str, sign: int) -> _Norm:
    """ "two days later" / "four years ago": the anchor (DCT for "ago" in news) moved."""
    end = m.end() + len(re.match(r"\s*\w+", st.text[m.end() :]).group(0))  # type: ignore[union-attr]
    letter = R.UNITS[unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"][0]
    anchor = _anchor_date(st)
    if n is None:
        base = _shift(anchor, letter, 0) if anchor[0] else None
        return _Norm("DATE", base or "XXXX", "APPROX", resolved=False, end=end)
    shifted = _shift(anchor, letter, sign * n)
    if shifted is None:
        return _Norm("DATE", "XXXX-XX-XX", resolved=False, end=end)
    return _date(shifted, end=end)


def _event_shift(m: re.Match[str], st: _State, n: int | None, unit: str, sign: int) -> _Norm:
    """ "a few days after the execution": anchored on an event we cannot date; kept vague."""
    shifted = _shifted(m, st, n, unit, sign)
    return replace(shifted, mod=shifted.mod or ("APPROX" if n is None else None), resolved=False,
                   anchor=None)  # fmt: skip


def _n_units_shift(m: re.Match[str], st: _State) -> _Norm | None:
    """ "days later": a vague DURATION in news (TimeML), an unresolved DATE in narrative."""
    if st.mode == "news" or not m.group("w"):
        return _Norm("DURATION", _duration_value(None, m.group("u")), end=m.end("x"))
    letter = R.UNITS[m.group("u").lower().rstrip("s")][0]
    value = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(letter, "XXXX")
    return _Norm("DATE", value, resolved=False)


def _n_bare_units(m: re.Match[str], st: _State) -> _Norm | None:
    """ "for years", "in recent weeks": a vague duration (PXY, PXW)."""
    return _Norm("DURATION", _duration_value(None, m.group("u")), start=m.start("x"))


def _n_set(m: re.Match[str], st: _State) -> _Norm | None:
    """ "every year" -> SET P1Y, "every two years" -> P2Y, "each winter" -> XXXX-WI."""
    word = m.group("u").lower()
    n = _number(m.group("n")) if m.group("n") else 1
    if word.rstrip("s") in R.UNITS or word in ("centuries",):
        return _Norm("SET", _duration_value(n, word))
    if word in R.SEASONS:
        return _Norm("SET", f"XXXX-{R.SEASONS[word]}")
    if word in R.WEEKDAYS:
        return _Norm("SET", f"XXXX-WXX-{R.WEEKDAYS[word] + 1}")
    return _Norm("SET", f"XXXX-XX-XXT{R.DAY_PARTS.get(word, 'XX')}")


def _n_set_adverb(m: re.Match[str], st: _State) -> _Norm | None:
    """ "annually", "daily": recurrences written as one adverb."""
    return _Norm("SET", R.SET_ADVERBS[m.group(0).lower()])


def _n_pointer_unit(m: re.Match[str], st: _State) -> _Norm | None:
    """ "last year", "that year", "the following day", "this week", "the next month"."""
    pointer = m.group("p").lower()
    unit = m.group("u").lower()
    step = R.RELATIVE_POINTERS[pointer]
    news_dct = pointer in ("last", "this", "next", "coming", "current", "the current")
    anchor = _anchor_date(st, news_uses_dct=news_dct)
    if unit == "day" and step == 0 and pointer not in ("the same", "that same"):
        return None  # "that day": too vague to resolve reliably
    letter = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "DE",
              "century": "CE"}[unit]  # fmt: skip
    if unit == "decade" and pointer not in ("this", "last"):
        return _Norm("DURATION", "P10Y")
    value = _shift(anchor, letter, step)
    if value is None:
        placeholder = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "D": "XXXX-XX-XX"}
        return _Norm("DATE", placeholder.get(letter, "XXXX"), resolved=False)
    if letter == "W":
        return _Norm("DATE", value)
    return _date(value)


def _n_weekday(m: re.Match[str], st: _State) -> _Norm | None:
    """ "Thursday", "on Friday": in news the nearest such day to the DCT, else left open."""
    if not _capitalised(m, "w"):
        return None
    wd = R.WEEKDAYS[m.group("w").lower()]
    pointer = (m.group("p") or "").lower()
    part = m.group("part")
    anchor = _anchor_date(st)
    start = m.start("x")
    if anchor[0] <= 0 or anchor[1] is None or anchor[2] is None:
        value = f"XXXX-WXX-{wd + 1}"
        resolved = False
    else:
        base = dt.date(*anchor)  # type: ignore[arg-type]
        diff = (wd - base.weekday()) % 7
        future = pointer == "next" or (pointer != "last" and _future_cue(st, m.start()))
        delta = diff if future else (diff - 7 if diff else 0)
        if pointer == "last" and delta == 0:
            delta = -7
        value, resolved = (base + dt.timedelta(days=delta)).isoformat(), True
    if part:
        return _Norm("TIME", f"{value}T{R.DAY_PARTS[part.lower()]}", resolved=resolved, start=start)
    return _Norm("DATE", value, resolved=resolved, start=start)


def _n_news_word(m: re.Match[str], st: _State) -> _Norm | None:
    """ "now", "today", "yesterday": the DCT in news; history notes keep only "today"."""
    word = re.sub(r"\s+", " ", m.group(0).lower())
    code = R.NEWS_ONLY_WORDS[word]
    if st.mode != "news" and word not in R.NARRATIVE_WORDS:
        return None
    if code.endswith("_REF"):
        return _Norm("DATE", code)
    if st.dct is None or st.mode != "news":
        return _Norm("DATE", "PRESENT_REF")
    if code == "TODAY":
        return _Norm("DATE", st.dct.isoformat())
    if code == "TNI":
        return _Norm("TIME", f"{st.dct.isoformat()}TNI")
    return _Norm("DATE", (st.dct + dt.timedelta(days=int(code[:-1]))).isoformat())


def _n_past_unit(m: re.Match[str], st: _State) -> _Norm | None:
    """ "the past decade": the span just before now, a DURATION (P10Y)."""
    return _Norm("DURATION", _duration_value(1, m.group("u")))


def _n_present(m: re.Match[str], st: _State) -> _Norm | None:
    """ "(remains) to this day": the present."""
    return _Norm("DATE", "PRESENT_REF")


def _n_same_time(m: re.Match[str], st: _State) -> _Norm | None:
    """ "at that time", "this period": the narrative's current date, when there is one."""
    if st.mode == "news":
        return None  # in news "this time" is mostly "on this occasion"
    if st.ctx.year is None:
        return _Norm("DATE", "PAST_REF", resolved=False)
    return _Norm("DATE", _ymd(st.ctx.year, st.ctx.month, st.ctx.day))


def _n_clock(m: re.Match[str], st: _State) -> _Norm | None:
    """ "3 p.m.", "15:00 GMT": a TIME on the anchor day."""
    hour = int(m.group("h") or m.group("h2") or m.group("h3"))
    minute_text = m.group("mi") or m.group("mi2") or m.group("mi3")
    minute = int(minute_text or 0)
    ap = (m.group("ap") or "").lower().replace(".", "")
    if ap == "pm" and hour < 12:
        hour += 12
    if ap == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    year, month, day = _anchor_date(st)
    date = _ymd(year, month, day) if year and month and day else "XXXX-XX-XX"
    clock = f"{hour:02d}:{minute:02d}" if minute_text else f"{hour:02d}"
    return _Norm("TIME", f"{date}T{clock}")


# ---------------------------------------------------------------------------------------------
# Rules: (name, pattern, normaliser). Order breaks ties between equally long candidates.

_I = re.IGNORECASE
_ERA = rf"(?:{R.ERA_BC}|{R.ERA_AD})"
_YEAR_ERA = rf"\d{{1,4}}\s*{_ERA}"

_RULES: list[tuple[str, re.Pattern[str], Normaliser]] = [
    ("range_between", re.compile(
        rf"\b(?:between|from)\s+(?P<a>\d{{3,4}})\s*(?:and|to|until|till|through|[-–—])\s*"
        rf"(?P<b>\d{{2,4}})(?:\s*(?P<era>{R.ERA_BC}|{R.ERA_AD}))?(?![\w,])", _I), _n_range),
    ("range_dash", re.compile(
        rf"(?<![\w/.-])(?P<a>\d{{4}})\s*[-–—/]\s*(?P<b>\d{{4}}|\d{{2}})"
        rf"(?:\s*(?P<era>{R.ERA_BC}|{R.ERA_AD}))?(?![\w,/.-]|\.\d)"), _n_range),
    ("dmy", re.compile(
        rf"\b(?:the\s+)?(?P<d>{R.DAY_RE})\s+(?:of\s+)?(?P<m>{R.MONTH_RE}),?\s+"
        rf"(?P<y>\d{{1,4}})(?:\s*(?P<era>{_ERA}))?(?!\w|,\d)", _I), _n_full_date),
    ("mdy", re.compile(
        rf"\b(?P<m>{R.MONTH_RE})\s+(?P<d>{R.DAY_RE}),?\s+(?P<y>\d{{3,4}})"
        rf"(?:\s*(?P<era>{_ERA}))?(?!\w|,\d)", _I), _n_full_date),
    ("numeric", re.compile(r"(?<![\w/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4}|\d{2})"
                           r"(?![\w/]|\.\d)"), _n_numeric),
    ("iso", re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\w-])"), _n_iso),
    ("day_list", re.compile(
        rf"\b(?P<d>{R.DAY_RE})\s*(?:-|–|—|,|and|or|to)\s*"
        rf"(?={R.DAY_RE}\s+(?:of\s+)?(?P<m>{R.MONTH_RE})(?:,?\s+(?P<y>\d{{4}}))?(?!\w))", _I),
     _n_day_list),
    ("month_list", re.compile(
        rf"\b(?P<m>{R.MONTH_RE})(?=\s*(?:-|–|—|,|and|or|to)\s*"
        rf"(?:early\s+|late\s+|mid-?)?{R.MONTH_RE}\s+(?:of\s+)?(?P<y>\d{{4}})(?!\w))", _I),
     _n_month_year),
    ("month_year", re.compile(
        rf"\b(?P<m>{R.MONTH_RE}),?\s+(?:of\s+)?(?P<y>\d{{3,4}})(?:\s*(?P<era>{_ERA}))?"
        rf"(?!\w|,\d)", _I), _n_month_year),
    ("day_month", re.compile(
        rf"\b(?:the\s+)?(?P<d>{R.DAY_RE})\s+(?:of\s+)?(?P<m>{R.MONTH_RE})(?!\w)", _I),
     _n_day_month),
    ("month_day", re.compile(
        rf"\b(?P<m>{R.MONTH_RE})\s+(?P<d>{R.DAY_RE})(?![\w:]|\s*,?\s*\d|\.\d)", _I),
     _n_day_month),
    ("season_year", re.compile(
        rf"\b(?:the\s+)?(?P<s>{R.SEASON_RE})\s+(?:of\s+)?(?:(?P<y>\d{{4}})(?!\w|,\d)|"
        rf"(?P<ey>\d{{1,4}})\s*(?P<era>{_ERA})(?!\w))|\b(?P<y2>\d{{4}})\s+(?P<s2>{R.SEASON_RE})\b"
        r"(?!\s+(?:of|\d))", _I), _n_season_year),
    ("season_rel", re.compile(
        rf"\b(?:(?:in|during|by|until|through|throughout|that|this|of)\s+)?"
        rf"(?P<x>(?:(?P<p>{R.POINTER_RE})\s+|the\s+)(?:(?P<em>early|late|mid-?)\s*)?"
        rf"(?P<s>{R.SEASON_RE}))\b"
        r"(?!\s+(?:of\s+)?['’]?\d)", _I),
     _n_season_rel),
    ("season_bare", re.compile(
        rf"\b(?:in|during|through|throughout|until|by|before|after|of)\s+"
        rf"(?P<x>(?P<p>)(?P<em>)(?P<s>{R.SEASON_RE}))\b"
        r"(?!\s+(?:of\s+)?['’]?\d)", _I), _n_season_rel),
    ("season_attr", re.compile(
        rf"\b(?P<x>(?P<p>)(?P<em>)(?P<s>{R.SEASON_RE}))(?=\s+(?:{R.alternation(R.SEASON_EVENT_NOUNS)})\b)",
        _I), _n_season_rel),
    ("pointer_month", re.compile(
        rf"\b(?P<p>last|next|this|the\s+previous|the\s+following)\s+(?P<m>{R.MONTH_RE})(?!\w)", _I),
     _n_pointer_month),
    ("month_of_year", re.compile(
        rf"\b(?:(?:the\s+)?(?P<d>{R.DAY_RE})\s+(?:of\s+)?)?(?P<m>{R.MONTH_RE})"
        rf"(?:\s+(?P<d2>{R.DAY_RE}))?"
        rf"\s+of\s+(?P<p>that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year\b",
        _I), _n_month_of_year),
    ("holiday", re.compile(
        rf"\b(?P<h>{R.alternation(R.HOLIDAYS)})(?:\s+(?:of\s+)?(?P<y>\d{{4}}))?(?![\w-])", _I),
     _n_holiday),
    ("part_of_year", re.compile(
        r"\b(?P<x>(?:(?P<mp>the\s+(?:end|beginning|start|middle|close)\s+of|late\s+in|early\s+in|"
        r"later\s+in|earlier\s+in)\s+)(?:the\s+)?(?P<u>year|month))\b(?!\s+(?:of|\d))", _I),
     _n_part_of_year),
    ("month", re.compile(rf"\b(?P<m>{R.MONTH_RE})(?![\w-])", _I), _n_month),
    ("century", re.compile(
        rf"\b(?:the\s+)?(?P<c>{R.ORDINAL_RE})[\s-]+century\b(?:\s*(?P<era>{_ERA}))?", _I),
     _n_century),
    ("decade", re.compile(
        rf"\b(?:the\s+)?(?:(?P<dec>\d{{2,3}}0)['’]?s|['’](?P<sd>\d0)s)\b"
        rf"(?:\s*(?P<era>{_ERA}))?", _I),
     _n_decade),
    ("year_era", re.compile(rf"(?<![\w,.])(?P<y>\d{{1,4}})\s*(?P<era>{_ERA})(?![\w])"),
     _n_year_era),
    ("era_year", re.compile(r"\b(?P<era>A\.?D\.?)\s*(?P<y>\d{1,4})\b"), _n_year_era),
    ("set", re.compile(
        rf"\b(?:every|each|per)\s+(?:(?P<n>{R.NUMBER_RE})\s+)?"
        rf"(?P<u>(?:{R.UNIT_RE})s?|{R.SEASON_RE}|{R.WEEKDAY_RE}|morning|evening|night)\b", _I),
     _n_set),
    ("set_adverb", re.compile(rf"\b(?:{R.alternation(R.SET_ADVERBS)})\b", _I), _n_set_adverb),
    ("pointer_unit", re.compile(
        rf"\b(?P<p>{R.POINTER_RE})\s+(?:fiscal\s+|financial\s+|calendar\s+)?"
        rf"(?P<u>year|month|week|day|decade|century)\b", _I), _n_pointer_unit),
    ("weekday", re.compile(
        rf"\b(?:on\s+)?(?P<x>(?:(?P<p>last|next|this|that)\s+)?(?P<w>{R.WEEKDAY_RE})"
        rf"(?:\s+(?P<part>morning|afternoon|evening|night))?)\b", _I), _n_weekday),
    ("duration", re.compile(
        rf"\b(?P<p>the\s+(?:past|last|next|first|previous|following|coming)\s+)?"
        rf"(?P<n>{R.NUMBER_WORD_COMPOUND}|{R.NUMBER_RE})(?:\s+more)?(?:\s+|-)"
        rf"(?P<u>{R.UNIT_RE})(?P<pl>s)?\b", _I), _n_duration),
    ("recent_units", re.compile(
        r"\b(?P<x>(?:recent\s+|the\s+(?:past|last|next|coming)\s+(?:few\s+)?)"
        r"(?P<u>years|months|weeks|days|decades))\b", _I), _n_bare_units),
    ("bare_units", re.compile(
        r"\b(?:for|within|in)\s+(?P<x>(?P<u>years|months|weeks|days|decades))\b"
        r"(?=\s*(?:[.,;]|and|of|ago|to|before|after))", _I), _n_bare_units),
    ("units_shift", re.compile(
        r"(?<![\w-])\b(?P<x>(?P<u>years|months|weeks|days|hours|minutes))"
        r"(?=\s+(?:before|after|later|earlier)\b)(?:\s+(?P<w>later|earlier))?", _I),
     _n_units_shift),
    ("to_this_day", re.compile(r"(?<=\bto\s)(?P<x>this\s+day)\b(?!\s+as\b)", _I), _n_present),
    ("past_unit", re.compile(
        r"\b(?P<x>the\s+past\s+(?P<u>year|decade|century|month|week|day))\b", _I), _n_past_unit),
    ("same_time", re.compile(
        r"\b(?P<x>(?:that|this|the\s+same)\s+(?:time|period|moment))\b", _I), _n_same_time),
    ("news_word", re.compile(rf"\b(?:{R.alternation(R.NEWS_ONLY_WORDS)})\b", _I), _n_news_word),
    ("clock", re.compile(
        r"\b(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)|"
        r"\b(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)\s*(?:GMT|UTC|BST|EST|ET)\b|"
        r"(?<=\bat\s)(?P<h3>[01]?\d|2[0-3]):(?P<mi3>[0-5]\d)(?:\s*hrs\b)?", _I), _n_clock),
    ("short_year", re.compile(r"(?<![\w'’])['’](?P<yy>\d{2})(?![\w'’])"), _n_short_year),
    ("year", re.compile(r"(?<![\w$£€.,/:])(?P<y>\d{3,4})(?![\w%]|,\d|\.\d|:\d)"), _n_year),
]  # fmt: skip


def _with_first_chars(
    rules: list[tuple[str, re.Pattern[str], Normaliser]],
) -> list[tuple[str, re.Pattern[str], Normaliser]]:
    """Prefix each pattern with a look-ahead on the characters it can start with.

    Why: Python's `re` otherwise tries every alternative (month names, number words) at every
    position; failing on one character class first makes scanning about twice as fast.
    """
    out = []
    for name, pattern, normaliser in rules:
        first = R.FIRST_CHARS[name]
        out.append((name, re.compile(rf"(?={first})(?:{pattern.pattern})", pattern.flags),
                    normaliser))  # fmt: skip
    return out


RULES = _with_first_chars(_RULES)

_DATE_MOD_LEFT = re.compile(rf"(?:^|(?<=[\s(\"'‘“]))((?:the\s+)?(?:{R.DATE_MOD_RE}))\s*$", _I)
_DUR_MOD_LEFT = re.compile(rf"(?:^|(?<=[\s(\"'‘“]))({R.DURATION_MOD_RE})\s+$", _I)
_DAY_PART_LEFT = re.compile(
    r"(?:^|(?<=\s))((?:the\s+)?(?:early\s+|late\s+)?(?P<part>morning|afternoon|evening|night)"
    r"\s+of)\s+$", _I)
_NO_MOD_VALUES = re.compile(r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|P.*)$")


# ---------------------------------------------------------------------------------------------
# The tagger


def _candidates(text: str) -> list[tuple[int, int, int, re.Match[str]]]:
    """Every rule match as (start, -length, rule index, match), ready to sort."""
    found = []
    for idx, (_, pattern, _) in enumerate(RULES):
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), -(m.end() - m.start()), idx, m))
    found.sort(key=lambda c: (c[0], c[1], c[2]))
    return found


def _with_day_part(text: str, start: int, norm: _Norm) -> tuple[int, _Norm]:
    """ "the night of 8 May 1945": a TIME on that day ("1945-05-08TNI")."""
    if norm.type != "DATE" or not re.match(r"^-?\d{4}-\d{2}-\d{2}$", norm.value):
        return start, norm
    m = _DAY_PART_LEFT.search(text[max(0, start - 40) : start])
    if not m:
        return start, norm
    new_start = start - (len(text[max(0, start - 40) : start]) - m.start(1))
    part = R.DAY_PARTS[m.group("part").lower()]
    return new_start, replace(norm, type="TIME", value=f"{norm.value}T{part}")


def _with_modifier(text: str, start: int, norm: _Norm) -> tuple[int, str | None]:
    """Grow the extent leftwards over "the end of", "early", "around" ... and read the mod."""
    left = text[max(0, start - 30) : start]
    if norm.type == "DATE" and not _NO_MOD_VALUES.match(norm.value):
        m = _DATE_MOD_LEFT.search(left)
        if m:
            phrase = re.sub(r"\s+", " ", m.group(1).lower())
            key = phrase if phrase in R.MOD_PHRASES else phrase.removeprefix("the ")
            if key in R.MOD_PHRASES:
                return start - len(left) + m.start(1), R.MOD_PHRASES[key]
    if norm.type == "DURATION" and not text[start : start + 4].lower().startswith("the"):
        m = _DUR_MOD_LEFT.search(left)
        if m:
            mod = R.DURATION_MODS[re.sub(r"\s+", " ", m.group(1).lower())]
            return start - len(left) + m.start(1), mod or None
    return start, norm.mod


def _resolve(text: str, st: _State) -> Iterator[TimexMatch]:
    """Take candidates left to right, normalise each in context, and update the anchor."""
    pos = 0
    for start, _, idx, m in _candidates(text):
        if start < pos:
            continue
        norm = RULES[idx][2](m, st)
        if norm is None:
            continue
        s = norm.start if norm.start is not None else m.start()
        e = norm.end if norm.end is not None else m.end()
        if s < pos:
            continue
        s, norm = _with_day_part(text, s, norm)
        s, mod = _with_modifier(text, s, norm)
        s = max(s, pos)
        if norm.anchor is not None and norm.resolved and (
            norm.anchor[1] is not None or _frames_sentence(text, s) or st.ctx.month is None
        ):
            st.ctx.accept(*norm.anchor)
        pos = e
        yield TimexMatch(s, e, text[s:e], norm.type, norm.value, mod or norm.mod, norm.resolved)


def _frames_sentence(text: str, start: int) -> bool:
    """True if a timex opens its sentence ("In 1941, ..."): such a year sets the scene and
    moves the story; a bare year deep inside a sentence is more often an aside."""
    head = text[max(0, start - 40) : start]
    cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("; "))
    lead = head[cut + 1 :] if cut >= 0 else (head if start <= 40 else None)
    return lead is not None and len(lead.split()) <= 3


def parse_dct(dct: str | None) -> dt.date | None:
    """The DCT as a date ("2013-03-22", "2013-03-22T10:00", "20130322"); None if absent."""
    if not dct:
        return None
    m = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", dct)
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def tag(
    text: str,
    dct: str | None = None,
    mode: str = "narrative",
    context: TimeContext | None = None,
    ranges: bool = True,
) -> list[TimexMatch]:
    """Find and normalise the time expressions in `text`; offsets are into `text`.

    `mode="news"` resolves "Thursday", "last year", "yesterday" against the DCT;
    `"narrative"` resolves against the last fully specified date (kept in `context`, so a
    caller can carry it across sentences). `ranges=False` tags the two ends of "from 1924
    to 1929" separately, as TimeML/TIMEX2 gold annotates them.
    """
    if mode not in ("news", "narrative"):
        raise ValueError(f"mode must be 'news' or 'narrative', not {mode!r}")
    st = _State(text, mode, parse_dct(dct), context if context is not None else TimeContext(),
                ranges)  # fmt: skip
    return list(_resolve(text, st))


def annotate(notes: Notes, dct: str | None = None) -> list[Timex]:
    """Tag every sentence of the notes with one narrative context for the whole document.

    A year in a section heading ("The purges of 1937") anchors the sentences below it until a
    sentence names a date of its own.
    """
    ctx = TimeContext()
    out: list[Timex] = []
    section_seen: str | None = None
    labels = _label_spans(notes)
    for sentence in notes.sentences:
        if sentence.section_id != section_seen:
            section_seen = sentence.section_id
            _anchor_on_heading(notes, sentence.section_id, ctx, dct)
        pieces = [(sentence.span.start, sentence.text)]
        label = labels.pop(sentence.span.line, None)
        if label is not None and label[0] < sentence.span.start:
            pieces.insert(0, label)  # "April 1483: Edward IV died" dates the sentence after it
        for start, text in pieces:
            for m in tag(text, dct=dct, mode="narrative", context=ctx):
                span = Span(notes.source.key, sentence.span.line, start + m.start, start + m.end)
                out.append(Timex(span, m.text, m.type, m.value, m.mod, sentence.id, m.resolved))
    return out


def _label_spans(notes: Notes) -> dict[int, tuple[int, str]]:
    """The "Label" of each "Label: text" line, by line number, with its offset in the source."""
    spans: dict[int, tuple[int, str]] = {}
    for nl in notes.lines:
        if nl.label:
            start = nl.line.start + nl.line.text.find(nl.label)
            spans[nl.line.number] = (start, nl.label)
    return spans


def _anchor_on_heading(notes: Notes, section_id: str | None, ctx: TimeContext,
                       dct: str | None) -> None:  # fmt: skip
    """Let a dated heading anchor relative expressions in its section."""
    section = notes.section(section_id)
    if section is None:
        return
    for m in tag(section.title, dct=dct, context=TimeContext()):
        anchor = _anchor_of(m.value.split("/")[0])
        if m.type == "DATE" and anchor is not None:
            ctx.set(*anchor)
            return


# ---------------------------------------------------------------------------------------------
# Sorting and display

_SEASON_ORDER = {"WI": 0.5, "SP": 3.5, "SU": 6.5, "FA": 9.5}  # winter starts the year it names
_MOD_ORDER = {"START": -0.4, "MID": 0.0, "END": 0.4}


def sort_key(value: str, mod: str | None = None) -> tuple[int, float, float, str]:
    """Chronological key: BC before AD, month/season inside year, ranges by their start.

    Returns (bucket, year, position inside the year, value); unresolved values sort last.
    """
    head = value.split("/")[0]
    m = re.match(r"^(-?)(\d{2,4})(?:-(\d{2}|SP|SU|FA|WI|W\d{2}))?(?:-(\d{2}))?", head)
    if not m or "X" in head[:4]:
        return (1, 0.0, 0.0, value)
    sign = -1 if m.group(1) else 1
    digits = m.group(2)
    if len(digits) == 4:
        year = sign * int(digits)
        span = 1.0
    else:  # decade (3 digits) or century (2 digits): sort by their first year
        span = 10.0 if len(digits) == 3 else 100.0
        year = sign * int(digits) * int(span) + (1 if len(digits) == 2 else 0)
        if sign < 0:
            year = -(int(digits) + 1) * int(span)
    inside = 0.0
    part = m.group(3)
    if part in _SEASON_ORDER:
        inside = _SEASON_ORDER[part]
    elif part and part.startswith("W"):
        inside = int(part[1:]) * 12 / 53
    elif part:
        inside = int(part) - 1 + (int(m.group(4)) - 1) / 31 if m.group(4) else int(part) - 1
    inside += _MOD_ORDER.get(mod or "", 0.0) * span * (12 if span == 1.0 else 1)
    return (0, float(year), inside, value)


def _display_year(year: int) -> str:
    """ "44 BC" for negative years, the plain number otherwise."""
    return f"{-year} BC" if year < 0 else str(year)


_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]  # fmt: skip
_MOD_TEXT = {
    "START": "the start of {}", "END": "the end of {}", "MID": "the middle of {}",
    "APPROX": "around {}", "BEFORE": "before {}", "AFTER": "after {}",
    "ON_OR_BEFORE": "by {}", "ON_OR_AFTER": "from {}", "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}", "EQUAL_OR_LESS": "at most {}", "EQUAL_OR_MORE": "at least {}",
}  # fmt: skip


def _display_plain(value: str) -> str:
    """Human text for one value without its mod."""
    if "/" in value:
        a, b = value.split("/", 1)
        return f"{_display_plain(a)}–{_display_plain(b)}"
    m = re.match(r"^(-?)(\d{4})(?:-(\d{2}|SP|SU|FA|WI))?(?:-(\d{2}))?$", value)
    if m:
        year = _display_year(int(m.group(1) + m.group(2)))
        part = m.group(3)
        if part in _SEASON_NAMES:
            return f"{_SEASON_NAMES[part]} {year}"
        if part and m.group(4):
            return f"{int(m.group(4))} {_MONTH_NAMES[int(part) - 1]} {year}"
        return f"{_MONTH_NAMES[int(part) - 1]} {year}" if part else year
    if re.match(r"^\d{3}$", value):
        return f"the {value}0s"
    if re.match(r"^-?\d{2}$", value):
        n = abs(int(value)) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"the {n}{suffix} century" + (" BC" if value.startswith("-") else "")
    return value


_UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}


def _display_duration(value: str) -> str | None:
    """ "P15Y" -> "15 years", "PT3H" -> "3 hours", "PXD" -> "days"; None if not a duration."""
    m = re.match(r"^PT?(\d+|X)([YMWDHS])$", value)
    if not m:
        return None
    unit = "minute" if value.startswith("PT") and m.group(2) == "M" else _UNIT_NAMES[m.group(2)]
    if m.group(1) == "X":
        return f"{unit}s"
    n = int(m.group(1))
    return f"{n} {unit}" + ("" if n == 1 else "s")


def display(value: str, mod: str | None = None) -> str:
    """Human text for a TIMEX3 value: "1 December 1934", "summer 1936", "the 1930s", "44 BC"."""
    text = _display_duration(value) or _display_plain(value)
    if mod in _MOD_TEXT:
        return _MOD_TEXT[mod].format(text)
    return text
