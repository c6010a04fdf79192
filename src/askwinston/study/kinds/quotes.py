"""Who-said questions and quote completions."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from askwinston.study import templates as t
from askwinston.study.answers import edit_distance
from askwinston.study.card import Card, make_card, mcq_of
from askwinston.study.context import Clause, Context, Item
from askwinston.study.distractors import choose
from askwinston.study.kinds.people import full_name, roles_in


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
    if not is_speech(ctx, body) or any(
        tok.tag_ == "VBN" and tok.lemma_.lower() in t.NAMING_VERBS for tok in doc
    ):
        return None
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


def is_speech(ctx: Context, body: str) -> bool:
    """Quoted words someone said hold a verb; 'enemies of the people' is a phrase in quotes."""
    return any(tok.pos_ in ("VERB", "AUX") for tok in ctx.parse(body))


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


