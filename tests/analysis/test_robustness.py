"""Notes as students type them: whatever the text, analysis finishes and every span is honest."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from askwinston.analysis.pipeline import analyse_text

WORDS = ["Stalin", "Kirov’s", "General", "Petrov", "Petrow", "the", "was", "shot", "in", "1934",
         "at least", "3,000", "15 out of 16", "60%", "‘that traitor is gone’", '"we won"', "-",
         "→", "so", "because of", "He", "him", "Moscow", "NKVD", "Party", "17th", "Why did",
         "?", ":", ".", "'", "’", "II", "of the", "killed", "arrested by", "and", "Tsar"]

lines = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
notes = st.lists(lines, min_size=1, max_size=5).map(lambda ls: "Notes\n" + "\n".join(ls) + "\n")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
def test_any_notes_give_spans_that_point_at_their_text(text: str) -> None:
    k = analyse_text(text)
    source = k.notes[0].source.text
    for e in k.entities:
        for m in e.mentions:
            assert source[m.span.start:m.span.end] == m.text
    for q in k.quantities:
        assert source[q.span.start:q.span.end] == q.text
    for ev in k.events:
        assert 0 <= ev.span.start <= ev.span.end <= len(source)
    ids = {ev.id for ev in k.events}
    assert all(lk.cause_id in ids and lk.effect_id in ids for lk in k.links)
