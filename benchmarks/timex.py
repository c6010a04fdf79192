"""Benchmark askwinston's temporal tagger against HeidelTime.

    python -m benchmarks.timex [--quick] [--no-heideltime] [--errors N]

Corpora (from ../shared/benchmarks, or $ASKWINSTON_SHARED/benchmarks):
- TempEval-3 platinum, news mode with each document's DCT; TE3-style scores.
- WikiWars (TIMEX2 gold converted to TIMEX3 values), narrative mode; same scores.
- The seed notes against seed-gold.json: gold timeline values found on their line (value
  and mod) and listed not-dates wrongly tagged.
- Speed on the same documents: documents/s and words/s (HeidelTime's JVM start-up and model
  loading are measured once and reported apart, not charged per document).

Writes benchmarks/results/timex.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from askwinston.analysis.timex import TimeContext, tag
from benchmarks import heideltime_run
from benchmarks.corpora import Doc, load_te3, load_wikiwars
from benchmarks.te3_score import Counts, Tx, score_document, summary

REPO = Path(__file__).resolve().parents[1]
SPEED_REPEATS = 3
QUICK_WIKIWARS = ["02_WW1", "10_PunicWars", "16_SpanishCivilWar", "20_PolishSoviet"]


def shared_dir() -> Path:
    """../shared beside the repository, or $ASKWINSTON_SHARED."""
    return Path(os.environ.get("ASKWINSTON_SHARED", REPO.parent / "shared"))


def askwinston_tag(doc: Doc) -> list[Tx]:
    """Our tagger on one benchmark document; range ends are tagged apart, as the gold does."""
    return [Tx(m.start, m.end, m.type, m.value, m.mod)
            for m in tag(doc.text, dct=doc.dct, mode=doc.mode, ranges=False)]  # fmt: skip


def seed_doc(shared: Path) -> tuple[Doc, list[int]]:
    """The seed notes as one narrative document, with the start offset of each line."""
    text = (shared / "seed" / "000_9c50b18a0db9cdf3.txt").read_text(encoding="utf-8")
    starts, pos = [], 0
    for line in text.split("\n"):
        starts.append(pos)
        pos += len(line) + 1
    return Doc("seed", text, None, "narrative"), starts


def askwinston_seed(doc: Doc) -> list[Tx]:
    """Our tagger on the seed notes line by line with one narrative context (as `annotate`)."""
    ctx = TimeContext()
    out, pos = [], 0
    for line in doc.text.split("\n"):
        out += [Tx(pos + m.start, pos + m.end, m.type, m.value, m.mod)
                for m in tag(line, mode="narrative", context=ctx)]  # fmt: skip
        pos += len(line) + 1
    return out


def score_seed(doc: Doc, starts: list[int], found: list[Tx], gold: dict[str, Any]) -> dict:
    """Gold timeline values found on their line (value and mod); not-dates wrongly tagged."""

    def line_of(offset: int) -> int:
        return max(i for i, s in enumerate(starts) if s <= offset) + 1

    by_line: dict[int, list[Tx]] = {}
    for t in found:
        by_line.setdefault(line_of(t.start), []).append(t)
    hits, missed = 0, []
    for item in gold["timeline"]:
        ok = any(t.value == item["value"] and t.mod == item.get("mod")
                 for t in by_line.get(item["line"], []))  # fmt: skip
        hits += ok
        if not ok:
            missed.append(f"line {item['line']}: {item['value']} {item.get('mod') or ''}".strip())
    false_pos = []
    for item in gold["not_dates"]:
        start = starts[item["line"] - 1]
        line_text = doc.text[start : start + len(doc.text.split("\n")[item["line"] - 1])]
        idx = line_text.find(item["text"])
        while idx >= 0:
            a, b = start + idx, start + idx + len(item["text"])
            if any(t.start < b and a < t.end for t in by_line.get(item["line"], [])):
                false_pos.append(f"line {item['line']}: {item['text']}")
                break
            idx = line_text.find(item["text"], idx + 1)
    return {"timeline_found": hits, "timeline_total": len(gold["timeline"]), "missed": missed,
            "not_dates_tagged": len(false_pos), "not_dates_total": len(gold["not_dates"]),
            "false_positives": false_pos}  # fmt: skip


def score_corpus(docs: list[Doc], outputs: list[list[Tx]]) -> tuple[dict[str, float], Counts]:
    """TE3 figures over a corpus (micro average)."""
    total = Counts()
    for doc, out in zip(docs, outputs, strict=True):
        total.add(score_document(doc.text, out, doc.gold, doc.name))
    return summary(total), total


def words(docs: list[Doc]) -> int:
    """Whitespace-separated words in the documents."""
    return sum(len(d.text.split()) for d in docs)


def main(argv: list[str] | None = None) -> int:
    """Run both systems, print one table, write benchmarks/results/timex.json."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks.timex", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help=f"WikiWars subset: {QUICK_WIKIWARS}")
    ap.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    ap.add_argument("--errors", type=int, default=0, help="print N of our value errors")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "timex.json")
    args = ap.parse_args(argv)

    shared = shared_dir()
    bench = shared / "benchmarks"
    if not bench.is_dir():
        print(f"benchmarks not found under {shared}", file=sys.stderr)
        return 2
    te3 = load_te3(bench / "tempeval3-platinum")
    ww = load_wikiwars(bench / "wikiwars", QUICK_WIKIWARS if args.quick else None)
    seed, starts = seed_doc(shared)
    seed_gold = json.loads((shared / "eval" / "seed-gold.json").read_text(encoding="utf-8"))
    all_docs = te3 + ww + [seed]

    results: dict[str, Any] = {"corpora": {"te3": len(te3), "wikiwars": len(ww), "seed": 1},
                               "words": words(all_docs), "systems": {}}  # fmt: skip
    timings = []
    for _ in range(SPEED_REPEATS):  # median of a few runs: the machine is shared
        t0 = time.perf_counter()
        ours = [askwinston_tag(d) for d in te3 + ww] + [askwinston_seed(seed)]
        timings.append(time.perf_counter() - t0)
    elapsed = sorted(timings)[len(timings) // 2]
    results["systems"]["askwinston"] = _system_result(te3, ww, seed, starts, seed_gold, ours,
                                                      elapsed, 0.0, all_docs)  # fmt: skip
    if args.errors:
        _print_errors(te3 + ww, ours, args.errors)

    why = "skipped (--no-heideltime)" if args.no_heideltime else heideltime_run.unavailable()
    if why is None:
        run = heideltime_run.run(all_docs)
        results["systems"]["heideltime"] = _system_result(
            te3, ww, seed, starts, seed_gold, run.timexes, sum(run.doc_s), run.startup_s,
            all_docs)  # fmt: skip
        results["systems"]["heideltime"]["misaligned_timexes"] = run.misaligned
    else:
        print(f"HeidelTime not run: {why}", file=sys.stderr)
        results["heideltime_skipped"] = why
    _print_table(results, args.quick)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    return 0


def _system_result(te3: list[Doc], ww: list[Doc], seed: Doc, starts: list[int],
                   seed_gold: dict[str, Any], outputs: list[list[Tx]], seconds: float,
                   startup: float, all_docs: list[Doc]) -> dict[str, Any]:  # fmt: skip
    """All figures for one system's outputs (aligned with te3 + ww + [seed])."""
    n_te3, n_ww = len(te3), len(ww)
    te3_sum, _ = score_corpus(te3, outputs[:n_te3])
    ww_sum, _ = score_corpus(ww, outputs[n_te3 : n_te3 + n_ww])
    return {
        "te3": te3_sum,
        "wikiwars": ww_sum,
        "seed": score_seed(seed, starts, outputs[-1], seed_gold),
        "speed": {"seconds": seconds, "startup_seconds": startup,
                  "docs_per_s": len(all_docs) / seconds if seconds else 0.0,
                  "words_per_s": words(all_docs) / seconds if seconds else 0.0},
    }  # fmt: skip


def _print_errors(docs: list[Doc], outputs: list[list[Tx]], limit: int) -> None:
    """Our value errors on relaxed matches (for development; never tune on single strings)."""
    total = Counts()
    for doc, out in zip(docs, outputs, strict=False):
        total.add(score_document(doc.text, out, doc.gold, doc.name))
    for err in total.errors[:limit]:
        print("  ", err)


_ROWS = [
    ("te3", "strict_f1", "TE3 strict F1"), ("te3", "relaxed_f1", "TE3 relaxed F1"),
    ("te3", "strict_p", "TE3 strict P"), ("te3", "strict_r", "TE3 strict R"),
    ("te3", "relaxed_p", "TE3 relaxed P"), ("te3", "relaxed_r", "TE3 relaxed R"),
    ("te3", "value_f1", "TE3 value F1"), ("te3", "value_acc", "TE3 value accuracy"),
    ("te3", "type_acc", "TE3 type accuracy"),
    ("wikiwars", "strict_f1", "WikiWars strict F1"),
    ("wikiwars", "relaxed_f1", "WikiWars relaxed F1"),
    ("wikiwars", "relaxed_p", "WikiWars relaxed P"),
    ("wikiwars", "relaxed_r", "WikiWars relaxed R"),
    ("wikiwars", "value_f1", "WikiWars value F1"),
    ("wikiwars", "value_acc", "WikiWars value accuracy"),
    ("wikiwars", "type_acc", "WikiWars type accuracy"),
]  # fmt: skip


def _cells(results: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Rows of the table as text: metric name and one cell per system."""
    systems = results["systems"]
    rows: list[tuple[str, list[str]]] = []
    for corpus, key, label in _ROWS:
        rows.append((label, [f"{s[corpus][key]:.3f}" for s in systems.values()]))
    rows.append(("Seed timeline found (value+mod)",
                 [f"{s['seed']['timeline_found']}/{s['seed']['timeline_total']}"
                  for s in systems.values()]))  # fmt: skip
    rows.append(("Seed not-dates wrongly tagged",
                 [f"{s['seed']['not_dates_tagged']}/{s['seed']['not_dates_total']}"
                  for s in systems.values()]))  # fmt: skip
    speeds = [s["speed"] for s in systems.values()]
    rows.append(("Docs/s (all corpora)", [f"{sp['docs_per_s']:.1f}" for sp in speeds]))
    rows.append(("Words/s (all corpora)", [f"{sp['words_per_s']:,.0f}" for sp in speeds]))
    rows.append(("Start-up s (once, not in rates)",
                 [f"{s['speed']['startup_seconds']:.1f}" for s in systems.values()]))  # fmt: skip
    return rows


def _print_table(results: dict[str, Any], quick: bool) -> None:
    """One table, both systems side by side."""
    names = list(results["systems"])
    c = results["corpora"]
    title = (f"Timex: TE3 platinum ({c['te3']} docs), WikiWars ({c['wikiwars']} docs"
             f"{', --quick' if quick else ''}), seed notes; {results['words']:,} words")
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:
        print(title)
        for label, cells in _cells(results):
            print(f"{label:34}" + "".join(f"{x:>14}" for x in cells))
        return
    table = Table(title=title)
    table.add_column("metric")
    for name in names:
        table.add_column(name, justify="right")
    for label, cells in _cells(results):
        table.add_row(label, *cells)
    Console(width=120).print(table)


if __name__ == "__main__":
    sys.exit(main())
