"""Study benchmark: card generation time per corpus, cards per kind, and the gate's round trip.

`python -m benchmarks study [--quick]`. The knowledge base is built first (not timed); then
`generate_cards` is timed on it. The round-trip rate (question cards the ask engine answers from
the cited line) is measured on the seed notes.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from askwinston.analysis.nlp import load_nlp
from askwinston.store import kb
from askwinston.store.build import build
from askwinston.study import gate
from askwinston.study.cards import KINDS, generate_cards
from benchmarks.corpus import write_corpus
from benchmarks.report import print_table, repo_root, shared_dir


def corpora(workdir: Path, quick: bool) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    seed = shared_dir() / "seed"
    if seed.is_dir():
        found["seed notes"] = [seed]
    found["bundled examples"] = [repo_root() / "examples"]
    words = 20_000 if quick else 200_000
    write_corpus(workdir / "synthetic", total_words=words)
    found[f"synthetic {words:,} words"] = [workdir / "synthetic"]
    return found


def measure(name: str, paths: list[Path], workdir: Path) -> dict[str, Any]:
    db = workdir / f"{len(list(workdir.glob('*.db')))}.db"
    build(paths, db)  # not timed
    with kb.opened(db) as conn:
        words = kb.stats(conn)["words"]
        started = time.perf_counter()
        cards = generate_cards(conn)
        seconds = time.perf_counter() - started
    result: dict[str, Any] = {"words": words, "seconds": seconds, "cards": len(cards),
                              "kinds": dict(Counter(c.kind for c in cards))}
    if name == "seed notes":
        report = gate.run(db, cards)
        result["round_trip"] = {"checked": report.checked, "rate": report.rate,
                                "exact_rate": report.exact_rate}
    return result


def run(quick: bool = False) -> dict[str, Any]:
    load_nlp()  # loading the spaCy model (about a second) is not card generation
    results: dict[str, Any] = {}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name, paths in corpora(workdir, quick).items():
            r = results[name] = measure(name, paths, workdir)
            trip = r.get("round_trip")
            rows.append([
                name, f"{r['words']:,}", f"{r['seconds']:.2f}",
                f"{r['words'] / max(r['seconds'], 1e-9):,.0f}", f"{r['cards']:,}",
                " ".join(f"{k} {r['kinds'].get(k, 0)}" for k in KINDS),
                f"{trip['rate']:.0%} ({trip['exact_rate']:.0%} exact) of {trip['checked']}"
                if trip else "—",
            ])
    print_table("Study: card generation (knowledge base built first, not timed)",
                ["corpus", "words", "seconds", "words/s", "cards", "per kind",
                 "round trip (ask engine)"], rows)
    return results


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
