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


def introduces_list(text: str) -> bool:
    """'Two branches of the royal family, both descended from Edward III:' heads a list."""
    return text.rstrip().endswith(":")


def dangling(text: str) -> bool:
    """True when the text leans on an earlier sentence ('They claimed…', 'after this')."""
    words = re.findall(r"[\w’']+", QUOTED.sub(" ", text).lower())
    plain = QUOTED.sub(" ", text)
    relative = t.DANGLING_PHRASES.search(plain)
    if relative and not t.ANCHOR.search(plain[: relative.start()]):
        return True
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


def subject_text(subject: Token) -> str | None:
    """The subject phrase without appositions or comma asides ('Trotsky, in exile in Mexico,'
    → 'Trotsky'); 'The government' → 'the government'; '17th congress' → 'the 17th congress'.
    None when the phrase holds a verb (a misparse: 'Warwick changed sides')."""
    appos = {w.i for c in subject.children if c.dep_ == "appos" for w in c.subtree}
    words = [tok for tok in subject.subtree if tok.i not in appos]
    comma = next((k for k, tok in enumerate(words) if tok.text == ","), None)
    words = words[:comma] if comma else words
    if not words or any(tok.pos_ in ("VERB", "AUX") for tok in words):
        return None
    text = tidy("".join(tok.text_with_ws for tok in words))
    first = words[0]
    if first.tag_ == "DT" and first.text[0].isupper():
        text = first.text.lower() + text[len(first.text) :]
    if re.match(r"\d+(st|nd|rd|th)\b", text):
        text = "the " + text
    return text


def first_predicate_end(root: Token) -> int | None:
    """Where a second verb joined to the main one starts ('… and shot Kirov dead'): its index."""
    conj = next((c for c in root.rights if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), None)
    if conj is None:
        return None
    start = conj.left_edge.i
    doc = root.doc
    while start - 1 > root.i and doc[start - 1].dep_ in ("cc", "punct") and doc[start - 1].head in (
        root, conj
    ):
        start -= 1
    return start


def cut_at_reason(text: str) -> str:
    """'removed on the grounds that …' → 'removed': a when-question needs no reason."""
    lower = text.lower()
    cuts = [lower.find(" " + m + " ") for m in t.REASON_MARKERS if " " + m + " " in lower]
    return text[: min(cuts)] if cuts else text


def _after(doc: Doc | Span, token: Token, stop: int | None = None) -> str:
    start = token.idx + len(token.text) - doc[0].idx
    end = doc[stop].idx - doc[0].idx if stop is not None and stop < len(doc) else len(doc.text)
    return tidy(doc.text[start:end]).rstrip(".!?")


def question(doc: Doc | Span, wh: str) -> str | None:
    """A wh-question asking for what was removed from a declarative clause."""
    root = root_of(doc)
    subject = root and subject_of(root)
    if root is None or subject is None or subject.left_edge.i != doc[0].i:
        return None
    subj = subject_text(subject)
    if subj is None:
        return None
    between = [tok for tok in doc[subject.right_edge.i + 1 : root.i]]
    auxes = [tok for tok in between if tok.dep_ in AUX_DEPS and tok.head == root]
    adverbs = [tok for tok in between if tok.dep_ == "advmod" and tok.head == root]
    if len(auxes) + len(adverbs) != len(between):
        return None
    rest = cut_at_reason(" " + _after(doc, root, first_predicate_end(root)) + " ").strip()
    if auxes:
        middle = " ".join(tok.text for tok in [*adverbs, *auxes[1:], root])
        text = f"{wh} {auxes[0].text.lower()} {subj} {middle} {rest}"
    elif root.lemma_ == "be":
        text = f"{wh} {root.text.lower()} {subj} {' '.join(a.text for a in adverbs)} {rest}"
    elif root.tag_ in t.DO_SUPPORT:
        verb = " ".join([*(a.text for a in adverbs), root.lemma_])
        text = f"{wh} {t.DO_SUPPORT[root.tag_]} {subj} {verb} {rest}"
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
    stop = first_predicate_end(root)
    body = doc.text[: doc[stop].idx - doc[0].idx] if stop is not None else doc.text
    text = tidy(cut_at_reason(body + " ")).rstrip(".!?")
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
