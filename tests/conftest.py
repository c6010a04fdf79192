"""Shared fixtures. The seed notes and gold files live in ../shared (never copied into the repo)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """Where ../shared is: $ASKWINSTON_SHARED, else beside the repository."""
    return Path(os.environ.get("ASKWINSTON_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_dir()
    if not (path / "seed").is_dir():
        pytest.skip(f"../shared is absent ({path}): seed notes and gold files not available")
    return path


@pytest.fixture(scope="session")
def seed_file(shared: Path) -> Path:
    return shared / "seed" / "000_9c50b18a0db9cdf3.txt"
