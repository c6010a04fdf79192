"""Helpers: a small saved website of Wars of the Roses revision notes (folder, ZIP, WARC),
with a shared header, menu, cookie banner, footer and a line repeated on every page, so the
tests can check that amalgamation keeps the notes and drops the furniture.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BASE = "http://clayton.example/history/"
SITE_NAME = "Clayton History"

MENU = [  # menu order, deliberately not alphabetical
    ("index.html", "Home"),
    ("causes.html", "Causes"),
    ("people.html", "Key people"),
    ("battles.html", "Battles"),
    ("bosworth.html", "Bosworth"),
    ("timeline.html", "Timeline"),
    ("aftermath.html", "Aftermath"),
]

CONTENT = {
    "index.html": ("The Wars of the Roses", """
<p>These pages are revision notes on the civil wars fought in England between 1455 and 1487.</p>
<p>The two sides were the House of Lancaster and the House of York, rival branches of the
Plantagenet royal family.</p>"""),
    "causes.html": ("Causes of the wars", """
<p>Several long-term and short-term problems made civil war likely.</p>
<h2>Long-term causes</h2>
<ul><li>Henry VI became king as a baby in 1422, so nobles ran the country for years</li>
<li>England lost almost all its lands in France by 1453</li></ul>
<h2>Short-term causes</h2>
<ul><li>Henry VI suffered a mental collapse in 1453</li>
<li>Richard, Duke of York, was made Protector and clashed with the queen,
Margaret of Anjou</li></ul>"""),
    "people.html": ("Key people", """
<table><tr><th>Person</th><th>Side</th></tr>
<tr><td>Henry VI</td><td>Lancaster</td></tr>
<tr><td>Edward IV</td><td>York</td></tr>
<tr><td>Richard III</td><td>York</td></tr>
<tr><td>Henry Tudor</td><td>Lancaster</td></tr></table>
<p>Warwick the Kingmaker changed sides in 1470 and helped put Henry VI back on the throne.</p>"""),
    "battles.html": ("Major battles", """
<ul><li>First Battle of St Albans, 1455: the first fighting of the wars</li>
<li>Battle of Towton, 1461: a huge Yorkist victory fought in a snowstorm</li>
<li>Battle of Tewkesbury, 1471: Henry VI's son Edward was killed</li></ul>"""),
    "bosworth.html": ("The Battle of Bosworth", """
<p>On 22 August 1485 Henry Tudor defeated Richard III near Market Bosworth.</p>
<p>Richard was killed when Lord Stanley's men joined the fighting against him.</p>"""),
    "timeline.html": ("Timeline", """
<ol><li>1455: First Battle of St Albans</li><li>1461: Edward IV takes the throne</li>
<li>1483: Richard III becomes king</li><li>1485: Henry VII wins at Bosworth</li></ol>"""),
    "aftermath.html": ("Aftermath", """
<p>Henry VII married Elizabeth of York in 1486, joining the two houses.</p>
<p>The Tudor rose combined the red rose of Lancaster and the white rose of York.</p>"""),
}

FURNITURE = ("Clayton School History Department", "uses cookies", "© 2012 Clayton School",
             "Back to top", "Exam board: AQA GCSE History, paper 2")


def page_html(name: str, heading: str | None = None, body: str | None = None) -> str:
    """One page with header, menu, cookie banner, repeated aside line and footer."""
    title, content = CONTENT[name]
    heading = heading or title
    content = body if body is not None else content
    menu = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in MENU)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{heading} – {SITE_NAME}</title></head>
<body>
<header><p class="site-name">Clayton School History Department</p></header>
<nav id="menu"><ul>{menu}</ul></nav>
<div class="cookie-banner">This website uses cookies to improve your experience.
<a href="#">OK</a></div>
<main>
<h1>{heading}</h1>
{content}
<p>Exam board: AQA GCSE History, paper 2</p>
</main>
<footer><p>© 2012 Clayton School</p><p><a href="#top">Back to top</a></p></footer>
</body></html>"""


def expected_headings() -> list[str]:
    return ["# " + CONTENT[name][0] for name, _ in MENU]


def _response(writer: WARCWriter, url: str, status: str, body: bytes, date: str,
              headers: list[tuple[str, str]] | None = None) -> None:
    http = StatusAndHeaders(status, headers or [("Content-Type", "text/html; charset=utf-8")],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                       http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def write_warc(path: Path, gzip: bool = True) -> Path:
    """The site as a crawler saw it: an old draft and a later capture of battles.html,
    a redirect from an old URL, a 404, a stylesheet, pages in alphabetical order."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        _response(writer, BASE + "battles.html", "200 OK",
                  page_html("battles.html", body="<p>Draft: this page is coming soon.</p>")
                  .encode(), "2013-04-01T09:00:00Z")
        _response(writer, BASE + "old-causes.html", "301 Moved Permanently", b"",
                  "2013-05-01T09:00:00Z", [("Location", BASE + "causes.html")])
        _response(writer, BASE + "missing.html", "404 Not Found", b"<h1>Not found</h1>",
                  "2013-05-01T09:00:01Z")
        _response(writer, BASE + "style.css", "200 OK", b"body { color: black }",
                  "2013-05-01T09:00:02Z", [("Content-Type", "text/css")])
        for i, name in enumerate(sorted(CONTENT)):
            _response(writer, BASE + name, "200 OK", page_html(name).encode("utf-8"),
                      datetime(2013, 5, 1, 10, i).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return path


def _arc_record(url: str, date: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    return f"{url} 10.0.0.1 {date} text/html {len(http)}\n".encode() + http + b"\n"


def write_arc(path: Path, gzip: bool = False) -> Path:
    """The site as an old-style ARC file (written by hand: warcio reads ARC but cannot write it)."""
    import gzip as gz

    header = b"1 0 Clayton\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [f"filedesc://{path.name} 0.0.0.0 20130501000000 text/plain {len(header)}\n"
               .encode() + header + b"\n"]
    records += [_arc_record(BASE + name, "20130501100000", page_html(name).encode())
                for name in sorted(CONTENT)]
    path.write_bytes(b"".join(gz.compress(r) for r in records) if gzip else b"".join(records))
    return path
