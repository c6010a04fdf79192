"""Amalgamate a saved website (folder, ZIP or WARC/ARC) into ONE set of notes.

Pages are put in the site's own reading order (breadth-first along the links of the index page,
which is menu order, then URL order for pages no menu reaches), duplicate pages and lines that
repeat across the site (menus, footers, "© 2012 Clayton School") are dropped, and each page
becomes a `# Page title` section whose lines keep the page URL as their origin.

Problems with single pages (damaged, too large, not parseable) do not stop the site: they are
collected on `SiteSource.problems`, which `read_paths` moves into `ReadResult.problems`.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from askwinston.errors import UnreadableSource
from askwinston.model import Source
from askwinston.sources.html import HTML_SUFFIXES, MAX_PAGE_BYTES, Page, extract_page
from askwinston.sources.lines import source_from_lines, with_blank_before_headings
from askwinston.sources.site import INDEX_NAMES, RawPage, folder_pages, zip_pages
from askwinston.sources.text import read_bytes
from askwinston.sources.warc import is_web_archive, warc_pages

REPEAT_PAGE_SHARE = 0.5
"""A line on more than this share of pages is site furniture (menu, footer), not notes..."""

REPEAT_MIN_PAGES = 3
"""...provided it is on at least this many pages: two pages can legitimately share a line."""

DUPLICATE_MIN_CHARS = 40
"""A paragraph this long repeated on another page is a copy: only its first occurrence is kept."""

TITLE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " » ")
"""Between a page's own title and the site name in <title>: "Bosworth – Clayton History"."""


@dataclass(slots=True)
class SiteSource(Source):
    """A Source for a whole saved site, plus the pages that were skipped and why."""

    problems: list[UnreadableSource] = field(default_factory=list)


@dataclass
class _Kept:
    page: Page
    origin: str
    captured: str | None


# ---------------------------------------------------------------- choosing pages


def _page_origin(page: RawPage) -> str:
    """The page URL, plus the capture day for archived pages.

    E.g. "http://x/y.html (captured 2013-05-01)": the day tells which version of a page the
    notes came from, the time of day would only be noise.
    """
    return f"{page.url} (captured {page.captured[:10]})" if page.captured else page.url


def collect_pages(raw_pages: Iterable[RawPage], display: str,
                  problems: list[UnreadableSource]) -> tuple[dict[str, _Kept], dict[str, str]]:
    """Extract each page, keeping the latest capture of every URL with status 200.

    Returns the pages by URL and the redirects (URL → target) seen on the way. Pages that fail
    to parse are reported and skipped. Non-200 captures are reported only when the URL never
    had a good capture.
    """
    kept: dict[str, _Kept] = {}
    redirects: dict[str, str] = {}
    failed: dict[str, str] = {}
    for raw in raw_pages:
        previous = kept.get(raw.url)
        if previous and (previous.captured or "") > (raw.captured or ""):
            continue  # an older capture of a page we already have
        if raw.status != 200:
            if raw.location:
                with suppress(ValueError):  # an unparseable Location leads nowhere
                    redirects[raw.url] = urljoin(raw.url, raw.location)
            else:
                failed.setdefault(raw.url, f"HTTP {raw.status}")
            continue
        try:
            page = extract_page(raw.raw, raw.url, raw.charset)
        except Exception as exc:  # one hostile page must not sink the whole site
            problems.append(UnreadableSource(display, f"skipped page {raw.url}: {exc}"))
            continue
        kept[raw.url] = _Kept(page, _page_origin(raw), raw.captured)
    for url, why in failed.items():
        if url not in kept and url not in redirects:
            problems.append(UnreadableSource(display, f"skipped page {url}: {why}"))
    return kept, redirects


# ---------------------------------------------------------------- ordering


def _path(url: str) -> str:
    """The path part of a URL (a folder or ZIP page's name is its own path)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[broken" in a crawl is still a page, just not a parseable URL
        return url
    return parts.path if parts.scheme else url


def _is_index(url: str) -> bool:
    path = _path(url)
    if path in ("", "/") or path.endswith("/"):
        return True
    return PurePosixPath(path).name.lower() in INDEX_NAMES


def find_index(urls: Iterable[str]) -> str | None:
    """The site's home page: an index page nearest the top, else the shortest URL."""
    urls = sorted(urls, key=lambda u: (_path(u).strip("/").count("/"), len(u), u))
    return next((u for u in urls if _is_index(u)), urls[0] if urls else None)


def _resolve(target: str, pages: dict[str, _Kept], redirects: dict[str, str]) -> str | None:
    """The page a link leads to, through redirects and "folder/" ↔ "folder/index.html"."""
    for _ in range(5):  # redirect chains, but never loops
        if target in pages:
            return target
        if target in redirects:
            target = redirects[target]
            continue
        candidates = [target.rstrip("/") + "/" + name for name in INDEX_NAMES]
        if target.endswith("/"):
            candidates.append(target.rstrip("/"))
        name = PurePosixPath(_path(target)).name.lower()
        if name in INDEX_NAMES:
            candidates.append(target[: -len(name)])
        return next((c for c in candidates if c in pages), None)
    return None


def site_order(pages: dict[str, _Kept], redirects: dict[str, str]) -> list[str]:
    """Reading order: from the index, breadth-first along links in document (menu) order;
    pages no link reaches follow in URL path order."""
    order: list[str] = []
    seen: set[str] = set()
    start = find_index(pages)
    queue = deque([start] if start else [])
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        order.append(url)
        for link in pages[url].page.links:
            target = _resolve(link, pages, redirects)
            if target and target not in seen:
                queue.append(target)
    rest = sorted((u for u in pages if u not in seen), key=lambda u: (_path(u), u))
    return order + rest


# ---------------------------------------------------------------- cleaning across pages


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.lstrip(" -*").strip()).casefold()


def _is_heading(line: str) -> bool:
    return line.startswith("#")


def drop_repeats(pages: list[Page]) -> list[list[str]]:
    """Lines of each page without site furniture and without paragraphs copied from earlier pages.

    Headings are never dropped: "Key dates" on every page is structure, not furniture.
    """
    on_pages: dict[str, set[int]] = defaultdict(set)
    for number, page in enumerate(pages):
        for line in page.lines:
            if not _is_heading(line):
                on_pages[_norm(line)].add(number)
    furniture_at = max(REPEAT_MIN_PAGES, math.floor(REPEAT_PAGE_SHARE * len(pages)) + 1)
    furniture = {text for text, where in on_pages.items() if len(where) >= furniture_at}
    seen: set[str] = set()
    result = []
    for page in pages:
        lines = []
        for line in page.lines:
            key = _norm(line)
            if not _is_heading(line):
                if key in furniture or (len(key) >= DUPLICATE_MIN_CHARS and key in seen):
                    continue
                seen.add(key)
            lines.append(line)
        result.append(lines)
    return result


def _site_suffix(titles: list[str]) -> str | None:
    """The " – Site name" ending every page title shares, if any."""
    if len(titles) < 2:
        return None
    for sep in TITLE_SEPARATORS:
        if all(sep in t for t in titles):
            endings = {t[t.rindex(sep):] for t in titles}
            if len(endings) == 1:
                return endings.pop()
    return None


def _section_title(page: Page, suffix: str | None) -> str:
    title = page.title or PurePosixPath(_path(page.url)).stem or page.url
    if suffix and title.endswith(suffix) and title != suffix:
        title = title[: -len(suffix)]
    return title.strip() or page.url


# ---------------------------------------------------------------- building the source


def amalgamate_pages(raw_pages: Iterable[RawPage], key: str, display: str,
                     problems: list[UnreadableSource] | None = None, *,
                     order: list[str] | None = None, kind: str = "site",
                     title: str | None = None) -> SiteSource:
    """One Source from a stream of pages: ordered, de-duplicated, a section per page.

    `order` is a reading order the container states (an EPUB spine); pages it leaves out follow
    in the site's own order. `title` overrides the home page's title.
    """
    problems = problems if problems is not None else []
    kept, redirects = collect_pages(raw_pages, display, problems)
    stated = [url for url in dict.fromkeys(order or []) if url in kept]
    urls = stated + [url for url in site_order(kept, redirects) if url not in set(stated)]
    ordered: list[_Kept] = []
    fingerprints: set[str] = set()
    for url in urls:
        item = kept[url]
        digest = hashlib.sha1("\n".join(item.page.lines).encode("utf-8")).hexdigest()
        if item.page.lines and digest not in fingerprints:
            fingerprints.add(digest)
            ordered.append(item)
    if not ordered:
        detail = f" ({problems[0].problem})" if problems else ""
        raise UnreadableSource(display, f"no web pages with notes in this saved site{detail}")
    suffix = _site_suffix([k.page.html_title for k in ordered if k.page.html_title])
    items: list[tuple[str, str | None]] = []
    for item, lines in zip(ordered, drop_repeats([k.page for k in ordered]), strict=True):
        if not lines:
            continue
        if not lines[0].startswith("# "):
            lines = ["# " + _section_title(item.page, suffix), *lines]
        if items:
            items.append(("", item.origin))
        items.extend((line, item.origin) for line in with_blank_before_headings(lines))
    home = ordered[0].page
    source = source_from_lines(key, display, items, kind=kind, title=title or home.title,
                               origin=ordered[0].origin)
    return SiteSource(key=source.key, path=source.path, text=source.text, kind=kind,
                      title=source.title, origin=source.origin, lines=source.lines,
                      problems=problems)


def site_pages(path: Path, display: str,
               problems: list[UnreadableSource]) -> Iterator[RawPage]:
    """The pages of a saved site, whichever way it was saved."""
    if path.is_dir():
        return folder_pages(path, display, problems)
    if path.suffix.lower() == ".zip":
        return zip_pages(path, display, problems)
    if is_web_archive(path):
        return warc_pages(path, display, problems)
    if path.suffix.lower() in HTML_SUFFIXES:
        return iter([RawPage(url=path.name, raw=read_bytes(path, display, MAX_PAGE_BYTES))])
    raise UnreadableSource(display, "not a saved website (expected a folder, .zip, .warc, "
                                    ".warc.gz, .arc or .arc.gz)")


def amalgamate(path: Path, key: str | None = None, display: str | None = None) -> SiteSource:
    """Read a saved site (folder, ZIP, WARC/ARC) as ONE Source of kind "site".

    Raises UnreadableSource when nothing can be read; skipped pages are on `.problems`.
    """
    path = Path(path)
    shown = display or str(path)
    problems: list[UnreadableSource] = []
    return amalgamate_pages(site_pages(path, shown, problems), key or path.name, shown, problems)


def read_site(path: Path, key: str, display: str) -> list[Source]:
    """Reader for folders claimed as saved sites, ZIP files and web archives."""
    return [amalgamate(path, key, display)]


def read_gz(path: Path, key: str, display: str) -> list[Source]:
    """Reader for ".gz": only gzipped web archives are notes (`Path.suffix` sees just ".gz")."""
    if is_web_archive(path):
        return read_site(path, key, display)
    raise UnreadableSource(display, "a compressed file that is not a web archive "
                                    "(only .warc.gz and .arc.gz are read)")


_PROVENANCE_UNSAFE = re.compile(r"--+")


def _provenance(origin: str) -> str:
    return f"<!-- from: {_PROVENANCE_UNSAFE.sub(lambda m: '%2D' * len(m.group()), origin)} -->"


def to_markdown(source: Source) -> str:
    """The rescued notes as Markdown, each page's section saying where it came from.

    A `<!-- from: URL -->` line follows each section heading (or precedes the first line of a
    page that has none): invisible when rendered, but kept with the text it vouches for.
    """
    out: list[str] = []
    named: str | None = None
    for line in source.lines:
        if line.origin and line.text and line.origin != named:
            named = line.origin
            if line.text.startswith("#"):
                out.extend((line.text, _provenance(line.origin)))
                continue
            out.append(_provenance(line.origin))
        out.append(line.text)
    return "\n".join(out).rstrip("\n") + "\n"
