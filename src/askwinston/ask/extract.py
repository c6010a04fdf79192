"""Answer extraction: the shortest span of the wanted type in a supporting sentence.

Each extractor takes a passage and the positions where the question's words were found in it
(anchors), and returns candidates scored by type fit and closeness to the anchors: in notes the
answer is nearly always next to the words the question repeats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from askwinston.analysis import timex
from askwinston.ask import rules
from askwinston.ask.corpus import Passage
from askwinston.ask.synonyms import IRREGULAR
from askwinston.ask.text import STOPWORDS, Token, edit_distance, stem, tokenize


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible answer: text as written, where it is in the passage, and how good it looks."""

    text: str
    start: int
    end: int
    score: float


NameTest = Callable[[str], bool]
"""True when a name is (a spelling of) something the question itself names."""


def closeness(start: int, end: int, anchors: Sequence[tuple[int, int]], text: str) -> float:
    """1.0 next to an anchor, falling with the number of words in between."""
    if not anchors:
        return 0.5
    gaps = []
    for a_start, a_end in anchors:
        if end <= a_start:
            gaps.append(len(text[end:a_start].split()))
        elif start >= a_end:
            gaps.append(len(text[a_end:start].split()))
        else:
            gaps.append(0)
    return 1.0 / (1.0 + 0.15 * min(gaps))


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in spans)


def dates(p: Passage, anchors: Sequence[tuple[int, int]],
          exclude: Sequence[str]) -> list[Candidate]:
    """Dates in the passage (the knowledge base's and the tagger's), nearest the anchors first."""
    found: dict[tuple[int, int], str] = {}
    for m in p.of_kind("date"):
        found[(m.start, m.end)] = m.value
    for t in timex.tag(p.text):
        if not _overlaps(t.start, t.end, list(found)):
            found[(t.start, t.end)] = t.value
    out = []
    for (s, e), value in found.items():
        if value in exclude:
            continue
        s, e = _widen_date(p.text, s, e)
        out.append(Candidate(p.text[s:e], s, e, closeness(s, e, anchors, p.text)))
    return sorted(out, key=lambda c: -c.score)


DATE_TAIL = re.compile(r"^(?:\s?[–—]\s?|-)\d{2,4}\b(?:\s+(?:BC|AD|BCE|CE)\b)?")
DATE_HEAD = re.compile(r"\b(?:early|late|mid|mid-|the early|the late|around|about|c\.|circa)\s*$",
                       re.I)
"""A range's second half ("1688–1692") and a hedge before a date ("late 1545") belong to it."""


def _widen_date(text: str, start: int, end: int) -> tuple[int, int]:
    tail = DATE_TAIL.match(text[end:])
    if tail:
        end += tail.end()
    head = DATE_HEAD.search(text[max(0, start - 12):start])
    if head:
        start = max(0, start - 12) + head.start()
    return start, end


DURATION = re.compile(
    r"(?i)\b(?:(?:" + "|".join(re.escape(h) for h in rules.HEDGES) + r")\s+)?"
    r"(?:\d[\d,.]*|a|an|" + "|".join(rules.NUMBER_WORDS) + r")\s+(?:days?|weeks?|months?|"
    r"years?|decades?|centuries|century|hours?|minutes?|generations?)\b(?:\s+old)?"
    r"|\buntil\s+(?:the\s+)?\S+(?:\s+century)?")
"""How long: "almost a month", "over three days", "until 1796"."""


def durations(p: Passage, anchors: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Spans of time, for "how long" questions."""
    return sorted((Candidate(m.group(0).strip(), m.start(), m.end(),
                             closeness(m.start(), m.end(), anchors, p.text))
                   for m in DURATION.finditer(p.text)), key=lambda c: -c.score)


def _number_prior(m: re.Match[str], wants_percent: bool) -> float:
    prior = 1.0 if m.group("num")[0].isdigit() else 0.6
    if wants_percent:
        prior *= 1.2 if m.group("pct") else 0.5
    return prior


def numbers(p: Passage, anchors: Sequence[tuple[int, int]], question_words: set[str],
            wants_percent: bool) -> list[Candidate]:
    """Numbers with their hedge, not dates, not ordinals, not numbers the question gives."""
    date_spans = [(m.start, m.end) for m in p.of_kind("date")]
    date_spans += [(t.start, t.end) for t in timex.tag(p.text)]
    out = []
    for m in rules.NUMBER.finditer(p.text):
        num = m.group("num")
        if _overlaps(m.start("num"), m.end("num"), date_spans) or num.lower() in question_words:
            continue
        if num.isdigit() and len(num) == 4 and not m.group("pct"):
            continue  # a year the date tagger left alone
        score = _number_prior(m, wants_percent) * closeness(m.start(), m.end(), anchors, p.text)
        out.append(Candidate(m.group(0).strip(), m.start(), m.end(), score))
    return sorted(out, key=lambda c: -c.score)


NAME_RUN = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:of|de|von|van|the|la|le|al|bin|du)\s+)?"
                      r"[A-Z][\w’'-]*)*")
"""A run of capitalised words, with the particles names carry ("Catherine of Aragon")."""

SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\s-\s+|[\"“‘(]\s*)$")
"""Text before a word that makes its capital letter say nothing."""

KIND_PRIOR = {"person": 1.0, "": 0.8, "org": 0.7, "group": 0.55, "place": 0.35}
"""How likely a name of each kind answers "who" (kinds from a first-version tagger may be off)."""


def _trim_name(text: str) -> tuple[int, str]:
    """Drop leading skip-words ("In", "The") and a trailing possessive; offset moved past them."""
    words = text.split()
    shift = 0
    while words and words[0].strip("’'") in rules.NAME_SKIP:
        shift += len(words[0]) + 1
        words = words[1:]
    name = " ".join(words)
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return shift, name


def names(p: Passage, is_asked: NameTest,
          common: frozenset[str] = frozenset()) -> list[tuple[int, int, str, str]]:
    """Names in the passage with their kind ("" when only capitalisation says it is a name).
    `common` holds words the notes also write in lower case: at a sentence start they are not
    names."""
    kinds = {(m.start, m.end): m.kind for m in p.of_kind("person", "org", "place", "group")}
    out = []
    for m in NAME_RUN.finditer(p.text):
        shift, name = _trim_name(m.group(0))
        if not name or is_asked(name) or (name.isupper() and len(name) <= 2):
            continue
        start = m.start() + shift
        end = start + len(name)
        kind = next((k for (s, e), k in kinds.items() if s < end and start < e), "")
        if not kind and name.split()[0].lower() in common and SENTENCE_START.search(p.text[:start]):
            continue  # "According", "Major": capitalised only because a sentence starts there
        out.append((start, end, name, kind))
    return out


PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|into|to|from|near|of|on|with|against|under|for)"
                                r"\s+(?:the\s+)?$", re.I)
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s+(?:\w+ly\s+)?$", re.I)


def _subject(p: Passage, found: list[tuple[int, int, str, str]],
             anchors: Sequence[tuple[int, int]]) -> int | None:
    """Start of the subject of an active verb the question used: "X … shot Kirov" → X."""
    verbs = [(s, e) for s, e in anchors if not p.text[s:s + 1].isupper()]
    active = [s for s, _e in verbs if not PASSIVE_BEFORE.search(p.text[:s])]
    if not active:
        return None
    before = [n for n in found if n[1] <= active[0]
              and not PREPOSITION_BEFORE.search(p.text[:n[0]])]
    return before[0][0] if before else None


LIST_LINK = re.compile(r"^(?:\s*(?:,|and|or|&)\s*)+$")
"""What joins the names of a list: "Stalin, Molotov and Kirov"."""


def _listed_with_asked(p: Passage, start: int, end: int,
                       all_spans: Sequence[tuple[int, int]],
                       asked_spans: Sequence[tuple[int, int]]) -> bool:
    """True when a name is in one list with a name the question gives: it shares its role
    ("a plot to murder Stalin, Molotov and Kirov" does not say who murdered Kirov)."""
    spans = sorted({*all_spans, (start, end)})
    i = spans.index((start, end))
    group = [(start, end)]
    links = []
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(spans):
            a, b = sorted([spans[j], spans[j + step]])
            if not LIST_LINK.match(p.text[a[1]:b[0]]):
                break
            links.append(p.text[a[1]:b[0]])
            j += step
            group.append(spans[j])
    is_list = len(group) > 2 or any(w in link for link in links for w in ("and", "or", "&"))
    return is_list and any(g in asked_spans for g in group)  # "X, Catherine's nephew" is not


PASSIVE_AGENT = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+){1,2}by\s+$", re.I)
"""The agent of a passive verb: "were led by" + the name."""

ADJECTIVE_AFTER = re.compile(r"^\s+([a-z][\w-]*)")


def _is_modifier(p: Passage, end: int, name: str) -> bool:
    """A one-word name used as an adjective: "Mongol forces", "British rule"."""
    m = ADJECTIVE_AFTER.match(p.text[end:])
    if " " in name or not m:
        return False
    word = m.group(1)
    return word not in CLOSED_CLASS and not VERB_LIKE.search(word) \
        and word not in ("himself", "herself", "themselves", "itself")


LABEL_NAME = 0.5
"""How far a name in a line's label ("Bay of Pigs: …") is trusted to answer "who"."""


def people(p: Passage, anchors: Sequence[tuple[int, int]], is_asked: NameTest,
           common: frozenset[str] = frozenset(), role: bool = False,
           object_question: bool = False) -> list[Candidate]:
    """Names that could answer "who", not the ones the question names, nearest the anchors.
    `role` questions ("who was head of …") want the name beside the role, not a subject;
    object questions ("who did X marry") want a name after the verb."""
    found = names(p, is_asked, common)
    every = [(s, e) for s, e, _n, _k in names(p, lambda _n: False)]
    asked_spans = [(s, e) for s, e, n, _k in names(p, lambda _n: False) if is_asked(n)]
    subject = None if role or object_question else _subject(p, found, anchors)
    last_anchor = max((e for _s, e in anchors), default=0)
    out = []
    for start, end, name, kind in found:
        prior = KIND_PRIOR.get(kind, 0.5)
        if role:
            prior = max(prior, KIND_PRIOR[""])  # kinds from the tagger matter less here
        score = prior * closeness(start, end, anchors, p.text)
        if object_question and start < last_anchor:
            score *= 0.8
        if _listed_with_asked(p, start, end, every, asked_spans):
            score *= 0.3
        agent = PASSIVE_AGENT.search(p.text[:start])
        if agent and _overlaps(agent.start(), agent.end(), anchors):
            score = max(score, 0.9 * max(prior, KIND_PRIOR[""]))  # "were led by Owain"
        elif p.text[max(0, start - 3):start] == "by ":
            score *= 1.15  # the agent of a passive: "was replaced by Yezhov"
        elif PREPOSITION_BEFORE.search(p.text[:start]):
            score *= 0.6  # "in Leningrad", "of Stalin": seldom who did it
        if start == subject:
            score = max(score, 0.9 * prior)
        if _is_modifier(p, end, name):
            score *= 0.5
            m = ADJECTIVE_AFTER.match(p.text[end:])
            if object_question and m:  # "sent Cuban exiles": the people, not the adjective
                name, end = f"{name} {m.group(1)}", end + m.end()
                score *= 1.5
        if p.label and start < len(p.label) and kind != "person":
            score *= LABEL_NAME  # "Bay of Pigs: …": the line's topic, not who did it
        out.append(Candidate(name, start, end, min(score, 1.0)))
    by_start = {c.start: c for c in out}
    for i, c in enumerate(list(out)):  # "the Mayor of London, William Walworth": the person
        m = APPOSITION.match(p.text[c.end:])  # the title names answers, not the title
        named = by_start.get(c.end + m.end()) if m and TITLE_NAME.search(c.text) else None
        if named is not None and APPOSITION_END.match(p.text[named.end:]):
            out.append(Candidate(named.text, named.start, named.end, c.score))
            out[i] = Candidate(c.text, c.start, c.end, c.score * 0.9)
    return sorted(out, key=lambda c: -c.score)


APPOSITION = re.compile(r",\s+")
APPOSITION_END = re.compile(r"\s*(?:[.;,:)]|\s-\s|$)")
TITLE_NAME = re.compile(r"\s(?:of|de|von)\s|^(?:King|Queen|Mayor|Duke|Earl|Bishop|Archbishop|Pope"
                        r"|Cardinal|President|Governor|General|Admiral|Emperor|Prince|Princess"
                        r"|Lord|Lady|Chancellor|Tsar|Sultan)\b")
"""A title rather than a person's name: "Mayor of London", "Bishop of Bath", "Governor"."""


AGENT_GAP = re.compile(r"(?:\s-\s|;|:|\.\s|,\s(?:but|and|so|while)\b|\b(?:who|whom|which|that|to"
                       r"|but|against|over|than)\b)", re.I)
"""Words between a name and a verb that make the name something other than the verb's subject
("Richard had the bigger army, but … waited to see who would win")."""

AGENT_WORDS = 8
"""A subject is at most this many words before its verb."""


TITLE_BEFORE = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:of\s+|de\s+|the\s+)*[A-Z][\w’'-]*)*,\s+")


def is_passive(p: Passage, start: int, end: int) -> bool:
    """A verb in the passive: "was killed", "were led", or a participle before its agent
    ("the rebels, led by Wat Tyler")."""
    return bool(PASSIVE_BEFORE.search(p.text[:start]) or BY_AFTER.match(p.text[end:])
                or CAUSED_BEFORE.search(p.text[:start]))


INTENDED = re.compile(r"(?i)\b(?:planned|plan|plans|plotted|plot|tried|try|attempted|attempt|"
                      r"wanted|hoped|failed|intended|meant|threatened|promised|refused)\s+to\s+$")
""""Planned to kill", "tried to stop": a deed meant, not done."""

CAUSED_BEFORE = re.compile(r"\b(?:wanted|want|wants|had|have|has|got|get|saw|see|left|ordered|"
                           r"found)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+$")
""""Stalin wanted Ryutin executed": the name before the participle is what was done to."""


BY_AFTER = re.compile(r"\s+(?:(?:at first|at last|mainly|partly|first|later|chiefly)\s+)?by\b",
                      re.I)

PAST_VERB = re.compile(r"(?i)^(?:[a-z]+ed|" + "|".join(
    w for w in IRREGULAR if w.isalpha() and w not in ("his", "this", "us", "as", "news", "ppl",
                                                         "people", "men", "women", "children",
                                                         "wives", "armies", "countries", "gov",
                                                         "govt", "bc", "politburo", "deaths"))
    + r"|beat|put|cut|hit|set|spread|hurt|burst|cast)$")
"""A word in the past tense or a participle ("killed", "shot", "beaten"): a deed told, where a
noun of the same stem ("the rebels") names a thing."""


def is_agent(p: Passage, cand: Candidate, verbs: Sequence[tuple[int, int]]) -> bool:
    """True when the name is the doer of one of the verbs: its subject ("Henry defeated
    Richard", "the Yorkists, led by Edward, won"), the agent after a passive ("was beaten by
    Henry"), or whose the victory is ("a victory for Henry", "Henry's victory")."""
    for vs, ve in verbs:
        verb = p.text[vs:ve].lower()
        passive = is_passive(p, vs, ve)
        if cand.end <= vs:
            gap = p.text[cand.end:vs]
            if re.fullmatch(r"[’']s\s+", gap):
                return True  # "Henry's victory"
            if not passive and len(gap.split()) <= AGENT_WORDS and not AGENT_GAP.search(gap):
                return True
        elif cand.start >= ve:
            m = re.match(r"\s+(?:[\w,]+\s+){0,3}?(by|for)\s+(?:the\s+)?", p.text[ve:cand.start],
                         re.I)
            rest = p.text[ve + m.end():cand.start] if m else ""
            if rest and not TITLE_BEFORE.fullmatch(rest):
                continue  # "by the Mayor of London, William Walworth": the title's holder
            if m and ((m.group(1).lower() == "by" and passive)
                      or (m.group(1).lower() == "for" and verb.startswith(("victor", "triumph")))):
                return True  # "beaten by Henry", "a victory for Henry"
    return False


PLACE_PHRASE = re.compile(
    r"\b(?P<prep>" + "|".join(rules.PLACE_PREPOSITIONS) + r")\s+(?P<np>(?:(?:the|his|her|their|a"
    r"|an|its)\s+)?(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|[a-z][\w’'-]+(?:\s+(?!(?:in|at|on|and"
    r"|to|of|by|with|was|were|for|from|but|near|after|before|when|where|who|which|that)\b)"
    r"[a-z][\w’'-]+){0,2})"
    r"(?:\s+(?:in|of)\s+[A-Z][\w’'-]*)?)")
"""A place phrase after a verb: "in his office", "at the Smolny", "into Leningrad"."""


TIME_NOUN = re.compile(r"(?i)\b(?:day|days|night|morning|evening|afternoon|week|weeks|month|"
                      r"months|year|years|time|times|moment|summer|winter|spring|autumn|age|"
                      r"century|decade|period|reign|end|beginning|start|grounds|way|order|"
                      r"fact|case|addition|particular|response|return|total|general)$")
"""A phrase after "in/on/at" that is a time or a manner of speaking, not a place."""


PLACE_KIND_PRIOR = {"place": 0.9, "": 0.6, "org": 0.5, "group": 0.3, "person": 0.15}
"""How likely a name of each kind answers "where"."""


def places(p: Passage, anchors: Sequence[tuple[int, int]], is_asked: NameTest,
           common: frozenset[str] = frozenset(), named: bool = False) -> list[Candidate]:
    """Place phrases and place names, nearest the anchors, after a verb the question used.
    `named` questions ("what city …") want a name, not a phrase like "in his office"."""
    out = []
    last_anchor = max((e for _s, e in anchors), default=0)
    date_spans = [(t.start, t.end) for t in timex.tag(p.text)]
    for m in PLACE_PHRASE.finditer(p.text):
        np = m.group("np")
        lower = not np[:1].isupper()
        if is_asked(np) or _overlaps(m.start(), m.end(), date_spans) or np.lower() in STOPWORDS \
                or TIME_NOUN.search(np) or (lower and np.split()[0] not in DETERMINERS) \
                or (lower and m.group("prep") == "to"):
            continue  # "to obey …" is a purpose, "in time" is no place
        score = closeness(m.start(), m.end(), anchors, p.text)
        score *= 1.0 if m.start() >= last_anchor else 0.7
        if lower:  # "in the office" is a place; "in a bakery" less surely the one asked for
            score *= (0.4 if named else 0.7) * (0.8 if np.split()[0] in ("a", "an") else 1.0)
        out.append(Candidate(m.group(0), m.start(), m.end(), score))
    for start, end, name, kind in names(p, is_asked, common):
        prior = PLACE_KIND_PRIOR.get(kind, 0.5)
        out.append(Candidate(name, start, end, prior * closeness(start, end, anchors, p.text)))
    return sorted(out, key=lambda c: -c.score)


DETERMINERS = frozenset({"the", "his", "her", "their", "its", "a", "an", "our", "my"})


def clause_after(text: str, start: int) -> tuple[int, int]:
    """The clause of a note from `start` to the next clause end."""
    m = rules.CLAUSE_END.search(text, start)
    end = m.start() if m else len(text)
    return start, end


LEAD_IN = re.compile(r"^[\s:,\-–—]*(?:\([^)]{0,40}\)[\s:,\-–—]*)?(?:(?:for|to|that|as|was|were|"
                     r"is|are|be|being|by|of|with|called|known as|which|who)\b[\s:,\-–—]*)*",
                     re.I)
"""Words between the question's last word and the answer: "called for: …", "was …"."""


def reasons(p: Passage, anchors: Sequence[tuple[int, int]]) -> list[Candidate]:
    """The clause after a reason cue ("on the grounds that", "because"), cue left out."""
    out = []
    lowered = p.text.lower()
    for cue in rules.REASON_CUES:
        for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", lowered):
            s, e = clause_after(p.text, m.end())
            text = p.text[s:e].strip(" ,:-")
            if len(text.split()) < 2:
                continue
            out.append(Candidate(text, s, e, closeness(m.start(), m.end(), anchors, p.text)))
    return sorted(out, key=lambda c: -c.score)


LONG_CLAUSE = 20
"""Words over which a clause is cut at its first comma: the answer is rarely all of it."""


def description(p: Passage, anchors: Sequence[tuple[int, int]]) -> list[Candidate]:
    """What follows the question's words up to the clause end; else the clause before them."""
    if not anchors:
        return []
    last = max(e for _s, e in anchors)
    lead = LEAD_IN.match(p.text[last:])
    start = last + (lead.end() if lead else 0)
    s, e = clause_after(p.text, start)
    text = p.text[s:e].strip(" ,:-.")
    if len(text.split()) > LONG_CLAUSE:
        text = re.split(r",\s|\s\(", text, maxsplit=1)[0]  # a long clause: its first part
    if len(text.split()) >= 2:
        return [Candidate(text, s, s + len(text), 0.8)]
    first = min(s for s, _e in anchors)
    head = p.text[:first]
    cut = max(head.rfind(" - "), head.rfind(": "), head.rfind("; "))
    text = head[cut + 2 if cut >= 0 else 0:].strip(" ,:-.")
    if len(text.split()) >= 2:
        return [Candidate(text, first - len(head) + (cut + 2 if cut >= 0 else 0), first, 0.6)]
    return []


def _named_in(name: str, text: str) -> bool:
    """True when a spelling of `name` occurs in `text` (a quote rarely names its own speaker)."""
    words = [t.stem for t in tokenize(text)]
    return any(edit_distance(n.stem, w, 2) <= (2 if len(n.stem) >= 6 else 0)
               for n in tokenize(name) for w in words)


def quote_speakers(p: Passage, quote_start: int, quote_end: int) -> list[Candidate]:
    """Who said a quote: the analysis's speaker, else the subject of the clause before it."""
    quote = p.text[quote_start:quote_end]
    for m in p.of_kind("quote"):
        if m.value and m.start <= quote_start + 2 and quote_start <= m.end \
                and not _named_in(m.value, quote):
            return [Candidate(m.value, m.start, m.end, 1.0)]
    head = p.text[:quote_start]
    cut = max(head.rfind(" - "), head.rfind(". "), head.rfind("; "))
    found = [n for n in names(p, lambda _n: False)
             if cut < n[0] and n[1] <= quote_start and not _named_in(n[2], quote)]
    if found:
        s, e, name, _k = found[0]
        return [Candidate(name, s, e, 0.9)]
    after = [n for n in names(p, lambda _n: False)
             if n[0] >= quote_end and not _named_in(n[2], quote)]
    return [Candidate(after[0][2], after[0][0], after[0][1], 0.6)] if after else []


def anchor_spans(tokens: Sequence[Token], matched: set[str]) -> list[tuple[int, int]]:
    """Character spans of the passage words whose stems the question matched."""
    return [(t.start, t.end) for t in tokens if t.stem in matched]


CLOSED_CLASS = frozenset(
    "a an the this that these those its his her their our my your of in on at to for from by "
    "with as into onto upon over under about after before during between through and or but "
    "nor so yet is was were are be been being had has have do does did will would can could "
    "should may might must shall which who whom whose when where why how what it he she they "
    "we i you him them us not no also than then there here such very only just".split()
)
"""Function words: a noun phrase, roughly, is a run of words that are none of these."""

CHUNK = re.compile(r"[\w’'%$£€.-]+(?:\s+[\w’'%$£€.-]+)*")


def chunks(text: str) -> list[tuple[int, int]]:
    """Runs of content words between punctuation and function words: rough noun phrases."""
    out: list[tuple[int, int]] = []
    start = end = -1
    for m in re.finditer(r"[\w’'%$£€.-]+|[^\w\s]", text):
        word = m.group(0).strip(".")
        if not word or not (word[0].isalnum() or word[0] in "$£€") \
                or word.lower() in CLOSED_CLASS:
            if start >= 0:
                out.append((start, end))
            start = -1
            continue
        if start < 0:
            start = m.start()
        end = m.start() + len(m.group(0).rstrip("."))
    if start >= 0:
        out.append((start, end))
    return out


VERB_LIKE = re.compile(r"(?:ed|ing|ly|ate|ize|ise|ify)$|^(?:become|became|include|includes|made|"
                       r"make|took|take|gave|give|led|held|began|saw|came|went|got)$")
"""A lone word of these shapes is seldom the noun phrase a "what" question wants."""

HEAD_BONUS = 1.3
"""A phrase holding the word the question asks for ("which orbiter" → "… Orbiter") is likelier."""


def entity(p: Passage, anchors: Sequence[tuple[int, int]], is_asked: NameTest,
           head: Sequence[str] = (), common: frozenset[str] = frozenset()) -> list[Candidate]:
    """For "what/which X" questions: a name or a short noun phrase next to the question's
    words, never one made only of the question's words; holding X is a plus."""
    heads = set(head)
    others = [(s, e) for s, e in anchors if stem(p.text[s:e]) not in heads]
    found = []
    for s, e, n, _k in names(p, is_asked, common):
        if all(t.stem in heads for t in tokenize(n)):
            continue  # "What London neighbourhood …?" is not answered by "London"
        found.append(Candidate(n, s, e, 0.9 * closeness(s, e, anchors, p.text)))
    for s, e in chunks(p.text):
        if _overlaps(s, e, others) or e - s < 2:
            continue
        score = 0.8 * closeness(s, e, others, p.text)
        if " " not in p.text[s:e] and VERB_LIKE.search(p.text[s:e]):
            score *= 0.5  # "marked", "become": a verb, not a thing
        if heads & {t.stem for t in tokenize(p.text[s:e])}:
            if all(t.stem in heads for t in tokenize(p.text[s:e])):
                continue  # only the asked-for word itself
            score *= HEAD_BONUS
        found.append(Candidate(p.text[s:e], s, e, min(score, 1.0)))
    return sorted(found, key=lambda c: -c.score)


CLAUSE_START = re.compile(r"(?:\s-\s|;|:\s|\.\s)(?!.*(?:\s-\s|;|:\s|\.\s))", re.S)


DONE_TO = re.compile(r"\b(?:was|were|had been|got)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn|ung|ot)\b")
"""A passive verb: what was done to someone ("was killed", "were beaten", "was shot")."""

PRONOUN_START = re.compile(r"^\s*(?:he|she|they|it|his|her|their)\b", re.I)


def _clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in rules.CLAUSE_END.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def done_to(p: Passage, anchors: Sequence[tuple[int, int]]) -> Candidate | None:
    """The clause telling what was done to the asked-about: one holding the question's words,
    or going on about them with a pronoun ("Danton wanted … - he was guillotined …")."""
    about = False
    for s, e in _clauses(p.text):
        has = any(s <= a < e for a, _b in anchors)
        if DONE_TO.search(p.text[s:e]) and (has or (about and PRONOUN_START.match(p.text[s:e]))):
            text = p.text[s:e].strip(" ,:-.")
            return Candidate(text, s, e, 0.85)
        about = about or has
    return None


def clause_around(p: Passage, anchors: Sequence[tuple[int, int]]) -> list[Candidate]:
    """The clause holding the question's words: "what happened to X" → what the notes say of X,
    a clause telling what was done to X first."""
    if not anchors:
        return []
    fate = done_to(p, anchors)
    if fate is not None:
        return [fate]
    first = min(s for s, _e in anchors)
    m = CLAUSE_START.search(p.text[:first])
    start = m.end() if m else 0
    _s, end = clause_after(p.text, max(e for _s, e in anchors))
    text = p.text[start:end].strip(" ,:-.")
    asked = {stem(p.text[s:e]) for s, e in anchors}
    rest = [t for t in tokenize(text) if not t.is_stop and t.stem not in asked
            and t.text not in rules.NAME_SKIP]
    if len(rest) < 2:
        return description(p, anchors)  # "In May 1935 - 280,000 …": the clause after
    return [Candidate(text, start, end, 0.8)]


MANNER_WORDS = 8
"""Words of a "how did …" answer: the verb the question matched and what follows it."""


def manner(p: Passage, anchors: Sequence[tuple[int, int]]) -> list[Candidate]:
    """"How did X die?" → "shot in his office": from the matched verb to the clause end."""
    verbs = sorted((s, e) for s, e in anchors if not p.text[s:s + 1].isupper())
    told = [(s, e) for s, e in verbs if not NOUN_BEFORE.search(p.text[max(0, s - 8):s])]
    if not verbs:
        return description(p, anchors)
    start, verb_end = (told or verbs)[0]
    _s, end = clause_after(p.text, verb_end)
    words = re.split(r"[,;]", p.text[start:end])[0].split()[:MANNER_WORDS]
    text = " ".join(words).strip(" ,:-.")
    score = 0.8 if told else 0.4  # "the murder of Kirov" names the event, it does not tell it
    return [Candidate(text, start, start + len(text), score)] if text else []


NOUN_BEFORE = re.compile(r"(?i)\b(?:the|a|an|his|her|their|its)\s+$")
