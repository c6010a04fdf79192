"""`winston serve`: the local web app. Routes are thin: parse, call views/the library, render."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.templating import Jinja2Templates

from askwinston.ask.answer import Answerer
from askwinston.errors import NoKnowledgeBase
from askwinston.store import kb
from askwinston.web import checks, views
from askwinston.web import timeline as tl
from askwinston.web.errors import HANDLERS
from askwinston.web.security import (
    CSRF_FIELD,
    LOCAL_HOSTS,
    SecurityMiddleware,
    checked_form,
    csrf_token,
    field,
    host_name,
)
from askwinston.web.study import (
    KIND_LABELS,
    RATINGS,
    SessionFactory,
    StudyDesk,
    card_view,
    chart,
    comes_back,
    default_factory,
)
from askwinston.web.urls import Urls

T = TypeVar("T")
HERE = Path(__file__).parent
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}
STATIC = {p.name: p for p in (HERE / "static").iterdir() if p.suffix in STATIC_TYPES}
"""The only files /static/ serves: a fixed list made at start-up, so no path can escape it."""


def environment(urls: Urls | None = None) -> jinja2.Environment:
    """Templates with autoescape on for every file: text from the notes is never markup."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals["CSRF_FIELD"] = CSRF_FIELD
    env.globals["KIND_LABELS"] = KIND_LABELS
    env.globals["urls"] = urls or Urls()
    return env


class Pages:
    """Everything the routes share: the knowledge base path, templates, cached answerer."""

    def __init__(self, db: str | Path, templates: Jinja2Templates, desk: StudyDesk) -> None:
        self.db = Path(db)
        self.templates = templates
        self.desk = desk
        self._cache: dict[str, tuple[tuple[int, int, int], Any]] = {}
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def conn(self) -> Iterator[sqlite3.Connection]:
        with kb.opened(self.db) as conn:
            yield conn

    def cached(self, name: str, load: Callable[[sqlite3.Connection], T]) -> T:
        """What the knowledge base says (not study progress), loaded once per build: a rebuild
        replaces the file, which changes its inode and time stamp. Callers must not mutate it."""
        st = os.stat(self.db)
        stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        with self._lock:
            hit = self._cache.get(name)
        if hit is not None and hit[0] == stamp:
            return hit[1]
        with self.conn() as conn:
            value = load(conn)
        with self._lock:
            self._cache[name] = (stamp, value)
        return value

    def answerer(self) -> Answerer:
        return self.cached("answerer", Answerer.load)

    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        context.update(csrf=csrf_token(request), page=name.removesuffix(".html"))
        return self.templates.TemplateResponse(request, name, context, status_code=status)


def pages(request: Request) -> Pages:
    return request.app.state.pages


def _int_param(request: Request, name: str) -> int | None:
    value = request.query_params.get(name)
    if value is None or value == "":
        return None
    if not value.isdigit() or len(value) > 9:
        raise HTTPException(400, f"{name} must be a whole number, not {value[:40]!r}")
    return int(value)


def home(request: Request) -> Response:
    p = pages(request)
    with p.conn() as conn:
        topics, stats = views.topics(conn), kb.stats(conn)
    return p.render(request, "index.html", title="Topics", topics=topics, stats=stats)


def topic(request: Request) -> Response:
    p = pages(request)
    key = request.path_params["key"]
    hl = _int_param(request, "hl")
    with p.conn() as conn:
        src = views.source(conn, key)
        if src is None:
            raise HTTPException(404, f"there is no document called {key[:80]!r} in the notes")
        lines = views.topic_lines(conn, key)
    return p.render(request, "topic.html", title=src["title"] or src["path"], source=src,
                    lines=lines, hl=hl)


def timeline(request: Request) -> Response:
    p = pages(request)
    try:
        zoom = tl.parse_zoom(request.query_params.get("zoom")).key
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    events = p.cached("timeline", views.timeline_events)
    if zoom in p.cached("zooms", lambda conn: set(views.zoom_keys(events)) | {"all"}):
        data = p.cached(f"timeline:{zoom}", lambda conn: views.timeline(events, zoom))
    else:  # a window with no events: cheap, and not worth keeping
        data = views.timeline(events, zoom)
    return p.render(request, "timeline.html", title="Timeline", **data)


def who(request: Request) -> Response:
    p = pages(request)
    groups = p.cached("who", views.who)
    return p.render(request, "who.html", title="Who's who", groups=groups,
                    shown=views.MENTION_LINES_SHOWN)


def who_entity(request: Request) -> Response:
    p = pages(request)
    entity = p.cached("who-by-id", views.who_by_id).get(request.path_params["entity_id"])
    if entity is None:
        raise HTTPException(404, "no one in the notes has that id")
    return p.render(request, "who_entity.html", title=entity["name"], e=entity)


def _answer(p: Pages, question: str) -> dict[str, Any]:
    """The answer, with its citations grouped by line, each shown in its context."""
    result = p.answerer().ask(question)
    places: dict[tuple[str, int], list[str]] = {}
    for c in result["citations"]:
        places.setdefault((c["source"], c["line"]), []).append(c["text"])
    with p.conn() as conn:
        result["places"] = [{"source": s, "line": n, "context": views.context(conn, s, n, texts)}
                            for (s, n), texts in places.items()]
    return result


def ask(request: Request) -> Response:
    p = pages(request)
    question = request.query_params.get("q", "")
    result = _answer(p, question) if question.strip() else None
    return p.render(request, "ask.html", title="Ask", question=question, result=result)


def check(request: Request) -> Response:
    p = pages(request)
    found = p.cached("findings", checks.findings)
    kind = request.query_params.get("kind") or None
    number = _int_param(request, "page") or 1
    if kind is not None and kind not in {f["kind"] for f in found}:
        raise HTTPException(404, f"no findings of kind {kind[:40]!r}")
    try:
        data = checks.page(found, kind, number)
    except ValueError as exc:
        raise HTTPException(404, str(exc)) from None
    return p.render(request, "check.html", title="Check", **data)


async def study(request: Request) -> Response:
    p = pages(request)
    if not p.desk.available:
        return p.render(request, "study.html", title="Study", unavailable=True)
    card = await p.desk.next_card()
    progress = await p.desk.progress()
    last = {k: request.query_params.get(k) for k in ("due", "interval", "state")}
    last["when"] = comes_back(last["interval"])
    view = card_view(card) if card is not None else {}
    return p.render(request, "study.html", title="Study", card=card, view=view, progress=progress,
                    chart=chart(progress.get("reviews_by_day", [])),
                    last=last if last["due"] else None)


async def study_answer(request: Request) -> Response:
    p = pages(request)
    form = await checked_form(request)
    if not p.desk.available:
        raise HTTPException(404, "study is not available in this build")
    card = await p.desk.card(field(form, "card_id", 100))
    if card is None:
        raise HTTPException(404, "that card is not on the desk any more; reload the study page")
    given = field(form, "given", 1000)
    correct = await p.desk.check_answer(card, given)
    return p.render(request, "study_answer.html", title="Study", card=card, given=given,
                    correct=correct, ratings=RATINGS, started=form.get("started", ""))


async def study_review(request: Request) -> Response:
    p = pages(request)
    form = await checked_form(request)
    if not p.desk.available:
        raise HTTPException(404, "study is not available in this build")
    rating = field(form, "rating", 1)
    if rating not in "1234" or not rating:
        raise HTTPException(400, "rating must be 1 (again), 2 (hard), 3 (good) or 4 (easy)")
    duration = field(form, "duration_ms", 12) if form.get("duration_ms") else ""
    given = form.get("given")
    done = await p.desk.review(field(form, "card_id", 100), int(rating),
                               given if isinstance(given, str) else None,
                               int(duration) if duration.isdigit() else None)
    query = urlencode({"due": str(done.get("due", ""))[:32],
                       "interval": str(done.get("interval_days", ""))[:12],
                       "state": str(done.get("state", ""))[:20]})
    return RedirectResponse(f"/study?{query}", status_code=303)


def static(request: Request) -> Response:
    path = STATIC.get(request.path_params["name"])
    if path is None:
        raise HTTPException(404, "no such file")
    return Response(path.read_bytes(), media_type=STATIC_TYPES[path.suffix],
                    headers={"cache-control": "public, max-age=3600"})


def api_ask(request: Request) -> Response:
    question = request.query_params.get("q", "")
    if not question.strip():
        raise HTTPException(400, "give a question as ?q=")
    return JSONResponse({"ok": True, **pages(request).answerer().ask(question)})


def api_timeline(request: Request) -> Response:
    return JSONResponse({"ok": True, "timeline": pages(request).cached("api-timeline",
                                                                      kb.timeline)})


def api_findings(request: Request) -> Response:
    return JSONResponse({"ok": True, "findings": pages(request).cached("findings",
                                                                      checks.findings)})


ROUTES = [
    Route("/", home),
    Route("/topics/{key:path}", topic),
    Route("/timeline", timeline),
    Route("/who", who),
    Route("/who/{entity_id}", who_entity),
    Route("/ask", ask),
    Route("/study", study),
    Route("/study/answer", study_answer, methods=["POST"]),
    Route("/study/review", study_review, methods=["POST"]),
    Route("/check", check),
    Route("/static/{name}", static),
    Route("/api/ask", api_ask),
    Route("/api/timeline", api_timeline),
    Route("/api/findings", api_findings),
]


def create_app(db: str | Path, *, study_factory: SessionFactory | str | None = "default",
               max_body: int | None = None, host: str = "127.0.0.1") -> Starlette:
    """The app for the knowledge base at `db` (which must exist: build it first).

    Bound to a local address (`host`), it answers only to local host names, so a web page cannot
    reach it through DNS rebinding; bound to another address, it answers to any name.
    """
    if not Path(db).is_file():
        raise NoKnowledgeBase(str(db))
    factory = default_factory() if study_factory == "default" else study_factory
    assert not isinstance(factory, str)
    desk = StudyDesk(db, factory)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        desk.close()

    kwargs: dict[str, Any] = {"max_body": max_body} if max_body else {}
    if host_name(host) not in LOCAL_HOSTS and host not in LOCAL_HOSTS:
        kwargs["hosts"] = None
    app = Starlette(routes=ROUTES, exception_handlers=HANDLERS,
                    middleware=[Middleware(SecurityMiddleware, **kwargs)], lifespan=lifespan)
    templates = Jinja2Templates(env=environment())
    app.state.templates = templates
    app.state.pages = Pages(db, templates, desk)
    return app
