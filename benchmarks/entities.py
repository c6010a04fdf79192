"""Who's who against gold annotations, next to bare spaCy on the same text.

    PYTHONPATH=src python -m benchmarks.entities

For every gold file (the seed gold in ../shared/eval, and any `benchmarks/gold/*.json` whose notes
exist) it reports person precision, recall and F1, recall of the lines each person is named on,
and entity-kind accuracy (person / org / place over the gold's people, organisations and places),
for askwinston and for spaCy's own entities (PERSON for people; labels mapped to kinds).
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from askwinston.analysis.entity_rules import KIND_OF_LABEL
from askwinston.analysis.names import strip_possessive
from askwinston.analysis.nlp import load_nlp
from askwinston.analysis.pipeline import analyse
from askwinston.analysis.structure import structure
from askwinston.model import LineKind, Notes, Source
from askwinston.sources import read_paths

REPO = Path(__file__).resolve().parents[1]
NOTE_DIRS = ("examples", "benchmarks/notes")


@dataclass(frozen=True)
class Found:
    """What a system says about names: person names with their lines, and a kind per name."""

    people: dict[str, set[int]]  # name or alias (lower case) → lines; aliases share the set
    person_groups: list[set[str]]  # the names of each predicted person (lower case)
    kinds: dict[str, str]  # name (lower case) → kind


def shared_dir() -> Path:
    return Path(os.environ.get("ASKWINSTON_SHARED", REPO.parent / "shared"))


# ---------------------------------------------------------------- the two systems


def ours(source: Source) -> Found:
    k = analyse([source])
    people: dict[str, set[int]] = {}
    groups = []
    kinds: dict[str, str] = {}
    for e in k.entities:
        forms = {f.lower() for f in (e.name, *e.aliases, *e.variants)}
        for f in forms:
            kinds.setdefault(f, e.kind)
        if e.kind == "person":
            lines = {m.span.line for m in e.mentions}
            groups.append(forms)
            for f in forms:
                people.setdefault(f, set()).update(lines)
    return Found(people, groups, kinds)


def _texts(notes: Notes) -> list[tuple[int, str]]:
    """The text askwinston analyses: headings and sentences, with their lines."""
    heads = [(nl.line.number, nl.line.text) for nl in notes.lines
             if nl.kind in (LineKind.TITLE, LineKind.HEADING)]
    return heads + [(s.span.line, s.text) for s in notes.sentences]


def bare_spacy(source: Source) -> Found:
    """spaCy's PERSON entities as people, its labels (by majority) as kinds."""
    nlp = load_nlp()
    texts = _texts(structure(source))
    people: dict[str, set[int]] = {}
    labels: dict[str, Counter[str]] = {}
    for (line, _), doc in zip(texts, nlp.pipe(t for _, t in texts), strict=True):
        for ent in doc.ents:
            name = strip_possessive(ent.text).lower()
            if ent.label_ in KIND_OF_LABEL:
                labels.setdefault(name, Counter())[KIND_OF_LABEL[ent.label_]] += 1
            if ent.label_ == "PERSON":
                people.setdefault(name, set()).add(line)
    kinds = {n: c.most_common(1)[0][0] for n, c in labels.items()}
    return Found(people, [{n} for n in people], kinds)


# ---------------------------------------------------------------- scoring


def _gold_forms(person: dict[str, Any]) -> set[str]:
    return {person["name"].lower(), *(a.lower() for a in person.get("aliases", []))}


def score(found: Found, gold: dict[str, Any]) -> dict[str, float]:
    """Person P/R/F1 (a predicted person is right if any of its names is a gold person's name),
    line recall of gold people, and kind accuracy over the gold's named people, orgs and places."""
    gold_people = gold.get("people", [])
    matched = [p for p in gold_people if _gold_forms(p) & set(found.people)]
    right = [g for g in found.person_groups if any(g & _gold_forms(p) for p in gold_people)]
    precision = len(right) / len(found.person_groups) if found.person_groups else 0.0
    recall = len(matched) / len(gold_people) if gold_people else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    want = sum(len(p.get("lines", [])) for p in gold_people)
    got = 0
    for p in gold_people:
        lines = set().union(*(found.people.get(f, set()) for f in _gold_forms(p)))
        got += len(set(p.get("lines", [])) & lines)
    labelled = ([(p["name"], "person") for p in gold_people]
                + [(o, "org") for o in gold.get("organisations", [])]
                + [(pl, "place") for pl in gold.get("places", [])])
    correct = sum(found.kinds.get(n.lower()) == kind for n, kind in labelled)
    return {"precision": precision, "recall": recall, "f1": f1,
            "line_recall": got / want if want else 0.0,
            "kind_accuracy": correct / len(labelled) if labelled else 0.0}


# ---------------------------------------------------------------- gold files


def _items(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if isinstance(data, list) else [data]


def _notes_path(doc: str, gold_file: Path) -> Path | None:
    """Where a gold item's notes are: relative to the repo root, the gold file, or a notes dir."""
    candidates = [REPO / doc, gold_file.parent / doc]
    candidates += [REPO / d / Path(doc).name for d in NOTE_DIRS]
    return next((c for c in candidates if c.is_file()), None)


def gold_sets() -> list[tuple[str, Path, dict[str, Any]]]:
    """(label, notes path, gold) for the seed and every benchmark gold file whose notes exist."""
    out = []
    seed_gold = shared_dir() / "eval" / "seed-gold.json"
    if seed_gold.is_file():
        for item in _items(seed_gold):
            path = _notes_path(item.get("doc", ""), seed_gold)
            if path is not None:
                out.append(("seed", path, item))
    for gold_file in sorted((REPO / "benchmarks" / "gold").glob("*.json")):
        for i, item in enumerate(_items(gold_file)):
            path = _notes_path(item.get("doc", ""), gold_file)
            if path is not None and item.get("people") is not None:
                out.append((f"{gold_file.stem}[{i}]" if i else gold_file.stem, path, item))
    return out


def run() -> dict[str, dict[str, dict[str, float]]]:
    """Scores per gold set and system: {"seed": {"askwinston": {...}, "spacy": {...}}, ...}."""
    results: dict[str, dict[str, dict[str, float]]] = {}
    for label, path, gold in gold_sets():
        read = read_paths([str(path)])
        if not read.sources:
            continue
        source = read.sources[0]
        results[label] = {"askwinston": score(ours(source), gold),
                          "spacy": score(bare_spacy(source), gold)}
    return results


def table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    cols = ("precision", "recall", "f1", "line_recall", "kind_accuracy")
    head = f"{'gold':<20} {'system':<11} " + " ".join(f"{c:>13}" for c in cols)
    rows = [head, "-" * len(head)]
    for label, systems in results.items():
        for system, s in systems.items():
            rows.append(f"{label:<20} {system:<11} " + " ".join(f"{s[c]:>13.3f}" for c in cols))
    if not results:
        rows.append("no gold files with notes found (../shared/eval, benchmarks/gold)")
    return "\n".join(rows)


def main() -> dict[str, dict[str, dict[str, float]]]:
    results = run()
    sys.stdout.write(table(results) + "\n")
    return results


if __name__ == "__main__":
    main()
