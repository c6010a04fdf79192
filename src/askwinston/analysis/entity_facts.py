"""Roles ("the head of the NKVD") and fates ("replaced by Yezhov") of a named person."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from askwinston.analysis import entity_rules as rules
from askwinston.analysis.entity_evidence import (
    copula_role,
    governor,
    is_causative_patient,
    role_apposition,
    shared_verbs,
)
from askwinston.analysis.segments import Segment
from askwinston.model import Fact, Sentence, Span


def _phrase(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if len(toks) > rules.MAX_FACT_WORDS:
        toks = toks[: rules.MAX_FACT_WORDS]
    text = "".join(t.text_with_ws for t in toks).strip(" ,.;:")
    return re.sub(r"\s+", " ", text)


def _role_tokens(head: Token) -> list[Token] | None:
    for child in head.children:
        if role_apposition(child):
            return list(child.subtree)
    attr = copula_role(head)
    return list(attr.subtree) if attr is not None else None


def _fate_verbs(tok: Token) -> list[Token]:
    """Fate verbs whose patient this token is, with conjoined verbs ("found … and imprisoned")."""
    gov = governor(tok)
    verb = gov.head
    if verb.tag_ not in ("VBN", "VBD"):
        return []  # "a plot to murder Stalin": a plan, not what happened to him
    patient = gov.dep_ in ("nsubjpass", "dobj") or is_causative_patient(gov)
    subject = gov.dep_ in ("nsubj", "nsubjpass")
    out = []
    for v in shared_verbs(verb):
        if patient and v.lemma_ in rules.FATE_VERBS and (v.tag_ == "VBN" or gov.dep_ == "dobj"):
            out.append(v)
        elif subject and v.lemma_ in rules.DEATH_VERBS:
            out.append(v)  # "… and died the next day"
    return out


def _short_place_or_manner(child: Token, verb: Token) -> bool:
    """ "in his office": a short prepositional phrase after the verb that is not a date."""
    subtree = list(child.subtree)
    return (child.dep_ == "prep" and len(subtree) <= 4 and child.i > verb.i
            and not any(t.ent_type_ in ("DATE", "TIME") for t in subtree))


def _fate_text(verb: Token) -> str:
    """ "shot in his office", "replaced by Yezhov", "found guilty of …"."""
    keep = [verb]
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "prt", "agent") or _short_place_or_manner(child, verb):
            keep.extend(child.subtree)
    return _phrase(keep)


def span_of(tokens: list[Token], segment: Segment, sentence: Sentence) -> Span:
    start = segment.start_of(tokens[0].i, sentence)
    last = tokens[-1]
    end = segment.start_of(last.i, sentence) + len(last.text)
    return Span(sentence.span.source, sentence.span.line, start, end)


def name_facts(head: Token, segment: Segment, sentence: Sentence) -> list[Fact]:
    out = []
    role = _role_tokens(head)
    if role:
        toks = sorted(role, key=lambda t: t.i)
        out.append(Fact("role", _phrase(toks), span_of(toks, segment, sentence), sentence.id))
    for verb in _fate_verbs(head):
        span = span_of([verb], segment, sentence)
        out.append(Fact("fate", _fate_text(verb), span, sentence.id))
    return out


def pronoun_facts(segment: Segment, sentence: Sentence) -> list[tuple[Token, list[Fact]]]:
    """Fates of "he"/"him" in a clause, to be given to the person the pronoun stands for."""
    out = []
    for tok in segment.doc:
        lower = tok.lower_
        if lower in rules.SUBJECT_PRONOUNS or lower in rules.OBJECT_PRONOUNS:
            facts = [Fact("fate", _fate_text(v), span_of([v], segment, sentence), sentence.id)
                     for v in _fate_verbs(tok)]
            if facts:
                out.append((tok, facts))
    return out


def plural_fates(sentence: Sentence, segments: list[Segment]) -> list[Fact]:
    """Fates of "they"/"them" ("They were found guilty and shot"): the people they stand for
    are found across the notes (`entities.resolve`), so these facts wait without an owner."""
    out: list[Fact] = []
    for segment in segments:
        if segment.quoted or segment.label:
            continue
        for tok in segment.doc:
            if tok.lower_ in rules.PLURAL_PRONOUNS:
                out.extend(Fact("fate", _fate_text(v), span_of([v], segment, sentence),
                                sentence.id) for v in _fate_verbs(tok))
    return out
