"""Unit tests for the temporal tagger, one parametrised block per pattern family.

Every example sentence here is made up for the test; none is copied from a benchmark or the seed.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from askwinston.analysis.timex import (
    TimeContext,
    TimexMatch,
    annotate,
    display,
    fmt_year,
    sort_key,
    tag,
)
from askwinston.model import Notes, Section, Sentence, Source, Span


def only(text: str, **kw: object) -> TimexMatch:
    """The single timex expected in text."""
    found = tag(text, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def values(text: str, **kw: object) -> list[tuple[str, str, str | None]]:
    """(text, value, mod) of every timex in text."""
    return [(m.text, m.value, m.mod) for m in tag(text, **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("sentence", "expected_text", "value"),
    [
        ("The treaty was signed on 3rd March 1918 at Brest.", "3rd March 1918", "1918-03-03"),
        ("Riots broke out on 9 Jan. 1905 in the capital.", "9 Jan. 1905", "1905-01-09"),
        ("The ship sank on April 15, 1912, after a collision.", "April 15, 1912", "1912-04-15"),
        ("A telegram dated 08/11/1923 survives.", "08/11/1923", "1923-11-08"),
        ("A note dated 12/25/1941 was found.", "12/25/1941", "1941-12-25"),
        ("The decree is dated 1917-11-08 in the archive.", "1917-11-08", "1917-11-08"),
        ("The assembly met on the 5th of May 1789.", "the 5th of May 1789", "1789-05-05"),
    ],
)
def test_absolute_dates(sentence: str, expected_text: str, value: str) -> None:
    m = only(sentence)
    assert (m.text, m.type, m.value, m.mod) == (expected_text, "DATE", value, None)
    assert sentence[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Parliament was dissolved in October 1931.", "1931-10"),
        ("The strike began in Sept. 1926 and soon spread.", "1926-09"),
        ("The dam was finished in 1936.", "1936"),
        ("Prices kept rising in '23 and the currency collapsed.", "1923"),
    ],
)
def test_partial_dates(sentence: str, value: str) -> None:
    assert only(sentence, context=TimeContext(1920)).value == value


def test_day_month_takes_the_year_from_context() -> None:
    ctx = TimeContext()
    assert only("The fleet mutinied in 1918.", context=ctx).value == "1918"
    assert only("On 3rd Nov the sailors marched.", context=ctx).value == "1918-11-03"
    assert only("By November 9 the emperor had gone.", context=ctx).value == "1918-11-09"


def test_bare_month_needs_capital_and_takes_context_year() -> None:
    ctx = TimeContext(1926)
    assert values("Miners may strike, as they did in May.", context=ctx) == [
        ("May", "1926-05", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected_text", "value"),
    [
        ("The offensive stalled in the winter of 1941.", "the winter of 1941", "1941-WI"),
        ("Autumn 1917 saw two revolutions.", "Autumn 1917", "1917-FA"),
        ("Talks resumed in the spring of 1921.", "the spring of 1921", "1921-SP"),
        ("Summer 1940 was decisive in the air.", "Summer 1940", "1940-SU"),
    ],
)
def test_seasons(sentence: str, expected_text: str, value: str) -> None:
    m = only(sentence)
    assert (m.text, m.value) == (expected_text, value)


@pytest.mark.parametrize(
    ("sentence", "expected_text", "value", "mod"),
    [
        ("The army was exhausted by the end of 1916.", "the end of 1916", "1916", "END"),
        ("Rationing started in early 1940.", "early 1940", "1940", "START"),
        ("Unemployment peaked in the mid-1930s.", "the mid-1930s", "193", "MID"),
        ("The abbey was founded around 1120.", "around 1120", "1120", "APPROX"),
        ("The chronicle was written c. 1150.", "c. 1150", "1150", "APPROX"),
        ("The harvest failed in late 1932.", "late 1932", "1932", "END"),
        ("Fighting resumed at the beginning of 1915.", "the beginning of 1915", "1915", "START"),
    ],
)
def test_modifiers(sentence: str, expected_text: str, value: str, mod: str) -> None:
    m = only(sentence)
    assert (m.text, m.value, m.mod) == (expected_text, value, mod)


def test_by_is_a_signal_not_part_of_the_date() -> None:
    # TimeML treats "by" as a SIGNAL: the timex is the date alone, with no mod.
    assert values("The canal was finished by 1869.") == [("1869", "1869", None)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Jazz spread quickly in the 1920s.", "192"),
        ("The empire declined in the 17th century.", "16"),
        ("Railways transformed the nineteenth century.", "18"),
        ("Athens flourished in the 5th century BC.", "-04"),
    ],
)
def test_decades_and_centuries(sentence: str, value: str) -> None:
    assert only(sentence).value == value


@pytest.mark.parametrize(
    ("sentence", "expected_text", "value"),
    [
        ("Famine struck between 1932 and 1933 in the south.", "between 1932 and 1933",
         "1932/1933"),
        ("He ruled from 1558 to 1603.", "from 1558 to 1603", "1558/1603"),
        ("The Great War of 1914–18 changed Europe.", "1914–18", "1914/1918"),
        ("During 1861-1865 the states were at war.", "1861-1865", "1861/1865"),
        ("Between 264 and 241 BC the two cities fought.", "Between 264 and 241 BC",
         "-0264/-0241"),
    ],
)  # fmt: skip
def test_ranges(sentence: str, expected_text: str, value: str) -> None:
    m = only(sentence)
    assert (m.text, m.value) == (expected_text, value)


def test_ranges_can_be_split_as_timeml_gold_does() -> None:
    assert values("He ruled from 1558 to 1603.", ranges=False) == [
        ("1558", "1558", None), ("1603", "1603", None)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Caesar was killed in 44 BC.", "-0044"),
        ("The invasion came in AD 43.", "0043"),
        ("The city fell in 146 BCE.", "-0146"),
        ("The wall was begun in 122 AD.", "0122"),
    ],
)
def test_bc_ad(sentence: str, value: str) -> None:
    assert only(sentence).value == value


def test_no_year_zero_between_bc_and_ad() -> None:
    ctx = TimeContext()
    assert only("He was born in 1 BC.", context=ctx).value == "-0001"
    assert only("The following year he moved.", context=ctx).value == "0001"


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["The siege began on 4 June 1916.", "Two days later the line broke."], "1916-06-06"),
        (["The siege began on 4 June 1916.", "The next day it rained."], "1916-06-05"),
        (["The fort fell in 1863.", "That year the harvest failed."], "1863"),
        (["The fort fell in 1863.", "The following spring was quiet."], "1864-SP"),
        (["The fort fell in 1863.", "Three years later peace came."], "1866"),
        (["The fort fell in March 1863.", "A month later it was retaken."], "1863-04"),
    ],
)
def test_relative_expressions_follow_the_narrative(sentences: list[str], expected: str) -> None:
    ctx = TimeContext()
    found = [m for s in sentences for m in tag(s, context=ctx)]
    assert found[-1].value == expected
    assert found[-1].resolved


def test_event_anchored_expression_is_marked_unresolved() -> None:
    ctx = TimeContext()
    tag("The coup failed in 1923.", context=ctx)
    m = only("A few weeks after the trial the party was banned.", context=ctx)
    assert m.text.startswith("A few weeks") and m.type == "DATE"
    assert not m.resolved and m.mod == "APPROX"


def test_relative_without_anchor_is_unresolved() -> None:
    m = only("The following day they marched on.")
    assert not m.resolved and m.value.startswith("XXXX")


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        ("The minister resigned on Thursday.", "2013-03-22", "2013-03-21"),
        ("The talks will resume on Monday.", "2013-03-22", "2013-03-25"),
        ("Sales fell last year.", "2013-03-22", "2012"),
        ("A vote is due next year.", "2013-03-22", "2014"),
        ("The strike ended yesterday.", "2013-03-22", "2013-03-21"),
        ("Inflation rose this month.", "2013-03-22", "2013-03"),
        ("Output fell two years ago.", "2013-03-22", "2011"),
        ("The plant closed in August.", "2013-03-22", "2012-08"),
    ],
)
def test_news_mode_resolves_against_the_dct(sentence: str, dct: str, value: str) -> None:
    assert only(sentence, dct=dct, mode="news").value == value


@pytest.mark.parametrize(
    ("sentence", "typ", "value", "mod"),
    [
        ("He was imprisoned for 15 years.", "DURATION", "P15Y", None),
        ("The blockade lasted three months.", "DURATION", "P3M", None),
        ("The march took nearly six weeks.", "DURATION", "P6W", "LESS_THAN"),
        ("The battle raged for several days.", "DURATION", "PXD", None),
        ("The crossing took eight hours.", "DURATION", "PT8H", None),
        ("It felt like a decade.", "DURATION", "P10Y", None),
        ("The council met every year.", "SET", "P1Y", None),
        ("Elections were held every four years.", "SET", "P4Y", None),
        ("The guard was changed daily.", "SET", "P1D", None),
    ],
)
def test_durations_and_sets(sentence: str, typ: str, value: str, mod: str | None) -> None:
    m = only(sentence)
    assert (m.type, m.value, m.mod) == (typ, value, mod)


@pytest.mark.parametrize(
    "sentence",
    [
        "He called for a thorough spring cleaning of the ministries.",
        "The second five year plan stressed heavy industry.",
        "Now the party turned on its own members.",
        "Boys over the age of fourteen were conscripted.",
        "He joined the navy aged 16.",
        "See page 1066 of the catalogue.",
        "As chapter 12 explains, the revolt failed.",
        "Some 280,000 people were deported.",
        "Around 5,000 prisoners were freed.",
        "About 3 million soldiers were mobilised.",
        "He sent 1500 men to the border.",
        "Only 17 of his officers survived.",
        "The factory made 2400 tanks.",
        "Prices rose by 1200% overall.",
        "He was the 18th delegate to speak.",
        "The army had a second chance.",
        "She was a 12-year-old girl.",
        "It may rain, and troops march on.",
    ],
)
def test_not_dates(sentence: str) -> None:
    assert tag(sentence) == []


def test_modes_are_checked() -> None:
    with pytest.raises(ValueError, match="mode"):
        tag("In 1920.", mode="poetry")


def test_annotate_builds_model_timexes_with_spans_into_the_source() -> None:
    text = "The purges of 1937\nOn 5 May arrests began. In 1939 they stopped.\n"
    source = Source(key="notes-1", path="notes.txt", text=text)
    section = Section(id="s1", source="notes-1", title="The purges of 1937", line=1, level=1,
                      ordinal=0)  # fmt: skip
    body = source.line(2)
    first, second = body.text.split(". ", 1)
    sentences = [
        Sentence("a", Span("notes-1", 2, body.start, body.start + len(first) + 1),
                 first + ".", "s1", 0),
        Sentence("b", Span("notes-1", 2, body.start + len(first) + 2, body.end), second, "s1", 1),
    ]  # fmt: skip
    notes = Notes(source, "notes", [section], [], sentences)
    found = annotate(notes)
    assert [(t.value, t.sentence_id, t.span.line) for t in found] == [
        ("1937-05-05", "a", 2), ("1939", "b", 2)
    ]  # fmt: skip
    for t in found:
        assert text[t.span.start : t.span.end] == t.text
        assert t.span.source == "notes-1"


def test_sort_key_orders_chronologically() -> None:
    shuffled = ["1934-12-01", "1936-SU", "193", "-0044", "1933/1938", "1934", "0043",
                "1936-WI", "1936-09", "18", "XXXX-XX-XX", "1940"]  # fmt: skip
    ordered = sorted(shuffled, key=sort_key)
    assert ordered == ["-0044", "0043", "18", "193", "1933/1938", "1934", "1934-12-01",
                       "1936-WI", "1936-SU", "1936-09", "1940", "XXXX-XX-XX"]  # fmt: skip
    assert sort_key("1940", "START") < sort_key("1940") < sort_key("1940", "END")


@pytest.mark.parametrize(
    ("value", "mod", "text"),
    [
        ("1934-12-01", None, "1 December 1934"),
        ("1936-SU", None, "summer 1936"),
        ("193", None, "the 1930s"),
        ("-0044", None, "44 BC"),
        ("1933/1938", None, "1933–1938"),
        ("1940", "END", "the end of 1940"),
        ("18", None, "the 19th century"),
        ("1935-01", None, "January 1935"),
        ("1066", "APPROX", "around 1066"),
    ],
)
def test_display(value: str, mod: str | None, text: str) -> None:
    assert display(value, mod) == text


@given(st.integers(min_value=1000, max_value=2100))
def test_any_plausible_year_after_in_is_tagged(year: int) -> None:
    m = only(f"It happened in {year}.")
    assert m.value == fmt_year(year) and m.text == str(year)


@given(st.text(max_size=200))
def test_offsets_always_slice_the_text(text: str) -> None:
    for m in tag(text, dct="2013-03-22", mode="news"):
        assert text[m.start : m.end] == m.text and m.start < m.end


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        (["The rising began on 2 May 1808.", "Critics in 1990 called it a myth.",
          "On 14 June the rebels lost."], "1808-06-14"),
        (["The rising began on 2 May 1808.", "Rules were as in 1700.",
          "By 1 July order returned."], "1808-07-01"),
        (["The rising began on 2 May 1808.", "In 1809 it spread.",
          "On 3 March the army moved."], "1809-03-03"),
    ],
)  # fmt: skip
def test_a_far_lone_year_is_an_aside_not_a_move(sentences: list[str], expected: str) -> None:
    ctx = TimeContext()
    found = [m for s in sentences for m in tag(s, context=ctx)]
    assert found[-1].value == expected


@pytest.mark.parametrize(
    ("sentences", "text", "typ", "value"),
    [
        (["The raid came on the night of 9 May 1941."], "the night of 9 May 1941", "TIME",
         "1941-05-09TNI"),
        (["The treaty was signed in 1648.", "The 30 May of that year was wet."],
         "The 30 May of that year", "DATE", "1648-05-30"),
        (["The treaty was signed in 1648.", "Peace held until Christmas."], "Christmas", "DATE",
         "1648-12-25"),
        (["The army left in June 1812.", "It came back the previous April."],
         "the previous April", "DATE", "1812-04"),
        (["The army left in June 1812.", "It froze by the end of the year."],
         "the end of the year", "DATE", "1812"),
        (["The army left in June 1812.", "Weeks later it reached the river."], "Weeks later",
         "DATE", "XXXX-WXX"),
    ],
)  # fmt: skip
def test_narrative_phrases(sentences: list[str], text: str, typ: str, value: str) -> None:
    ctx = TimeContext()
    last = [m for s in sentences for m in tag(s, context=ctx)][-1]
    assert (last.text, last.type, last.value) == (text, typ, value)


def test_news_mode_keeps_the_timeml_extent_of_shifted_durations() -> None:
    found = tag("Talks had collapsed a month earlier.", dct="2013-03-22", mode="news")
    assert [(m.text, m.type, m.value) for m in found] == [("a month", "DURATION", "P1M")]


@pytest.mark.parametrize(
    ("value", "text"),
    [("P15Y", "15 years"), ("P1M", "1 month"), ("PT3H", "3 hours"), ("PT5M", "5 minutes"),
     ("PXD", "days")],
)
def test_display_durations(value: str, text: str) -> None:
    assert display(value) == text


def test_at_that_time_takes_the_narrative_date() -> None:
    ctx = TimeContext()
    found = [m for s in ["Paris fell in June 1940.", "At that time the roads were full."]
             for m in tag(s, context=ctx)]  # fmt: skip
    assert (found[-1].text, found[-1].value) == ("that time", "1940-06")


def test_partial_date_takes_the_year_nearest_the_story() -> None:
    ctx = TimeContext()
    tag("The siege began on 20 December 1588.", context=ctx)
    assert only("By 3 January the walls were breached.", context=ctx).value == "1589-01-03"
    assert only("In March supplies ran out.", context=ctx).value == "1589-03"


def test_counts_with_thousands_separators_stay_whole() -> None:
    assert only("The dynasty lasted 1,200 years.").value == "P1200Y"


@pytest.mark.parametrize(
    ("sentences", "text", "value", "mod"),
    [
        (["The fleet sailed in the spring of 431 BC."], "the spring of 431 BC", "-0431-SP", None),
        (["Raids grew in the 360s BC."], "the 360s BC", "-036", None),
        (["The 1956 summer was dry."], "1956 summer", "1956-SU", None),
        (["War began in 431 BC.", "In 421 a truce was agreed."], "421", "-0421", None),
        (["The siege lasted from 415 to 413 BC."], "415", "-0415", None),
        (["The city grew in 1850.", "It had been a village the previous century."],
         "the previous century", "17", None),
        (["The city grew in 1850.", "The rains came in the early summer."], "the early summer",
         "1850-SU", "START"),
        (["The custom survives to this day."], "this day", "PRESENT_REF", None),
    ],
)  # fmt: skip
def test_seasons_bc_and_centuries_in_context(
    sentences: list[str], text: str, value: str, mod: str | None
) -> None:
    ctx = TimeContext()
    found = [m for s in sentences for m in tag(s, context=ctx, ranges=False)]
    hit = next(m for m in found if m.text == text)
    assert (hit.value, hit.mod) == (value, mod)


def test_three_digit_numbers_are_not_years_without_context() -> None:
    assert tag("The regiment lost 415 of its 900 soldiers.") == []
    assert tag("He wrote 250 letters from the front.") == []


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a year deep inside a sentence is an aside: the story stays in 1805
        (["The fleet left port on 19 October 1805.",
          "The admiral had hoped to retire to his estate in 1806, his letters say.",
          "On 21 October the fleets met."], "1805-10-21"),
        # a year that opens the sentence sets a new scene
        (["The fleet left port on 19 October 1805.", "In 1806 a new campaign began.",
          "On 14 October the armies met."], "1806-10-14"),
    ],
)  # fmt: skip
def test_only_scene_setting_years_move_a_precise_story(
    sentences: list[str], expected: str
) -> None:
    ctx = TimeContext()
    found = [m for s in sentences for m in tag(s, context=ctx)]
    assert found[-1].value == expected


def test_month_list_takes_the_year_written_after_it() -> None:
    assert values("Fighting raged in August and September 1914.") == [
        ("August", "1914-08", None), ("September 1914", "1914-09", None)
    ]  # fmt: skip


def test_first_character_prefilter_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import askwinston.analysis.timex as timex_module

    sentences = [
        "Between 1933 and 1938 and from 264 to 241 BC; 6-7 January 1916 and May 8, 1945.",
        "On 08/11/1923 and 1917-11-08, in August and September 1914, the 5th of May 1789.",
        "Summer 1936, the following spring, in winter, last June, Christmas 1914, early 1917.",
        "The end of the year, the 1930s, the 5th century BC, c. 1066, AD 43, the 360s BC.",
        "Every year, daily, that same day, on Thursday night, three months, recent weeks.",
        "Days later, to this day, at that time, recently, at 19:15 and 3 p.m., in '34.",
    ]
    fast = [tag(s, dct="2013-03-22", mode=mode) for s in sentences for mode in ("news",
            "narrative")]  # fmt: skip
    monkeypatch.setattr(timex_module, "RULES", timex_module._RULES)
    plain = [tag(s, dct="2013-03-22", mode=mode) for s in sentences for mode in ("news",
             "narrative")]  # fmt: skip
    assert fast == plain and sum(map(len, fast)) > 60


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Trade doubled over the past decade.", [("the past decade", "DURATION", "P10Y")]),
        ("They referred to this day as a disaster.", []),
        ("The feud survives to this day.", [("this day", "DATE", "PRESENT_REF")]),
        ("The ledger for January of 114 pages was lost.", [("January", "DATE", "XXXX-01")]),
    ],
)
def test_past_spans_and_false_friends(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(m.text, m.type, m.value) for m in tag(sentence)] == expected


def test_a_season_modifying_a_campaign_is_a_time() -> None:
    ctx = TimeContext()
    tag("The front was quiet in 1916.", context=ctx)
    assert values("Then the summer offensive began.", context=ctx) == [
        ("the summer", "1916-SU", None)
    ]
    assert values("Their summer offensive stalled.", context=ctx) == [("summer", "1916-SU", None)]
    assert tag("He wanted a spring cleaning of the cabinet.", context=ctx) == []


@pytest.mark.parametrize("text", [
    "The army fought Finland in the Winter War of 1939–40.",
    "Ludendorff launched the Spring Offensive in March 1918.",
])
def test_a_capitalised_season_in_a_name_is_not_a_season(text: str) -> None:
    assert not any(m.value.endswith(("-WI", "-SP")) for m in tag(text))
