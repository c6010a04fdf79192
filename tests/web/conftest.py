"""Fixtures for the web tests: knowledge bases built in temp folders, apps, a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.testclient import TestClient

from askwinston import api
from askwinston.web.app import create_app
from askwinston.web.study import default_factory

HOSTILE_NOTES = """Hostile notes
Tricks
<script>alert("boom")</script> was typed by Stalin in 1934.
A line with "onmouseover="alert(1)" and <b>bold</b> & friends, said Kirov in May 1935.
Kirov was shot on 1st December 1934.
"""


LOCAL = "http://127.0.0.1:8000"


def local_client(app: Any, **options: Any) -> TestClient:
    """A TestClient that sends `Host: 127.0.0.1:8000`, as a browser on this computer does."""
    return TestClient(app, base_url=LOCAL, **options)


def study_factory() -> Callable[[str], Any]:
    """The StudySession that `winston quiz` uses too."""
    factory = default_factory()
    assert factory is not None, "askwinston.study.session is missing"
    return factory


@pytest.fixture(scope="session")
def seed_db(seed_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    api.build([seed_file], db)
    return db


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples: several folders of Markdown notes (source keys with slashes)."""
    db = tmp_path_factory.mktemp("examples") / "examples.db"
    api.build([Path(__file__).resolve().parents[2] / "examples"], db)
    return db


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE_NOTES, encoding="utf-8")
    db = folder / "hostile.db"
    api.build([folder / "hostile.txt"], db)
    return db


@pytest.fixture()
def study_db(seed_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seed knowledge base, for tests that write reviews."""
    copy = tmp_path / "study.db"
    copy.write_bytes(seed_db.read_bytes())
    return copy


class LiveServer:
    """uvicorn on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture()
def live_server(study_db: Path) -> Iterator[LiveServer]:
    with LiveServer(create_app(study_db, study_factory=study_factory())) as server:
        yield server
