"""Fixtures: the Clayton School site (tests/support/clayton_site.py): folder, ZIP and WARC."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from clayton_site import MENU, page_html, write_warc


@pytest.fixture(scope="session")
def site_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("saved") / "clayton"
    folder.mkdir()
    for name, _ in MENU:
        (folder / name).write_text(page_html(name), encoding="utf-8")
    (folder / "style.css").write_text("body { font-family: serif }", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def site_zip(tmp_path_factory: pytest.TempPathFactory, site_folder: Path) -> Path:
    path = tmp_path_factory.mktemp("zipped") / "clayton.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(site_folder.iterdir()):  # members in alphabetical order, on purpose
            archive.write(file, f"clayton/{file.name}")
    return path


@pytest.fixture(scope="session")
def site_warc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_warc(tmp_path_factory.mktemp("warc") / "clayton.warc.gz")
