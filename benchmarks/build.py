"""Build throughput and peak memory: askwinston's build next to bare spaCy on the same text.

Each measurement runs in its own process so peak memory (ru_maxrss) belongs to it alone. The
model load is excluded from both timings (it is the same one-off cost for both).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from benchmarks.report import print_table, repo_root, shared_dir

SMALL_CORPUS_WORDS = 10_000
REPEATS_WHEN_SMALL = 3
"""Small corpora finish in a second: time them a few times and keep the best, for less noise."""


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _warm_up() -> None:
    """Run the pipeline once so one-off start-up costs fall outside the timing for both."""
    from askwinston.analysis.nlp import load_nlp

    list(load_nlp().pipe(["Warm-up: the army marched on Paris in 1792 - 3,000 men."] * 64))


def _repeats(words: int) -> int:
    return REPEATS_WHEN_SMALL if words < SMALL_CORPUS_WORDS else 1


def worker_askwinston(paths: list[str], db: str) -> dict[str, Any]:
    from askwinston.analysis.nlp import load_nlp
    from askwinston.sources import read_paths
    from askwinston.store.build import build_sources

    load_nlp()
    _warm_up()
    result = read_paths(paths)
    words = sum(len(s.text.split()) for s in result.sources)
    best = float("inf")
    for _ in range(_repeats(words)):
        Path(db).unlink(missing_ok=True)
        start = time.perf_counter()
        build_sources(result.sources, db)
        best = min(best, time.perf_counter() - start)
    return {"seconds": best, "words": words, "peak_mb": _peak_mb()}


def worker_spacy(paths: list[str]) -> dict[str, Any]:
    from askwinston.analysis.nlp import load_nlp
    from askwinston.sources import read_paths

    nlp = load_nlp()
    _warm_up()
    result = read_paths(paths)
    lines = [ln.text for s in result.sources for ln in s.lines if ln.text.strip()]
    words = sum(len(ln.split()) for ln in lines)
    best = float("inf")
    for _ in range(_repeats(words)):
        start = time.perf_counter()
        for _doc in nlp.pipe(lines, batch_size=512):
            pass
        best = min(best, time.perf_counter() - start)
    return {"seconds": best, "words": words, "peak_mb": _peak_mb()}


def _measure(system: str, paths: list[str], workdir: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "benchmarks.build", "--worker", system,
           str(workdir / "bench.db"), *paths]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=repo_root())
    (workdir / "bench.db").unlink(missing_ok=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def corpora(workdir: Path, quick: bool) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    seed = shared_dir() / "seed"
    if seed.is_dir():
        found["seed notes"] = [str(seed)]
    found["bundled example"] = [str(repo_root() / "examples")]
    words = 20_000 if quick else 200_000
    synthetic = write_corpus(workdir / "synthetic", total_words=words)
    found[f"synthetic {words:,} words"] = [str(p.parent) for p in synthetic[:1]]
    return found


def run(quick: bool = False) -> dict[str, Any]:
    """Measure both systems on each corpus; print one table; return the numbers."""
    results: dict[str, Any] = {}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name, paths in corpora(workdir, quick).items():
            ours = _measure("askwinston", paths, workdir)
            bare = _measure("spacy", paths, workdir)
            results[name] = {"askwinston": ours, "spacy": bare}
            ours_wps = ours["words"] / ours["seconds"]
            bare_wps = bare["words"] / bare["seconds"]
            rows.append([name, f"{ours['words']:,}", f"{ours_wps:,.0f}", f"{bare_wps:,.0f}",
                         f"{ours_wps / bare_wps:.2f}", f"{ours['peak_mb']:.0f}",
                         f"{bare['peak_mb']:.0f}"])
    print_table("Build: askwinston vs bare spaCy (nlp.pipe over the same lines)",
                ["corpus", "words", "askwinston words/s", "spaCy words/s", "ratio (≥ 0.5)",
                 "askwinston peak MB (< 500)", "spaCy peak MB"], rows)
    return results


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--worker":
        system, db, *paths = argv[1:]
        data = worker_askwinston(paths, db) if system == "askwinston" else worker_spacy(paths)
        print(json.dumps(data))
        return
    run(quick="--quick" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
