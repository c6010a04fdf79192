"""Answer a question from the notes: a short answer of the right type, cited, or "the notes
don't say".

The steps: analyse the question (`question.py`), expand its words with synonyms and corrected
spellings, rank sentences (`retrieve.py`), extract a typed span from the best supporting
sentences (`extract.py`, `relations.py`), and score how well the sentence supports the
question. Confidence is the square of the support (the idf-weighted share of the question's
words the sentence holds; synonyms, corrected spellings and words found only in the section
title or on the same line count for less) times how well the answer fits its type, cut when
the sentence has no word for the question's deed (`PREDICATE_MISSING`), halved for every
question word the notes never use; a stated succession gets its own confidence, and one
stated the other way round abstains. Below `ABSTAIN_BELOW` the answer is null. Nothing here
imports spaCy, so asking starts fast.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from askwinston.ask import corpus as corpus_mod
from askwinston.ask import extract, relations, rules
from askwinston.ask.corpus import Corpus, Passage
from askwinston.ask.extract import Candidate
from askwinston.ask.question import Question, analyse
from askwinston.ask.retrieve import BM25, context_postings, rank
from askwinston.ask.synonyms import FUZZY_WEIGHT, PHRASES, SYNONYM_WEIGHT
from askwinston.ask.text import (
    Token,
    content_stems,
    edit_distance,
    related_stems,
    tokenize,
)
from askwinston.errors import BadQuestion

if TYPE_CHECKING:
    from askwinston.model import Knowledge

MAX_QUESTION_CHARS = 1000
"""Longer input is not a question; it is refused with a clear message."""

ABSTAIN_BELOW = 0.35
"""Confidence under which the answer is null: the notes don't say. Tuned on the seed dev set
only, as the middle of its margin: its unanswerable questions score at most 0.15 and its
answered ones at least 0.55."""

CANDIDATE_PASSAGES = 8
"""Sentences retrieval hands to extraction."""

NEIGHBOUR_DISCOUNT = {"line": 0.85, "previous": 0.7, "under heading": 0.8}
"""An answer taken from the sentence's line-mate or the sentence before counts for less."""

MINOR_WEIGHT = 0.3
"""The share of its idf a generic head noun before a name keeps ("battle" in "the battle of
Towton"): notes often write the name alone."""

CONTEXT_MATCH = 0.5
"""A question word found only in the section title or the same line supports this much."""

TYPE_FIT_FLOOR = 0.7
"""Even a poorly placed answer of the right type keeps this share of the support score."""

PREDICATE_MISSING = 0.6
"""Support is cut to this share when the sentence has none of the words for a deed or thing the
question asks about ("how did Louis die?" from a line on Louis that tells no death)."""

REASON_LABELS = frozenset(content_stems("reason reasons why because motive cause causes aim "
                                        "purpose"))
"""Labels of a line that gives the reason for the line before it."""

TITLE_STEMS = frozenset(content_stems(
    "king queen mayor duke earl bishop archbishop pope cardinal president governor general "
    "admiral emperor prince princess lord lady chancellor tsar sultan head leader chief"))
""""Who was king of Norway?" asks for the person holding a title, not what "King" is."""

PRONOUN_SUBJECT = re.compile(r"(?:he|she|they)\b", re.I)
"""A line whose doer is a pronoun: it goes on about the line before."""

GENERIC_STEMS = frozenset(content_stems(
    "people person man woman men women child king queen ruler monarch emperor crown army troops "
    "forces soldiers reason cause percentage percent"))
"""Words a sentence often leaves unsaid ("30,000 deported" are people; "Louis" is the king):
their absence does not make a sentence off the point."""

NO_ANSWER_FACTOR = 0.3
"""Support is cut to this share when no span of the wanted type is found."""

UNKNOWN_WORD_FACTOR = 0.5
"""Confidence is cut by this for each question word the notes never use (not even as a synonym
or a near spelling): "When was Stalin born?" asks about something the notes lack."""

REASON_WITHOUT_CUE = 0.5
"""A "why" answer with no "because"/"on the grounds that" in the sentence is a weak guess."""

HEADING_MATCH = 0.4
"""A "why" heading must hold this share of the question's words to answer it."""

HEADING_ANSWER = 0.9
"""How far the first point under a matching "why" heading is trusted as the answer."""

SUCCESSION_STEMS = frozenset({"replac", "succeed", "successor", "takeover", "follow", "preced"})
"""Words of a succession question that the relation itself answers for, however the notes
word it ("took his place")."""

FATE_STEMS = frozenset({"die", "death", "kill", "murder", "execut", "shoot", "assassinat"})
""""How did X die?" wants the verb that tells it ("shot in his office"); other "how" questions
want what follows the question's words."""

VICTORY_STEMS = frozenset({"win", "victory", "victoriou", "defeat", "beat", "triumph", "conquer"})
""""Who won/defeated/beat …?" wants the doer of that verb, not any name near it: a name that is
not its subject (or the agent of its passive) is no answer, and the notes may not say."""

SPEECH_STEMS = frozenset({"say", "write", "declar", "claim", "shout", "announc", "call"})
"""Words of a quote question that the quotation marks answer for."""

SUCCESSION_CONFIDENCE = 0.9
"""Confidence when the notes state the succession the question asks about."""

CONTRADICTED = 0.15
"""Confidence cap when the notes state a succession but the other way round."""

TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
"""HTML tags pasted with a question are dropped; the words inside them are kept."""

QUOTE_SPAN = re.compile(r"[‘“\"][^’”\"]{3,}(?:[’”\"]|$)|(?<!\w)'[^']{3,}'(?!\w)")
"""Quoted words in a sentence, when the analysis did not mark them as a quote."""

Row = dict[str, Any]
Alts = dict[str, dict[str, float]]


@dataclass
class Support:
    """How one sentence supports the question: coverage and the words it matched."""

    passage: Passage
    coverage: float
    matched: set[str] = field(default_factory=set)


@dataclass
class Answerer:
    """Holds the passages and their indexes so many questions are answered quickly."""

    corpus: Corpus
    index: BM25
    tokens: list[list[Token]]
    context: dict[str, list[int]]
    context_sets: list[frozenset[str]]
    name_stems: frozenset[str]
    entity_stems: list[frozenset[str]]
    common: frozenset[str] = frozenset()  # words the notes write in lower case
    phrases: list[frozenset[str]] = field(default_factory=list)  # "took over" → replac, …
    capitalised: frozenset[str] = frozenset()  # stems the notes write with a capital

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> Answerer:
        tokens = [tokenize(p.text) for p in corpus.passages]
        extra = [phrase_terms(p.text) + date_terms(p) for p in corpus.passages]
        index = BM25.from_terms([[t.stem for t in ts if not t.is_stop] + x
                                 for ts, x in zip(tokens, extra, strict=True)])
        titles: dict[str, str] = {}
        for p in corpus.passages:
            if p.is_heading:
                titles.setdefault(p.source, p.text)
        ctx = [_context_terms(corpus.passages, i, titles) for i in range(len(corpus.passages))]
        names = frozenset(t.stem for ts in tokens for t in ts if t.is_capitalised and t.start > 0)
        spellings = [frozenset(st for n in group for st in content_stems(n))
                     for group in corpus.names.values() if len(group) > 1]
        common = frozenset(t.text.lower() for ts in tokens for t in ts if t.text.islower())
        return cls(corpus, index, tokens, context_postings(ctx), [frozenset(c) for c in ctx],
                   names, spellings, common | rules.COMMON_STARTERS,
                   [frozenset(x) for x in extra],
                   frozenset(t.stem for ts in tokens for t in ts if t.is_capitalised))

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Answerer:
        """From an open knowledge base."""
        return cls.from_corpus(corpus_mod.from_connection(conn))

    @classmethod
    def from_knowledge(cls, knowledge: Knowledge) -> Answerer:
        """From knowledge analysed in memory (no SQLite), e.g. for benchmarks."""
        return cls.from_corpus(corpus_mod.from_knowledge(knowledge))

    @classmethod
    def from_text(cls, text: str, key: str = "notes.txt") -> Answerer:
        """Analyse a text (this loads spaCy) and answer from it."""
        from askwinston.analysis.pipeline import analyse_text

        return cls.from_knowledge(analyse_text(text, key))

    def ask(self, question: str) -> Row:
        """Answer one question: {"question","answer","confidence","citations","type"}."""
        return self._answer(question, ABSTAIN_BELOW)

    def ask_best(self, question: str) -> Row:
        """The best guess even when unsure (benchmarks where every question has an answer)."""
        return self._answer(question, None)

    def _answer(self, question: str, threshold: float | None) -> Row:
        q = check_question(question)
        qa = self._refine(analyse(q))
        result: Row = {"question": q, "answer": None, "confidence": 0.0, "citations": [],
                       "type": qa.kind}
        if not self.corpus.passages or not qa.stems:
            return result
        described = self._role_of(q)
        if described is not None:
            return {**result, **described}
        alts = self.expand(qa.stems)
        for value in qa.dates:  # "in May 1935": sentences dated so support the question more
            alts[DATE_TERM + value] = {DATE_TERM + value: 1.0} \
                if DATE_TERM + value in self.index.idf else {}
        found = self._ranked_answers(qa, alts)
        unknown = sum(1 for s, options in alts.items() if not options
                      and not (qa.succession and s in SUCCESSION_STEMS) and s not in qa.minor)
        found = [(a, c * UNKNOWN_WORD_FACTOR ** unknown, p) for a, c, p in found]
        if threshold is None:
            found = [f for f in found if f[0]]
        if not found:
            return result
        answer, confidence, cited = found[0]
        result["confidence"] = round(confidence, 3)
        if threshold is None or (answer and confidence >= threshold):
            result["answer"] = answer
            result["citations"] = [_citation(p) for p in cited]
        return result

    def _role_of(self, question: str) -> Row | None:
        """ "Who was Yagoda?": the role the notes give that person ("the head of the NKVD"),
        cited from its line. Only a plain who-was question about one named person, so any
        other question goes through retrieval as usual."""
        m = WHO_WAS.match(question)
        if m is None:
            return None
        asked = m.group("name").lower()
        for eid, spellings in self.corpus.names.items():
            if self.corpus.kinds.get(eid) != "person" or not self.corpus.roles.get(eid):
                continue
            if asked in {s.lower() for s in spellings}:
                role, source, line = self.corpus.roles[eid][0]
                cited = next((p for p in self.corpus.passages
                              if p.source == source and p.line == line and not p.is_heading),
                             None)
                if cited is None:
                    return None
                return {"answer": role, "confidence": ROLE_CONFIDENCE, "type": "description",
                        "citations": [_citation(cited)]}
        return None

    def _refine(self, qa: Question) -> Question:
        """What the notes tell about the question: "what was the Cat and Mouse Act?" and "who
        was sergie kirov" explain a name the notes use, rather than look for one."""
        if qa.copula and qa.kind == "entity" and all(s in self.capitalised for s in qa.stems):
            qa.kind = "description"
        if qa.role and qa.stems and all(s in self.capitalised for s in self._fix(qa.stems)) \
                and not (qa.stems[0] in TITLE_STEMS and len(qa.stems) > 1):  # "king of norway"
            qa.kind, qa.role = "description", False
        if qa.kind in ("saying", "quote"):  # the quotation marks stand for "said"
            qa.stems = [s for s in qa.stems if s not in SPEECH_STEMS] or qa.stems
        return qa

    # -- question words → the notes' words -------------------------------------------------

    def expand(self, stems: Sequence[str]) -> Alts:
        """Each question stem → stems of the notes that may stand for it, with weights."""
        alts: Alts = {}
        for s in stems:
            options: dict[str, float] = {}
            if s in self.index.idf or s in self.context:
                options[s] = 1.0
            elif s not in related_stems():  # a word the lexicon knows is spelt right: "sacked"
                # is not a misspelling of "backed"
                for near in self._fuzzy(s):
                    options[near] = FUZZY_WEIGHT
            if s in self.name_stems or options.keys() & self.name_stems:
                for variant in _spelling_variants(s, self._name_vocab()):
                    options.setdefault(variant, FUZZY_WEIGHT)  # Yezhov, Yezkhov, Yehzkov
                for group in self.entity_stems:
                    if options.keys() & group:
                        for other in group:
                            options.setdefault(other, FUZZY_WEIGHT)
            for r in related_stems().get(s, ()):
                if r in self.index.idf:
                    options.setdefault(r, SYNONYM_WEIGHT)
            alts[s] = options
        return alts

    def _name_vocab(self) -> tuple[str, ...]:
        return tuple(sorted(t for t in self.name_stems if len(t) >= 5))

    def _fix(self, stems: Sequence[str]) -> list[str]:
        """Each stem, or its nearest spelling in the notes when the notes lack it."""
        known = self.index.idf.keys() | self.context.keys()
        return [s if s in known else next(iter(self._fuzzy(s)), s) for s in stems]

    def _fuzzy(self, s: str) -> list[str]:
        return _fuzzy_matches(s, self._vocab())

    def _vocab(self) -> tuple[str, ...]:
        words = set(self.index.idf) | set(self.context)
        return tuple(sorted(t for t in words if len(t) >= 4 and not t.isdigit()))

    # -- support and extraction ----------------------------------------------------------

    def support(self, i: int, alts: Alts, minor: frozenset[str] = frozenset()) -> Support:
        """Idf-weighted share of the question's words that sentence `i` (or its context) has;
        `minor` words (the "battle" of "battle of Towton") weigh `MINOR_WEIGHT` of the rest."""
        have = {t.stem for t in self.tokens[i]} | (self.phrases[i] if self.phrases else set())
        ctx = self.context_sets[i]
        total = got = 0.0
        matched: set[str] = set()
        for s, options in alts.items():
            idf = max((self.index.idf.get(o, self.index.unseen_idf()) for o in options),
                      default=self.index.unseen_idf())
            if s in minor:
                idf *= MINOR_WEIGHT
            best = 0.0
            for o, w in options.items():
                if o in have:
                    best = max(best, w)
                    matched.add(o)
                elif o in ctx:
                    best = max(best, CONTEXT_MATCH * w)
            total += idf
            got += idf * best
        return Support(self.corpus.passages[i], got / total if total else 0.0, matched)

    def _ranked_answers(self, qa: Question, alts: Alts) -> list[tuple[str, float, list[Passage]]]:
        """Answers from the best supporting sentences, best first; "" where none was found."""
        query = {o: w for options in alts.values() for o, w in options.items()}
        ranked = rank(self.index, self.context, query, CANDIDATE_PASSAGES)
        minor = frozenset(qa.minor)
        supports = [self.support(i, alts, minor) for i, _score in ranked]
        asked = self._asked_test(qa, alts)
        out: list[tuple[str, float, list[Passage]]] = []
        if qa.succession and supports:
            found = self._succession(qa, supports, asked)
            if found is not None and not found[0]:
                return [found]  # the notes say it the other way round: don't guess
            if found is not None:
                out.append(found)
        if qa.kind == "reason":
            out += self._from_question_heading(qa, supports)
        predicates = self._predicates(qa, alts)
        for sup in supports:
            cand, cited = self._extract(qa, sup, asked)
            base = sup.coverage ** 2
            if any(not (options.keys() & sup.matched) for options in predicates):
                base *= PREDICATE_MISSING  # the sentence is about them, not about this deed
            if cand is None:
                out.append(("", min(base * NO_ANSWER_FACTOR, ABSTAIN_BELOW * 0.9), cited))
            else:
                fit = TYPE_FIT_FLOOR + (1 - TYPE_FIT_FLOOR) * cand.score
                out.append((cand.text, base * fit, cited))
        for sup in supports[:1]:  # a last resort for ask_best: a phrase of the best sentence
            p = sup.passage
            anchors = extract.anchor_spans(self.tokens[p.index], sup.matched)
            guess = extract.entity(p, anchors, asked, (), self.common)
            out.append((guess[0].text if guess else p.text, 0.0, [p]))
        return sorted(out, key=lambda f: -f[1])

    def _predicates(self, qa: Question, alts: Alts) -> list[dict[str, float]]:
        """The question's deeds and things the lexicon knows ("die", "won", "generals"),
        each with the notes' words for it; names and words the relation answers for left out."""
        skip = set(SUCCESSION_STEMS) if qa.succession else set()
        if qa.kind in ("saying", "quote"):
            skip |= SPEECH_STEMS
        skip |= GENERIC_STEMS
        return [options for s, options in alts.items()
                if s in related_stems() and s not in skip and options
                and s not in self.capitalised]

    def _from_question_heading(self, qa: Question,
                               supports: list[Support]) -> list[tuple[str, float, list[Passage]]]:
        """"Why did …?" answered by the notes' own heading "Why did …?": the first reason
        under it (a cue's clause, or the first line's label and text)."""
        out: list[tuple[str, float, list[Passage]]] = []
        for sup in supports:
            p = sup.passage
            if not (p.is_heading and p.section_is_question and sup.coverage >= HEADING_MATCH):
                continue
            under = [q for q in self.corpus.passages[p.index + 1:p.index + 4]
                     if q.section == p.section and not q.is_heading]
            if not under:
                continue
            first = under[0]
            cues = extract.reasons(first, [])
            text = first.text if first.label or not cues else cues[0].text
            out.append((text, sup.coverage * HEADING_ANSWER, [first, p]))
        return out

    def _asked_test(self, qa: Question, alts: Alts,
                    skip: set[str] | None = None) -> Callable[[str], bool]:
        """A test for names the question itself gives (never the answer to "who")."""
        stems = set(qa.stems) | {o for options in alts.values() for o in options
                                 if options.get(o, 0) >= FUZZY_WEIGHT}
        stems -= skip or set()

        def is_asked(name: str) -> bool:
            return any(st in stems or any(len(st) >= 5 and edit_distance(st, q, 1) <= 1
                                          for q in stems)
                       for st in content_stems(name))

        return is_asked

    def _deed_verbs(self, qa: Question, p: Passage, matched: set[str],
                    passive: bool = True) -> list[tuple[int, int]]:
        """Where the sentence tells the deed a "who" question asks the doer of, when only its
        doer can answer: a victory ("who won/beat …"), or a deed told in the passive ("Harold
        was killed …"), whose doer the notes give only after "by"."""
        toks = self.tokens[p.index]
        if set(qa.stems) & VICTORY_STEMS:
            return [(t.start, t.end) for t in toks if t.stem in VICTORY_STEMS]
        deeds = [(t.start, t.end) for t in toks if t.stem in matched
                 and t.stem in related_stems() and t.stem not in GENERIC_STEMS
                 and not t.is_capitalised and (extract.PAST_VERB.search(t.text)
                                               or p.text[:t.start].endswith("to "))]
        told = [extract.is_passive(p, s, e) for s, e in deeds]
        if not passive:  # the deeds told in the active voice
            return [d for d, pas in zip(deeds, told, strict=True) if not pas]
        return deeds if deeds and all(told) else []

    def _pronoun_doer(self, p: Passage,
                      verbs: list[tuple[int, int]]) -> tuple[Candidate | None, list[Passage]]:
        """"They beat the earls at Fulford": a pronoun doer stands for whom the line before
        is about."""
        m = PRONOUN_SUBJECT.match(p.text)
        prev = self._previous_line(p)
        if m is None or prev is None or not extract.is_agent(
                p, Candidate(m.group(0), 0, m.end(), 1.0), verbs):
            return None, [p]
        who = relations.main_person(prev)
        return (Candidate(who, 0, m.end(), NEIGHBOUR_DISCOUNT["previous"]), [p, prev]) \
            if who else (None, [p])

    def _labelled_reason(self, p: Passage) -> tuple[Candidate, list[Passage]] | None:
        """A reason the notes give on the next line under a label ("Reason: …", "Motive: …")
        for the deed on this line."""
        ps = self.corpus.passages
        j = p.index + 1
        while j < len(ps) and ps[j].source == p.source and ps[j].line == p.line:
            j += 1
        if j >= len(ps) or ps[j].source != p.source or ps[j].section != p.section \
                or ps[j].is_heading or not ps[j].label:
            return None
        nxt = ps[j]
        if not set(content_stems(nxt.label)) & REASON_LABELS:
            return None
        text = nxt.text[len(nxt.label) + 1:].strip(" :-.")
        return Candidate(text, len(nxt.label) + 2, len(nxt.text), 0.9), [nxt, p]

    def _previous_line(self, p: Passage) -> Passage | None:
        """The sentence on the line before `p`, in the same section (a line often goes on
        about the subject of the one before it)."""
        ps = self.corpus.passages
        j = p.index - 1
        while j >= 0 and ps[j].source == p.source and ps[j].line == p.line:
            j -= 1
        if j < 0 or ps[j].source != p.source or ps[j].section != p.section \
                or ps[j].is_heading:
            return None
        k = j  # the first sentence of that line
        while k > 0 and ps[k - 1].source == p.source and ps[k - 1].line == ps[j].line:
            k -= 1
        return ps[k]

    def _neighbours(self, i: int) -> list[tuple[int, float]]:
        ps = self.corpus.passages
        p = ps[i]
        out = [(j, NEIGHBOUR_DISCOUNT["line"]) for j in (i - 1, i + 1)
               if 0 <= j < len(ps) and ps[j].source == p.source and ps[j].line == p.line]
        if i > 0 and ps[i - 1].source == p.source and ps[i - 1].line != p.line \
                and ps[i - 1].section == p.section:
            out.append((i - 1, NEIGHBOUR_DISCOUNT["previous"]))
        if p.is_heading:  # a heading's facts are in the lines under it
            out += [(j, NEIGHBOUR_DISCOUNT["under heading"]) for j in range(i + 1, i + 3)
                    if j < len(ps) and ps[j].source == p.source and ps[j].section == p.section
                    and not ps[j].is_heading]
        return out

    def _extract(self, qa: Question, sup: Support,
                 asked: Callable[[str], bool]) -> tuple[Candidate | None, list[Passage]]:
        """The best span of the wanted type in the sentence, else in its neighbours."""
        p = sup.passage
        if qa.kind == "reason" and not extract.reasons(p, []):
            given = self._labelled_reason(p)
            if given is not None:
                return given
        cand = self._typed(qa, p, sup.matched, asked)
        same_line = False
        if cand is not None or qa.kind in ("description", "manner", "list", "reason", "quote",
                                           "entity", "saying", "event"):
            return cand, [p]
        if qa.kind == "person" and not qa.object_question and not qa.role:
            verbs = self._deed_verbs(qa, p, sup.matched)
            if set(qa.stems) & VICTORY_STEMS:  # the winner is told here or nowhere
                return self._pronoun_doer(p, verbs)
            if verbs:  # "X walked in. Kirov was shot.": only the line itself may tell the doer
                pronoun = self._pronoun_doer(p, verbs)
                if pronoun[0] is not None:
                    return pronoun
            same_line = bool(verbs or self._deed_verbs(qa, p, sup.matched, passive=False))
        for j, discount in self._neighbours(p.index):
            other = self.corpus.passages[j]
            if same_line and other.line != p.line:
                continue
            if qa.kind == "date" and j < p.index and other.line != p.line \
                    and not other.is_heading:
                continue  # a date two lines up is another event's; the analysis inherits dates
            c = self._typed(qa, other, sup.matched, asked)
            if c is not None:
                return Candidate(c.text, c.start, c.end, c.score * discount), [other, p]
        if qa.kind == "date" and p.event_date:
            return Candidate(p.event_date, 0, 0, 0.5 * NEIGHBOUR_DISCOUNT["previous"]), [p]
        return None, [p]

    def _typed(self, qa: Question, p: Passage, matched: set[str],
               asked: Callable[[str], bool]) -> Candidate | None:
        anchors = extract.anchor_spans(self.tokens[p.index], matched)
        kind = qa.kind
        found: list[Candidate]
        if kind == "date":
            found = extract.dates(p, anchors, qa.dates)
        elif kind == "number" and qa.duration:
            found = extract.durations(p, anchors)
        elif kind == "number":
            words = {w.lower() for w in qa.words}
            found = extract.numbers(p, anchors, words, qa.wants_percent)
        elif qa.naming:
            found = [Candidate(m.group("name").strip("‘’“”\"'"), m.start("name"), m.end("name"),
                               extract.closeness(m.start(), m.end(), anchors, p.text))
                     for m in rules.NAMING_CUE.finditer(p.text)]
        elif kind == "person":
            found = extract.people(p, anchors, asked, self.common, qa.role, qa.object_question)
            if not qa.object_question and not qa.role:
                verbs = self._deed_verbs(qa, p, matched)
                if verbs or set(qa.stems) & VICTORY_STEMS:
                    found = [c for c in found if extract.is_agent(p, c, verbs)]
                else:  # "planned to kill Kirov, Stalin and Molotov": after the deed, a victim
                    active = self._deed_verbs(qa, p, matched, passive=False)
                    if active and all(extract.INTENDED.search(p.text[:s]) for s, _e in active) \
                            and not re.search(r"(?i)\b(?:plan|plot|tri|try|want|attempt|hope|mean"
                                              r"|intend)\w*\s+to\b", qa.text):
                        found = []  # "planned to kill X" does not say who killed X
                    found = [c for c in found if not active or c.start < active[0][0]
                             or extract.is_agent(p, c, active)]
        elif kind == "place":
            found = extract.places(p, anchors, asked, self.common,
                                   bool(re.match(r"(?i)(?:\w+\s+)?(?:what|which)\b", qa.text)))
        elif kind == "reason":
            found = extract.reasons(p, anchors) or [
                Candidate(c.text, c.start, c.end, c.score * REASON_WITHOUT_CUE)
                for c in extract.description(p, anchors)]
        elif kind == "quote":
            found = self._quote(qa, p)
        elif kind == "manner" and set(qa.stems) & FATE_STEMS:
            found = extract.manner(p, anchors)
        elif kind == "event":
            found = extract.clause_around(p, anchors)
        elif kind == "saying":
            found = self._saying(p, anchors)
        elif kind == "entity":
            found = extract.entity(p, anchors, self._asked_test(qa, {}, set(qa.head)), qa.head,
                                   self.common)
        else:
            found = extract.description(p, anchors)
        return found[0] if found else None

    def _saying(self, p: Passage, anchors: Sequence[tuple[int, int]]) -> list[Candidate]:
        """What someone said: the quoted words nearest the question's words."""
        spans = {(m.start, m.end) for m in p.of_kind("quote")}
        spans |= {(m.start(), m.end()) for m in QUOTE_SPAN.finditer(p.text)}
        out = [Candidate(p.text[s:e].strip("‘’“”\"' "), s, e,
                         extract.closeness(s, e, anchors, p.text)) for s, e in spans]
        return sorted(out, key=lambda c: -c.score)

    def _quote(self, qa: Question, p: Passage) -> list[Candidate]:
        """The speaker of the quote in `p` that best matches the question's quoted words."""
        spans = [(m.start, m.end) for m in p.of_kind("quote")]
        spans += [(m.start(), m.end()) for m in QUOTE_SPAN.finditer(p.text)]
        if not spans:
            return []
        wanted = set(content_stems(qa.quoted or qa.text))

        def overlap(span: tuple[int, int]) -> int:
            return len(wanted & set(content_stems(p.text[span[0]:span[1]])))

        start, end = max(spans, key=overlap)
        return extract.quote_speakers(p, start, end)

    def _succession(self, qa: Question, supports: list[Support],
                    asked: Callable[[str], bool]) -> tuple[str, float, list[Passage]] | None:
        """Who came after (or before) the person the question names, if the notes say."""
        contradicted = False
        for sup in supports:
            for rel in relations.successions(sup.passage, self._previous_line(sup.passage)):
                known, other = ((rel.predecessor, rel.successor) if qa.succession == "successor"
                                else (rel.successor, rel.predecessor))
                if asked(known):
                    return other, SUCCESSION_CONFIDENCE * max(sup.coverage, 0.8), [sup.passage]
                contradicted = contradicted or asked(other)
        if contradicted:
            return "", CONTRADICTED, []
        return None


DATE_TERM = "@date:"
"""Prefix of the index terms that stand for a date value ("@date:1935-05")."""


def date_terms(p: Passage) -> list[str]:
    """A term for each date of a sentence, at each precision: "@date:1935", "@date:1935-05"."""
    values = {m.value for m in p.of_kind("date") if m.value}
    out: set[str] = set()
    for v in values:
        parts = v.split("/")[0].split("-")
        out.update(DATE_TERM + "-".join(parts[:n]) for n in range(1, len(parts) + 1))
    return sorted(out)


def phrase_terms(text: str) -> list[str]:
    """Stems a note's phrasing stands for ("took over from" → replac), so notes that word a
    thing the way students do still match the question's rewritten words."""
    lowered = text.lower()
    return [t for phrase, repl in PHRASES if phrase in lowered for t in content_stems(repl)]


def _context_terms(passages: Sequence[Passage], i: int,
                   titles: dict[str, str] | None = None) -> list[str]:
    """Words of the section title, the notes' title, and the other sentences on the same
    line (and the line before, when this one goes on about it)."""
    p = passages[i]
    text = [p.section]
    title = (titles or {}).get(p.source, "")
    if title and title != p.section:
        text.append(title)
    for j in (i - 1, i + 1):
        if 0 <= j < len(passages) and passages[j].line == p.line \
                and passages[j].source == p.source:
            text.append(passages[j].text)
    if CONTINUES.match(p.text) and i > 0:  # "His replacement: …" goes on about the line before
        prev = passages[i - 1]
        if prev.source == p.source and prev.section == p.section and prev.line != p.line:
            text.append(prev.text)
    return content_stems(" ".join(text))


CONTINUES = re.compile(r"^(?:he|she|they|his|her|their|its|it|this|these)\b", re.I)
"""A line that starts with a pronoun is about the subject of the line before it."""


@lru_cache(maxsize=4096)
def _fuzzy_matches(s: str, vocab: tuple[str, ...]) -> list[str]:
    """Spellings in the notes one edit (two for long words) away from a misspelt word."""
    if len(s) < 4 or s.isdigit():
        return []
    limit = 1 if len(s) < 7 else 2
    scored = [(edit_distance(s, v, limit), v) for v in vocab if abs(len(v) - len(s)) <= limit]
    scored = [(d, v) for d, v in scored if d <= 1 or v[0] == s[0]]  # two edits: same first letter
    best = min((d for d, _v in scored), default=limit + 1)
    return [v for d, v in scored if d == best and d <= limit]


@lru_cache(maxsize=4096)
def _spelling_variants(s: str, names: tuple[str, ...]) -> list[str]:
    """Other spellings of a name in the notes: two edits at most, same first letter."""
    if len(s) < 5:
        return []
    return [n for n in names if n != s and n[0] == s[0] and abs(len(n) - len(s)) <= 2
            and edit_distance(s, n, 2) <= 2]


WHO_WAS = re.compile(r"^\s*who\s+(?:was|is)\s+(?P<name>[A-Za-z][\w'’. -]*?)\s*\??\s*$",
                     re.IGNORECASE)
"""A question asking only who someone was: answered from the roles the notes give them."""

ROLE_CONFIDENCE = 0.9
"""A role stated in the notes about the very person asked for is a direct answer."""


def _citation(p: Passage) -> Row:
    return {"source": p.source, "line": p.line, "text": p.text}


def check_question(question: str) -> str:
    """Refuse input that is not a question a person would type."""
    if not isinstance(question, str):
        raise BadQuestion(f"a question must be text, not {type(question).__name__}")
    q = " ".join(TAG.sub(" ", question).split())
    if not q:
        raise BadQuestion("the question is empty")
    if len(q) > MAX_QUESTION_CHARS:
        raise BadQuestion(
            f"the question is {len(q):,} characters long; the limit is {MAX_QUESTION_CHARS:,}"
        )
    return q


__all__ = ["ABSTAIN_BELOW", "MAX_QUESTION_CHARS", "Answerer", "check_question"]
