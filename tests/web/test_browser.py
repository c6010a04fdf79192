"""The web app and the static site in real headless Chromium (Debian's /usr/bin/chromium).

CI needs `apt-get install -y chromium`; without it these tests skip with that message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from askwinston.site import build_site
from askwinston.web.app import create_app

from .conftest import LiveServer, study_factory

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
SEED = "000_9c50b18a0db9cdf3.txt"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Chromium at /usr/bin/chromium: apt-get install -y chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """A page that records console errors and failed requests (a CSP violation is one)."""

    def __init__(self, browser: Any, **options: Any) -> None:
        self.context = browser.new_context(**options)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def shot(self, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        assert self.errors == [], self.errors
        self.context.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    p = Page(browser, viewport={"width": 1100, "height": 900})
    yield p
    p.close()


@pytest.fixture()
def server(study_db: Path) -> Iterator[LiveServer]:
    with LiveServer(create_app(study_db, study_factory=study_factory())) as s:
        yield s


PAGES = [("topics", "/", "Topics"), ("topic", f"/topics/{SEED}?hl=10", "Stalin"),
         ("timeline", "/timeline", "Timeline"), ("who", "/who", "Who's who"),
         ("ask", "/ask", "Ask your notes"), ("study", "/study", "Study"),
         ("check", "/check", "Check the notes")]


def test_each_page_opens(server: LiveServer, page: Page) -> None:
    for name, path, heading in PAGES:
        page.page.goto(server.url + path)
        assert heading in page.page.locator("h1").inner_text(), name
        page.shot(name)
    page.page.goto(server.url + f"/topics/{SEED}?hl=10#L10")
    assert "hl" in (page.page.locator("#L10").get_attribute("class") or "")
    date = page.page.locator("#L10 .note.date").first
    date.focus()
    tip = page.page.evaluate("getComputedStyle(document.activeElement, '::after').content")
    assert "1934" in tip and "Date" in tip  # the tooltip shows on keyboard focus too
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.page.screenshot(path=str(SHOTS / "topic-tooltip.png"))


A11Y_PROBLEMS = """() => {
  const out = [];
  if (!document.documentElement.lang) out.push("no lang");
  if (document.querySelectorAll("h1").length !== 1) out.push("not one h1");
  for (const c of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
    const named = (c.labels && c.labels.length) || c.getAttribute("aria-label");
    if (!named) out.push("unlabelled " + c.name);
  }
  for (const a of document.querySelectorAll("a")) {
    if (!a.textContent.trim() && !a.getAttribute("aria-label")) out.push("empty link " + a.href);
  }
  const ids = [...document.querySelectorAll("[id]")].map(e => e.id);
  if (new Set(ids).size !== ids.length) out.push("duplicate ids");
  return out;
}"""


def test_accessibility_basics(server: LiveServer, page: Page) -> None:
    for name, path, _ in PAGES:
        page.page.goto(server.url + path)
        assert page.page.evaluate(A11Y_PROBLEMS) == [], name


def test_keyboard_skip_link_and_focus(server: LiveServer, page: Page) -> None:
    page.page.goto(server.url + "/timeline")
    page.page.keyboard.press("Tab")
    focused = page.page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    page.page.keyboard.press("Enter")
    assert page.page.evaluate("document.activeElement.id") == "main"


def test_phone_layout(server: LiveServer, browser: Any) -> None:
    phone = Page(browser, viewport={"width": 390, "height": 844}, device_scale_factor=2,
                 is_mobile=True, has_touch=True)
    for name, path, _ in PAGES[:4]:
        phone.page.goto(server.url + path)
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name} scrolls sideways on a phone ({width}px)"
        phone.shot(f"phone-{name}")
    phone.close()


def test_ask_two_questions_and_see_the_cited_line(server: LiveServer, page: Page) -> None:
    for i, question in enumerate(["when did kirov die", "who replaced yagoda"]):
        page.page.goto(server.url + "/ask")
        page.page.get_by_label("Your question").fill(question)
        page.page.keyboard.press("Enter")
        page.page.wait_for_selector("li.cited mark")
        cited = page.page.locator("li.cited").first
        line = cited.get_attribute("value")
        assert cited.locator("mark").first.inner_text().strip()
        page.shot(f"ask-{i + 1}")
        page.page.locator("figure.cite figcaption a").first.click()
        page.page.wait_for_url(re.compile(rf"hl={line}#L{line}$"))
        target = page.page.locator(f"#L{line}")
        assert "hl" in (target.get_attribute("class") or "")
        assert target.is_visible()
    page.shot("ask-cited-line")


def _stat(page: Any, ident: str) -> str:
    return str(page.locator(f"#{ident}").inner_text())


def test_study_three_cards_by_keyboard(server: LiveServer, page: Page) -> None:
    p = page.page
    p.goto(server.url + "/study")
    before = (_stat(p, "due-today"), _stat(p, "learned"))
    page.shot("study-card")
    for i in range(3):
        p.wait_for_selector("h2.question")
        if p.locator("input[type=radio]").count():
            p.locator("body").focus()
            p.keyboard.press("1")
            assert p.locator("#opt1").is_checked()
            p.keyboard.press("Enter")
        else:
            p.get_by_label("Your answer").fill("1934")
            p.keyboard.press("Enter")
        p.wait_for_selector("form.rate")
        if i == 0:
            page.shot("study-answer")
        p.keyboard.press("3")
        p.wait_for_selector("p.flash")
        flash = p.locator("p.flash").inner_text()
        assert re.search(r"comes back (in \d+ \w+|tomorrow)", flash), flash
    after = (_stat(p, "due-today"), _stat(p, "learned"))
    assert after != before, "the schedule did not change after three reviews"
    assert p.locator(".chart text.count").last.text_content() == "3"
    page.shot("study-progress")


def test_yezhov_three_spellings(server: LiveServer, page: Page) -> None:
    page.page.goto(server.url + "/who")
    text = page.page.locator("main").inner_text()
    for spelling in ("Yezhov", "Yehzkov", "Yezkhov"):
        assert spelling in text
    merged = page.page.locator("li.entity", has_text="Yehzkov").filter(has_text="Yezkhov")
    if merged.count():  # once the entity layer merges the variants into one person
        assert "Yezhov" in merged.first.inner_text()
    page.page.locator("li.entity", has_text="Yezhov").first.scroll_into_view_if_needed()
    page.shot("who-yezhov")


def test_static_site_from_file_url(seed_db: Path, tmp_path: Path, page: Page) -> None:
    build_site(seed_db, tmp_path / "site")
    p = page.page
    p.goto((tmp_path / "site" / "index.html").as_uri())
    assert p.locator("h1").inner_text() == "Topics"
    assert p.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
    page.shot("site-index")
    for link, heading in (("Timeline", "Timeline"), ("Who's who", "Who's who"),
                          ("Check", "Check the notes"), ("Ask", "Ask your notes")):
        p.locator("header nav").get_by_role("link", name=link).click()
        assert heading in p.locator("h1").inner_text()
    p.get_by_label("Your question").fill("kirov shot office")
    p.keyboard.press("Enter")
    p.wait_for_selector("#offline-results mark")
    page.shot("site-ask")
    p.locator("#offline-results a").first.click()
    p.wait_for_selector(".line.hl")
    page.shot("site-topic")
    p.goto((tmp_path / "site" / "timeline.html").as_uri())
    p.locator(".zoom a", has_text="1930s").click()
    assert "1930s" in p.locator("h1").inner_text()
    page.shot("site-timeline-1930s")
