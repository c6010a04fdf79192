"""Timeline layout: TIMEX3 values as spans of years, zoom windows, positions."""

from __future__ import annotations

import pytest

from askwinston.web import timeline as tl
from askwinston.web.views import segments


@pytest.mark.parametrize(("value", "start", "end"), [
    ("1934", 1934, 1935),
    ("1934-12", 1934 + 11 / 12, 1935),
    ("193", 1930, 1940),
    ("19", 1900, 2000),
    ("-0044", -44, -43),
    ("1933/1938", 1933, 1939),
    ("1936-SU", 1936.25, 1936.45),
    ("1485-Q3", 1485.5, 1485.75),
])
def test_year_span(value: str, start: float, end: float) -> None:
    span = tl.year_span(value)
    assert span is not None
    assert span[0] == pytest.approx(start) and span[1] == pytest.approx(end)


def test_day_is_inside_its_month() -> None:
    span = tl.year_span("1934-12-01")
    assert span is not None and 1934 + 11 / 12 <= span[0] < span[1] <= 1935


@pytest.mark.parametrize("value", ["XXXX", "", "PRESENT_REF", "P3Y"])
def test_values_without_a_year(value: str) -> None:
    assert tl.year_span(value) is None


def test_zoom() -> None:
    assert tl.parse_zoom(None).key == "all"
    d = tl.parse_zoom("d1934")
    assert (d.key, d.start, d.end, d.label) == ("d1930", 1930, 1940, "1930s")
    bc = tl.parse_zoom("y-44")
    assert bc.label == "44 BC" and bc.holds((-44.0, -43.0)) and not bc.holds((1934, 1935))
    with pytest.raises(ValueError, match="zoom must be"):
        tl.parse_zoom("sideways")


def test_zoom_choices_add_years_inside_a_decade() -> None:
    spans = [(1934.0, 1935.0), (1936.5, 1936.6), (1485.0, 1486.0)]
    keys = [z.key for z in tl.zoom_choices(spans, tl.parse_zoom("d1930"))]
    assert keys == ["all", "d1480", "d1930", "y1934", "y1936"]


def test_ticks_and_place() -> None:
    ticks = tl.ticks(1930, 1940)
    assert ticks[0] == (0.0, "1930") and ticks[-1][1] == "1940"
    assert tl.ticks(-50, 50)[0][1] == "40 BC"
    bar = tl.place((1933, 1939), 1930, 1940)
    assert bar == {"x": 300.0, "width": 600.0, "is_range": True}
    point = tl.place((1934.9, 1934.91), 1930, 1940)
    assert point["width"] == 10 and not point["is_range"]


def test_segments_first_longest_wins() -> None:
    notes = [{"start": 10, "end": 14, "kind": "a"}, {"start": 10, "end": 20, "kind": "b"},
             {"start": 12, "end": 16, "kind": "c"}]
    pieces = segments("0123456789abcdefghijXYZ", 0, notes)
    assert [p["text"] for p in pieces] == ["0123456789", "abcdefghij", "XYZ"]
    assert pieces[1]["note"]["kind"] == "b"


def test_bulk_entities_match_the_store(seed_db: object) -> None:
    from askwinston.store import kb
    from askwinston.web.views import entities

    keys = ("id", "name", "kind", "aliases", "variants", "description")
    with kb.opened(seed_db) as conn:  # type: ignore[arg-type]
        ours, theirs = entities(conn), kb.entities(conn)
    assert [{k: e[k] for k in keys} for e in ours] == [{k: e[k] for k in keys} for e in theirs]
    assert [len(e["mentions"]) for e in ours] == [len(e["mentions"]) for e in theirs]
    assert [[f["text"] for f in e["roles"] + e["fates"]] for e in ours] == \
        [[f["text"] for f in e["roles"] + e["fates"]] for e in theirs]


def test_century_zoom_when_many_decades() -> None:
    spans = [(float(y), y + 1.0) for y in range(1100, 1960, 7)]
    top = [z.key for z in tl.zoom_choices(spans, tl.Zoom("all"))]
    assert top[0] == "all" and all(k.startswith("c") for k in top[1:])
    inside = [z.key for z in tl.zoom_choices(spans, tl.parse_zoom("d1930"))]
    assert "d1930" in inside and "y1933" in inside and "d1420" not in inside
    assert tl.parse_zoom("c1934").label == "1900–1999"


def test_big_windows_show_counts_to_choose_from(monkeypatch: pytest.MonkeyPatch,
                                                seed_db: object) -> None:
    from askwinston.store import kb
    from askwinston.web import views

    monkeypatch.setattr(views, "MAX_EVENTS_LISTED", 3)
    with kb.opened(seed_db) as conn:  # type: ignore[arg-type]
        events = views.timeline_events(conn)
    data = views.timeline(events)
    decade = views.timeline(events, "d1930")
    assert data["eras"] == [] and data["count"] > 3
    assert [o["zoom"].key for o in data["overview"]] == ["d1930", "d1940"]
    assert sum(o["count"] for o in data["overview"]) == data["count"]
    assert all(o["zoom"].key.startswith("y") for o in decade["overview"])


def test_comes_back() -> None:
    from askwinston.web.study import comes_back

    assert comes_back("0.007") == "in 10 minutes"
    assert comes_back("0.25") == "in 6 hours"
    assert comes_back("1.0") == "tomorrow"
    assert comes_back("12.4") == "in 12 days"
    assert comes_back(None) == "later"


def test_bc_dates_on_the_timeline() -> None:
    from askwinston.web import views

    def event(value: str, line: int) -> dict[str, object]:
        span = tl.year_span(value)
        return {"value": value, "span": span, "display": value, "era": "Rome", "source": "r.txt",
                "line": line, "sentence": f"event {line}"}

    events = [event("-0055", 1), event("-0044", 2), event("0043", 3), event("-0050/-0040", 4)]
    data = views.timeline(events)
    labels = [label for _, label in data["ticks"]]
    assert labels[0].endswith("BC") and "40 BC" in labels
    bars = [e["bar"] for e in data["eras"][0]["events"]]
    assert bars[0]["x"] < bars[1]["x"] < bars[2]["x"]
    assert bars[3]["is_range"]
    assert [z.key for z in data["choices"]] == ["all", "d-60", "d-50", "d40"]
    assert tl.parse_zoom("d-44").label == "50–41 BC"
    assert tl.parse_zoom("c-100").label == "100–1 BC"


def test_mod_narrows_the_span() -> None:
    assert tl.with_mod((1940.0, 1941.0), "END") == (1940.75, 1941.0)
    assert tl.with_mod((1930.0, 1940.0), "START") == (1930.0, 1932.5)
    assert tl.with_mod((1930.0, 1940.0), "APPROX") == (1930.0, 1940.0)
    assert tl.with_mod(None, "END") is None


def test_cited_pieces() -> None:
    from askwinston.web.views import cited_pieces

    line = "1st December 1934 Nikolaev walked in. Kirov was shot in his office."
    pieces = cited_pieces(line, ["1st December 1934 Nikolaev walked in.", "Kirov was shot"])
    assert [p["mark"] for p in pieces] == [True, False, True, False]
    assert "".join(p["text"] for p in pieces) == line
    assert cited_pieces("abc", ["zzz"]) == [{"text": "abc", "mark": True}]
