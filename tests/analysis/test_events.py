"""Events: compact what, who and where, dates own or inherited, and cause → effect links."""

from __future__ import annotations

from typing import Any

import pytest

from askwinston.analysis import event_rules as rules
from askwinston.analysis.events import topic_of
from askwinston.analysis.pipeline import analyse_text
from askwinston.model import Event, Knowledge

NOTES = """The Fall of Ranek
Why did Ranek fall?
His army was defeated because of the winter.
The Crisis
In March 1921 General Haldor Ranek was arrested in Varsk.
Ranek was shot in the prison yard.
This led to riots in the capital.
Oskarov was removed on the grounds that he had been too lax - he was replaced by Lenz.
The aftermath of the crisis:
The army mutinied.
"""


@pytest.fixture(scope="module")
def notes() -> Knowledge:
    return analyse_text(NOTES)


def on_line(k: Knowledge, line: int) -> list[Event]:
    return [e for e in k.events if e.span.line == line and e.kind == "event"]


def test_what_is_compact_and_who_is_canonical(notes: Knowledge) -> None:
    [shot] = on_line(notes, 6)
    assert shot.what == "Ranek shot in prison yard"
    assert shot.who == ("Haldor Ranek",)
    assert len(shot.what.split()) <= rules.MAX_WHAT_WORDS


def test_where(notes: Knowledge) -> None:
    [arrest] = on_line(notes, 5)
    assert arrest.where == "Varsk"


def test_own_and_inherited_dates(notes: Knowledge) -> None:
    [arrest] = on_line(notes, 5)
    [shot] = on_line(notes, 6)
    assert arrest.when is not None and arrest.when.value == "1921-03" and not arrest.when_inherited
    assert shot.when is not None and shot.when.value == "1921-03" and shot.when_inherited


def test_dates_are_not_inherited_across_sections(notes: Knowledge) -> None:
    [winter] = on_line(notes, 3)
    assert winter.when is None


def test_two_predicates_in_one_event(notes: Knowledge) -> None:
    k = analyse_text("Notes\nPetrov was removed and replaced by Lenz.\n")
    [e] = [e for e in k.events if e.kind == "event"]
    assert e.what == "Petrov removed, replaced by Lenz"


def links(k: Knowledge) -> list[tuple[str, str, str]]:
    ev = {e.id: e for e in k.events}
    return [(ev[lk.cause_id].what, lk.signal, ev[lk.effect_id].what) for lk in k.links]


def test_backward_signal_links_previous_event(notes: Knowledge) -> None:
    assert ("Ranek shot in prison yard", "this led to", "This led to riots in capital") in links(
        notes)


def test_reason_signals(notes: Knowledge) -> None:
    found = links(notes)
    assert ("the winter", "because of", "His army defeated") in found
    assert any(s == "on the grounds that" and c.startswith("he had been too lax")
               for c, s, _ in found)


def test_why_heading_makes_causes_of_its_topic(notes: Knowledge) -> None:
    assert ("His army defeated", "why-heading", "Ranek fall") in links(notes)


def test_aftermath_heading_makes_consequences(notes: Knowledge) -> None:
    assert ("the crisis", "aftermath", "army mutinied") in links(notes)


@pytest.mark.parametrize(("heading", "topic"), [
    ("Why did the purges take place?", "the purges take place"),
    ("The aftermath of the purges", "the purges"),
    ("Consequences of the war:", "the war"),
    ("The Murder of Kirov", None),
])
def test_topic_of(heading: str, topic: str | None) -> None:
    assert topic_of(heading) == topic


def test_seed_gold_timeline_events(seed_knowledge: Knowledge, gold: dict[str, Any]) -> None:
    """Every dated line of the gold timeline gives an event with that date."""
    for g in gold["timeline"]:
        events = on_line(seed_knowledge, g["line"])
        dated = [e for e in events if e.when is not None and not e.when_inherited]
        assert dated, g["line"]
        assert dated[0].when is not None and dated[0].when.value == g["value"]


def test_seed_events(seed_knowledge: Knowledge) -> None:
    [shot] = [e for e in on_line(seed_knowledge, 10) if "shot" in e.what]
    assert shot.what == "Kirov shot in his office" and shot.who == ("Sergie Kirov",)
    assert shot.when is not None and shot.when.value == "1934-12-01" and shot.when_inherited
    [yagoda] = on_line(seed_knowledge, 25)
    assert yagoda.what.startswith("Yagoda removed")
    assert "Yezhov" in yagoda.who
    seed_links = links(seed_knowledge)
    assert any(s == "this led to" for _, s, _ in seed_links)
    assert any(s == "on the grounds that" and "Yagoda removed" in e for _, s, e in seed_links)
    assert any(s == "why-heading" for _, s, _ in seed_links)
    assert any(s == "aftermath" for _, s, _ in seed_links)


def test_misparsed_clause_falls_back_to_its_own_words() -> None:
    k = analyse_text("Notes\nIn the summer of 1930 support for the regime was sinking.\n"
                     "Ezhov was arrested in April 1939 and shot in February 1940.\n")
    whats = [e.what for e in k.events if e.kind == "event"]
    assert "support for the regime was sinking" in whats
    assert "Ezhov arrested, shot" in whats


def test_arrows_and_so_split_cause_from_effect() -> None:
    k = analyse_text("Russia\n- Nov 1917 the Bolsheviks seized power → the civil war began\n"
                     "- Lenin signed the treaty so the war with Germany ended.\n"
                     "- As a result the Reds controlled Russia.\n")
    found = links(k)
    assert ("Bolsheviks seized power", "→", "civil war began") in found
    assert ("Lenin signed treaty", "so", "war with Germany ended") in found
    assert ("war with Germany ended", "as a result", "Reds controlled Russia") in found


def test_date_in_a_heading_is_inherited_by_its_lines() -> None:
    """The dates engineer may tag headings: a Timex on a heading line with no sentence."""
    from askwinston.analysis.events import Frame, build
    from askwinston.analysis.structure import structure
    from askwinston.model import Source, Span, Timex

    text = "Notes\nThe Crisis of 1921\nRanek was arrested.\n"
    notes = structure(Source(key="n.txt", path="n.txt", text=text))
    [sentence] = notes.sentences
    heading = notes.source.line(2)
    when = Timex(Span("n.txt", 2, heading.start + 14, heading.start + 18), "1921", "DATE", "1921")
    frame = Frame(sentence.id, sentence.span, "Ranek arrested", ("Ranek",), (),
                  sentence.section_id)
    [event], _ = build(notes, [frame], [when])
    assert event.when == when and event.when_inherited


def test_he_is_the_person_of_the_line_before() -> None:
    k = analyse_text("Notes\nMarek opposed the plan in 1930.\nHe lost his post.\n")
    [lost] = [e for e in k.events if "lost" in e.what]
    assert lost.who == ("Marek",)


def test_date_in_a_label_dates_its_line() -> None:
    from askwinston.analysis.events import Frame, build
    from askwinston.analysis.structure import structure
    from askwinston.model import Source, Span, Timex

    text = "Notes\nOct 1905: Kenney was arrested.\n"
    notes = structure(Source(key="n.txt", path="n.txt", text=text))
    [sentence] = notes.sentences
    line = notes.source.line(2)
    when = Timex(Span("n.txt", 2, line.start, line.start + 8), "Oct 1905", "DATE", "1905-10")
    frame = Frame(sentence.id, sentence.span, "Kenney arrested", ("Kenney",), (),
                  sentence.section_id)
    [event], _ = build(notes, [frame], [when])
    assert event.when == when and not event.when_inherited


def test_a_chain_of_arrows_links_each_step() -> None:
    k = analyse_text("Notes\nIn 1914 Serbia was attacked → Russia mobilised → Germany "
                     "declared war.\n")
    found = [(c, s, e) for c, s, e in links(k) if s == "→"]
    assert len(found) == 2


@pytest.mark.parametrize(("value", "ok"), [
    ("1934-12-01", True), ("1936-SU", True), ("-0044", True), ("193", True),
    ("XXXX-WI", False), ("PRESENT_REF", False),
])
def test_only_anchored_dates_place_events(value: str, ok: bool) -> None:
    from askwinston.analysis.events import anchored
    from askwinston.model import Span, Timex

    assert anchored(Timex(Span("n", 1, 0, 1), "x", "DATE", value)) is ok
