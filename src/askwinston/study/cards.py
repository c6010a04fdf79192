"""Study cards generated from the knowledge base — never from outside knowledge.

Kinds: "qa" (question → short answer), "cloze" (one gap: a date, number or name), "mcq" (four
options), "order" (3–5 dated events), "whoswho" (people matched to roles). Every card cites the
line it comes from; its id derives from kind, source, line text and answer, so a rebuild keeps a
learner's progress and a changed line gives a new card (the old one is retired).
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
import sqlite3
from dataclasses import dataclass, replace
from typing import TypeVar

from spacy.tokens import Doc, Token

from askwinston.analysis.timex import sort_key
from askwinston.model import stable_id
from askwinston.study import templates as t
from askwinston.study.answers import edit_distance
from askwinston.study.context import Clause, Context, Item
from askwinston.study.distractors import choose, scaled_numbers, shifted_dates
from askwinston.study.questions import (
    cut_at_reason,
    dangling,
    passive_agent,
    question,
    remove_span,
    statement,
    tidy,
)

T = TypeVar("T")
E = TypeVar("E", bound=tuple[tuple[int, int, int], str, Clause])


@dataclass(frozen=True)
class Card:
    """One study card. `options`: mcq choices (incl. the answer); order: items in the right
    order; whoswho: "name — role" pairs. `fingerprint` hashes the cited line text."""

    id: str
    kind: str
    question: str
    answer: str
    options: tuple[str, ...]
    source: str
    line: int
    sentence: str
    fingerprint: str


def fingerprint(*line_texts: str) -> str:
    return hashlib.sha1("\n".join(line_texts).encode("utf-8")).hexdigest()[:16]


def make_card(
    ctx: Context,
    kind: str,
    clause: Clause,
    q: str,
    answer: str,
    options: tuple[str, ...] = (),
    template: str = "",
    lines: tuple[int, ...] = (),
) -> Card:
    texts = [ctx.line_text(clause.source, n) for n in (lines or (clause.line,))]
    cid = stable_id("card", kind, template, clause.source, *texts, q, answer)
    return Card(
        cid, kind, q, answer, options, clause.source, clause.line, clause.sentence,
        fingerprint(*texts),
    )


def glued(text: str, a: int, b: int) -> bool:
    """An item that is part of a bigger token: '1800' of '1800s', '38' of '1937–38'."""
    left, right = text[max(0, a - 2) : a], text[b : b + 2]
    return bool(re.match(r"\w|[–-]\d", right) or re.search(r"(\w|\d[–-])$", left))


def cloze(ctx: Context, clause: Clause, item: Item, template: str) -> Card | None:
    """The clause (or its whole sentence when the clause is short) with one gap."""
    if glued(clause.text, item.start - clause.start, item.end - clause.start):
        return None
    text, start = clause.text, clause.start
    if len(text.split()) < t.CLAUSE_ALONE_WORDS and not clause.rewritten:
        text, start = clause.sentence, clause.sentence_start
    a, b = item.start - start, item.end - start
    lead = ctx.lead_in(clause) if dangling(text.split()[0]) else ""
    if a < 0 or b > len(text) or len(text.split()) > t.MAX_CLOZE_WORDS:
        return None
    if lead:
        text, a, b = lead + " " + text, a + len(lead) + 1, b + len(lead) + 1
    q = tidy(text[:a] + t.CLOZE_GAP + text[b:])
    if len(q.split()) < t.MIN_CLOZE_WORDS and text != clause.sentence and not clause.rewritten:
        s = clause.sentence
        a, b = item.start - clause.sentence_start, item.end - clause.sentence_start
        q = tidy(s[:a] + t.CLOZE_GAP + s[b:])
    check = " ".join(q[len(lead) :].split()[1:]) if lead and q.startswith(lead) else q
    if len(q.split()) < t.MIN_CLOZE_WORDS or (check and dangling(check)):
        return None
    q = q[0].upper() + q[1:]
    return make_card(ctx, "cloze", clause, q, item.text, template=template)


def mcq_of(card: Card, options: tuple[str, ...]) -> Card | None:
    if not options:
        return None
    return replace(card, id=stable_id("mcq", card.id), kind="mcq", options=options)


# --- dates -------------------------------------------------------------------------------------


def date_question(ctx: Context, clause: Clause, date: Item) -> str | None:
    """'When …?' from a clause whose date opens or closes it (not one buried inside)."""
    a, b = date.start - clause.start, date.end - clause.start
    before = clause.text[:a].split()
    after = clause.text[b:].strip(" .,;")
    if any(w.lower() in t.TIME_RELATIONS for w in before[-t.RELATION_WINDOW :]):
        return None
    opens = len(before) <= 1 and (not before or before[0].lower() in t.DATE_PREPOSITIONS)
    if not opens and after and not modifies_verb(ctx.parse(clause.text), a, b):
        return None
    body = remove_span(clause.text, a, b)
    return question(ctx.parse(body), t.WH_WORD["date"])


def modifies_verb(doc: Doc, a: int, b: int) -> bool:
    """True when the date at [a, b) dates the main verb ('was crowned on 25 December 1066 in …')."""
    inside = [tok for tok in doc if a <= tok.idx < b]
    heads = [tok for tok in inside if not a <= tok.head.idx < b]
    if len(heads) != 1:
        return False
    head = heads[0]
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head
    return head.head.dep_ == "ROOT" and head.head.pos_ in ("VERB", "AUX")


def nearest(items: list[Item], keys: list[float], key: float) -> list[Item]:
    """Up to POOL_SIZE items around `key` in a list sorted by `keys`, nearest first."""
    at = bisect.bisect_left(keys, key)
    window = range(max(0, at - t.POOL_SIZE), min(len(items), at + t.POOL_SIZE))
    return [items[i] for i in sorted(window, key=lambda i: abs(keys[i] - key))]


def date_pool(ctx: Context, date: Item) -> list[str]:
    """The notes' other dates, nearest in time first."""
    items, keys = ctx.sorted_pool("date", date.source, None)
    return [d.answer for d in nearest(items, keys, date.year) if d.value != date.value]


def date_cards(ctx: Context) -> list[Card]:
    cards: list[Card] = []
    for clause in ctx.clauses:
        for date in clause.dates:
            card = cloze(ctx, clause, date, "date")
            cards += [card] if card else []
        for date, inherited in clause.when():
            q = date_question(ctx, clause, date) if not inherited else inherited_question(
                ctx, clause
            )
            if q is None:
                continue
            qa = make_card(ctx, "qa", clause, q, date.answer, template="when")
            cards.append(qa)
            options = choose(date.answer, date_pool(ctx, date), shifted_dates(date.answer), qa.id)
            mcq = mcq_of(qa, options)
            cards += [mcq] if mcq else []
    return cards


def inherited_question(ctx: Context, clause: Clause) -> str | None:
    """'Kirov was shot in his office.' after '1st December 1934 …' on the same line."""
    doc = ctx.parse(clause.text)
    subject = next((tok for tok in doc if tok.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    if not any(tok.dep_ == "ROOT" and tok.tag_ in ("VBD", "VBN") and tok.lemma_ != "be"
               for tok in doc):
        return None
    return question(doc, t.WH_WORD["date"])


# --- quantities --------------------------------------------------------------------------------


def quantity_question(ctx: Context, clause: Clause, q: Item) -> str | None:
    """'How many people were deported …?' when the number opens its clause."""
    a, b = q.start - clause.start, q.end - clause.start
    if clause.text[:a].strip():
        return None
    rest = cut_at_reason(" " + clause.text[b:] + " ").strip().rstrip(".!?")
    doc = ctx.parse(clause.text)
    after = next((tok for tok in doc if tok.idx >= b and not tok.is_space), None)
    if after is None:
        return None
    if q.row.get("unit") == "percent":
        text = f"{t.WH_WORD['percent']} {rest}?"
    elif after.pos_ in ("NOUN", "PROPN"):
        text = f"{t.WH_WORD['quantity']} {rest}?"
    elif after.pos_ in ("VERB", "AUX"):
        text = f"{t.WH_WORD['quantity']} {t.PEOPLE_NOUN} {rest}?"
    else:
        return None
    text = tidy(text[:-1]) + "?"
    if dangling(rest) or len(text.split()) > t.MAX_QUESTION_WORDS:
        return None
    return text


def bare_number(ctx: Context, clause: Clause, q: Item) -> bool:
    """'13 of the 17 were sentenced': no noun says what is counted before the verb."""
    doc = ctx.parse(clause.text)
    end = q.end - clause.start
    for tok in doc:
        if tok.idx < end:
            continue
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return True
    return True


def quantity_pool(ctx: Context, q: Item) -> list[str]:
    """Other numbers of the notes counting in the same unit, within ~10x, nearest first."""
    items, keys = ctx.sorted_pool("quantity", q.source, q.row.get("unit"))
    key = magnitude(q)
    return [x.answer for x in nearest(items, keys, key)
            if x is not q and abs(magnitude(x) - key) <= t.SAME_ORDER]


def magnitude(q: Item) -> float:
    return math.log10(max(float(q.row.get("value") or 0), 1e-9))


def quantity_cards(ctx: Context) -> list[Card]:
    cards: list[Card] = []
    for clause in ctx.clauses:
        for q in clause.quantities:
            card = None if bare_number(ctx, clause, q) else cloze(ctx, clause, q, "number")
            cards += [card] if card else []
            text = quantity_question(ctx, clause, q)
            if text is None:
                continue
            qa = make_card(ctx, "qa", clause, text, q.answer, template="how-many")
            cards.append(qa)
            mcq = mcq_of(qa, choose(q.answer, quantity_pool(ctx, q), scaled_numbers(q.answer),
                                    qa.id))
            cards += [mcq] if mcq else []
    return cards


# --- quotes ------------------------------------------------------------------------------------


def named_in(name: str, text: str) -> bool:
    """True when the text names this person (in any spelling close to it)."""
    words = re.findall(r"\w+", text.lower())
    return any(
        edit_distance(part, w) <= (2 if len(part) > 4 else 0)
        for part in name.lower().split()
        for w in words
    )


def speaker_of(ctx: Context, clause: Clause, quote: Item) -> str | None:
    """Who said the quote: the named subject of a speech verb before it ('Odo said'), else
    (note style, no speech verb) the person named last before it who is not named inside it,
    nor the object of a preposition ('the bishop of Bayeux')."""
    body = quote.row.get("text") or quote.text
    before = clause.text[: max(0, quote.start - clause.start)]
    doc = ctx.parse(before)
    if any(tok.lemma_.lower() in t.SPEECH_VERBS and tok.pos_ == "VERB" for tok in doc):
        name = speech_subject(doc)
        return name if name and not named_in(name, body) else None
    names = ctx.person_names() | {e.text for e in doc.ents if e.label_ == "PERSON"}
    names |= {name for name, _ in roles_in(ctx, clause)}
    names |= {full_name(tok) for tok in doc if tok.dep_ == "nsubj" and tok.pos_ == "PROPN"}
    names -= ctx.non_person_names()
    kb_speaker = quote.row.get("speaker")
    ranked = sorted(
        ((before.rfind(n), n) for n in names if re.search(rf"\b{re.escape(n)}\b", before)),
        reverse=True,
    )
    names_in_order = [n for _, n in ranked] + ([kb_speaker] if kb_speaker else [])
    fit = [n for n in names_in_order if not named_in(n, body)]
    fit = [n for n in fit if role_of_name(doc, before, n) not in t.NOT_SPEAKER_DEPS]
    subjects = [n for n in fit if role_of_name(doc, before, n) in ("nsubj", "nsubjpass")]
    return (subjects or fit or [None])[0]


def role_of_name(doc: Doc, text: str, name: str) -> str:
    """The dependency of the last word of the name's last mention ('Stalin' in 'sent Stalin')."""
    at = text.rfind(name) + len(name)
    return next((tok.dep_ for tok in doc if tok.idx + len(tok.text) == at), "")


def speech_subject(doc: Doc) -> str | None:
    """'Stalin said' → 'Stalin': the named subject of the last speech verb (None if unnamed)."""
    verbs = [tok for tok in doc if tok.lemma_.lower() in t.SPEECH_VERBS and tok.pos_ == "VERB"]
    for verb in reversed(verbs):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return full_name(subject) if subject.pos_ == "PROPN" else None
    return None


def short_quote(body: str) -> str:
    words = body.split()
    return body if len(words) <= 25 else " ".join(words[:20]) + " …"


def quote_cards(ctx: Context) -> list[Card]:
    cards: list[Card] = []
    for clause in ctx.clauses:
        for quote in clause.quotes:
            body = (quote.row.get("text") or quote.text).strip()
            speaker = speaker_of(ctx, clause, quote)
            if speaker:
                qa = make_card(ctx, "qa", clause, t.ASK_WHO_SAID.format(quote=short_quote(body)),
                               speaker, template="who-said")
                cards.append(qa)
                mcq = mcq_of(qa, choose(speaker, ctx.person_pool(clause.source), [], qa.id,
                                        same_form=False))
                cards += [mcq] if mcq else []
            words = body.rstrip(" .!?,").split()
            if len(words) >= t.MIN_QUOTE_WORDS:
                cut = max(3, len(words) // 4)
                by = f" ({speaker})" if speaker else ""
                q = t.ASK_QUOTE_END.format(by=by, start=" ".join(words[:-cut]))
                cards.append(make_card(ctx, "cloze", clause, q, " ".join(words[-cut:]),
                                       template="quote"))
    return cards


# --- people ------------------------------------------------------------------------------------


def role_phrase(tok: Token) -> str | None:
    """'the head of the NKVD' when the token heads a role noun phrase."""
    if tok.lemma_.lower() not in t.ROLE_HEADS and not any(
        c.dep_ == "compound" and c.lemma_.lower() in t.ROLE_HEADS for c in tok.children
    ):
        return None
    words = [w for w in tok.subtree if not (w.dep_ in ("relcl", "acl") or w.is_punct)]
    text = tidy(" ".join(w.text for w in words).replace(" ’s", "’s"))
    return text if 2 <= len(text.split()) <= 12 and not dangling(text) else None


def full_name(tok: Token) -> str:
    """'Hardrada' with its compound 'Harald' → 'Harald Hardrada'."""
    parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return " ".join(w.text for w in [*parts, tok])


def is_person(ctx: Context, doc: Doc, tok: Token) -> bool:
    """A proper noun the knowledge base or spaCy takes for a person (and nobody for a place)."""
    name = full_name(tok)
    if name in ctx.non_person_names():
        return False
    ents = {e.text for e in doc.ents if e.label_ == "PERSON"}
    return name in ctx.person_names() or name in ents or tok.text in ents


ROLE_WORD = re.compile(r"(?i)\b(?:" + "|".join(sorted(t.ROLE_HEADS)) + r")s?\b")


def mentions_role(text: str) -> bool:
    return ROLE_WORD.search(text) is not None


def roles_in(ctx: Context, clause: Clause) -> list[tuple[str, str]]:
    """(person, role) from 'Yagoda the head of the NKVD' and 'Rytov was head of …'."""
    doc = ctx.parse(clause.text)
    found = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ == "compound":
            continue
        for child in tok.children:
            if child.dep_ == "appos" and (role := role_phrase(child)):
                found.append((full_name(tok), role))
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # a role noun: a person
            for attr in (c for c in tok.head.children if c.dep_ == "attr"):
                if role := role_phrase(attr):
                    found.append((full_name(tok), role))
    return found


def role_facts(ctx: Context) -> list[tuple[str, str, Clause]]:
    """Every (person, role, clause), from the notes' parse and the knowledge base's facts."""
    seen: set[tuple[str, str]] = set()
    out = []
    for clause in ctx.clauses:
        found = roles_in(ctx, clause) if mentions_role(clause.text) else []
        for name, role in found + ctx.kb_roles(clause):
            if (name, role.lower()) not in seen and role in clause.text:
                seen.add((name, role.lower()))
                out.append((name, role, clause))
    return out


def agent_question(ctx: Context, clause: Clause, roles: dict[str, str]) -> tuple[str, str] | None:
    """'he was replaced by Yezhov' in a sentence about Yagoda → ('Who replaced Yagoda …?', …)."""
    doc = ctx.parse(clause.text)
    found = passive_agent(doc)
    if found is None:
        return None
    patient, verb, agent = found
    if agent.pos_ != "PROPN" or full_name(agent) in ctx.non_person_names():
        return None
    if patient.pos_ == "PRON":
        main = next((tok for tok in doc if tok.dep_ in ("nsubj", "nsubjpass")
                     and tok.head.dep_ == "ROOT"), None)
        if main is None or main.pos_ != "PROPN" or main.i > patient.i:
            return None
        patient = main
    if patient.pos_ != "PROPN" or not (is_person(ctx, doc, patient) or full_name(patient) in roles):
        return None
    name = full_name(patient)
    role = roles.get(name)
    tail = f" as {re.sub(r'^the ', '', role)}" if role and verb.text in t.REPLACE_VERBS else ""
    return f"Who {verb.text} {name}{tail}?", full_name(agent)


def people_cards(ctx: Context) -> list[Card]:
    cards: list[Card] = []
    facts = role_facts(ctx)
    roles = {name: role for name, role, _ in facts}
    for name, role, clause in facts:
        cards.append(make_card(ctx, "qa", clause, t.ASK_WHO_WAS.format(name=name), role,
                               template="who-was"))
    for clause in ctx.clauses:
        found = agent_question(ctx, clause, roles) if " by " in clause.text else None
        if found is None:
            continue
        qa = make_card(ctx, "qa", clause, found[0], found[1], template="who-agent")
        cards.append(qa)
        mcq = mcq_of(qa, choose(found[1], ctx.person_pool(clause.source), [], qa.id,
                                same_form=False))
        cards += [mcq] if mcq else []
    return cards + match_cards(ctx, facts)


def chunks(items: list[T], low: int, high: int) -> list[list[T]]:
    """Consecutive groups of `high` (the last one merged or dropped to stay within low..high)."""
    groups = [items[i : i + high] for i in range(0, len(items), high)]
    if len(groups) > 1 and len(groups[-1]) < low:
        tail = groups.pop()
        room = high + 1 - len(groups[-1])
        groups[-1].extend(tail[: max(0, room - 1)])
    return [g for g in groups if low <= len(g) <= high]


def match_cards(ctx: Context, facts: list[tuple[str, str, Clause]]) -> list[Card]:
    cards = []
    by_source: dict[str, list[tuple[str, str, Clause]]] = {}
    for fact in facts:
        if all(fact[0] != f[0] for f in by_source.get(fact[2].source, [])):
            by_source.setdefault(fact[2].source, []).append(fact)
    for group_facts in by_source.values():
        for group in chunks(group_facts, t.MATCH_MIN, t.MATCH_MAX):
            pairs = tuple(f"{name} — {role}" for name, role, _ in group)
            first = group[0][2]
            lines = tuple(dict.fromkeys(c.line for _, _, c in group))
            cards.append(make_card(ctx, "whoswho", first, t.ASK_MATCH, "; ".join(pairs), pairs,
                                   template="match", lines=lines))
    return cards


# --- reasons -----------------------------------------------------------------------------------


def reason_cards(ctx: Context) -> list[Card]:
    """'Why had the government’s popularity fallen by the summer of 1930?' → 'because of …'."""
    cards = []
    for clause in ctx.clauses:
        lower = clause.text.lower()
        hits = [(lower.find(" " + m + " "), m) for m in t.REASON_MARKERS if f" {m} " in lower]
        if not hits:
            continue
        at, _ = min(hits)
        left, answer = clause.text[:at], tidy(clause.text[at:]).rstrip(".!?")
        if len(answer.split()) > t.MAX_REASON_WORDS or dangling(answer.split()[-1]):
            continue
        tail = ""
        date = next((d for d in clause.dates if d.end - clause.start <= at), None)
        if date is not None:
            a, b = date.start - clause.start, date.end - clause.start
            words = left[:a].split()
            if len(words) > 1:
                continue
            tail = " " + tidy(left[: b]) if words else " in " + date.text
            left = remove_span(left, a, b)
        q = question(ctx.parse(left), t.WH_WORD["reason"])
        if q is not None:
            cards.append(make_card(ctx, "qa", clause, q[:-1] + tail + "?", answer,
                                   template="why"))
    return cards


# --- order -------------------------------------------------------------------------------------


def dated_statements(ctx: Context) -> list[tuple[tuple[int, int, int], str, Clause]]:
    out = []
    for clause in ctx.clauses:
        for date, inherited in clause.when():
            if inherited or date_question(ctx, clause, date) is None:
                continue
            a, b = date.start - clause.start, date.end - clause.start
            text = statement(ctx.parse(remove_span(clause.text, a, b)))
            if text is not None and "/" not in date.value:
                out.append((sort_key(date.value, date.row.get("mod")), text, clause))
    return out


def unambiguous(events: list[E]) -> list[E]:
    """Drop an event a learner could not place: same year as the last, and a month missing."""
    kept: list[E] = []
    for event in events:
        last = kept[-1][0] if kept else None
        if last is not None and last[0] == event[0][0] and 0 in (last[1], event[0][1]):
            continue
        kept.append(event)
    return kept


def order_cards(ctx: Context) -> list[Card]:
    cards = []
    by_source: dict[str, list[tuple[tuple[int, int, int], str, Clause]]] = {}
    for key, text, clause in sorted(dated_statements(ctx), key=lambda x: x[0]):
        group = by_source.setdefault(clause.source, [])
        if all(key != k for k, _, _ in group):
            group.append((key, text, clause))
    for events in by_source.values():
        for group in chunks(unambiguous(events), t.ORDER_MIN, t.ORDER_MAX):
            items = tuple(text for _, text, _ in group)
            lines = tuple(dict.fromkeys(c.line for _, _, c in group))
            cards.append(make_card(ctx, "order", group[0][2], t.ASK_ORDER, " → ".join(items),
                                   items, template="order", lines=lines))
    return cards


# --- all ---------------------------------------------------------------------------------------

def worth_parsing(c: Clause) -> bool:
    """A clause some generator will read: it holds an item, an agent, a role or a reason."""
    if c.dates or c.quantities or c.quotes or c.inherited or " by " in c.text:
        return True
    return mentions_role(c.text) or any(f" {m} " in c.text for m in t.REASON_MARKERS)


def texts_to_parse(ctx: Context) -> list[str]:
    """Every text the generators will parse, so spaCy sees them in one batch (much faster)."""
    texts = []
    for c in ctx.clauses:
        if worth_parsing(c):
            texts.append(c.text)
        for d in c.dates[:1]:
            texts.append(remove_span(c.text, d.start - c.start, d.end - c.start))
        texts += [c.text[: max(0, q.start - c.start)] for q in c.quotes]
    return texts


GENERATORS = (date_cards, quantity_cards, quote_cards, people_cards, reason_cards, order_cards)


def generate_cards(conn: sqlite3.Connection) -> list[Card]:
    """Every card the notes support, in reading order, without duplicates."""
    ctx = Context.load(conn)
    ctx.preparse(texts_to_parse(ctx))
    seen: dict[str, Card] = {}
    for generator in GENERATORS:
        for card in generator(ctx):
            seen.setdefault(card.id, card)
    return sorted(seen.values(), key=lambda c: (ctx.source_order(c.source), c.line, KINDS.index(
        c.kind)))


KINDS = ("qa", "mcq", "cloze", "whoswho", "order")
