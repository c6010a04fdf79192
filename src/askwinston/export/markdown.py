"""A Markdown revision sheet: timeline, who's who, then questions with answers and lines."""

from __future__ import annotations

from pathlib import Path

from askwinston.export.deck import Deck, back, front


def cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def timeline(deck: Deck) -> list[str]:
    out = ["## Timeline", "", "| date | what happened | line |", "|---|---|---|"]
    out += [f"| {cell(r['display'])} | {cell(r['sentence'])} | {cell(r['source'])}:{r['line']} |"
            for r in deck.timeline]
    return [*out, ""]


def people(deck: Deck) -> list[str]:
    rows = [p for p in deck.people if p["roles"] or p["fates"]]
    out = ["## Who's who", "", "| name | role | fate |", "|---|---|---|"]
    out += [f"| {cell(p['name'])} | {cell('; '.join(f['text'] for f in p['roles']))} | "
            f"{cell('; '.join(f['text'] for f in p['fates']))} |" for p in rows]
    return [*out, ""] if rows else []


def questions(deck: Deck) -> list[str]:
    out = ["## Test yourself", ""]
    for i, card in enumerate((c for c in deck.cards if c.kind != "mcq"), 1):
        out.append(f"{i}. {cell(front(card))}  ")
        out.append(f"   **{cell(back(card))}** *({cell(card.source)}:{card.line})*")
    return [*out, ""]


def text(deck: Deck) -> str:
    return "\n".join([f"# {cell(deck.title)} — revision sheet", "", *timeline(deck),
                      *people(deck), *questions(deck)])


def write(deck: Deck, path: Path) -> None:
    path.write_text(text(deck), encoding="utf-8")
