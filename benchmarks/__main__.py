"""`make bench`: every benchmark in turn, each printing its table (askwinston next to a reference).

`python -m benchmarks [--quick] [NAME...]` runs the named ones (build, timex, entities, ask, study,
web, sources) or all of them; results are also written to benchmarks/results/NAME.json.
"""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
import time
from types import ModuleType
from typing import Any

from benchmarks.report import repo_root

SUITES = ("build", "timex", "entities", "ask", "study", "web", "sources")


def run_suite(module: ModuleType, quick: bool) -> Any:
    """Suites expose `run(quick=...)`, `run()` or a command-line `main(argv)`."""
    run = getattr(module, "run", None)
    if run is not None:
        takes_quick = "quick" in inspect.signature(run).parameters
        return run(quick=quick) if takes_quick else run()
    code = module.main(["--quick"] if quick else [])
    if code:
        raise RuntimeError(f"{module.__name__} exited with {code}")
    return {"exit": code}


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    names = [a for a in argv if not a.startswith("-")] or list(SUITES)
    if len(names) > 1:
        return _each_in_its_own_process(names, quick)
    results_dir = repo_root() / "benchmarks" / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    failed = []
    for name in names:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"benchmarks.{name}":
                continue
            raise
        started = time.perf_counter()
        print(f"\n=== {name} ===", flush=True)
        try:
            result = run_suite(module, quick)
        except Exception as exc:  # one broken suite should not hide the others' tables
            print(f"{name}: failed: {exc!r}")
            failed.append(name)
            continue
        (results_dir / f"{name}.json").write_text(json.dumps(result, indent=2, default=str))
        print(f"({name}: {time.perf_counter() - started:.0f} s)")
    return 1 if failed else 0


def _each_in_its_own_process(names: list[str], quick: bool) -> int:
    """Run suites one process each, so peak memory and warm caches belong to one suite only."""
    codes = [
        subprocess.run([sys.executable, "-m", "benchmarks", name, *(["--quick"] if quick else [])],
                       cwd=repo_root()).returncode
        for name in names
    ]
    return max(codes, default=0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
