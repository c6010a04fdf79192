"""Wrong options for multiple choice: same type, same form, from the same notes where possible.

A distractor is never the answer or a spelling of it, and it has the answer's form (a full date
against full dates, a hedged number against hedged numbers) so the form gives nothing away.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable

from askwinston.study import templates as t
from askwinston.study.answers import close, normalise, numbers
from askwinston.study.context import Item
from askwinston.study.templates import MCQ_OPTIONS

MONTHS = (
    "January February March April May June July August September October November December"
).split()
SEASONS = ("spring", "summer", "autumn", "winter")
YEAR_SHIFTS = (1, -1, 2, -2, 3, -3)
NUMBER_FACTORS = (2.0, 0.5, 3.0, 1.5, 0.25, 4.0)
PART_OF = re.compile(r"^\s+(?:out of|of the|of)\s+(\d+)")
"""'… out of 16', '… of the 5': the whole a part is taken from."""


def form(text: str) -> str:
    """The shape of an option: digits → 9, month and season names → M/S, case folded."""
    text = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "th", text.lower())
    text = re.sub(r"\d", "9", text)
    text = re.sub("|".join(m.lower() for m in MONTHS), "M", text)
    text = re.sub("|".join(SEASONS), "S", text)
    return re.sub(r"9+", "9", text)


def same_thing(a: str, b: str) -> bool:
    """True when b is a or a variant of it (other spelling, surname alone, same number)."""
    na, nb = normalise(a), normalise(b)
    if numbers(na) != numbers(nb):
        return False
    if na == nb or close(na, nb) or close(nb, na):
        return True
    wa, wb = set(na.split()), set(nb.split())
    if not re.search(r"\d", na) and (wa <= wb or wb <= wa):
        return True
    return any(close(x, y) for x in wa for y in wb if len(x) > 3 and not x.isdigit())


def stable_shuffle(items: Iterable[str], seed: str) -> tuple[str, ...]:
    """A fixed order that does not put the answer first: sorted by a hash of seed and text."""
    return tuple(
        sorted(items, key=lambda s: hashlib.sha1(f"{seed}\x1f{s}".encode()).hexdigest())
    )


def shifted_dates(answer: str) -> list[str]:
    """The answer's date with its year (then month) moved: same form, nearby time."""
    found: list[str] = []
    year = re.search(r"\b(\d{3,4})\b", answer)
    if year:
        for shift in YEAR_SHIFTS:
            y = str(int(year.group(1)) + shift)
            found.append(answer[: year.start(1)] + y + answer[year.end(1) :])
    month = re.search("|".join(MONTHS), answer)
    if month:
        i = MONTHS.index(month.group(0))
        for shift in (2, -3, 4):
            found.append(answer.replace(month.group(0), MONTHS[(i + shift) % 12]))
    return found


def _format_like(original: str, value: float) -> str:
    if "," in original:
        return f"{round(value):,}"
    if "." in original:
        return f"{value:.1f}"
    return str(round(value))


def scaled_numbers(answer: str) -> list[str]:
    """The answer's number times 2, ½, 3 …, written the same way ('over 30,000' → 'over 60,000')."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", answer)
    if not m:
        return []
    value = float(m.group(0).replace(",", ""))
    part = PART_OF.search(answer[m.end() :])
    if part:  # '15 out of 16', '3 of the 5': another part of the same whole
        top = int(part.group(1))
        picks = [v for v in (value // 2, value // 3, value * 2 // 3, value - 1, value + 1)
                 if 0 < v <= top and v != value]
        return [answer[: m.start()] + str(int(v)) + answer[m.end() :] for v in picks]
    out = []
    for factor in NUMBER_FACTORS:
        new = value * factor
        if "%" in answer and new > 100:
            continue
        if new >= 1 and new != value:
            out.append(answer[: m.start()] + _format_like(m.group(0), new) + answer[m.end() :])
    return out


def choose(
    answer: str, pool: Iterable[str], extra: Iterable[str], seed: str, same_form: bool = True
) -> tuple[str, ...]:
    """Answer plus three distractors, pool first (nearest first), then `extra`; () if too few."""
    picked: list[str] = []
    shape = form(answer)
    for candidate in list(pool) + list(extra):
        if len(picked) == MCQ_OPTIONS - 1:
            break
        if same_form and form(candidate) != shape:
            continue
        if same_thing(answer, candidate) or any(same_thing(p, candidate) for p in picked):
            continue
        picked.append(candidate)
    if len(picked) < MCQ_OPTIONS - 1:
        return ()
    return stable_shuffle([answer, *picked], seed)


def nearest(items: list[Item], keys: list[float], key: float) -> list[Item]:
    """Up to POOL_SIZE items around `key` in a list sorted by `keys`, nearest first."""
    at = bisect.bisect_left(keys, key)
    window = range(max(0, at - t.POOL_SIZE), min(len(items), at + t.POOL_SIZE))
    return [items[i] for i in sorted(window, key=lambda i: abs(keys[i] - key))]
