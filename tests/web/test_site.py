"""`winston site`: a static copy that works from file:// (relative links, data embedded)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from askwinston.cli import main
from askwinston.site import build_site


@pytest.mark.parametrize("kb", ["seed_db", "examples_db"])
def test_site_pages_and_relative_links(kb: str, tmp_path: Path,
                                       request: pytest.FixtureRequest) -> None:
    out = tmp_path / "site"
    report = build_site(request.getfixturevalue(kb), out)
    names = {p.name for p in out.iterdir()}
    assert {"index.html", "timeline.html", "who.html", "check.html", "ask.html",
            "static"} <= names
    assert (out / "static" / "style.css").is_file() and (out / "static" / "app.js").is_file()
    assert any(n.startswith("topic-") for n in names)
    assert report["pages"] == len([n for n in names if n.endswith(".html")])
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'(?:href|src|action)="([^"]*)"', html)
        for link in links:
            assert not link.startswith(("/", "http:", "https:", "file:")), (page.name, link)
            if link.startswith("data:"):
                continue
            target = link.split("#")[0].split("?")[0]
            if target:
                assert (out / target).exists(), (page.name, link)
        assert "/study" not in html and 'method="post"' not in html


def test_site_ask_embeds_sentences_safely(hostile_db: Path, tmp_path: Path) -> None:
    build_site(hostile_db, tmp_path)
    html = (tmp_path / "ask.html").read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="sentences"[^>]*>(.*?)</script>', html,
                  re.S)
    assert m is not None
    assert "<" not in m[1]  # '</script>' in the notes cannot end the tag early
    data = json.loads(m[1])
    assert any('<script>alert("boom")</script>' in s[2] for s in data)


def test_site_command(seed_db: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["site", "-o", str(tmp_path / "s"), "--db", str(seed_db),
                                       "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["pages"] > 5


def test_site_without_knowledge_base(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["site", "-o", str(tmp_path / "s"), "--db",
                                       str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no knowledge base" in " ".join(result.output.split())


def test_serve_command_has_help_and_refuses_missing_db(tmp_path: Path) -> None:
    runner = CliRunner()
    help_text = runner.invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text and "--port" in help_text
    missing = runner.invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no knowledge base" in " ".join(missing.output.split())


def test_serve_prints_the_url_and_binds_localhost(seed_db: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    result = CliRunner().invoke(main, ["serve", "--db", str(seed_db), "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8765/" in result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8765


def test_site_links_dates_without_a_timeline_page_to_the_whole_timeline() -> None:
    from askwinston.web.urls import SiteUrls

    urls = SiteUrls({"d1930", "y1934"})
    assert urls.timeline("y1934") == "timeline-y1934.html"
    assert urls.timeline("y1899") == "timeline.html"


def test_site_shows_no_local_paths(seed_db: Path, seed_file: Path, tmp_path: Path) -> None:
    build_site(seed_db, tmp_path)
    folder = str(seed_file.parent)
    for page in tmp_path.glob("*.html"):
        assert folder not in page.read_text(encoding="utf-8"), page.name


def test_site_writes_a_bounded_number_of_check_pages(seed_db: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from askwinston import site
    from askwinston.web import checks

    monkeypatch.setattr(checks, "PAGE_SIZE", 1)
    monkeypatch.setattr(site, "SITE_CHECK_PAGES", 1)
    build_site(seed_db, tmp_path)
    html = (tmp_path / "check.html").read_text(encoding="utf-8")
    assert "not in this copy of the site" in html and 'rel="next"' not in html
    assert not list(tmp_path.glob("check-all-2.html"))
