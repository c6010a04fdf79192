"""Fuzzing: random bytes and mutated real files never crash or hang a reader; each gives Sources
or a named UnreadableSource. Examples are few so the suite stays fast."""

from __future__ import annotations

import os
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from clayton_site import MENU, page_html, write_warc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_docx import make_docx
from test_epub import make_epub
from test_odt import make_odt
from test_pdf import make_pdf

from askwinston.errors import UnreadableSource
from askwinston.model import Source, split_lines
from askwinston.sources import READERS, read_paths, reader_for
from askwinston.sources.html import extract_page
from askwinston.sources.lines import source_from_lines

SUFFIXES = [".html", ".zip", ".warc", ".warc.gz", ".arc", ".docx", ".odt", ".epub", ".pdf"]
SAMPLE_SUFFIXES = [".html", ".zip", ".warc", ".warc.gz", ".docx", ".odt", ".epub", ".pdf"]

FUZZ_EXAMPLES = int(os.environ.get("ASKWINSTON_FUZZ_EXAMPLES", "30"))
"""Few by default so the suite stays fast; set e.g. 1000 for a long local fuzzing run."""

FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=timedelta(seconds=10),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="session")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """One real file of each format, to mutate."""
    folder = tmp_path_factory.mktemp("samples")
    site_zip = folder / "site.zip"
    with zipfile.ZipFile(site_zip, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, _ in MENU[:3]:
            archive.writestr(name, page_html(name))
    return {
        ".html": page_html("causes.html").encode(),
        ".zip": site_zip.read_bytes(),
        ".warc": write_warc(folder / "s.warc", gzip=False).read_bytes(),
        ".warc.gz": write_warc(folder / "s.warc.gz").read_bytes(),
        ".docx": make_docx(folder / "n.docx").read_bytes(),
        ".pdf": make_pdf(folder / "n.pdf").read_bytes(),
        ".odt": make_odt(folder / "n.odt").read_bytes(),
        ".epub": make_epub(folder / "n.epub").read_bytes(),
    }


def _read(data: bytes, suffix: str) -> list[Source]:
    """Read bytes as a file with this suffix; only UnreadableSource may escape."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            sources = reader_for(path)(path, path.name, str(path))
        except UnreadableSource as problem:
            assert "fuzz" in problem.path
            return []
    for source in sources:
        assert isinstance(source, Source)
        assert [(ln.number, ln.start, ln.text) for ln in source.lines] == [
            (ln.number, ln.start, ln.text) for ln in split_lines(source.text)]
    return sources


def test_every_fuzzed_suffix_has_a_reader() -> None:
    for suffix in SUFFIXES:
        assert reader_for(Path("x" + suffix)) is READERS[Path("x" + suffix).suffix]


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(data: bytes, suffix: str) -> None:
    _read(data, suffix)


@st.composite
def mutations(draw: st.DrawFn, original: bytes) -> bytes:
    """Flip, delete or insert bytes, or truncate: the damage real files suffer."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if action == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif action == "delete":
            del data[at: at + draw(st.integers(1, 64))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            del data[at:]
    return bytes(data)


@pytest.mark.parametrize("suffix", SAMPLE_SUFFIXES)
def test_mutated_real_files(suffix: str, samples: dict[str, bytes]) -> None:
    @FUZZ
    @given(data=mutations(samples[suffix]))
    def check(data: bytes) -> None:
        _read(data, suffix)

    check()


@settings(max_examples=40, deadline=timedelta(seconds=5))
@given(st.text(max_size=2000))
def test_any_text_as_html(text: str) -> None:
    """Any text gives a page of one-line lines, or the documented ValueError for no HTML."""
    try:
        page = extract_page(text.encode("utf-8"), "x.html")
    except ValueError:
        return
    assert all("\n" not in line and "\r" not in line for line in page.lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=30), st.none() | st.text(max_size=10)), max_size=20))
def test_source_from_lines_is_consistent(items: list[tuple[str, str | None]]) -> None:
    source = source_from_lines("k", "p", items, kind="site")
    assert [(ln.number, ln.start, ln.text) for ln in source.lines] == [
        (ln.number, ln.start, ln.text) for ln in split_lines(source.text)]


def test_read_paths_never_raises_on_junk(tmp_path: Path) -> None:
    for suffix in SUFFIXES:
        (tmp_path / f"junk{suffix}").write_bytes(b"\x00\xff junk \x1f\x8b" * 10)
    result = read_paths(sorted(tmp_path.iterdir()))
    assert not result.sources
    assert len(result.problems) == len(SUFFIXES)


TAGS = ["ul", "ol", "li", "div", "p", "table", "tr", "td", "h2", "nav", "footer", "blockquote",
        "span", "a", "header", "main"]

markup = st.recursive(
    st.text(alphabet="abc <&>é\u2019", max_size=12),
    lambda inner: st.builds(lambda tag, kids, close: f"<{tag}>{''.join(kids)}"
                            + (f"</{tag}>" if close else ""),
                            st.sampled_from(TAGS), st.lists(inner, max_size=4), st.booleans()),
    max_leaves=60,
)


@settings(max_examples=FUZZ_EXAMPLES * 2, deadline=timedelta(seconds=2))
@given(markup)
def test_random_tag_soup(html: str) -> None:
    """Random nesting of the tags the extractors care about: quick, and lines stay lines."""
    try:
        page = extract_page(html.encode("utf-8"), "soup.html")
    except ValueError:
        return
    assert all(line.strip() and "\n" not in line for line in page.lines)
