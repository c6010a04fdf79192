"""Who's who against gold annotations, next to bare spaCy on the same text.

    PYTHONPATH=src python -m benchmarks.entities      (or `python -m benchmarks entities`)

For every gold file (the seed gold in ../shared/eval, and any `benchmarks/gold/*.json` whose notes
exist) it reports person precision, recall and F1, recall of the lines each person is named on,
and entity-kind accuracy (person / org / place over the gold's people, organisations and places),
for askwinston and for spaCy's own entities (PERSON for people; labels mapped to kinds).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from askwinston.analysis.entity_rules import KIND_OF_LABEL, TITLES
from askwinston.analysis.names import strip_possessive
from askwinston.analysis.nlp import load_nlp
from askwinston.analysis.pipeline import analyse
from askwinston.analysis.structure import structure
from askwinston.model import LineKind, Notes, Source
from askwinston.sources import read_paths
from benchmarks.report import print_table, repo_root, shared_dir

REPO = repo_root()
NOTE_DIRS = ("examples", "benchmarks/notes")


@dataclass
class Found:
    """What a system says about one page: its people (with their names and lines) and kinds."""

    people: dict[str, set[int]] = field(default_factory=dict)  # name (lower) → lines
    person_groups: list[set[str]] = field(default_factory=list)  # each person's names (lower)
    kinds: dict[str, str] = field(default_factory=dict)  # name (lower) → kind


Pages = dict[str, Source]
"""Gold `doc` path → the source read from it."""


# ---------------------------------------------------------------- the two systems


def ours(pages: Pages) -> dict[str, Found]:
    """askwinston on all pages together (names are resolved across pages), scored per page."""
    k = analyse(list(pages.values()))
    doc_of = {src.key: doc for doc, src in pages.items()}
    found = {doc: Found() for doc in pages}
    for e in k.entities:
        forms = {f.lower() for f in (e.name, *e.aliases, *e.variants)}
        by_doc: dict[str, set[int]] = {}
        for m in e.mentions:
            by_doc.setdefault(doc_of[m.span.source], set()).add(m.span.line)
        for doc, lines in by_doc.items():
            page = found[doc]
            for f in forms:
                page.kinds.setdefault(f, e.kind)
            if e.kind == "person":
                page.person_groups.append(forms)
                for f in forms:
                    page.people.setdefault(f, set()).update(lines)
    return found


def _texts(notes: Notes) -> list[tuple[int, str]]:
    """The text askwinston analyses: headings and sentences, with their lines."""
    heads = [(nl.line.number, nl.line.text) for nl in notes.lines
             if nl.kind in (LineKind.TITLE, LineKind.HEADING)]
    return heads + [(s.span.line, s.text) for s in notes.sentences]


def bare_spacy(pages: Pages) -> dict[str, Found]:
    """spaCy's PERSON entities as people, its labels (by majority) as kinds, page by page."""
    nlp = load_nlp()
    found = {}
    for doc, source in pages.items():
        texts = _texts(structure(source))
        page = Found()
        labels: dict[str, Counter[str]] = {}
        for (line, _), parsed in zip(texts, nlp.pipe(t for _, t in texts), strict=True):
            for ent in parsed.ents:
                name = strip_possessive(ent.text).lower()
                if ent.label_ in KIND_OF_LABEL:
                    labels.setdefault(name, Counter())[KIND_OF_LABEL[ent.label_]] += 1
                if ent.label_ == "PERSON":
                    page.people.setdefault(name, set()).add(line)
        page.kinds = {n: c.most_common(1)[0][0] for n, c in labels.items()}
        page.person_groups = [{n} for n in page.people]
        found[doc] = page
    return found


# ---------------------------------------------------------------- scoring


def _untitled(name: str) -> str:
    """ "Sir William Stanley" → "william stanley": askwinston keeps titles as evidence, not as
    part of the name, so both sides are compared without them."""
    words = name.lower().split()
    while len(words) > 1 and words[0].rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _gold_forms(person: dict[str, Any]) -> set[str]:
    forms = {person["name"].lower(), *(a.lower() for a in person.get("aliases", []))}
    return forms | {_untitled(f) for f in forms}


def _names(items: list[Any]) -> list[str]:
    return [i if isinstance(i, str) else i.get("name", "") for i in items]


def score(found: dict[str, Found], gold: dict[str, Any], default_doc: str) -> dict[str, float]:
    """Person P/R/F1 per page (a predicted person is right if any of its names is the name of a
    gold person on that page), line recall of gold people, and kind accuracy over the gold's
    people, organisations and places (a name counts as right if any page gives it that kind)."""
    gold_people: dict[str, list[dict[str, Any]]] = {}
    for p in gold.get("people", []):
        gold_people.setdefault(p.get("doc", default_doc), []).append(p)
    predicted = right = matched = want = got = 0
    for doc, page in found.items():
        people = gold_people.get(doc, [])
        predicted += len(page.person_groups)
        right += sum(any(g & _gold_forms(p) for p in people) for g in page.person_groups)
        matched += sum(bool(_gold_forms(p) & set(page.people)) for p in people)
        for p in people:
            lines = set().union(*(page.people.get(f, set()) for f in _gold_forms(p)))
            want += len(p.get("lines", []))
            got += len(set(p.get("lines", [])) & lines)
    total = sum(len(v) for v in gold_people.values())
    precision = right / predicted if predicted else 0.0
    recall = matched / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    labelled = {(sorted(_gold_forms(p))[0], "person") for p in gold.get("people", [])}
    labelled |= {(n.lower(), "org") for n in _names(gold.get("organisations", []))}
    labelled |= {(n.lower(), "place") for n in _names(gold.get("places", []))}
    kinds: dict[str, set[str]] = {}
    for page in found.values():
        for name, kind in page.kinds.items():
            kinds.setdefault(name, set()).add(kind)
    forms = {sorted(_gold_forms(p))[0]: _gold_forms(p) for p in gold.get("people", [])}
    correct = sum(any(kind in kinds.get(f, set()) for f in forms.get(name, {name}))
                  for name, kind in labelled)
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


def _pages(docs: list[str], gold_file: Path) -> Pages | None:
    """The sources of a gold item's pages, None when any page is missing."""
    pages: Pages = {}
    for doc in docs:
        path = _notes_path(doc, gold_file)
        read = read_paths([str(path)]) if path is not None else None
        if read is None or not read.sources:
            return None
        pages[doc] = read.sources[0]
    return pages


def gold_sets() -> list[tuple[str, Pages, dict[str, Any]]]:
    """(label, pages, gold) for the seed and every benchmark gold file whose notes exist."""
    files = [shared_dir() / "eval" / "seed-gold.json"]
    files += sorted((REPO / "benchmarks" / "gold").glob("*.json"))
    out = []
    for gold_file in (f for f in files if f.is_file()):
        for i, item in enumerate(_items(gold_file)):
            docs = item.get("doc", [])
            docs = [docs] if isinstance(docs, str) else list(docs)
            pages = _pages(docs, gold_file) if docs and "people" in item else None
            if pages:
                label = gold_file.stem.removesuffix("-gold") + (f"[{i}]" if i else "")
                out.append((label, pages, item))
    return out


Results = dict[str, dict[str, dict[str, float]]]
COLUMNS = ("precision", "recall", "f1", "line_recall", "kind_accuracy")


def evaluate() -> Results:
    """Scores per gold set and system: {"seed": {"askwinston": {...}, "spacy": {...}}, ...}."""
    results: Results = {}
    for label, pages, gold in gold_sets():
        first = next(iter(pages))
        results[label] = {"askwinston": score(ours(pages), gold, first),
                          "spacy": score(bare_spacy(pages), gold, first)}
    return results


def run(quick: bool = False) -> Results:
    """Evaluate, print one table, return the scores (`quick` changes nothing: it is fast)."""
    results = evaluate()
    rows = [[label, system, *(f"{s[c]:.3f}" for c in COLUMNS)]
            for label, systems in results.items() for system, s in systems.items()]
    if not rows:
        rows = [["no gold files with notes found", "", *("" for _ in COLUMNS)]]
    print_table("Who's who: askwinston vs bare spaCy (people P/R/F1, line recall, kind accuracy)",
                ["gold", "system", *COLUMNS], rows)
    return results


if __name__ == "__main__":
    run()
