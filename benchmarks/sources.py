"""Benchmark: amalgamating a saved site from a WARC.

Generates a synthetic 2,000-page site (a home page, chapter pages, note pages; shared menu,
cookie banner and footer) as a gzipped WARC in a temporary folder, then times `amalgamate` on
it and measures peak memory two ways: the process's maximum resident set size, and Python's own
allocations during amalgamation (tracemalloc, in a second run because tracing slows it down).

Run: PYTHONPATH=src python -m benchmarks.sources [PAGES]
"""

from __future__ import annotations

import io
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from askwinston.sources.amalgamate import amalgamate

PAGES = 2000
CHAPTERS = 40
MEMORY_TARGET_MB = 300
BASE = "http://bench.example/notes/"

_KINGS = ["Henry VI", "Edward IV", "Edward V", "Richard III", "Henry VII", "Margaret of Anjou",
          "Warwick", "Elizabeth Woodville", "Clarence", "Buckingham"]
_PLACES = ["St Albans", "Towton", "Barnet", "Tewkesbury", "Bosworth", "Wakefield", "Northampton",
           "Mortimer's Cross", "Hexham", "Stoke Field"]


def _page(number: int, links: list[str]) -> bytes:
    king = _KINGS[number % len(_KINGS)]
    place = _PLACES[(number * 7) % len(_PLACES)]
    year = 1455 + number % 33
    menu = "".join(f'<li><a href="chapter{c}.html">Chapter {c}</a></li>' for c in range(CHAPTERS))
    extra = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Note {number} – Bench History</title></head><body>
<header>Bench School History</header><nav><ul>{menu}</ul></nav>
<div class="cookie-banner">This website uses cookies.</div>
<main><h1>Note {number}: {king} at {place}</h1>
<p>In {year} {king} was involved in events at {place}, note {number} of the series.</p>
<h2>Key points</h2>
<ul><li>{king} gathered support among the nobility in {year}.</li>
<li>The fighting at {place} changed the balance between York and Lancaster.</li>
<li>Page {number} also records the consequences for the Crown.</li></ul>
<p>Historians disagree about how far {king} planned the events of {year}; this page, number
{number}, sets out the main arguments on both sides for revision.</p>
<ul>{extra}</ul></main>
<footer>© 2012 Bench School</footer></body></html>""".encode()


def write_site(path: Path, pages: int = PAGES) -> int:
    """Write the synthetic site as a gzipped WARC; returns its size in bytes."""
    per_chapter = max(1, (pages - 1 - CHAPTERS) // CHAPTERS + 1)
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        def put(url: str, body: bytes) -> None:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               length=len(body), http_headers=http)
            writer.write_record(record)

        put(BASE + "index.html", _page(0, [f"chapter{c}.html" for c in range(CHAPTERS)]))
        written = 1
        for chapter in range(CHAPTERS):
            first = CHAPTERS + 1 + chapter * per_chapter
            notes = [f"note{n}.html" for n in range(first, first + per_chapter)
                     if n < pages]
            put(BASE + f"chapter{chapter}.html", _page(chapter + 1, notes))
            written += 1
        for number in range(CHAPTERS + 1, pages):
            put(BASE + f"note{number}.html", _page(number, []))
            written += 1
    return path.stat().st_size


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def run(pages: int = PAGES) -> dict[str, float]:
    """Generate, amalgamate, measure; prints a table and returns the numbers."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        started = time.perf_counter()
        size = write_site(path, pages)
        generate_s = time.perf_counter() - started
        rss_before = _maxrss_mb()
        started = time.perf_counter()
        source = amalgamate(path)
        seconds = time.perf_counter() - started
        rss_after = _maxrss_mb()
        sections = sum(1 for line in source.lines if line.text.startswith("# "))
        tracemalloc.start()
        amalgamate(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    result = {
        "pages": float(pages),
        "sections": float(sections),
        "warc_mb": size / 1e6,
        "generate_s": generate_s,
        "amalgamate_s": seconds,
        "pages_per_s": pages / seconds,
        "maxrss_mb": rss_after,
        "maxrss_growth_mb": rss_after - rss_before,
        "python_peak_mb": peak / 1e6,
        "lines": float(len(source.lines)),
    }
    _print_table(result)
    return result


def _print_table(result: dict[str, float]) -> None:
    print(f"{'measure':<22}{'value':>14}")
    print("-" * 36)
    for name, value in result.items():
        shown = f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
        print(f"{name:<22}{shown:>14}")
    verdict = "OK" if result["maxrss_mb"] < MEMORY_TARGET_MB else "OVER"
    print(f"memory target {MEMORY_TARGET_MB} MB: {verdict}")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else PAGES)
