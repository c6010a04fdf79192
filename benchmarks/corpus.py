"""A synthetic corpus of revision notes, for speed and memory benchmarks.

Generated from templates with invented rulers, places and numbers (deterministic for a seed), so
its size can be chosen freely; the wording is the project's own.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = [
    "Anna",
    "Boris",
    "Clara",
    "Dmitri",
    "Elena",
    "Felix",
    "Greta",
    "Hugo",
    "Irina",
    "Josef",
    "Karl",
    "Lena",
    "Mikhail",
    "Nadia",
    "Otto",
]
LAST = [
    "Voronin",
    "Halberg",
    "Castell",
    "Morrow",
    "Lindqvist",
    "Petrakis",
    "Okafor",
    "Dunmore",
    "Varga",
    "Esterhazy",
    "Kovac",
    "Brandt",
    "Sorel",
    "Ivanek",
    "Marchetti",
]
PLACES = [
    "Arvon",
    "Belmark",
    "Corsova",
    "Dunholt",
    "Eskeby",
    "Farrow",
    "Gellan",
    "Hesk",
    "Istra",
    "Jorvik",
]
ORGS = [
    "the Grand Council",
    "the Assembly",
    "the Guild of Merchants",
    "the Northern League",
    "the Royal Army",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SEASONS = ["spring", "summer", "autumn", "winter"]

TEMPLATES = [
    "In {month} {year} {person} was appointed head of {org}.",
    "{day} {month} {year} {person} arrived in {place} - {org} welcomed the news.",
    "By the {season} of {year} support for {org} had fallen because of rising taxes.",
    "{person} was arrested in {place} and sent to prison - {n} of his followers were exiled.",
    "This led to at least {n} people leaving {place} between {year} and {year2}.",
    "{surname} claimed that {org} had plotted against him.",
    "Cause: the harvest failed in {year} - bread prices doubled in {place}.",
    "About {pct}% of the members of {org} were expelled at the end of {year}.",
    "{person} said ‘we shall not give up {place} while one of us stands’ - the crowd cheered.",
    "{surname} was replaced by {person2} as leader of {org} in {month} {year}.",
    "Over {n} soldiers marched from {place} to {place2} in the {season} of {year}.",
    "The treaty signed at {place} in {year} ended the war - {surname} kept his lands.",
]
HEADINGS = [
    "Why did the crisis begin?",
    "The reforms",
    "The rebellion",
    "The aftermath",
    "Key people",
    "The war years",
    "Consequences:",
]


def _fill(rng: random.Random, template: str) -> str:
    year = rng.randint(1100, 1950)
    return template.format(
        month=rng.choice(MONTHS),
        year=year,
        year2=year + rng.randint(1, 9),
        day=rng.randint(1, 28),
        season=rng.choice(SEASONS),
        person=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        person2=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        surname=rng.choice(LAST),
        place=rng.choice(PLACES),
        place2=rng.choice(PLACES),
        org=rng.choice(ORGS),
        n=f"{rng.randint(2, 900) * 100:,}",
        pct=rng.randint(5, 95),
    )


def page(rng: random.Random, number: int, words: int) -> str:
    """One page of notes: a title, headings every few lines, note lines."""
    lines = [f"Topic {number}: the {rng.choice(PLACES)} question"]
    count = len(lines[0].split())
    while count < words:
        line = rng.choice(HEADINGS) if rng.random() < 0.15 else _fill(rng, rng.choice(TEMPLATES))
        lines.append(line)
        count += len(line.split())
    return "\n".join(lines) + "\n"


def write_corpus(
    folder: Path, total_words: int = 200_000, page_words: int = 2_000, seed: int = 1934
) -> list[Path]:
    """Write pages of notes adding up to about `total_words` words; return their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(max(1, total_words // page_words)):
        path = folder / f"page-{i:04d}.txt"
        path.write_text(page(rng, i, page_words), encoding="utf-8")
        paths.append(path)
    return paths
