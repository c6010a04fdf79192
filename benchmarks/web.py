"""Web app speed: server time per page (median and p95 over repeated requests, in process through
Starlette's TestClient, no network) for the seed notes and a synthetic corpus; plus the static site.

Target: a median of 100 ms or less per page for the seed notes.
"""

from __future__ import annotations

import statistics
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

from benchmarks.corpus import write_corpus
from benchmarks.report import print_table, shared_dir

TARGET_MS = 100.0
QUESTION = "when did kirov die"


def _pages(client: Any) -> dict[str, str]:
    """The pages to time; the document page is the first topic."""
    from askwinston.store import kb

    db = client.app.state.pages.db
    with kb.opened(db) as conn:
        first = kb.sources(conn)[0]["key"]
        years = [r["value"][:4] for r in kb.timeline(conn) if r["value"][:4].isdigit()]
    decade = f"d{years[0][:3]}0" if years else "all"
    return {"topics": "/", "topic": f"/topics/{first}", "timeline": "/timeline",
            "timeline (decade)": f"/timeline?zoom={decade}", "who's who": "/who",
            "ask": f"/ask?q={QUESTION.replace(' ', '+')}", "check": "/check",
            "study": "/study"}


def _time(client: Any, path: str, repeats: int) -> dict[str, float]:
    first = time.perf_counter()
    r = client.get(path)
    first_ms = (time.perf_counter() - first) * 1000
    if r.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {r.status_code}")
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"first_ms": first_ms, "median_ms": statistics.median(times), "p95_ms": p95,
            "bytes": len(r.content)}


def measure(db: Path, repeats: int) -> dict[str, Any]:
    from starlette.testclient import TestClient

    from askwinston.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        client = TestClient(create_app(db), base_url="http://127.0.0.1:8000")
    return {name: _time(client, path, repeats) for name, path in _pages(client).items()}


def _site_seconds(db: Path, folder: Path) -> float:
    from askwinston.site import build_site

    start = time.perf_counter()
    build_site(db, folder)
    return time.perf_counter() - start


def _build(paths: list[Path], db: Path) -> dict[str, Any]:
    from askwinston import api

    start = time.perf_counter()
    report = api.build(paths, db)
    return {"build_s": time.perf_counter() - start, "words": report.stats["words"]}


def run(quick: bool = False) -> dict[str, Any]:
    repeats = 10 if quick else 40
    words = 20_000 if quick else 200_000
    result: dict[str, Any] = {"repeats": repeats, "target_median_ms": TARGET_MS, "kbs": {}}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        kbs: dict[str, Path] = {}
        seed = shared_dir() / "seed" / "000_9c50b18a0db9cdf3.txt"
        if seed.is_file():
            kbs["seed"] = work / "seed.db"
            result["kbs"]["seed"] = _build([seed], kbs["seed"])
        name = f"synthetic {words // 1000}k words"
        kbs[name] = work / "synthetic.db"
        result["kbs"][name] = _build(write_corpus(work / "corpus", words), kbs[name])
        for label, db in kbs.items():
            result["kbs"][label]["pages"] = measure(db, repeats)
            result["kbs"][label]["site_s"] = _site_seconds(db, work / f"site-{label[:4]}")
    _print(result)
    seed_pages = result["kbs"].get("seed", {}).get("pages", {})
    result["seed_within_target"] = all(p["median_ms"] <= TARGET_MS for p in seed_pages.values())
    return result


def _print(result: dict[str, Any]) -> None:
    rows = []
    for label, info in result["kbs"].items():
        for page, t in info["pages"].items():
            rows.append([label, page, f"{t['median_ms']:.1f}", f"{t['p95_ms']:.1f}",
                         f"{t['first_ms']:.1f}", f"{t['bytes'] / 1024:.0f}"])
        rows.append([label, "static site (whole)", f"{info['site_s'] * 1000:.0f}", "", "",
                     f"build {info['build_s']:.0f} s"])
    print_table(f"Web: server time per page, ms over {result['repeats']} requests "
                f"(target: median ≤ {TARGET_MS:.0f} ms for the seed)",
                ["knowledge base", "page", "median ms", "p95 ms", "first ms", "KiB"], rows)


if __name__ == "__main__":
    import sys

    run(quick="--quick" in sys.argv)
