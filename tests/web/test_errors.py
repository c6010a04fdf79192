"""One error shape: {"ok": false, "error": msg, "status": n} as JSON, the same fields as HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from askwinston.web import app as web_app
from askwinston.web.app import create_app
from askwinston.web.errors import error_body

from .conftest import local_client, study_factory

JSON = {"accept": "application/json"}


@pytest.fixture()
def client(study_db: Path) -> TestClient:
    return local_client(create_app(study_db, study_factory=study_factory()),
                      raise_server_exceptions=False)


def assert_shape(r: object, status: int) -> None:
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == status and body["error"]
    assert r.status_code == status  # type: ignore[attr-defined]


def assert_html_shape(r: object, status: int) -> None:
    assert r.status_code == status  # type: ignore[attr-defined]
    text = r.text  # type: ignore[attr-defined]
    assert r.headers["content-type"].startswith("text/html")  # type: ignore[attr-defined]
    assert f'data-status="{status}"' in text and f"Error {status}:" in text
    assert "Traceback" not in text


def test_error_body() -> None:
    assert error_body("no such page", 404) == {"ok": False, "error": "no such page",
                                               "status": 404}


def test_404(client: TestClient) -> None:
    assert_shape(client.get("/api/nothing"), 404)
    assert_shape(client.get("/nothing", headers=JSON), 404)
    assert_html_shape(client.get("/nothing"), 404)


def test_400(client: TestClient) -> None:
    assert_shape(client.get("/api/ask"), 400)
    assert_shape(client.get("/timeline?zoom=sideways", headers=JSON), 400)
    assert_html_shape(client.get("/timeline?zoom=sideways"), 400)
    assert_html_shape(client.get("/topics/000_9c50b18a0db9cdf3.txt?hl=ten"), 400)
    assert_shape(client.get("/api/ask", params={"q": "why " * 400}), 400)  # BadQuestion


def test_403(client: TestClient) -> None:
    r = client.post("/study/review", data={"card_id": "x", "rating": "3"}, headers=JSON)
    assert_shape(r, 403)
    assert_html_shape(client.post("/study/review", data={"card_id": "x", "rating": "3"}), 403)


def test_405(client: TestClient) -> None:
    assert_shape(client.get("/study/review", headers=JSON), 405)


def test_413(client: TestClient) -> None:
    big = {"card_id": "x", "rating": "3", "given": "x" * 100_000}
    assert_shape(client.post("/study/review", data=big, headers=JSON), 413)
    assert_html_shape(client.post("/study/review", data=big), 413)


def test_413_streamed_without_content_length(client: TestClient) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(20):
            yield b"x" * 10_000

    r = client.post("/study/review", content=chunks(),
                    headers={**JSON, "content-type": "application/x-www-form-urlencoded"})
    assert r.status_code in (403, 413)  # refused either way, never read whole
    assert r.json()["ok"] is False


def test_500(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(web_app.views, "topics", broken)
    r = client.get("/", headers=JSON)
    assert_shape(r, 500)
    assert "secret internals" not in r.text
    html = client.get("/")
    assert_html_shape(html, 500)
    assert "secret internals" not in html.text


def test_errors_carry_security_headers(client: TestClient) -> None:
    r = client.get("/nothing")
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
