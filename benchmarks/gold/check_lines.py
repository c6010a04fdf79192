#!/usr/bin/env python3
"""Check hand-written gold annotations against the notes they describe.

Every gold item names a line of a notes file; this script makes sure the
item's text really is on that line, so a shifted or mistyped line number is
caught before it silently spoils a benchmark.

Paths in the gold files are relative to the repository root. An item may
carry its own "doc" (multi-page topics); otherwise the file's top-level
"doc" (a single path) is used.

Checked:
  timeline / not_dates  "text" occurs on "line"
  people                name or one of the aliases occurs on each listed line
  quantities            "text" occurs on "line"
  quotes                "starts" occurs on "line"
  organisations, places, not_people, name_variants  occur somewhere in the doc(s)
  questions (benchmarks/questions/*.jsonl): doc exists, lines exist; an
      answerable question has at least one answer on one of its lines
      (case-insensitive); an unanswerable one has no answers and no lines.

Also prints (does not fail on) lines that mention a person's name or alias
but are not listed, so a reviewer can look for forgotten mentions. A person may
carry "not_lines": lines reviewed by hand where the same words mean someone or
something else (e.g. "Edward III" is not Edward IV); these are not reported.

Usage: python3 benchmarks/gold/check_lines.py   (exit status 1 on any error)
"""

import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
QUESTION_TYPES = {"when", "who", "where", "how_many", "why", "what", "quote", "unanswerable"}
_cache = {}


def lines_of(doc):
    if doc not in _cache:
        with open(os.path.join(ROOT, doc), encoding="utf-8") as f:
            _cache[doc] = f.read().split("\n")
    return _cache[doc]


def line_text(doc, n):
    lines = lines_of(doc)
    if not isinstance(n, int) or n < 1 or n > len(lines):
        return None
    return lines[n - 1]


def docs_of(gold):
    d = gold["doc"]
    return d if isinstance(d, list) else [d]


def item_doc(gold, item, errors, where):
    doc = item.get("doc")
    if doc is None:
        if isinstance(gold["doc"], list):
            errors.append(f"{where}: no 'doc' on item in a multi-doc gold file")
            return None
        doc = gold["doc"]
    if not os.path.exists(os.path.join(ROOT, doc)):
        errors.append(f"{where}: doc {doc!r} does not exist")
        return None
    return doc


def check_on_line(errors, where, doc, line, needle):
    text = line_text(doc, line)
    if text is None:
        errors.append(f"{where}: {doc} has no line {line}")
    elif needle not in text:
        errors.append(f"{where}: {needle!r} not on {doc}:{line} ({text!r})")


def mentions(text, names):
    return any(re.search(r"(?<!\w)" + re.escape(n) + r"(?!\w)", text) for n in names)


def check_gold(path, errors, warnings):
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)
    name = os.path.relpath(path, ROOT)
    counts = {}
    for key in ("timeline", "not_dates", "quantities", "quotes"):
        for i, item in enumerate(gold.get(key, [])):
            where = f"{name} {key}[{i}]"
            doc = item_doc(gold, item, errors, where)
            if doc is None:
                continue
            needle = item["starts"] if key == "quotes" else item["text"]
            check_on_line(errors, where, doc, item["line"], needle)
            if key == "timeline" and not re.fullmatch(
                r"-?\d{2,4}(-\d\d(-\d\d)?|-(SU|SP|FA|WI))?(/-?\d{2,4}(-\d\d(-\d\d)?)?)?",
                item["value"],
            ):
                errors.append(f"{where}: odd TIMEX3 value {item['value']!r}")
            if key == "timeline" and item.get("mod") not in (
                None,
                "START",
                "MID",
                "END",
                "APPROX",
                "BEFORE",
                "AFTER",
            ):
                errors.append(f"{where}: odd mod {item['mod']!r}")
        counts[key] = len(gold.get(key, []))
    for i, person in enumerate(gold.get("people", [])):
        where = f"{name} people[{i}] {person['name']}"
        doc = item_doc(gold, person, errors, where)
        if doc is None:
            continue
        names = [person["name"], *person.get("aliases", [])]
        for n in person["lines"]:
            text = line_text(doc, n)
            if text is None:
                errors.append(f"{where}: {doc} has no line {n}")
            elif not any(a in text for a in names):
                errors.append(f"{where}: none of {names} on {doc}:{n} ({text!r})")
        for n, text in enumerate(lines_of(doc), 1):
            if (
                n not in person["lines"]
                and n not in person.get("not_lines", [])
                and mentions(text, names)
            ):
                warnings.append(f"{where}: also mentioned? {doc}:{n} ({text!r})")
    counts["people"] = len(gold.get("people", []))
    whole = "\n".join("\n".join(lines_of(d)) for d in docs_of(gold))
    for key in ("organisations", "places", "not_people"):
        for s in gold.get(key, []):
            if s not in whole:
                errors.append(f"{name} {key}: {s!r} not found in the doc(s)")
    for group in gold.get("name_variants", []):
        for s in group:
            if not mentions(whole, [s]):
                errors.append(f"{name} name_variants: {s!r} not found in the doc(s)")
    return name, counts


def check_questions(path, errors):
    name = os.path.relpath(path, ROOT)
    ids = set()
    n = unanswerable = 0
    with open(path, encoding="utf-8") as f:
        for k, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            q = json.loads(raw)
            n += 1
            where = f"{name}:{k} {q.get('id')}"
            if q["id"] in ids:
                errors.append(f"{where}: duplicate id")
            ids.add(q["id"])
            if q["type"] not in QUESTION_TYPES:
                errors.append(f"{where}: unknown type {q['type']!r}")
            if not os.path.exists(os.path.join(ROOT, q["doc"])):
                errors.append(f"{where}: doc {q['doc']!r} does not exist")
                continue
            if q["type"] == "unanswerable":
                unanswerable += 1
                if q["answers"] or q["lines"]:
                    errors.append(f"{where}: unanswerable question with answers or lines")
                continue
            if not q["answers"] or not q["lines"]:
                errors.append(f"{where}: answerable question without answers or lines")
                continue
            texts = []
            for ln in q["lines"]:
                t = line_text(q["doc"], ln)
                if t is None:
                    errors.append(f"{where}: {q['doc']} has no line {ln}")
                else:
                    texts.append(t.lower())
            if texts and not any(a.lower() in t for a in q["answers"] for t in texts):
                errors.append(
                    f"{where}: no answer of {q['answers']} on lines {q['lines']} of {q['doc']}"
                )
    return name, n, unanswerable


def main():
    errors, warnings = [], []
    for path in sorted(glob.glob(os.path.join(ROOT, "benchmarks", "gold", "*.json"))):
        name, counts = check_gold(path, errors, warnings)
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for path in sorted(glob.glob(os.path.join(ROOT, "benchmarks", "questions", "*.jsonl"))):
        name, n, u = check_questions(path, errors)
        print(f"{name}: {n} questions, {u} unanswerable")
    for w in warnings:
        print("note:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} error(s), {len(warnings)} note(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
