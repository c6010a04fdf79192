"""Turn a clause of the notes into a grammatical question, using its spaCy parse.

"Kirov was shot in his office" → "When was Kirov shot in his office?"; "Leonid Nikolaev walked
into the party headquarters" → "When did Leonid Nikolaev walk into the party headquarters?".
A clause the rules cannot turn cleanly gives None: a card is dropped rather than shipped bad.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from askwinston.study import templates as t

SUBJECT_DEPS = ("nsubj", "nsubjpass")
AUX_DEPS = ("aux", "auxpass", "neg")
QUOTED = re.compile(r"‘[^’]*’|“[^”]*”|\"[^\"]*\"")


def tidy(text: str) -> str:
    """One space between words, no space before punctuation, no dangling dash or comma."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?’”])", r"\1", text)
    return text.strip(" -–—,;:")


def remove_span(text: str, start: int, end: int) -> str:
    """The text without [start, end) and the preposition that introduced it."""
    before = text[:start].rstrip()
    words = before.split()
    if words and words[-1].lower() in t.DATE_PREPOSITIONS:
        before = before[: len(before) - len(words[-1])]
    return tidy(before + " " + text[end:].lstrip(" -–—,:"))


def dangling(text: str) -> bool:
    """True when the text leans on an earlier sentence ('They claimed…', 'after this')."""
    words = re.findall(r"[\w’']+", QUOTED.sub(" ", text).lower())
    return bool(words) and (
        words[0] in t.DANGLING_START or any(w in t.DANGLING_ANYWHERE for w in words)
    )


def root_of(doc: Doc | Span) -> Token | None:
    roots = [tok for tok in doc if tok.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX"):
        return None
    return roots[0]


def subject_of(root: Token) -> Token | None:
    return next((c for c in root.children if c.dep_ in SUBJECT_DEPS and c.i < root.i), None)


def subject_text(subject: Token) -> str:
    """The subject phrase; 'The government' → 'the government', '17th congress' → 'the 17th …'."""
    words = [tok for tok in subject.subtree if tok.dep_ != "appos" or tok.head != subject]
    text = " ".join(tok.text_with_ws.strip() for tok in words)
    text = tidy(text.replace(" ’s", "’s").replace(" 's", "'s"))
    first = words[0]
    if first.tag_ == "DT" and first.text[0].isupper():
        text = first.text.lower() + text[len(first.text) :]
    if re.match(r"\d+(st|nd|rd|th)\b", text):
        text = "the " + text
    return text


def cut_at_reason(text: str) -> str:
    """'removed on the grounds that …' → 'removed': a when-question needs no reason."""
    lower = text.lower()
    cuts = [lower.find(" " + m + " ") for m in t.REASON_MARKERS if " " + m + " " in lower]
    return text[: min(cuts)] if cuts else text


def _after(doc: Doc | Span, token: Token) -> str:
    start = token.idx + len(token.text) - doc[0].idx
    return tidy(doc.text[start:]).rstrip(".!?")


def question(doc: Doc | Span, wh: str) -> str | None:
    """A wh-question asking for what was removed from a declarative clause."""
    root = root_of(doc)
    subject = root and subject_of(root)
    if root is None or subject is None or subject.left_edge.i != doc[0].i:
        return None
    auxes = [c for c in root.children if c.dep_ in AUX_DEPS and subject.i < c.i < root.i]
    rest = cut_at_reason(" " + _after(doc, root) + " ").strip()
    subj = subject_text(subject)
    if auxes:
        middle = " ".join(tok.text for tok in [*auxes[1:], root])
        text = f"{wh} {auxes[0].text.lower()} {subj} {middle} {rest}"
    elif root.lemma_ == "be":
        text = f"{wh} {root.text.lower()} {subj} {rest}"
    elif root.tag_ in t.DO_SUPPORT:
        text = f"{wh} {t.DO_SUPPORT[root.tag_]} {subj} {root.lemma_} {rest}"
    else:
        return None
    text = tidy(text) + "?"
    if dangling(subj) or dangling(text) or len(text.split()) > t.MAX_QUESTION_WORDS:
        return None
    return text


def statement(doc: Doc | Span) -> str | None:
    """The clause as a short self-contained statement (an item to put in order)."""
    root = root_of(doc)
    subject = root and subject_of(root)
    if root is None or subject is None or subject.left_edge.i != doc[0].i:
        return None
    text = tidy(cut_at_reason(doc.text + " ")).rstrip(".!?")
    if re.match(r"\d+(st|nd|rd|th)\b", text):
        text = "the " + text
    text = text[0].upper() + text[1:]
    if dangling(text) or len(text.split()) > t.MAX_QUESTION_WORDS:
        return None
    return text


def passive_agent(doc: Doc | Span) -> tuple[Token, Token, Token] | None:
    """(patient, verb, agent) of 'X was replaced by Y', else None."""
    for tok in doc:
        if tok.tag_ != "VBN":
            continue
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        pobj = agent and next((c for c in agent.children if c.dep_ == "pobj"), None)
        if patient is not None and pobj is not None:
            return patient, tok, pobj
    return None
