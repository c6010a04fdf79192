"""The Python API: everything the CLI and the web app do, as plain functions returning data."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from askwinston.analysis import timex
from askwinston.ask.answer import Answerer
from askwinston.errors import AskWinstonError, UnreadableSource
from askwinston.model import Source
from askwinston.store import kb

if TYPE_CHECKING:  # build and read pull in spaCy and the HTML readers; ask starts without them
    from askwinston.analysis.pipeline import Progress
    from askwinston.sources import ReadResult
    from askwinston.store.build import BuildReport

Row = dict[str, Any]


def read(paths: Iterable[str | Path]) -> ReadResult:
    """Read notes from files and folders; unreadable files come back as problems."""
    from askwinston.sources import read_paths

    return read_paths(paths)


def build(paths: Iterable[str | Path], db: str | Path,
          progress: Progress | None = None) -> BuildReport:
    """Read and analyse notes into the knowledge base at `db` (atomically)."""
    from askwinston.sources import read_paths
    from askwinston.store.build import build_sources

    result = read_paths(paths)
    return build_sources(result.sources, db, [str(p) for p in result.problems], progress)


def build_sources(sources: list[Source], db: str | Path, problems: list[str] | None = None,
                  progress: Progress | None = None) -> BuildReport:
    """Analyse sources already read into the knowledge base (spaCy is imported only here)."""
    from askwinston.store import build as store_build

    return store_build.build_sources(sources, db, problems or [], progress)


def amalgamate(source: str | Path, output: str | Path) -> tuple[Source, list[str]]:
    """Rescue a saved site as one Markdown file with a provenance line per page."""
    from askwinston.sources.amalgamate import amalgamate as join_site
    from askwinston.sources.amalgamate import to_markdown

    site = join_site(Path(source))
    Path(output).write_text(to_markdown(site), encoding="utf-8")
    return site, [str(p) for p in getattr(site, "problems", [])]


def tag_text(text: str, dct: str | None = None) -> list[Row]:
    """Time expressions of a text with 1-based lines and character offsets."""
    source = Source(key="text", path="text", text=text)
    starts = [line.start for line in source.lines]
    found = []
    for m in timex.tag(text, dct=dct, mode="news" if dct else "narrative"):
        line = bisect.bisect_right(starts, m.start)
        found.append({"text": m.text, "start": m.start, "end": m.end, "line": line,
                      "type": m.type, "value": m.value, "mod": m.mod})
    return found


def tag_file(path: str | Path, dct: str | None = None) -> list[Row]:
    """Time expressions of one text file (offsets are character offsets into the file)."""
    p = Path(path)
    if not p.is_file():
        raise UnreadableSource(str(path), "no such file")
    from askwinston.sources.text import read_text_file

    return tag_text(read_text_file(p, p.name).text, dct)


def timeline(db: str | Path, include_inherited: bool = False) -> list[Row]:
    """Dated events in chronological order, each with a human-readable date."""
    with kb.opened(db) as conn:
        rows = kb.timeline(conn, include_inherited)
    for r in rows:
        r["display"] = timex.display(r["value"], r["mod"])
    return rows


def entities(db: str | Path, kind: str | None = None) -> list[Row]:
    """The who's-who, optionally of one kind (person, org, place, group)."""
    with kb.opened(db) as conn:
        return kb.entities(conn, kind)


def check(db: str | Path) -> list[Row]:
    """The consistency report found when the notes were built, each finding with its lines."""
    with kb.opened(db) as conn:
        return kb.findings(conn)


def ask_many(db: str | Path, questions: Iterable[str]) -> Iterator[Row]:
    """Answer questions one by one; a bad question gets an error in its result, not a crash."""
    with kb.opened(db) as conn:
        answerer = Answerer.load(conn)
    for q in questions:
        try:
            yield answerer.ask(q)
        except AskWinstonError as exc:
            yield {"question": q[:200], "answer": None, "confidence": 0.0, "citations": [],
                   "error": str(exc)}


def ask(db: str | Path, question: str) -> Row:
    """Answer one question from the notes at `db`."""
    return next(ask_many(db, [question]))


CARD_KEYS = ("id", "kind", "question", "answer", "options", "source", "line")


def cards(db: str | Path, gated: bool = False) -> list[Row]:
    """The study cards the notes at `db` support, as plain dicts (`winston cards --json`).

    `gated`: only cards the ask engine answers back from their cited line (see study/gate.py).
    """
    from askwinston.study import gate  # study pulls in spaCy: loaded on first use only
    from askwinston.study.cards import generate_cards

    with kb.opened(db) as conn:
        generated = generate_cards(conn)
    if gated:
        generated = gate.run(db, generated).kept
    return [
        {k: (list(v) if isinstance(v, tuple) else v) for k in CARD_KEYS
         for v in [getattr(c, k)]}
        for c in generated
    ]


def export(db: str | Path, fmt: str, path: str | Path, title: str | None = None) -> int:
    """Write the cards (or timeline) of `db` in one of `export.FORMATS`; returns the card count."""
    from askwinston.export import writer
    from askwinston.export.deck import load_deck

    write = writer(fmt)
    deck = load_deck(db, title)
    write(deck, Path(path))
    return len(deck.cards)


def gate_report(db: str | Path) -> Row:
    """The quality gate's round trip: how many question cards the ask engine answers back."""
    from askwinston.study import gate
    from askwinston.study.cards import generate_cards

    with kb.opened(db) as conn:
        generated = generate_cards(conn)
    report = gate.run(db, generated)
    return {
        "checked": report.checked,
        "passed": report.checked - len(report.failed),
        "rate": round(report.rate, 3),
        "exact_rate": round(report.exact_rate, 3),
        "failed": [{"question": c.question, "answer": c.answer, "source": c.source,
                    "line": c.line, "engine": r.get("answer")} for c, r in report.failed],
    }
