"""TempEval-3 style timex scoring, re-implemented from its description (PROVENANCE.md).

Relaxed match: a system and a gold timex share at least one token (here: overlap in a
non-space character, which is the same thing when extents start and end on token edges).
Strict match: same extent. Each gold timex is matched at most once; exact extents are paired
first, then the largest overlaps. P = matches / system timexes, R = matches / gold timexes,
summed over documents (micro average). Value and type accuracy are measured over the relaxed
matches; value F1 = relaxed F1 x value accuracy (likewise for type).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tx:
    """A timex reduced to what scoring needs: extent in one text, type and value."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None


@dataclass
class Counts:
    """Running totals over documents (micro average)."""

    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    value_scored: int = 0  # relaxed matches whose gold has a value (TIMEX2 may lack one)
    type_ok: int = 0
    errors: list[tuple[str, str, str, str | None, str | None]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Fold another document's counts into these."""
        for name in ("system", "gold", "strict", "relaxed", "value_ok", "value_scored", "type_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Extent without surrounding whitespace, so " 1934" and "1934" are the same extent."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _overlap(text: str, a: Tx, b: Tx) -> int:
    """Non-space characters two extents share."""
    lo, hi = max(a.start, b.start), min(a.end, b.end)
    return sum(1 for ch in text[lo:hi] if not ch.isspace()) if hi > lo else 0


def match(text: str, system: list[Tx], gold: list[Tx]) -> list[tuple[Tx, Tx]]:
    """One-to-one pairs of (system, gold): exact extents first, then the largest overlaps."""
    sys_t = [(_trim(text, s.start, s.end), s) for s in system]
    gold_t = [(_trim(text, g.start, g.end), g) for g in gold]
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[Tx, Tx]] = []
    for i, (se, s) in enumerate(sys_t):
        for j, (ge, g) in enumerate(gold_t):
            if j not in used_g and se == ge:
                pairs.append((s, g))
                used_s.add(i)
                used_g.add(j)
                break
    scored = sorted(
        ((_overlap(text, s, g), i, j) for i, (_, s) in enumerate(sys_t)
         for j, (_, g) in enumerate(gold_t) if i not in used_s and j not in used_g),
        reverse=True,
    )  # fmt: skip
    for ov, i, j in scored:
        if ov > 0 and i not in used_s and j not in used_g:
            pairs.append((sys_t[i][1], gold_t[j][1]))
            used_s.add(i)
            used_g.add(j)
    return pairs


def score_document(text: str, system: list[Tx], gold: list[Tx], doc: str = "") -> Counts:
    """Counts for one document."""
    c = Counts(system=len(system), gold=len(gold))
    for s, g in match(text, system, gold):
        c.relaxed += 1
        if _trim(text, s.start, s.end) == _trim(text, g.start, g.end):
            c.strict += 1
        c.type_ok += s.type == g.type
        if g.value is not None:
            c.value_scored += 1
            if s.value == g.value:
                c.value_ok += 1
            else:
                c.errors.append((doc, text[g.start : g.end], text[s.start : s.end], g.value,
                                 s.value))  # fmt: skip
    return c


def _prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0 when undefined)."""
    p = hits / system if system else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summary(c: Counts) -> dict[str, float]:
    """The TE3 figures: strict/relaxed P R F1, value and type accuracy and F1."""
    sp, sr, sf = _prf(c.strict, c.system, c.gold)
    rp, rr, rf = _prf(c.relaxed, c.system, c.gold)
    value_acc = c.value_ok / c.value_scored if c.value_scored else 0.0
    type_acc = c.type_ok / c.relaxed if c.relaxed else 0.0
    return {
        "system": c.system, "gold": c.gold,
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "value_acc": value_acc, "value_f1": rf * value_acc,
        "type_acc": type_acc, "type_f1": rf * type_acc,
    }  # fmt: skip
