"""Read web pages as notes: the main content (headings, lists, paragraphs, tables) as Markdown-ish
lines, with menus, headers, footers, cookie banners and copyright lines left out.

Main-content extraction is trafilatura's; when it finds nothing (or flattens a tiny page into one
run of text) a careful lxml walk over h1–h6/p/li/tr is used instead, so short revision pages are
never lost.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import use_config

from askwinston.errors import EmptyNotes, UnreadableSource
from askwinston.model import Source
from askwinston.sources.lines import clean_line, source_from_lines, with_blank_before_headings
from askwinston.sources.text import looks_binary, read_bytes

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

MAX_PAGE_BYTES = 5 * 1024 * 1024
"""One page of notes is far smaller; a bigger "page" is a data dump and would only slow a build."""

CHARSET_SNIFF_BYTES = 4096
"""Browsers look for <meta charset> in the first 1024 bytes; we allow a little more."""

_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.I)
"""The mark browsers leave on a page saved with "Save as…": the page's real address."""

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)

BOILERPLATE_LINES = (
    re.compile(r"^(©|\(c\)|copyright\b)", re.I),  # "© 2012 Clayton School"
    re.compile(r"\ball rights reserved\b", re.I),
    re.compile(r"\b(this|our) (web)?site uses cookies\b|\bwe use cookies\b", re.I),
    re.compile(r"\baccept (all )?cookies\b|\bcookie (policy|settings|preferences)\b", re.I),
    re.compile(r"^(skip to (main )?content|back to top|print this page|share this page)\W*$", re.I),
)
"""Lines that are never notes, wherever they sit on a page."""

BOILERPLATE_ATTRS = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|breadcrumbs?|cookies?|consent|banner|footer|header|sidebar|"
    r"skip|social|share)([\s_-]|$)",
    re.I,
)
"""class/id words of page furniture, for the lxml fallback (trafilatura has its own rules)."""

FURNITURE_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
                  "iframe", "template", "svg", "button", "select")

BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "blockquote",
              "pre", "caption", "figcaption"}

_TRAFILATURA_CONFIG = use_config()
_TRAFILATURA_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")  # revision pages can be tiny
_TRAFILATURA_CONFIG.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
_TRAFILATURA_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # uses signals: main thread only


@dataclass
class Page:
    """One web page understood: its title, its content lines and the links in document order."""

    url: str
    title: str | None
    lines: list[str]
    links: list[str] = field(default_factory=list)
    html_title: str | None = None  # the <title> as written, often "Page – Site name"


# ---------------------------------------------------------------- decoding


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def sniff_charset(raw: bytes, declared: str | None = None) -> str | None:
    """The page's charset: BOM first, then the HTTP header's, then <meta charset>; None if unsaid.

    The BOM wins because editors write it and it cannot lie; a server header is next because
    browsers let it override the page.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if codec := _known_codec(declared):
        return codec
    match = _META_CHARSET.search(raw[:CHARSET_SNIFF_BYTES])
    return _known_codec(match.group(1).decode("ascii", "replace")) if match else None


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """Decode page bytes: declared charset, else UTF-8, else Windows-1252 (old school sites)."""
    charset = sniff_charset(raw, declared)
    if charset in ("latin-1", "iso8859-1", "ascii"):
        charset = "cp1252"  # what browsers do: the labels mean Windows-1252 on the web
    for codec in (charset or "utf-8", "cp1252"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue  # a page saved in Windows-1252 but labelled UTF-8 is common on old sites
    return raw.decode(charset or "cp1252", errors="replace")


# ---------------------------------------------------------------- extraction


def is_boilerplate(line: str) -> bool:
    """True for copyright, cookie and "skip to content" lines."""
    text = line.lstrip("#- ").strip()
    return any(rule.search(text) for rule in BOILERPLATE_LINES)


def _parse(text: str) -> lxml.html.HtmlElement | None:
    """Parse HTML leniently; None when there is nothing parseable."""
    text = text.replace("\x00", "")
    if text.lstrip().startswith("<?xml"):
        # lxml refuses a str that still carries an encoding declaration
        text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    if not text.strip():
        return None
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return None


def _html_title(tree: lxml.html.HtmlElement) -> str | None:
    node = tree.find(".//title")
    return (clean_line(node.text_content()) if node is not None else "") or None


def _title(tree: lxml.html.HtmlElement) -> str | None:
    title = _html_title(tree) or ""
    if not title:
        h1 = tree.find(".//h1")
        title = clean_line(h1.text_content()) if h1 is not None else ""
    return title or None


def _links(tree: lxml.html.HtmlElement, url: str) -> list[str]:
    """Link targets in document order (menu order), resolved and without #fragments."""
    links: dict[str, None] = {}  # ordered and de-duplicated in one pass
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        try:
            target = urldefrag(urljoin(url, href))[0]
        except ValueError:  # e.g. "http://[broken" is not a URL
            continue
        if target:
            links.setdefault(target)
    return list(links)


def _render_xml(node: lxml.etree._Element, out: list[str], depth: int = 0) -> None:
    """Walk trafilatura's XML (head/p/list/item/table/row/cell/quote) into Markdown-ish lines."""
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            level = int((child.get("rend") or "h2")[1:] or 2) if re.fullmatch(
                r"h[1-6]", child.get("rend") or "") else 2
            out.append("#" * level + " " + clean_line("".join(child.itertext())))
        elif tag == "list":
            _render_xml(child, out, depth + 1)
        elif tag == "item":
            own = [clean_line(child.text or "")]
            for sub in child:
                if sub.tag != "list":
                    own.append(clean_line("".join(sub.itertext())))
                    own.append(clean_line(sub.tail or ""))
            out.append("  " * max(depth - 1, 0) + "- " + clean_line(" ".join(own)))
            for sub in child:
                if sub.tag == "list":
                    _render_xml(sub, out, depth + 1)
        elif tag == "table":
            for row in child.iter("row"):
                cells = [clean_line("".join(c.itertext())) for c in row.iter("cell")]
                out.append(" | ".join(c for c in cells if c))
        elif tag in ("main", "doc"):
            _render_xml(child, out, depth)
        elif tag != "comments":
            out.append(clean_line("".join(child.itertext())))


def _trafilatura_lines(text: str) -> list[str]:
    """Main content by trafilatura, as lines; [] when it finds none or cannot parse the page."""
    try:
        xml = trafilatura.extract(text, output_format="xml", include_formatting=True,
                                  favor_recall=True, include_tables=True, include_comments=False,
                                  config=_TRAFILATURA_CONFIG)
    except Exception:  # third-party parser on hostile input: fall back, never crash
        return []
    if not xml:
        return []
    try:
        root = lxml.etree.fromstring(xml.encode("utf-8"))
    except lxml.etree.XMLSyntaxError:
        return []
    out: list[str] = []
    _render_xml(root, out)
    return out


def _is_furniture(element: lxml.html.HtmlElement) -> bool:
    if not isinstance(element.tag, str):
        return True
    if element.tag in FURNITURE_TAGS:
        return True
    role = (element.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "dialog", "alertdialog"):
        return True
    words = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(BOILERPLATE_ATTRS.search(words))


def _lxml_lines(tree: lxml.html.HtmlElement) -> list[str]:
    """Fallback: headings, paragraphs, list items and table rows in order, page furniture out."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    out: list[str] = []

    def walk(element: lxml.html.HtmlElement, depth: int) -> None:
        for child in element:
            if _is_furniture(child):
                continue
            tag = child.tag
            if tag in BLOCK_TAGS:
                out.append(_block_line(child, depth))
                if tag == "li":  # lists directly under an item (deeper ones are in its text)
                    for sub in child:
                        if sub.tag in ("ul", "ol"):
                            walk(sub, depth + 1)
            else:
                walk(child, depth + (1 if tag in ("ul", "ol") and depth else 0))

    walk(root, 0)
    return out


def _block_line(element: lxml.html.HtmlElement, depth: int) -> str:
    tag = element.tag
    if tag == "tr":
        cells = [clean_line(c.text_content()) for c in element if c.tag in ("td", "th")]
        return " | ".join(c for c in cells if c)
    if tag == "li":
        parts = [element.text or ""]
        for sub in element:
            if sub.tag not in ("ul", "ol"):
                parts.append(sub.text_content())
            parts.append(sub.tail or "")
        return "  " * depth + "- " + clean_line(" ".join(parts))
    text = clean_line(element.text_content())
    if tag[0] == "h" and tag[1:].isdigit():
        return "#" * int(tag[1:]) + " " + text
    return text


def _tidy(lines: list[str]) -> list[str]:
    """Drop empty and boilerplate lines and empty headings/bullets."""
    kept = []
    for line in lines:
        content = line.strip().lstrip("#").strip()
        if content.startswith("- "):
            content = content[2:].strip()
        if content in ("", "-", "|") or is_boilerplate(line):
            continue
        kept.append(line.rstrip())
    return kept


def _structured(lines: list[str]) -> bool:
    """Whether trafilatura kept the page's structure (it flattens pages it finds too small)."""
    return len(lines) > 1 or any(line.startswith(("#", "- ")) for line in lines)


def extract_page(raw: bytes, url: str, charset: str | None = None) -> Page:
    """Understand one page: title, content lines and links. Raises ValueError if unparseable."""
    text = decode_html(raw, charset)
    tree = _parse(text)
    if tree is None:
        raise ValueError("no HTML content could be parsed")
    lines = _tidy(_trafilatura_lines(text))
    if not _structured(lines):
        fallback = _tidy(_lxml_lines(tree))
        if len(fallback) >= len(lines):
            lines = fallback
    heading = next((line[2:] for line in lines if line.startswith("# ")), None)
    return Page(url=url, title=heading or _title(tree), lines=lines, links=_links(tree, url),
                html_title=_html_title(tree))


def page_source(page: Page, key: str, display: str, kind: str = "html") -> Source:
    """One page as a Source: its lines, each with the page URL as origin."""
    if not page.lines:
        raise EmptyNotes(display)
    lines = with_blank_before_headings(page.lines)
    return source_from_lines(key, display, [(line, page.url) for line in lines], kind=kind,
                             title=page.title, origin=page.url)


def page_address(raw: bytes, tree: lxml.html.HtmlElement | None = None) -> str | None:
    """Where a saved page came from: the browser's "saved from" mark, else its canonical link."""
    if match := _SAVED_FROM.search(raw[:CHARSET_SNIFF_BYTES]):
        return match.group(1).decode("ascii", "replace")
    if tree is not None:
        for link in tree.iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                return str(link.get("href")).strip()
    return None


def read_html(path: Path, key: str, display: str) -> list[Source]:
    """Reader for .html/.htm/.xhtml files; lines' origin is the page's address where the page
    says it (saved-from mark, canonical link), else the file name."""
    raw = read_bytes(path, display, MAX_PAGE_BYTES)
    if looks_binary(raw) and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise UnreadableSource(display, "looks like a binary file, not a web page")
    try:
        tree = _parse(decode_html(raw))
        page = extract_page(raw, page_address(raw, tree) or path.name)
    except ValueError as exc:
        raise UnreadableSource(display, f"not readable as a web page ({exc})") from None
    return [page_source(page, key, display)]
