"""Helper for rule modules: word lists written as one readable string."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """ "say claim order" → {"say", "claim", "order"}: long word lists stay easy to read."""
    return frozenset(text.split())
