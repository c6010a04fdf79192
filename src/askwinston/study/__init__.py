"""Study: cards from the notes, FSRS scheduling, lenient answer checks.

- `cards.generate_cards(conn) -> list[Card]` — qa, cloze, mcq, order, whoswho; each cites a line.
- `session.StudySession(db, now=None, new_per_day=20)` — `next_card()`, `check_answer(card, given)`,
  `review(card_id, rating, given=None, duration_ms=None)`, `progress()`; `shown_options(card)`
  gives the order in which a learner sees the options of mcq, order and who's-who cards.
- `gate.run(db, cards)` — ask every question card back through the ask engine.
"""
