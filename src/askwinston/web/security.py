"""Secure by default: security headers, a request body limit, and CSRF protection for forms.

CSRF is a double submit: a random token in a cookie (SameSite=Strict) that every form repeats in a
hidden field, plus an Origin (or Referer) check against the host the request was sent to.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Mapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import FormData, Headers, MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from askwinston.web.errors import error_body

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""Host names a local server answers to; anything else is refused (DNS rebinding)."""

MAX_BODY_BYTES = 64 * 1024
"""No form here needs more: a question or a typed answer is a few hundred bytes."""

CSRF_COOKIE = "winston_csrf"
CSRF_FIELD = "csrf_token"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


def _cookie(headers: Headers, name: str) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # a malformed Cookie header is the same as none
        return None
    morsel = jar.get(name)
    return morsel.value if morsel else None


def _valid_token(token: str | None) -> bool:
    return bool(token) and len(token or "") == 43 and (token or "").isascii()


class SecurityMiddleware:
    """Adds security headers, hands out the CSRF cookie, and caps the request body."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES,
                 hosts: frozenset[str] | None = LOCAL_HOSTS) -> None:
        self.app = app
        self.max_body = max_body
        self.hosts = hosts  # None: any host (the server was bound to a public address)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        token = _cookie(headers, CSRF_COOKIE)
        fresh = not _valid_token(token)
        if fresh:
            token = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["csrf_token"] = token
        if self.hosts is not None and host_name(headers.get("host", "")) not in self.hosts:
            await self._reject(scope, send, 400, "this server only answers to "
                               + ", ".join(sorted(self.hosts)))
            return
        if self._too_long(headers):
            await self._reject(scope, send, 413,
                               f"the request body is over {self.max_body:,} bytes")
            return

        async def send_secure(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for key, value in HEADERS.items():
                    out.setdefault(key, value)
                if fresh:
                    out.append("set-cookie", f"{CSRF_COOKIE}={token}; Path=/; SameSite=Strict;"
                                             " HttpOnly")
            await send(message)

        await self.app(scope, self._limited(receive), send_secure)

    def _too_long(self, headers: Headers) -> bool:
        try:
            return int(headers.get("content-length", "0")) > self.max_body
        except ValueError:
            return True

    def _limited(self, receive: Receive) -> Receive:
        seen = 0

        async def receive_limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise HTTPException(413, f"the request body is over {self.max_body:,} bytes")
            return message

        return receive_limited

    async def _reject(self, scope: Scope, send: Send, status: int, message: str) -> None:
        from starlette.responses import JSONResponse

        request = Request(scope)
        app = scope.get("app")
        if app is not None and hasattr(app.state, "templates"):
            from askwinston.web.errors import error_response

            response = error_response(request, message, status)
        else:  # pragma: no cover
            response = JSONResponse(error_body(message, status), status_code=status)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        await response(scope, _no_body, send)


def host_name(host: str) -> str:
    """`127.0.0.1:8000` → `127.0.0.1`; `[::1]:8000` → `::1`."""
    if host.startswith("["):
        return host[1:].partition("]")[0]
    return host.rpartition(":")[0] if host.count(":") == 1 else host


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


def csrf_token(request: Request) -> str:
    """The token for this browser, to put in a form's hidden field."""
    return str(request.state.csrf_token)


def _same_origin(request: Request) -> bool:
    """Origin (or, failing that, Referer) must name the host the request was sent to."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if claimed is None:
        return True  # not a browser: the token alone decides
    parts = urlsplit(claimed)
    host = request.headers.get("host", "")
    return parts.scheme in ("http", "https") and parts.netloc == host


async def checked_form(request: Request) -> FormData:
    """The form of a POST, after the CSRF checks; 403 when they fail."""
    if not _same_origin(request):
        raise HTTPException(403, "cross-site request refused (Origin does not match)")
    form = await request.form(max_files=0, max_fields=20)
    cookie = _cookie(request.headers, CSRF_COOKIE)
    given = form.get(CSRF_FIELD)
    if not cookie or not isinstance(given, str) or not hmac.compare_digest(cookie, given):
        raise HTTPException(403, "missing or wrong form token; reload the page and try again")
    return form


def field(form: Mapping[str, Any], name: str, limit: int = 2000) -> str:
    """A text field of a form, or 400 when it is missing or too long."""
    value = form.get(name)
    if not isinstance(value, str):
        raise HTTPException(400, f"the form field {name!r} is missing")
    if len(value) > limit:
        raise HTTPException(400, f"the form field {name!r} is over {limit} characters")
    return value
