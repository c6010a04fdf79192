"""Evaluation gate: who's-who scores on every gold file may not fall below pinned floors.

Floors sit a little under today's scores (see `python -m benchmarks.entities`), so a rule change
that loses people or kinds fails here instead of silently.
"""

from __future__ import annotations

import pytest

entities_bench = pytest.importorskip("benchmarks.entities")

FLOORS = {
    "seed": {"f1": 0.95, "line_recall": 0.95, "kind_accuracy": 0.9},
    "stalins-purges": {"f1": 0.9, "line_recall": 0.9, "kind_accuracy": 0.85},
    "suffragettes": {"f1": 0.85, "line_recall": 0.8, "kind_accuracy": 0.85},
    "meiji-restoration": {"f1": 0.85, "line_recall": 0.9, "kind_accuracy": 0.85},
    "roman-britain": {"f1": 0.9, "line_recall": 0.9, "kind_accuracy": 0.7},
    "wars-of-the-roses": {"f1": 0.7, "line_recall": 0.85, "kind_accuracy": 0.6},
}


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, dict[str, float]]]:
    found = entities_bench.evaluate()
    if not found:
        pytest.skip("no gold files with notes found")
    return found  # type: ignore[no-any-return]


@pytest.mark.slow
def test_scores_stay_above_their_floors(results: dict[str, dict[str, dict[str, float]]]) -> None:
    for label, floors in FLOORS.items():
        if label not in results:
            continue
        ours = results[label]["askwinston"]
        for metric, floor in floors.items():
            assert ours[metric] >= floor, (label, metric, ours[metric])


@pytest.mark.slow
def test_people_f1_at_least_bare_spacy(results: dict[str, dict[str, dict[str, float]]]) -> None:
    for label, systems in results.items():
        assert systems["askwinston"]["f1"] >= systems["spacy"]["f1"] - 0.01, label
