"""Roles ('Who was Yagoda?'), agents ('Who replaced Yagoda …?') and who's who matching."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from askwinston.study import templates as t
from askwinston.study.card import Card, chunks, cloze, make_card, mcq_of, topic
from askwinston.study.context import Clause, Context, Item
from askwinston.study.distractors import choose
from askwinston.study.questions import (
    dangling,
    passive_agent,
    tidy,
)


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
        kb_roles = [(n, r) for n, r in ctx.kb_roles(clause) if mentions_role(r)]
        for name, role in found + kb_roles:
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
    asked: set[str] = set()
    for name, role, clause in facts:
        if name not in asked:  # one 'Who was X?' a person: two answers would confuse
            asked.add(name)
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
    return cards + match_cards(ctx, facts) + name_clozes(ctx)


def match_cards(ctx: Context, facts: list[tuple[str, str, Clause]]) -> list[Card]:
    cards = []
    by_topic: dict[str, list[tuple[str, str, Clause]]] = {}
    for fact in facts:
        group = by_topic.setdefault(topic(fact[2].source), [])
        if all(fact[0] != f[0] for f in group):
            group.append(fact)
    for group_facts in by_topic.values():
        for group in chunks(group_facts, t.MATCH_MIN, t.MATCH_MAX):
            pairs = tuple(f"{name} — {role}" for name, role, _ in group)
            clauses = tuple(c for _, _, c in group)
            cards.append(make_card(ctx, "whoswho", clauses[0], t.ASK_MATCH, "; ".join(pairs),
                                   pairs, template="match", also=clauses[1:]))
    return cards




def subject_name(ctx: Context, clause: Clause) -> Item | None:
    """The named person doing the main verb of the clause, as an item to gap out."""
    doc = ctx.parse(clause.text)
    root = next((tok for tok in doc if tok.dep_ == "ROOT" and tok.pos_ in ("VERB", "AUX")), None)
    subject = root and next(
        (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"),
        None,
    )
    if subject is None or not is_person(ctx, doc, subject):
        return None
    name = full_name(subject)
    start = doc[subject.i - len(name.split()) + 1].idx
    if clause.text.count(name.split()[-1]) != 1:
        return None  # named twice: the gap would give itself away
    a = clause.start + start
    return Item("person", name, clause.source, clause.line, a, a + len(name))


def name_clozes(ctx: Context) -> list[Card]:
    """'1st December 1934 _____ walked into the party headquarters in Leningrad.'"""
    cards = []
    for clause in ctx.clauses:
        if len(clause.text.split()) < t.CLAUSE_ALONE_WORDS or clause.rewritten:
            continue
        item = subject_name(ctx, clause) if clause.text in ctx.docs else None
        card = cloze(ctx, clause, item, "name") if item else None
        cards += [card] if card else []
    return cards
