"""One error shape for the web app: `{"ok": false, "error": msg, "status": n}`.

JSON for `/api/` paths and clients that ask for JSON; the same three fields rendered by one
template (`error.html`) for browsers.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from askwinston.errors import AskWinstonError, BadQuestion

log = logging.getLogger("askwinston.web")

MESSAGES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    413: "Request body too large",
    500: "Something went wrong on our side",
}


def error_body(message: str, status: int) -> dict[str, Any]:
    """The one error shape (like datasette's `error_body`)."""
    return {"ok": False, "error": message, "status": status}


def wants_json(request: Request) -> bool:
    """`/api/...` paths, or a client whose Accept header puts JSON before HTML."""
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, message: str, status: int) -> Response:
    body = error_body(message, status)
    if wants_json(request):
        return JSONResponse(body, status_code=status)
    templates = getattr(request.app.state, "templates", None)
    if templates is None:  # pragma: no cover - only before the app is set up
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)
    return templates.TemplateResponse(
        request, "error.html", {**body, "title": MESSAGES.get(status, "Error")},
        status_code=status,
    )


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if exc.detail else MESSAGES.get(exc.status_code, "Error")
    response = error_response(request, str(message), exc.status_code)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def library_error(request: Request, exc: Exception) -> Response:
    """A named library error: a bad question is the user's (400), anything else is ours (500)."""
    status = 400 if isinstance(exc, BadQuestion) else 500
    return error_response(request, str(exc), status)


async def server_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return error_response(request, MESSAGES[500], 500)


HANDLERS = {HTTPException: http_error, AskWinstonError: library_error, Exception: server_error}
