"""Lenient answer checking forgives form, never facts."""

from __future__ import annotations

import pytest

from askwinston.study.answers import matches, normalise, option_index


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("1 December 1934", "1st December 1934"),
        ("december 1 1934", "1st December 1934"),
        ("summer 1930", "the summer of 1930"),
        ("yezhov", "Yezhov"),
        ("Yezov", "Yezhov"),  # one slip
        ("Nikolaev", "Leonid Nikolaev"),  # the surname is enough
        ("30000", "over 30,000"),  # hedge left out
        ("3 million", "at least 3 million"),
        ("the head of the NKVD.", "head of the NKVD"),
        ("60 %", "60%"),
    ],
)
def test_forgives_form(given: str, expected: str) -> None:
    assert matches(given, expected)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("1935", "1934"),  # numbers are never typos
        ("2 December 1934", "1st December 1934"),
        ("December 1934", "1st December 1934"),
        ("Stalin", "Yezhov"),
        ("40,000", "over 30,000"),
        ("", "Yezhov"),
        ("Kirov", "Leonid Nikolaev"),
    ],
)
def test_keeps_facts(given: str, expected: str) -> None:
    assert not matches(given, expected)


def test_normalise_drops_case_punctuation_articles_and_ordinals() -> None:
    assert normalise("The 1st of December, 1934!") == "1 december 1934"
    assert normalise("Kirov’s murder") == normalise("Kirov's murder")


def test_option_index_by_number_letter_or_text() -> None:
    options = ("Stalin", "Yezhov", "Kirov", "Molotov")
    assert option_index("2", options) == 1
    assert option_index("c", options) == 2
    assert option_index("molotov", options) == 3
    assert option_index("Yezov", options) == 1
    assert option_index("9", options) is None
    assert option_index("Lenin", options) is None
