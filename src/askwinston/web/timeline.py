"""Timeline layout: TIMEX3 values as spans of years, zoom windows, and positions on an axis."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

SEASON_START = {"SP": 0.2, "SU": 0.45, "FA": 0.7, "WI": 0.95}
_HEAD = re.compile(r"^(?P<sign>-?)(?P<digits>\d{1,4})(?:-(?P<rest>.+))?$")


def year_span(value: str) -> tuple[float, float] | None:
    """The stretch of (fractional) years a TIMEX3 value covers; None when it has no year.

    `1934` → (1934, 1935); `1934-12` → Dec 1934; `193` → the 1930s; `-0044` → 44 BC; `A/B` → A to
    B's end.
    """
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = year_span(first), year_span(last)
        if a is None or b is None:
            return a or b
        return (min(a[0], b[0]), max(a[1], b[1]))
    m = _HEAD.match(value.strip())
    if m is None:
        return None
    digits = m["digits"]
    scale = 10 ** (4 - len(digits))  # 4 digits: a year; 3: a decade; 2: a century
    start = int(digits) * scale
    if m["sign"]:
        start = -start
    if scale > 1:
        return (float(start), float(start + scale))
    return _inside_year(float(start), m["rest"] or "")


def _inside_year(year: float, rest: str) -> tuple[float, float]:
    parts = rest.split("-")
    head = parts[0]
    if head.isdigit() and 1 <= int(head) <= 12:
        month = int(head) - 1
        if len(parts) > 1 and parts[1][:2].isdigit():
            day = min(int(parts[1][:2]), 31) - 1
            start = year + (month + day / 31) / 12
            return (start, start + 1 / 365)
        return (year + month / 12, year + (month + 1) / 12)
    if head in SEASON_START:
        return (year + SEASON_START[head] - 0.2, year + SEASON_START[head])
    if head.startswith("Q") and head[1:].isdigit():
        q = int(head[1:]) - 1
        return (year + q / 4, year + (q + 1) / 4)
    return (year, year + 1)


MOD_PART = {"START": (0.0, 0.25), "EARLY": (0.0, 0.25), "MID": (0.375, 0.625),
            "END": (0.75, 1.0), "LATE": (0.75, 1.0)}


def with_mod(span: tuple[float, float] | None, mod: str | None) -> tuple[float, float] | None:
    """Narrow a span to its start, middle or end for TIMEX3 `mod` START, MID or END."""
    if span is None or mod not in MOD_PART:
        return span
    a, b = MOD_PART[mod]
    width = span[1] - span[0]
    return (span[0] + a * width, span[0] + b * width)


def year_label(year: int) -> str:
    return f"{-year} BC" if year < 0 else str(year)


@dataclass(frozen=True)
class Zoom:
    """A window onto the timeline: everything, a century (`c1900`), a decade (`d1930`) or a year
    (`y1934`); negative years are BC."""

    key: str
    start: float | None = None
    end: float | None = None

    @property
    def label(self) -> str:
        if self.start is None:
            return "All dates"
        start = int(self.start)
        width = WIDTHS.get(self.key[0], 1)
        if start < 0 and width > 1:
            return f"{-start}–{-(start + width - 1)} BC"
        if self.key.startswith("c"):
            return f"{start}–{start + 99}"
        if self.key.startswith("d"):
            return f"{start}s"
        return year_label(start)

    def holds(self, span: tuple[float, float]) -> bool:
        if self.start is None or self.end is None:
            return True
        return span[0] < self.end and span[1] > self.start


WIDTHS = {"c": 100, "d": 10, "y": 1}
MAX_DECADE_CHOICES = 12
"""With more decades than this, the top zoom level is centuries."""


def parse_zoom(key: str | None) -> Zoom:
    """`None`/`all`, `c1900`, `d1930` or `y1934` (negative for BC); ValueError otherwise."""
    if not key or key == "all":
        return Zoom("all")
    m = re.fullmatch(r"([cdy])(-?\d{1,4})", key)
    if m is None:
        raise ValueError("zoom must be 'all', cYEAR (a century), dYEAR (a decade) or yYEAR"
                         f" (a year), not {key!r}")
    width = WIDTHS[m[1]]
    year = math.floor(int(m[2]) / width) * width
    return Zoom(f"{m[1]}{year}", year, year + width)


def _starts(spans: list[tuple[float, float]], width: int, lo: float = -1e9,
            hi: float = 1e9) -> list[int]:
    return sorted({math.floor(s[0] / width) * width for s in spans if lo <= s[0] < hi})


def zoom_choices(spans: list[tuple[float, float]], current: Zoom) -> list[Zoom]:
    """All; centuries (or decades, when there are few); then, inside the current window, its
    decades and years."""
    out = [Zoom("all")]
    many = len(_starts(spans, 10)) > MAX_DECADE_CHOICES
    if many:
        out += [parse_zoom(f"c{c}") for c in _starts(spans, 100)]
    if current.start is None:
        return out if many else out + [parse_zoom(f"d{d}") for d in _starts(spans, 10)]
    century = math.floor(current.start / 100) * 100
    decade = math.floor(current.start / 10) * 10
    lo, hi = (century, century + 100) if many else (-1e9, 1e9)
    out += [parse_zoom(f"d{d}") for d in _starts(spans, 10, lo, hi)]
    if not current.key.startswith("c"):
        out += [parse_zoom(f"y{y}") for y in _starts(spans, 1, decade, decade + 10)]
    return out


STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


def _step(width: float, count: int = 8) -> int:
    return next((s for s in STEPS if width / s <= count), STEPS[-1])


def axis(spans: list[tuple[float, float]], zoom: Zoom) -> tuple[float, float]:
    """The years the axis runs over: the zoom window, or the events widened to round ticks, so
    the tick labels (spread evenly by CSS) sit exactly under their ticks."""
    if zoom.start is not None and zoom.end is not None:
        return (zoom.start, zoom.end)
    lo = min(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    step = _step(hi - lo)
    lo, hi = math.floor(lo / step) * step, math.ceil(hi / step) * step
    return (float(lo), float(hi if hi > lo else lo + step))


def ticks(lo: float, hi: float, count: int = 8) -> list[tuple[float, str]]:
    """Round-numbered ticks (years) across the axis, as (fraction 0..1, label)."""
    width = hi - lo
    step = _step(width, count)
    first = math.ceil(lo / step) * step
    return [((y - lo) / width, year_label(int(y))) for y in range(int(first), int(hi) + 1, step)]


def place(span: tuple[float, float], lo: float, hi: float) -> dict[str, Any]:
    """x and width in a 0..1000 SVG viewBox; a point gets a visible minimum width."""
    width = hi - lo
    x0 = max(0.0, (span[0] - lo) / width) * 1000
    x1 = min(1.0, (span[1] - lo) / width) * 1000
    is_range = (x1 - x0) > 8
    return {"x": round(min(x0, 990.0), 1), "width": round(max(x1 - x0, 10), 1),
            "is_range": is_range}
