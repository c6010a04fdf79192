"""Fixtures for the analysis tests: the seed notes analysed once, and their gold annotations."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from askwinston.analysis.pipeline import analyse
from askwinston.model import Entity, Knowledge
from askwinston.sources import read_paths


@pytest.fixture(scope="session")
def seed_knowledge(seed_file: Path) -> Knowledge:
    """The seed notes analysed once for the whole run (analysis is the slow part)."""
    return analyse(read_paths([str(seed_file)]).sources)


@pytest.fixture(scope="session")
def gold(shared: Path) -> dict[str, Any]:
    return json.loads((shared / "eval" / "seed-gold.json").read_text(encoding="utf-8"))


def by_name(knowledge: Knowledge, name: str) -> Entity | None:
    """The entity called `name` or having it as an alias or variant."""
    lower = name.lower()
    return next((e for e in knowledge.entities
                 if lower in {f.lower() for f in (e.name, *e.aliases, *e.variants)}), None)


@pytest.fixture(scope="session")
def named() -> Callable[[Knowledge, str], Entity | None]:
    """`by_name` for test modules (conftest is not importable as a module)."""
    return by_name
