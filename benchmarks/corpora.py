"""Readers for the timex benchmarks in ../shared/benchmarks: TempEval-3 platinum and WikiWars.

Both come as inline XML. We take the `<TEXT>` element only, drop the tags (keeping offsets of
the TIMEX elements in the tag-free, entity-decoded text) and check that the system input and
the gold give the same text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.te3_score import Tx

_TOKEN = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>|&(#?\w+);")
_ATTR = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')


@dataclass
class Doc:
    """One benchmark document: plain text, DCT, the mode to tag it in, and gold timexes."""

    name: str
    text: str
    dct: str | None
    mode: str
    gold: list[Tx] = field(default_factory=list)


def strip_inline(raw: str, tag: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Text without markup, and the (start, end, attributes) of every `tag` element (nested ok)."""
    out: list[str] = []
    length = 0
    stack: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    for m in _TOKEN.finditer(raw):
        out.append(raw[pos : m.start()])
        length += m.start() - pos
        pos = m.end()
        if m.group(5) is not None:  # an entity
            ch = html.unescape(m.group(0))
            out.append(ch)
            length += len(ch)
            continue
        if m.group(2).upper() != tag.upper():
            continue
        if m.group(1):
            start, attrs = stack.pop()
            spans.append((start, length, attrs))
        elif m.group(4):
            continue
        else:
            attrs = {k.lower(): v for k, v in _ATTR.findall(m.group(3))}
            stack.append((length, attrs))
    out.append(raw[pos:])
    spans.sort(key=lambda s: (s[0], -s[1]))
    return "".join(out), spans


def _text_element(raw: str) -> str:
    """The inside of <TEXT>...</TEXT>."""
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if not m:
        raise ValueError("no <TEXT> element")
    return m.group(1)


def load_te3(root: Path) -> list[Doc]:
    """TempEval-3 platinum: te3input text (news, DCT from the t0 TIMEX3) and tml gold."""
    docs = []
    for gold_path in sorted((root / "tml").glob("*.tml")):
        raw_gold = gold_path.read_text(encoding="utf-8")
        raw_in = (root / "te3input" / f"{gold_path.name}.TE3input").read_text(encoding="utf-8")
        text, _ = strip_inline(_text_element(raw_in), "TIMEX3")
        gold_text, spans = strip_inline(_text_element(raw_gold), "TIMEX3")
        if text != gold_text:
            raise ValueError(f"{gold_path.name}: input and gold texts differ")
        dct_m = re.search(r'<DCT>.*?value="([^"]+)"', raw_in, re.DOTALL)
        gold = [Tx(s, e, a.get("type", "DATE"), a.get("value"), a.get("mod")) for s, e, a in spans]
        docs.append(Doc(gold_path.stem, text, dct_m.group(1) if dct_m else None, "news", gold))
    return docs


def timex2_value(val: str | None) -> str | None:
    """TIMEX2 value in TIMEX3 form: "BC0490" -> "-0490" (and "BC04" -> "-04")."""
    if val is None:
        return None
    return re.sub(r"^BC(\d)", r"-\1", val)


def timex2_type(attrs: dict[str, str]) -> str:
    """TIMEX3 type for a TIMEX2, as PROVENANCE.md says: P.. DURATION, set SET, T.. TIME."""
    val = attrs.get("val", "")
    if attrs.get("set", "").upper() == "YES":
        return "SET"
    if val.startswith("P"):
        return "DURATION"
    if "T" in val and re.match(r"^[\dX-]+T", val):
        return "TIME"
    return "DATE"


def load_wikiwars(root: Path, names: list[str] | None = None) -> list[Doc]:
    """WikiWars: in/*.sgm text (narrative; DCT from DATETIME) and keyinline TIMEX2 gold."""
    docs = []
    for in_path in sorted((root / "original" / "in").glob("*.sgm")):
        name = in_path.stem
        if names is not None and name not in names:
            continue
        raw_in = in_path.read_text(encoding="utf-8")
        raw_key = (root / "original" / "keyinline" / f"{name}.key.xml").read_text(encoding="utf-8")
        text, _ = strip_inline(_text_element(raw_in), "TIMEX2")
        key_text, spans = strip_inline(_text_element(raw_key), "TIMEX2")
        if text != key_text:
            raise ValueError(f"{name}: input and key texts differ")
        dct_m = re.search(r"<DATETIME>\D*(\d{4}-\d{2}-\d{2})", raw_in)
        gold = [Tx(s, e, timex2_type(a), timex2_value(a.get("val")), a.get("mod"))
                for s, e, a in spans]  # fmt: skip
        docs.append(Doc(name, text, dct_m.group(1) if dct_m else None, "narrative", gold))
    return docs
