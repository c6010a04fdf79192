"""Secure by default: escaping of everything from the notes, CSRF, traversal, headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from askwinston.web.app import create_app
from askwinston.web.security import CSRF_COOKIE

from .conftest import LOCAL, local_client, study_factory


@pytest.fixture()
def hostile(hostile_db: Path) -> TestClient:
    return local_client(create_app(hostile_db, study_factory=None))


@pytest.fixture()
def client(study_db: Path) -> TestClient:
    return local_client(create_app(study_db, study_factory=study_factory()))


def _no_markup_from_notes(html: str) -> None:
    assert "<script>alert" not in html
    assert "<b>bold</b>" not in html
    assert not re.search(r'\s"?onmouseover="', html)
    assert not re.search(r"<[^>]*\sonmouseover=", html)


def test_notes_with_markup_show_as_text_on_every_page(hostile: TestClient) -> None:
    key = "hostile.txt"
    pages = ["/", f"/topics/{key}", "/timeline", "/who", "/check",
             "/ask?q=" + "script alert boom typed", "/ask?q=onmouseover bold friends"]
    for path in pages:
        r = hostile.get(path)
        assert r.status_code == 200, path
        _no_markup_from_notes(r.text)
    topic = hostile.get(f"/topics/{key}").text
    assert "&lt;script&gt;alert(&#34;boom&#34;)&lt;/script&gt;" in topic
    assert "&#34;onmouseover=&#34;alert(" in topic and "&lt;b&gt;bold&lt;/b&gt; &amp;" in topic


def test_question_is_escaped(hostile: TestClient) -> None:
    r = hostile.get("/ask", params={"q": '"><script>alert(1)</script>'})
    assert "<script>alert(1)" not in r.text
    assert 'value="&#34;&gt;&lt;script&gt;' in r.text


def test_security_headers(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_csrf_cookie_is_strict(study_db: Path) -> None:
    r = local_client(create_app(study_db, study_factory=None)).get("/")
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=") and "SameSite=Strict" in cookie
    assert "HttpOnly" in cookie


def _token(client: TestClient) -> tuple[str, str]:
    page = client.get("/study").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    card = re.search(r'name="card_id" value="([^"]+)"', page)
    assert token and card
    return token[1], card[1]


def test_csrf_double_submit_and_origin(client: TestClient) -> None:
    token, card = _token(client)
    form = {"card_id": card, "rating": "3"}
    assert client.post("/study/review", data=form).status_code == 403  # no token
    wrong = {**form, "csrf_token": "x" * 43}
    assert client.post("/study/review", data=wrong).status_code == 403
    good = {**form, "csrf_token": token}
    evil = client.post("/study/review", data=good, headers={"origin": "http://evil.example"},
                       follow_redirects=False)
    assert evil.status_code == 403
    null = client.post("/study/review", data=good, headers={"origin": "null"},
                       follow_redirects=False)
    assert null.status_code == 403
    ok = client.post("/study/review", data=good, headers={"origin": LOCAL},
                     follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"].startswith("/study?due=")


def test_csrf_token_without_its_cookie_is_refused(study_db: Path) -> None:
    first = local_client(create_app(study_db, study_factory=study_factory()))
    token, card = _token(first)
    other = local_client(create_app(study_db, study_factory=study_factory()))
    r = other.post("/study/review", data={"card_id": card, "rating": "3", "csrf_token": token})
    assert r.status_code == 403


@pytest.mark.parametrize("path", [
    "/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e%2fapp.py",
    "/static/..%2F..%2Fstore%2Fkb.py", "/static/style.css%00.py", "/static/templates",
    "/topics/../../../etc/passwd", "/topics/%2e%2e/%2e%2e/etc/passwd", "/topics//etc/passwd",
    "/topics/..%2f..%2fpyproject.toml",
])
def test_no_path_traversal(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "import" not in r.text


def test_rating_is_validated(client: TestClient) -> None:
    token, card = _token(client)
    r = client.post("/study/review", data={"card_id": card, "rating": "9", "csrf_token": token})
    assert r.status_code == 400


def test_other_host_names_are_refused(study_db: Path) -> None:
    """A page on another site cannot reach the local server by rebinding its DNS name to it."""
    app = create_app(study_db, study_factory=None)
    r = local_client(app).get("/", headers={"host": "evil.example:8000",
                                            "accept": "application/json"})
    assert r.status_code == 400 and r.json()["ok"] is False
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert local_client(app).get("/", headers={"host": host}).status_code == 200, host
    public = create_app(study_db, study_factory=None, host="0.0.0.0")
    assert local_client(public).get("/", headers={"host": "school.example"}).status_code == 200
