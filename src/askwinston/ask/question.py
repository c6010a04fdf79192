"""Question analysis: what kind of answer is wanted, what the question is about, and its limits.

Pure and cheap (regular expressions and a stemmer, no spaCy), so asking never loads a model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from askwinston.analysis import timex
from askwinston.ask import rules
from askwinston.ask.synonyms import PHRASES
from askwinston.ask.text import STOPWORDS, stem, tokenize

QUOTED = re.compile(r"['‘“\"](?P<q>[^'’”\"]{3,})['’”\"]")
"""Quoted words in a question: "Who said 'that scoundrel'?" """


@dataclass(slots=True)
class Question:
    """A question understood: type, content stems in order, quoted text, dates, succession."""

    text: str
    kind: str  # date | number | person | place | reason | quote | manner | list | description
    stems: list[str]  # content stems, in the order the student wrote them
    words: list[str]  # the same words as written
    quoted: str = ""
    dates: list[str] = field(default_factory=list)  # TIMEX values the question names
    date_texts: list[str] = field(default_factory=list)
    succession: str = ""  # successor | predecessor | ""
    wants_percent: bool = False
    head: list[str] = field(default_factory=list)  # "which NASA orbiter …" → nasa, orbiter
    copula: bool = False  # "What was the X?"
    duration: bool = False  # "How long …?"
    role: bool = False  # "Who was head of …?": a name beside a role, not the doer of a deed
    object_question: bool = False  # "Who did Edward marry?": the name after the verb
    minor: list[str] = field(default_factory=list)  # "battle" of "the battle of Towton"
    naming: bool = False  # "What were his advisers called?": a name, as the notes give it

    @property
    def names(self) -> list[str]:
        """Words the student capitalised (a hint only: students often type in lower case)."""
        return [w for w in self.words if w[:1].isupper()]


def rewrite(text: str) -> str:
    """Student phrasings → the words notes use ("took over from" → "replaced")."""
    out = " " + text + " "
    for phrase, repl in PHRASES:
        out = re.sub(rf"(?i)\b{re.escape(phrase)}\b", repl, out)
    return out.strip()


def question_kind(text: str) -> str:
    """The expected answer type from the question's first words."""
    t = text.strip().lower()
    t = re.sub(r"^(?:and|so|but|ok|okay|please|tell me|do you know)\b[\s,]*", "", t)
    t = rules.LEADING_PREPOSITION.sub("", t)
    if rules.DEFINITION_QUESTION.search(text.strip()):
        return "description"
    for kind, pattern in rules.QUESTION_TYPES:
        if pattern.search(t):
            return kind
    later = rules.LATE_WH_WORD.search(t)
    if later:  # "Jochi's death occurred in what year?"
        return question_kind(t[later.start():])
    return "description"


def succession_kind(text: str) -> str:
    """"successor" for who came after someone, "predecessor" for who came before, else ""."""
    if rules.PREDECESSOR_QUESTION.search(text):
        return "predecessor"
    if rules.SUCCESSOR_QUESTION.search(text):
        return "successor"
    return ""


def analyse(text: str) -> Question:
    """Understand a cleaned question (see `answer.check_question`)."""
    rewritten = rules.GET_PASSIVE.sub("", rewrite(text))
    kind = question_kind(rewritten)
    quoted_m = QUOTED.search(rewritten)
    quoted = quoted_m.group("q").strip() if quoted_m else ""
    if kind == "person" and quoted and re.search(r"(?i)\b(said|say|says|wrote)\b", rewritten):
        kind = "quote"
    dates = timex.tag(rewritten)
    toks = [t for t in tokenize(rewritten)
            if t.text.lower() not in STOPWORDS and t.text.lower() not in rules.TYPE_WORDS]
    return Question(
        text=text,
        kind=kind,
        stems=[t.stem for t in toks],
        words=[t.text for t in toks],
        quoted=quoted,
        dates=[d.value for d in dates],
        date_texts=[d.text for d in dates],
        succession=succession_kind(rewritten) if kind == "person" else "",
        wants_percent=bool({t.stem for t in tokenize(rewritten)} & rules.PERCENT_WORDS),
        head=head_stems(rewritten) if kind == "entity" else [],
        copula=bool(rules.COPULA_QUESTION.search(rewritten)),
        role=bool(re.match(r"(?i)who (?:was|were|is|are|became)\b", rewritten)),
        object_question=bool(re.match(r"(?i)(?:who|whom) (?:did|does|do|had|has|will|would)\b",
                                      rewritten)),
        duration=bool(re.search(r"(?i)\bhow long\b|\bfor how many (?:years|days|months)\b",
                                rewritten)),
        minor=[stem(m.group(1)) for m in rules.NAMED_HEAD.finditer(rewritten)]
        + [stem(m.group(1)) for m in rules.REGNAL_NUMBER.finditer(rewritten)],
        naming=kind in ("entity", "description") and bool(rules.NAMING_QUESTION.search(rewritten)),
    )


def head_stems(text: str) -> list[str]:
    """The kind of thing a "what/which X" question wants: the words right after what/which
    (or after "what is the")."""
    wh = re.search(r"(?i)\b(?:what|which)\b", text)
    text = text[wh.start():] if wh else text
    text = re.sub(r"(?i)\b(kind|type|sort|form|style|piece|part|group) of (?:the |a |an )?",
                  "", text)  # "what kind of bureaucracy" asks for a bureaucracy
    m = rules.COPULA_QUESTION.search(text)
    words = tokenize(text[m.end():] if m else text)[0 if m else 1:][: rules.HEAD_WORDS]
    out = []
    for w in words:
        if w.text.lower() in STOPWORDS or w.text.lower() in rules.NOT_HEAD:
            break
        out.append(w.stem)
    return out

