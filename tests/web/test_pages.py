"""Every page renders from the seed notes, with what a teacher or a student looks for on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from askwinston.web.app import create_app

from .conftest import LOCAL, local_client, study_factory

SEED = "000_9c50b18a0db9cdf3.txt"


@pytest.fixture()
def client(seed_db: Path) -> TestClient:
    return local_client(create_app(seed_db, study_factory=None))


def test_topics_lists_the_document_and_its_sections(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "Stalin" in r.text and f"/topics/{SEED}" in r.text
    assert "The Murder of Kirov" in r.text


def test_topic_page_has_line_anchors_highlights_and_tooltips(client: TestClient) -> None:
    r = client.get(f"/topics/{SEED}?hl=10")
    assert r.status_code == 200
    assert re.search(r'id="L10" class="[^"]*\bhl\b', r.text)
    assert 'class="note date"' in r.text and "1934-12-01" in r.text  # normalised date on hover
    assert re.search(r'class="note person" href="/who#e-[0-9a-f]+"', r.text)
    assert 'class="note number"' in r.text
    assert 'href="/timeline?zoom=y1934"' in r.text


def test_unknown_topic_is_404(client: TestClient) -> None:
    r = client.get("/topics/nothing-here.txt")
    assert r.status_code == 404
    assert "nothing-here.txt" in r.text


def test_timeline_in_order_with_zoom_and_links(client: TestClient) -> None:
    r = client.get("/timeline")
    assert r.status_code == 200
    kirov = r.text.index(f'href="/topics/{SEED}?hl=10#L10"')  # 1 December 1934
    yagoda = r.text.index(f'href="/topics/{SEED}?hl=25#L25"')  # September 1936
    assert kirov < yagoda
    assert 'href="/timeline?zoom=d1930"' in r.text
    z = client.get("/timeline?zoom=y1934")
    assert z.status_code == 200 and "?hl=10#L10" in z.text and "?hl=25#L25" not in z.text
    assert '<rect x="' in z.text


def test_who_lists_people_with_every_mention_linked(client: TestClient) -> None:
    r = client.get("/who")
    assert r.status_code == 200
    for name in ("Kirov", "Yezhov", "Stalin"):
        assert re.search(rf"<h3>[^<]*{name}[^<]*</h3>", r.text), name
    assert f'href="/topics/{SEED}?hl=25#L25"' in r.text
    assert 'id="k-person"' in r.text


@pytest.mark.parametrize("question", ["when did kirov die", "who replaced yagoda"])
def test_ask_answers_with_the_cited_line_highlighted(client: TestClient, seed_db: Path,
                                                     question: str) -> None:
    from askwinston import api

    expected = api.ask(seed_db, question)  # whatever the ask engine says, the page shows it
    assert expected["answer"] is not None
    cite = expected["citations"][0]
    r = client.get("/ask", params={"q": question})
    assert r.status_code == 200
    line = cite["line"]
    assert re.search(rf'<li value="{line}" class="cited"[^>]*>[^<]*<mark>[^<]+</mark>', r.text)
    assert f'href="/topics/{SEED}?hl={line}#L{line}"' in r.text
    assert "Confidence" in r.text


def test_ask_says_the_notes_dont_say(client: TestClient) -> None:
    r = client.get("/ask", params={"q": "xyzzy plugh frobnicate"})
    assert r.status_code == 200
    assert "The notes don't say." in r.text or "The notes don&#39;t say." in r.text


def test_ask_form_has_a_label(client: TestClient) -> None:
    r = client.get("/ask")
    assert '<label for="q">' in r.text and 'id="q"' in r.text


def test_check_page_lists_findings_with_line_links(client: TestClient) -> None:
    r = client.get("/check")
    assert r.status_code == 200
    assert "Check the notes" in r.text


def test_study_page_without_the_study_package(client: TestClient) -> None:
    r = client.get("/study")
    assert r.status_code == 200 and "not available" in r.text


def test_study_page_shows_a_card_and_progress(study_db: Path) -> None:
    c = local_client(create_app(study_db, study_factory=study_factory()))
    r = c.get("/study")
    assert r.status_code == 200
    assert 'name="csrf_token"' in r.text
    assert 'id="due-today"' in r.text and "<svg" in r.text


def test_every_page_has_lang_skip_link_and_main(client: TestClient) -> None:
    for path in ("/", f"/topics/{SEED}", "/timeline", "/who", "/ask", "/check", "/study"):
        html = client.get(path).text
        assert '<html lang="en">' in html, path
        assert 'href="#main"' in html and '<main id="main"' in html, path
        assert 'name="viewport"' in html, path
        assert "<script>" not in html and " style=" not in html, path  # CSP: nothing inline


def test_static_files(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]


def test_who_lists_a_few_lines_and_links_to_all(seed_db: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    from askwinston.web import views

    monkeypatch.setattr(views, "MENTION_LINES_SHOWN", 2)
    c = local_client(create_app(seed_db, study_factory=None))
    page = c.get("/who").text
    link = re.search(r'<a href="(/who/[0-9a-f]+)">All (\d+) lines that mention Stalin</a>', page)
    assert link is not None
    full = c.get(link[1])
    assert full.status_code == 200 and "<h1>Stalin</h1>" in full.text
    assert len(re.findall(r'title="[^"]+, line \d+"', full.text)) == int(link[2])
    assert c.get("/who/nobody").status_code == 404


def test_a_rebuild_while_serving_shows_the_new_notes(seed_db: Path, hostile_db: Path,
                                                     tmp_path: Path) -> None:
    import os
    import shutil

    live = tmp_path / "live.db"
    shutil.copyfile(seed_db, live)
    c = local_client(create_app(live, study_factory=study_factory()))
    assert "Stalin" in c.get("/who").text and c.get("/study").status_code == 200
    shutil.copyfile(hostile_db, tmp_path / "new.db")
    os.replace(tmp_path / "new.db", live)  # what `winston build` does
    assert "Stalin" in c.get("/who").text  # Stalin is in the hostile notes too
    assert "Hostile notes" in c.get("/").text
    assert "hostile.txt" in c.get("/timeline").text
    assert c.get("/study").status_code == 200


def test_study_answer_then_rate(study_db: Path) -> None:
    c = local_client(create_app(study_db, study_factory=study_factory()))
    page = c.get("/study").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    card = re.search(r'name="card_id" value="([^"]+)"', page)
    assert token and card
    form = {"csrf_token": token[1], "card_id": card[1], "given": "1934"}
    answered = c.post("/study/answer", data=form, headers={"origin": LOCAL})
    assert answered.status_code == 200
    assert "Right!" in answered.text or "Not quite." in answered.text
    assert answered.text.count('name="rating"') == 4 and "autofocus" in answered.text
    rated = c.post("/study/review", data={**form, "rating": "1", "duration_ms": "4200"},
                   headers={"origin": LOCAL})
    assert rated.status_code == 200 and "comes back" in rated.text  # followed the redirect
    assert c.post("/study/answer", data={**form, "card_id": "no-such-card"},
                  headers={"origin": LOCAL}).status_code == 404


def test_examples_every_topic_and_its_links(examples_db: Path) -> None:
    """Notes in folders: source keys with slashes still route, and every link on them works."""
    c = local_client(create_app(examples_db, study_factory=None))
    home = c.get("/").text
    topics = sorted(set(re.findall(r'href="(/topics/[^"#?]+)"', home)))
    assert len(topics) == 10
    for path in topics:
        page = c.get(path)
        assert page.status_code == 200, path
        for link in set(re.findall(r'href="(/(?:who|timeline)[^"#]*)', page.text)):
            assert c.get(link.replace("&amp;", "&")).status_code == 200, (path, link)


def test_every_kind_of_study_card_renders(study_db: Path) -> None:
    session_module = pytest.importorskip("askwinston.study.session")
    from askwinston.web.app import environment
    from askwinston.web.study import card_view, chart

    session = session_module.StudySession(study_db)
    first = {}
    for card in session.cards:
        first.setdefault(card.kind, card)
    assert {"qa", "mcq"} <= set(first), set(first)
    template = environment().get_template("study.html")
    progress = session.progress()
    for kind, card in first.items():
        html = template.render(card=card, view=card_view(card), progress=progress,
                               chart=chart(progress["reviews_by_day"]), csrf="t", page="study",
                               title="Study", last=None)
        if kind == "mcq":
            assert html.count('type="radio"') == len(card.options), kind
        else:
            assert 'id="given"' in html and '<label for="given">' in html, kind
        if kind in ("order", "whoswho"):
            assert html.count("<li>") >= len(card.options), kind
