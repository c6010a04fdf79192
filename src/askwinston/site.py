"""`winston site -o DIR`: a static copy of the web app that works from `file://` or any server.

Every page sits in one folder and links to the others by relative file names; the timeline's zoom
levels are pages of their own; the ask page searches an embedded copy of the sentences in the
browser (no fetch, so it works from `file://`). Study needs the server (`winston serve`).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from askwinston.store import kb
from askwinston.web import checks, views
from askwinston.web.app import STATIC, environment
from askwinston.web.urls import SiteUrls, page_name


class _Writer:
    def __init__(self, out: Path, zooms: set[str]) -> None:
        self.out = out
        self.env = environment(SiteUrls(zooms))
        self.pages: list[str] = []

    def page(self, name: str, template: str, **context: Any) -> None:
        context.setdefault("page", template.removesuffix(".html"))
        html = self.env.get_template(template).render(csrf="", **context)
        (self.out / name).write_text(html, encoding="utf-8")
        self.pages.append(name)


def _topics(w: _Writer, conn: sqlite3.Connection) -> None:
    topics = views.topics(conn)
    w.page("index.html", "index.html", title="Topics", topics=topics, stats=kb.stats(conn))
    for t in topics:
        w.page(page_name(t["key"]), "topic.html", page="topic", title=t["title"], source=t,
               lines=views.topic_lines(conn, t["key"]), hl=None)


def _timelines(w: _Writer, events: list[dict[str, Any]]) -> None:
    w.page("timeline.html", "timeline.html", title="Timeline", **views.timeline(events))
    for key in views.zoom_keys(events):
        w.page(f"timeline-{key}.html", "timeline.html", page="timeline", title="Timeline",
               **views.timeline(events, key))


def _who(w: _Writer, conn: sqlite3.Connection) -> None:
    groups = views.who(conn)
    shown = views.MENTION_LINES_SHOWN
    w.page("who.html", "who.html", title="Who's who", groups=groups, shown=shown)
    for group in groups:
        for e in group["entities"]:
            if e["lines_count"] > shown:
                w.page(SiteUrls().who_entity(e["id"]), "who_entity.html", page="who",
                       title=e["name"], e=e)


def _ask(w: _Writer, conn: sqlite3.Connection) -> None:
    pages = json.dumps({s["key"]: page_name(s["key"]) for s in kb.sources(conn)})
    w.page("ask.html", "ask.html", title="Ask", question="", result=None,
           sentences_json=views.offline_sentences(conn), pages_json=pages)


SITE_CHECK_PAGES = 20
"""Pages of findings the static site writes per kind; `winston check` lists every one."""


def _check(w: _Writer, found: list[dict[str, Any]]) -> None:
    urls = SiteUrls()
    for kind in [None, *sorted({f["kind"] for f in found})]:
        first = checks.page(found, kind)
        last = min(first["pages"], SITE_CHECK_PAGES)
        for number in range(1, last + 1):
            data = checks.page(found, kind, number)
            if number == last:
                data["pages"] = last  # no link to pages that were not written
                data["left_out"] = data["chosen"] - (data["start"] + len(data["findings"]) - 1)
            w.page(urls.check(kind, number), "check.html", title="Check", **data)


def build_site(db: str | Path, out: str | Path) -> dict[str, Any]:
    """Write the static site for the knowledge base at `db` into the folder `out`."""
    target = Path(out)
    (target / "static").mkdir(parents=True, exist_ok=True)
    with kb.opened(db) as conn:
        events = views.timeline_events(conn)
        w = _Writer(target, set(views.zoom_keys(events)))
        _topics(w, conn)
        _timelines(w, events)
        _who(w, conn)
        _check(w, checks.findings(conn))
        _ask(w, conn)
    for name, path in STATIC.items():
        shutil.copyfile(path, target / "static" / name)
    return {"folder": str(target), "pages": len(w.pages), "index": str(target / "index.html")}
