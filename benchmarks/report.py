"""Shared helpers for benchmarks: where things are, and one way to print a table."""

from __future__ import annotations

import os
from pathlib import Path

from rich.console import Console
from rich.table import Table


def repo_root() -> Path:
    return Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """../shared beside the repository (or $ASKWINSTON_SHARED)."""
    return Path(os.environ.get("ASKWINSTON_SHARED", repo_root().parent / "shared"))


def print_table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*row)
    Console(width=160).print(table)
