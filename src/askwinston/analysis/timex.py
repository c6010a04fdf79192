"""Time expressions → TIMEX3 values (first version; the dates issue replaces it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from askwinston.model import Notes, Span, Timex

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MONTH = r"(?:" + "|".join(MONTHS) + r")"
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PATTERN = re.compile(
    rf"(?i)\bbetween (?P<r1>1\d{{3}}) and (?P<r2>1\d{{3}})\b"
    rf"|\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<dm>{_MONTH}) (?P<dy>1\d{{3}})\b"
    rf"|\b(?P<m>{_MONTH}) (?P<my>1\d{{3}})\b"
    rf"|\b(?:the )?(?P<s>summer|spring|autumn|winter) (?:of )?(?P<sy>1\d{{3}})\b"
    rf"|\b(?:the )?end of (?P<ey>1\d{{3}})\b"
    rf"|\b(?P<y>1\d{{3}})\b(?!,\d)"
)


@dataclass(frozen=True)
class TimexMatch:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    resolved: bool = True


def _value(m: re.Match[str]) -> tuple[str, str | None]:
    g = m.groupdict()
    if g["r1"]:
        return f"{g['r1']}/{g['r2']}", None
    if g["d"]:
        return f"{g['dy']}-{MONTHS[g['dm'].lower()]:02d}-{int(g['d']):02d}", None
    if g["m"]:
        return f"{g['my']}-{MONTHS[g['m'].lower()]:02d}", None
    if g["s"]:
        return f"{g['sy']}-{SEASONS[g['s'].lower()]}", None
    if g["ey"]:
        return g["ey"], "END"
    return g["y"], None


def tag(text: str, dct: str | None = None, mode: str = "narrative") -> list[TimexMatch]:
    """Find dates in text; offsets are into `text`."""
    out = []
    for m in PATTERN.finditer(text):
        value, mod = _value(m)
        out.append(TimexMatch(m.start(), m.end(), m.group(0), "DATE", value, mod))
    return out


def annotate(notes: Notes, dct: str | None = None) -> list[Timex]:
    """Dates of every sentence, with spans into the source."""
    result = []
    for sentence in notes.sentences:
        base = sentence.span.start
        for m in tag(sentence.text, dct):
            span = Span(notes.source.key, sentence.span.line, base + m.start, base + m.end)
            result.append(Timex(span, m.text, m.type, m.value, m.mod, sentence.id, m.resolved))
    return result


def sort_key(value: str, mod: str | None = None) -> tuple[int, int, int]:
    """Chronological order for TIMEX3 values (first version: years, months, days)."""
    head = value.split("/")[0]
    parts = head.split("-")
    try:
        year = int(parts[0])
    except ValueError:
        return (10**6, 0, 0)
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    day = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
    return (year, month, day)


def display(value: str, mod: str | None = None) -> str:
    return value
