"""Where pages live: one set of links for the server, another (relative files) for the static site.

Templates only ever call these methods, so the same templates serve `winston serve` and
`winston site`.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from askwinston.model import stable_id


class Urls:
    """Links for the running server (absolute paths from the site root)."""

    static_site = False

    def home(self) -> str:
        return "/"

    def topic(self, source: str, line: int | None = None, hl: int | None = None) -> str:
        query = f"?{urlencode({'hl': hl})}" if hl is not None else ""
        anchor = f"#L{line}" if line is not None else ""
        return f"/topics/{quote(source, safe='/')}{query}{anchor}"

    def timeline(self, zoom: str | None = None, anchor: str | None = None) -> str:
        query = f"?{urlencode({'zoom': zoom})}" if zoom else ""
        return f"/timeline{query}" + (f"#{anchor}" if anchor else "")

    def who(self, entity_id: str | None = None) -> str:
        return "/who" + (f"#e-{entity_id}" if entity_id else "")

    def who_entity(self, entity_id: str) -> str:
        return f"/who/{quote(entity_id, safe='')}"

    def ask(self, question: str | None = None) -> str:
        return "/ask" + (f"?{urlencode({'q': question})}" if question else "")

    def study(self) -> str:
        return "/study"

    def check(self, kind: str | None = None, page: int = 1) -> str:
        params = {k: v for k, v in (("kind", kind), ("page", page if page > 1 else None)) if v}
        return "/check" + (f"?{urlencode(params)}" if params else "")

    def static(self, name: str) -> str:
        return f"/static/{name}"


def page_name(source: str) -> str:
    """A safe, unique file name for a source's page in the static site."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", source).strip("-").lower()[:60] or "notes"
    return f"topic-{stem}-{stable_id(source, length=6)}.html"


class SiteUrls(Urls):
    """Links between the files of the static site: all pages in one folder, all links relative."""

    static_site = True

    def __init__(self, zooms: set[str] | None = None) -> None:
        self.zooms = zooms  # the timeline windows written as pages; others link to the whole

    def home(self) -> str:
        return "index.html"

    def topic(self, source: str, line: int | None = None, hl: int | None = None) -> str:
        query = f"?hl={hl}" if hl is not None else ""
        return page_name(source) + query + (f"#L{line}" if line is not None else "")

    def timeline(self, zoom: str | None = None, anchor: str | None = None) -> str:
        if zoom and self.zooms is not None and zoom not in self.zooms:
            zoom = None
        name = f"timeline-{zoom}.html" if zoom else "timeline.html"
        return name + (f"#{anchor}" if anchor else "")

    def who(self, entity_id: str | None = None) -> str:
        return "who.html" + (f"#e-{entity_id}" if entity_id else "")

    def who_entity(self, entity_id: str) -> str:
        return f"who-{re.sub(r'[^A-Za-z0-9_-]', '', entity_id)}.html"

    def ask(self, question: str | None = None) -> str:
        return "ask.html"

    def study(self) -> str:
        return "study.html"

    def check(self, kind: str | None = None, page: int = 1) -> str:
        if kind is None and page == 1:
            return "check.html"
        slug = re.sub(r"[^a-z0-9-]", "", (kind or "all").lower())
        return f"check-{slug}-{page}.html"

    def static(self, name: str) -> str:
        return f"static/{name}"
