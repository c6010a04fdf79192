"""Numbers with their hedge, value and what they count ("at least 3 million" executed).

The number is found by a pattern (rules in `quantity_rules`); what it counts is read from the
dependency tree of its clause: the noun it numbers ("15 out of 16 generals"), the "of" phrase it
heads ("17 of his group"), and the predicate it belongs to ("… were killed", "being deported from
Leningrad to Siberia", "had their membership cards taken away").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from askwinston.analysis import quantity_rules as rules
from askwinston.analysis.segments import Segment
from askwinston.model import Quantity, Sentence, Span, Timex


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def _is_not_a_count(m: re.Match[str], text: str, dates: list[tuple[int, int]]) -> bool:
    """Dates, years, ordinals and ages are numbers that count nothing."""
    if _overlaps((m.start("num"), m.end("num")), dates):
        return True
    if rules.ORDINAL_SUFFIX.match(text[m.end("num"):]):
        return True
    if rules.AGE_CONTEXT.search(text[: m.start()]) or rules.AGE_AFTER.match(text[m.end():]):
        return True
    if rules.ERA_AFTER.match(text[m.end():]) or rules.ERA_BEFORE.search(text[: m.start()]):
        return True
    if rules.MONTH_AFTER.match(text[m.end("num"):]) or rules.MONTH_BEFORE.search(
            text[: m.start("num")]):
        return True
    if _era_list_year(m, text):
        return True  # "in 55 and 54 BC": the first year of a list shares the era
    if rules.YEAR_RANGE_BEFORE.search(text[: m.start()]):
        return True  # "1937–38": the end of a range of years
    plain = not (m.group("hedge") or m.group("pct") or m.group("scale") or m.group("of"))
    return plain and bool(rules.YEAR.match(m.group("num")))


def _era_list_year(m: re.Match[str], text: str) -> bool:
    after = re.match(r"\s*(?:and|or|,)\s*(\d{1,4})", text[m.end():])
    return after is not None and bool(rules.ERA_AFTER.match(text[m.end() + after.end():]))


def _value(m: re.Match[str]) -> tuple[float, str | None, float | None]:
    value = float(m.group("num").replace(",", ""))
    if m.group("scale"):
        value *= rules.SCALES[m.group("scale").lower()]
    unit = "percent" if m.group("pct") else None
    if unit:
        value /= 100
    of = float(m.group("of").replace(",", "")) if m.group("of") else None
    return value, unit, of


def _segment_at(segments: list[Segment], pos: int) -> Segment | None:
    inside = [s for s in segments if s.offset <= pos < s.offset + len(s.doc.text)]
    return inside[-1] if inside else None


def _number_token(seg: Segment, pos: int, end: int) -> Token | None:
    """The token standing for the whole quantity: the top of the number's tokens."""
    toks = [t for t in seg.doc if pos <= seg.offset + t.idx < end]
    tops = [t for t in toks if t.head not in toks or t.head is t]
    return tops[0] if tops else None


def _words(tokens: list[Token]) -> str:
    toks = [t for t in sorted(set(tokens), key=lambda t: t.i)
            if (t.lower_ not in rules.COUNT_DROP_WORDS and t.pos_ not in ("PUNCT", "CCONJ"))
            or (t.lower_ in ("or", "and") and t.dep_ == "cc")]
    toks = [t for t in toks if t.ent_type_ not in ("DATE", "TIME")]
    kept = {t.i for t in toks}
    toks = [t for t in toks if not (t.pos_ == "ADP" and any(c.dep_ == "pobj" for c in t.children)
                                    and not any(c.i in kept for c in t.children))]
    words = [t.text for t in toks][: rules.MAX_COUNT_WORDS]
    while words and words[-1].lower() in ("or", "and", "of", "to"):
        words.pop()
    return " ".join(words)


def _predicate(verb: Token, exclude: set[int]) -> list[Token]:
    """A verb with what follows it (objects, complements, coordinated verbs), without its
    subject, auxiliaries, dates or the clauses hanging off it."""
    out = [verb]
    for child in verb.children:
        if child.i in exclude or child.dep_ in rules.PREDICATE_DROP_DEPS:
            continue
        if child.i < verb.i and child.dep_ not in ("neg", "prt"):
            continue
        out.extend(t for t in child.subtree if t.i not in exclude)
    return out


def _clean_subtree(tok: Token, skip_deps: tuple[str, ...]) -> list[Token]:
    """Tokens under `tok`, leaving out whole branches with the given dependencies."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in skip_deps:
            out.extend(_clean_subtree(child, skip_deps))
    return out


def _of_phrase(tok: Token) -> list[Token]:
    """ "17 of his group", "60% of those who had been party members in 1934" → the group."""
    out: list[Token] = []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        described = _described(pobj) if pobj.pos_ == "PRON" else None
        out.extend([prep, *(described or _clean_subtree(pobj, ("relcl", "acl")))])
    return out


def _described(pron: Token) -> list[Token] | None:
    """ "those who had been party members in 1934" → "party members in 1934"."""
    rel = next((c for c in pron.children if c.dep_ == "relcl"), None)
    if rel is None:
        return None
    attr = next((c for c in rel.children if c.dep_ == "attr"), None)
    if attr is None:
        return None
    preps = [t for c in rel.children if c.dep_ == "prep" for t in c.subtree]
    return [*_clean_subtree(attr, ("relcl", "acl")), *preps]


def _ratio_noun(num: Token) -> list[Token]:
    """ "15 out of 16 generals", "3 of the 5 marshals": the noun the ratio is of, no numbers."""
    for t in num.subtree:
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.pos_ in ("NOUN", "PROPN"):
            return [*(a for a in t.lefts if a.dep_ in ("amod", "compound")), t]
    return []


def counts(num: Token, ratio: bool = False) -> str | None:
    """What a number counts, as a short phrase from its clause's tree (`ratio`: the number is
    "X of the Y", so its of-phrase names the whole, not what is counted)."""
    counted = num.dep_ in ("nummod", "quantmod") and num.head.i > num.i  # a number precedes
    noun = num.head if counted else None  # what it counts; "the end 3 of …" is a misparse
    nominal = noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else num
    if nominal.dep_ == "pobj" and nominal.head.lower_ == "of" and nominal.head.head.i < num.i:
        outer = nominal.head.head  # "15 out of 16 generals": the 15 are the generals
        nominal = outer if outer.pos_ == "NUM" else nominal
    tokens: list[Token] = []
    if nominal is not num:
        tokens.extend(t for t in nominal.lefts if t.dep_ in ("amod", "compound"))
        tokens.append(nominal)
    elif ratio:
        tokens.extend(_ratio_noun(num))
    else:
        tokens.extend(_of_phrase(num))
    tokens.extend(c for c in num.children if c.dep_ == "amod" and c.i > num.i)  # "28,000 dead"
    tokens.extend(_verb_part(nominal, set(t.i for t in nominal.subtree)))
    phrase = _words(tokens)
    return phrase or None


def _verb_part(nominal: Token, own: set[int]) -> list[Token]:
    """The predicate a counted nominal takes part in."""
    for child in nominal.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return _predicate(child, set())
    gov = nominal
    while gov.dep_ == "conj":
        gov = gov.head
    head = gov.head
    if gov.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return _predicate(head, own | {t.i for t in gov.subtree})
    if gov.dep_ == "dobj":
        later = [t for t in head.subtree if t.tag_ == "VBN" and t.i > nominal.i]
        return [later[-1]] if later else []
    return []


def _word_numbers(sentence: Sentence, segments: list[Segment], taken: list[tuple[int, int]],
                  dates: list[tuple[int, int]]) -> list[Quantity]:
    """Spelled-out numbers that count a plural noun after them ("seven other commanders")."""
    out = []
    base = sentence.span.start
    for seg in segments:
        if seg.quoted or seg.label:
            continue
        for tok in seg.doc:
            value = rules.WORD_NUMBERS.get(tok.lower_)
            start = seg.offset + tok.idx
            span = (start, start + len(tok.text))
            if (value is None or tok.dep_ != "nummod" or tok.head.i < tok.i
                    or tok.head.tag_ not in ("NNS", "NNPS") or _overlaps(span, taken + dates)
                    or tok.ent_type_ in ("DATE", "TIME")):
                continue
            where = Span(sentence.span.source, sentence.span.line, base + span[0], base + span[1])
            out.append(Quantity(where, tok.text, float(value), counts(tok), None, None, None,
                                sentence.id))
    return out


def annotate_sentence(sentence: Sentence, segments: list[Segment],
                      timexes: list[Timex]) -> list[Quantity]:
    """Quantities in one sentence: value, hedge, "out of", unit and what they count."""
    base = sentence.span.start
    text = sentence.text
    dates = [(t.span.start - base, t.span.end - base) for t in timexes]
    out = []
    for m in rules.NUMBER.finditer(text):
        if _is_not_a_count(m, text, dates):
            continue
        value, unit, of = _value(m)
        seg = _segment_at(segments, m.start("num"))
        num = _number_token(seg, m.start("num"), m.end()) if seg else None
        what = counts(num, of is not None) if num is not None else None
        span = Span(sentence.span.source, sentence.span.line, base + m.start(), base + m.end())
        hedge = m.group("hedge").lower() if m.group("hedge") else None
        out.append(Quantity(span, m.group(0), value, what, hedge, of, unit, sentence.id))
    taken = [(q.span.start - base, q.span.end - base) for q in out]
    out.extend(_word_numbers(sentence, segments, taken, dates))
    return sorted(out, key=lambda q: q.span.start)
