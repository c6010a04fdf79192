"""Ask: accuracy, abstention and speed, next to a baseline that returns the top BM25 sentence.

- seed dev set (../shared/eval) and our own held-out questions (benchmarks/questions/own.jsonl):
  accuracy (right answer citing a gold line; unanswerable ones abstained), and abstention
  precision / recall;
- latency per question in batch mode with the knowledge base loaded, and the cold start of
  `winston ask` as a subprocess;
- SQuAD v1.1 history subset: EM / F1 (official normalisation), each question against its own
  paragraph, and against its whole article as one set of notes.

`python -m benchmarks.ask [--quick]`; `--quick` answers 300 SQuAD questions instead of 2,343.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from benchmarks.report import print_table, repo_root, shared_dir

QUICK_SQUAD = 300
Row = dict[str, Any]
AnswerFn = Callable[[str], Row]


def _answerer_for(paths: list[Path], workdir: Path) -> Any:
    from askwinston import api
    from askwinston.ask.answer import Answerer
    from askwinston.store import kb

    db = workdir / f"kb{abs(hash(tuple(map(str, paths))))}.db"
    api.build(paths, db)
    with kb.opened(db) as conn:
        return Answerer.load(conn)


def baseline(answerer: Any) -> AnswerFn:
    """The top BM25 sentence as the answer, with the first version's coverage threshold."""
    passages = answerer.corpus.passages

    def ask(question: str) -> Row:
        scores = answerer.index.scores(question)
        if not scores or max(scores) <= 0:
            return {"answer": None, "citations": []}
        best = max(range(len(scores)), key=scores.__getitem__)
        ceiling = answerer.index.max_score(question)
        if not ceiling or scores[best] / ceiling < 0.45:
            return {"answer": None, "citations": []}
        p = passages[best]
        return {"answer": p.text, "citations": [{"line": p.line, "source": p.source}]}

    return ask


def _load_jsonl(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def score_questions(items: Iterable[tuple[Row, AnswerFn]]) -> Row:
    """Accuracy and abstention precision / recall over (gold, answer function) pairs."""
    from askwinston.ask.scoring import is_correct

    right = abstained = abstained_right = unanswerable = total = 0
    for gold, ask in items:
        result = ask(gold["question"])
        total += 1
        lines = {c["line"] for c in result["citations"]}
        if result["answer"] is None:
            abstained += 1
        if not gold["answers"]:
            unanswerable += 1
            ok = result["answer"] is None
            abstained_right += ok
        else:
            ok = is_correct(result["answer"], gold["answers"]) and bool(lines & set(gold["lines"]))
        right += ok
    return {
        "questions": total,
        "accuracy": right / total if total else 0.0,
        "abstain_precision": abstained_right / abstained if abstained else 0.0,
        "abstain_recall": abstained_right / unanswerable if unanswerable else 0.0,
    }


def dev_and_own(workdir: Path) -> tuple[Row, Any]:
    """Both question sets, askwinston and the baseline; also returns the seed answerer."""
    seed = _answerer_for([shared_dir() / "seed" / "000_9c50b18a0db9cdf3.txt"], workdir)
    dev = _load_jsonl(shared_dir() / "eval" / "seed-questions.dev.jsonl")
    own = _load_jsonl(repo_root() / "benchmarks" / "questions" / "own.jsonl")
    by_doc = {d: _answerer_for([repo_root() / d], workdir) for d in {q["doc"] for q in own}}
    out = {
        "dev": score_questions((g, seed.ask) for g in dev),
        "dev_baseline": score_questions((g, baseline(seed)) for g in dev),
        "own": score_questions((g, by_doc[g["doc"]].ask) for g in own),
        "own_baseline": score_questions((g, baseline(by_doc[g["doc"]])) for g in own),
    }
    return out, seed


def latency(answerer: Any, questions: list[str], repeats: int = 5) -> Row:
    """Median and p95 milliseconds per question, answered in a batch with the KB loaded."""
    times = []
    for _ in range(repeats):
        for q in questions:
            started = time.perf_counter()
            answerer.ask(q)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": statistics.median(times), "p95_ms": times[int(0.95 * (len(times) - 1))]}


def cold_start(db: Path, runs: int = 3) -> float:
    """Seconds for `winston ask --json QUESTION` as a fresh process (best of `runs`)."""
    cmd = [sys.executable, "-m", "askwinston.cli", "ask", "--db", str(db), "--json",
           "When was Kirov shot?"]
    env = {"PYTHONPATH": str(repo_root() / "src"), "PATH": "/usr/bin:/bin"}
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env, cwd=repo_root())
        best = min(best, time.perf_counter() - started)
    return best


def _squad_items(quick: bool) -> list[tuple[str, int, str, Row]]:
    """(article title, paragraph index, paragraph text, question) in file order."""
    data = json.loads((shared_dir() / "benchmarks" / "squad-history" /
                       "dev-v1.1-history.json").read_text())
    items = [(art["title"], i, para["context"], qa)
             for art in data["data"] for i, para in enumerate(art["paragraphs"])
             for qa in para["qas"]]
    if quick:
        step = max(1, len(items) // QUICK_SQUAD)
        items = items[::step][:QUICK_SQUAD]
    return items


def _em_f1(predictions: list[tuple[str | None, list[str]]]) -> tuple[float, float]:
    from askwinston.ask.scoring import exact, token_f1

    em = f1 = 0.0
    for pred, golds in predictions:
        text = pred or ""
        em += max(float(exact(text, g)) for g in golds)
        f1 += max(token_f1(text, g) for g in golds)
    n = len(predictions) or 1
    return 100 * em / n, 100 * f1 / n


def _squad_setting(items: list[tuple[str, int, str, Row]], unit: Callable[[str, int], str],
                   texts: dict[str, str]) -> Row:
    """EM/F1 of askwinston (never abstaining: SQuAD always has an answer) and the baseline."""
    from askwinston.analysis.pipeline import analyse_text
    from askwinston.ask.answer import Answerer

    answerers: dict[str, Any] = {}
    ours, base = [], []
    for title, i, _context, qa in items:
        key = unit(title, i)
        if key not in answerers:
            answerers[key] = Answerer.from_knowledge(analyse_text(texts[key], key))
        a = answerers[key]
        golds = [g["text"] for g in qa["answers"]]
        result = a.ask_best(qa["question"])
        ours.append((result["answer"], golds))
        scores = a.index.scores(qa["question"])
        top = a.corpus.passages[max(range(len(scores)), key=scores.__getitem__)].text \
            if scores else ""
        base.append((top, golds))
    em, f1 = _em_f1(ours)
    bem, bf1 = _em_f1(base)
    return {"em": em, "f1": f1, "baseline_em": bem, "baseline_f1": bf1, "questions": len(items)}


def squad(quick: bool) -> Row:
    items = _squad_items(quick)
    paragraphs = {f"{t}#{i}": c for t, i, c, _q in items}
    articles: dict[str, str] = {}
    data = json.loads((shared_dir() / "benchmarks" / "squad-history" /
                       "dev-v1.1-history.json").read_text())
    wanted = {t for t, _i, _c, _q in items}
    for art in data["data"]:
        if art["title"] in wanted:
            articles[art["title"]] = "\n\n".join(p["context"] for p in art["paragraphs"])
    return {
        "paragraph": _squad_setting(items, lambda t, i: f"{t}#{i}", paragraphs),
        "article": _squad_setting(items, lambda t, _i: t, articles),
    }


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def run(quick: bool = False) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        qa, seed = dev_and_own(workdir)
        dev_qs = [g["question"] for g in _load_jsonl(shared_dir() / "eval" /
                                                     "seed-questions.dev.jsonl")]
        lat = latency(seed, dev_qs)
        db = workdir / "cold.db"
        from askwinston import api

        api.build([shared_dir() / "seed" / "000_9c50b18a0db9cdf3.txt"], db)
        cold = cold_start(db)
    sq = squad(quick)
    rows = []
    for name in ("dev", "own"):
        ours, base = qa[name], qa[f"{name}_baseline"]
        rows.append([f"{name} ({ours['questions']} q) accuracy", _pct(ours["accuracy"]),
                     _pct(base["accuracy"]), "dev ≥ 90%" if name == "dev" else "held out"])
        rows.append([f"{name} abstention precision / recall",
                     f"{_pct(ours['abstain_precision'])} / {_pct(ours['abstain_recall'])}",
                     f"{_pct(base['abstain_precision'])} / {_pct(base['abstain_recall'])}", ""])
    rows.append(["latency median / p95 (batch, KB loaded)",
                 f"{lat['median_ms']:.1f} / {lat['p95_ms']:.1f} ms", "", "median ≤ 20 ms"])
    rows.append(["cold start `winston ask` (subprocess)", f"{cold:.2f} s", "", "≤ 1.5 s"])
    for setting in ("paragraph", "article"):
        s = sq[setting]
        rows.append([f"SQuAD history, {setting} ({s['questions']} q) EM / F1",
                     f"{s['em']:.1f} / {s['f1']:.1f}",
                     f"{s['baseline_em']:.1f} / {s['baseline_f1']:.1f}",
                     "F1 ≥ 45" if setting == "paragraph" else ""])
    print_table("ask: askwinston vs top-BM25-sentence baseline",
                ["measure", "askwinston", "baseline", "target"], rows)
    return {"qa": qa, "latency": lat, "cold_start_s": cold, "squad": sq}


if __name__ == "__main__":
    run(quick="--quick" in sys.argv[1:])
