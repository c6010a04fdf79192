"""People, organisations, places and groups: spaCy NER plus evidence voted across the notes.

Per sentence (`sentence_candidates`) every name gets evidence from its own clause: spaCy's label,
a title before it, an apposition or copula with a role word, the verb it is the subject or patient
of, a possessive role noun, a place preposition, an organisation head word or a group suffix.
Across the notes (`resolve`) the evidence of all mentions of a name is summed, so one name keeps
one kind; surnames join the full name used elsewhere; misspellings of one surname are merged and
reported as variants; and every later occurrence of a known name becomes a mention.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from askwinston.analysis import entity_rules as rules
from askwinston.analysis.names import (
    are_variants,
    canonical_spelling,
    strip_possessive,
    surname,
)
from askwinston.analysis.segments import Segment
from askwinston.model import Entity, Fact, LineKind, Mention, Notes, Sentence, Span, stable_id

KINDS = ("person", "org", "place", "group")
"""Order of preference when evidence is tied."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A name found in one sentence, with the evidence for its kind, before names are merged."""

    text: str
    kind: str  # the kind this sentence alone suggests
    span: Span
    sentence_id: str
    label: str  # spaCy's label, "" when spaCy did not tag it
    evidence: tuple[tuple[str, str], ...] = ()  # (kind, reason) pairs, weighted by rules.WEIGHTS
    facts: tuple[Fact, ...] = ()
    role: str = "other"  # subject | object | other: for pronouns and quote speakers
    quoted: bool = False
    partners: tuple[tuple[str, str], ...] = ()  # (name, spaCy label) listed with this one


@dataclass
class _Draft:
    """A candidate while its sentence is still being read."""

    tokens: list[Token]
    segment: Segment
    label: str
    evidence: list[tuple[str, str]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    role: str = "other"

    @property
    def head(self) -> Token:
        return self.tokens[-1]


# ---------------------------------------------------------------- names in one clause


def _trim_ent(ent: SpacySpan) -> list[Token]:
    """Name tokens of a spaCy entity: no determiner, ordinal, possessive or what follows it."""
    toks: list[Token] = []
    for tok in ent:
        if tok.tag_ == "POS" or tok.dep_ == "case" or tok.text in ("'", "’"):
            break
        if toks and ent.label_ == "PERSON" and tok.is_lower and not _name_word(tok):
            break  # "Harold at Hastings": a name ends at a lower-case word
        toks.append(tok)
    while toks and (toks[0].lower_ in rules.NOT_NAMES or not toks[0].text[:1].isalpha()
                    or (toks[0].lower_.rstrip(".") in rules.TITLES and len(toks) > 1)):
        toks.pop(0)  # "General Ludendorff" is Ludendorff; the title stays as evidence
    while toks and not (toks[-1].text[:1].isupper() and toks[-1].is_alpha):
        toks.pop()
    return toks


def _name_word(tok: Token) -> bool:
    """Lower-case words that may sit inside a name: particles, and "the" of an epithet."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (tok.lower_ in rules.NAME_PARTICLES or tok.lower_ == "the") and bool(
        nxt is not None and nxt.is_title)


def _org_phrase(tok: Token) -> list[Token] | None:
    """ "party central committee", "Party congress", "politbureau", "the Army"."""
    if tok.lower_ not in rules.ORG_HEADS or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return None  # "a party committee": a kind of body, not a named one
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.is_alpha
            and c.ent_type_ not in ("DATE", "ORDINAL", "PERSON", "GPE", "NORP")]
    toks = [*left, tok]
    if tok.dep_ == "compound" and tok.head.lower_ in rules.ORG_HEADS:
        return None  # part of a longer organisation name
    start = tok.i
    for t in reversed(left):
        if t.i == start - 1:
            start = t.i
    return [t for t in toks if t.i >= start]


def _propn_runs(doc_tokens: Iterable[Token], used: set[int]) -> list[list[Token]]:
    """Runs of capitalised proper nouns spaCy left untagged ("Lominadze", "Molotov")."""
    runs: list[list[Token]] = []
    run: list[Token] = []
    for tok in doc_tokens:
        ok = (tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper()
              and tok.i not in used and tok.lower_ not in rules.NOT_NAMES
              and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"))
        regnal = tok.text in rules.REGNAL_NUMBERS and bool(run) and run[-1].i == tok.i - 1 and (
            tok.text != "I" or _titled(run[0]))
        if (ok or regnal) and run and run[-1].i == tok.i - 1:
            run.append(tok)
        elif ok:
            if run:
                runs.append(run)
            run = [tok]
    if run:
        runs.append(run)
    return [_untitled(r) for r in runs if _untitled(r)]


def _titled(tok: Token) -> bool:
    """Whether the token is a title ("King") or comes right after one."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return any(t is not None and t.lower_.rstrip(".") in rules.TITLES for t in (tok, before))


def _untitled(run: list[Token]) -> list[Token]:
    """A run of names without the titles in front ("Tsar Nicholas II" → "Nicholas II")."""
    while len(run) > 1 and run[0].lower_.rstrip(".") in rules.TITLES:
        run = run[1:]
    return run


def _named_after(tokens: list[Token]) -> bool:
    """ "the Rytov platform": a name used as a modifier of a noun is a thing named after it."""
    head = tokens[-1]
    first = tokens[0]
    if head.dep_ != "compound" or head.head.i <= head.i:
        return False
    return first.i > 0 and first.doc[first.i - 1].lower_ in ("the", "a", "an")


def _name_tokens(segment: Segment) -> list[tuple[list[Token], str]]:
    """Every name in a parsed clause with spaCy's label ("" if untagged or an org noun)."""
    doc = segment.doc
    used: set[int] = set()
    out: list[tuple[list[Token], str]] = []
    for tok in doc:
        phrase = _org_phrase(tok)
        if phrase:
            out.append((phrase, "ORG" if tok.ent_type_ == "ORG" else ""))
            used.update(t.i for t in phrase)
    for ent in doc.ents:
        if ent.label_ not in rules.KIND_OF_LABEL or any(t.i in used for t in ent):
            continue
        if ent.label_ == "NORP" and ent.root.pos_ == "ADJ":
            continue  # "Russian generals": an adjective, not a group
        toks = _trim_ent(ent)
        if toks:
            trimmed = toks[-1].i != ent[-1].i  # cut at the end: spaCy's span was wrong
            out.append((toks, ent.label_ + ("~" if trimmed else "")))
            used.update(t.i for t in ent)
    for run in _propn_runs(doc, used):
        out.append((run, ""))
    return [(t, lab) for t, lab in sorted(out, key=lambda x: x[0][0].i) if not _named_after(t)]


# ---------------------------------------------------------------- evidence


def _governor(tok: Token) -> Token:
    """The first conjunct: "Kamenev and Zinoviev were…" gives Zinoviev Kamenev's verb."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_causative_patient(tok: Token) -> bool:
    """ "had Rytov arrested": the subject of a participle under have/get is its patient."""
    verb = tok.head
    return (tok.dep_ == "nsubj" and verb.tag_ == "VBN"
            and verb.head.lemma_ in ("have", "get") and verb.head.i != verb.i)


def _coordination_evidence(head: Token) -> list[tuple[str, str]]:
    """ "Colchester, London and St Albans": names in a list share the kind spaCy gives the rest
    (only when spaCy labels the partner differently: the same label twice is one opinion)."""
    partners = [t for t in head.conjuncts
                if t.ent_type_ in rules.KIND_OF_LABEL and t.ent_type_ != head.ent_type_]
    kinds = {rules.KIND_OF_LABEL[t.ent_type_] for t in partners}
    return [(k, "coordinated") for k in sorted(kinds) if k != "group"]


def _shared_verbs(verb: Token) -> list[Token]:
    """A verb and the verbs conjoined to it that have no subject of their own
    ("was attacked … and died": both are said of the same subject)."""
    return [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                    and not any(g.dep_.startswith("nsubj") for g in c.children))]


def _subject_evidence(verb: Token, dep: str) -> list[tuple[str, str]]:
    """What the verbs said of a subject tell about it: the strongest clue counts."""
    passive = dep == "nsubjpass"
    clues = []
    for v in _shared_verbs(verb):
        is_passive = passive if v is verb else any(c.dep_ == "auxpass" for c in v.children) or (
            passive and v.tag_ == "VBN")
        if is_passive and v.lemma_ in rules.PATIENT_VERBS:
            clues.append(("person", "patient"))
        elif not is_passive and v.lemma_ in rules.HUMAN_VERBS:
            clues.append(("person", "human_subject"))
        elif not is_passive and v.lemma_ in rules.ACTION_VERBS:
            clues.append(("person", "agent"))
    return sorted(clues, key=lambda c: -rules.WEIGHTS[c[1]])[:1]


def _syntax_evidence(head: Token) -> tuple[list[tuple[str, str]], str]:
    """Evidence from the name's place in the tree, and whether it is a subject or object."""
    gov = _governor(head)
    verb = gov.head
    dep = gov.dep_
    ev: list[tuple[str, str]] = []
    ev.extend(_coordination_evidence(head))
    if _is_causative_patient(gov):
        ev.append(("person", "patient")) if verb.lemma_ in rules.PATIENT_VERBS else None
        return ev, "object"
    if dep in ("nsubj", "nsubjpass"):
        ev.extend(_subject_evidence(verb, dep))
        return ev, "subject"
    if dep in ("dobj", "compound") and (dep == "dobj" or verb.dep_ == "dobj"):
        v = verb if dep == "dobj" else verb.head
        if v.lemma_ in rules.PATIENT_VERBS:
            ev.append(("person", "patient"))
        return ev, "object"
    if dep == "poss" and verb.lower_ in rules.PERSON_OF_NOUNS:
        ev.append(("person", "person_noun"))
    if dep == "pobj":
        prep = verb
        if prep.lower_ == "of" and prep.head.lower_ in rules.PERSON_OF_NOUNS:
            ev.append(("person", "person_noun"))
        elif prep.dep_ == "agent":
            strong = prep.head.lemma_ in rules.PATIENT_VERBS
            ev.append(("person", "human_subject" if strong else "agent"))
        elif prep.lower_ in rules.PLACE_PREPOSITIONS:
            ev.append(("place", "place_preposition"))
    return ev, "other"


def _shape_evidence(tokens: list[Token]) -> list[tuple[str, str]]:
    """Evidence from the words themselves and the word before them."""
    head = tokens[-1]
    ev: list[tuple[str, str]] = []
    before = head.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is not None and before.lower_.rstrip(".") in rules.TITLES and before.is_title:
        ev.append(("person", "title"))
    elif before is not None and before.lower_ in rules.ROLE_WORDS and before.is_lower:
        ev.append(("person", "title"))  # "the governor Suetonius Paulinus"
    titled = any(r == "title" for _, r in ev)
    if not titled and ((before is not None and before.lower_ == "the") or any(
            c.dep_ == "det" and c.lower_ == "the" and c.i < tokens[0].i for c in head.children)):
        ev.append(("person", "determiner"))  # "from the Tyne": no article before a person
    if head.lower_ in rules.ORG_HEADS:
        ev.append(("org", "org_head"))
    if head.text in rules.REGNAL_NUMBERS and len(tokens) > 1:
        ev.append(("person", "title"))  # "Henry VII": a monarch's number
    elif head.is_upper and 2 <= len(head.text) <= 6 and head.is_alpha:
        ev.append(("org", "acronym"))
    if head.lower_ in rules.PARTY_NAMES:
        ev.append(("group", "party") if len(tokens) > 1 else ("org", "party"))
    elif head.text[:1].isupper() and head.lower_.endswith(rules.GROUP_SUFFIXES):
        ev.append(("group", "group_suffix"))
    elif head.tag_ == "NNPS" and head.lower_.endswith("s") and len(tokens) == 1:
        ev.append(("group", "plural_name"))  # "2,000 Normans died": a people, not a person
    for child in head.children:
        if child.dep_ == "appos" and child.lower_ in rules.REFLEXIVES:
            ev.append(("person", "reflexive"))
        if _role_apposition(child):
            ev.append(("person", "role"))
    if _copula_role(head) is not None:
        ev.append(("person", "role"))
    return ev


# ---------------------------------------------------------------- roles and fates


def _phrase(tokens: Iterable[Token]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if len(toks) > rules.MAX_FACT_WORDS:
        toks = toks[: rules.MAX_FACT_WORDS]
    text = "".join(t.text_with_ws for t in toks).strip(" ,.;:")
    return re.sub(r"\s+", " ", text)


def _copula_role(head: Token) -> Token | None:
    """ "Rytov was head of a party committee": the attribute of a copula with this subject."""
    gov = _governor(head)
    if gov.dep_ != "nsubj" or gov.head.lemma_ != "be":
        return None
    return next((c for c in gov.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")),
                None)


def _role_apposition(child: Token) -> bool:
    """ "Yagoda, the head of the NKVD" states a role; "Henry VI, his queen Margaret" names
    someone else (a possessive or a name inside the apposition)."""
    return (child.dep_ == "appos" and child.lemma_.lower() in rules.ROLE_WORDS
            and not any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in child.children))


def _role_tokens(head: Token) -> list[Token] | None:
    for child in head.children:
        if _role_apposition(child):
            return list(child.subtree)
    attr = _copula_role(head)
    return list(attr.subtree) if attr is not None else None


def _fate_verbs(tok: Token) -> list[Token]:
    """Fate verbs whose patient this token is, with conjoined verbs ("found … and imprisoned")."""
    gov = _governor(tok)
    verb = gov.head
    if verb.tag_ not in ("VBN", "VBD"):
        return []  # "a plot to murder Stalin": a plan, not what happened to him
    patient = gov.dep_ in ("nsubjpass", "dobj") or _is_causative_patient(gov)
    subject = gov.dep_ in ("nsubj", "nsubjpass")
    out = []
    for v in _shared_verbs(verb):
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


def _span_of(tokens: list[Token], segment: Segment, sentence: Sentence) -> Span:
    start = segment.start_of(tokens[0].i, sentence)
    last = tokens[-1]
    end = segment.start_of(last.i, sentence) + len(last.text)
    return Span(sentence.span.source, sentence.span.line, start, end)


def _facts(head: Token, segment: Segment, sentence: Sentence) -> list[Fact]:
    out = []
    role = _role_tokens(head)
    if role:
        toks = sorted(role, key=lambda t: t.i)
        out.append(Fact("role", _phrase(toks), _span_of(toks, segment, sentence), sentence.id))
    for verb in _fate_verbs(head):
        span = _span_of([verb], segment, sentence)
        out.append(Fact("fate", _fate_text(verb), span, sentence.id))
    return out


def _pronoun_facts(segment: Segment, sentence: Sentence) -> list[tuple[Token, list[Fact]]]:
    """Fates of "he"/"him" in a clause, to be given to the person the pronoun stands for."""
    out = []
    for tok in segment.doc:
        lower = tok.lower_
        if lower in rules.SUBJECT_PRONOUNS or lower in rules.OBJECT_PRONOUNS:
            facts = [Fact("fate", _fate_text(v), _span_of([v], segment, sentence), sentence.id)
                     for v in _fate_verbs(tok)]
            if facts:
                out.append((tok, facts))
    return out


# ---------------------------------------------------------------- one sentence


def _local_kind(evidence: list[tuple[str, str]], label: str) -> str:
    scores = _scores(evidence, label)
    return max(KINDS, key=lambda k: (scores.get(k, 0.0), -KINDS.index(k)))


def _scores(evidence: Iterable[tuple[str, str]], label: str = "") -> dict[str, float]:
    scores: dict[str, float] = defaultdict(float)
    for kind, reason in evidence:
        scores[kind] += rules.WEIGHTS[reason]
        if reason not in rules.LABEL_REASONS:
            scores[kind] += rules.TIE_BREAK  # on a tie, what the notes say beats spaCy's label
    return scores


def cluster_scores(evidence: list[tuple[tuple[str, str], ...]]) -> dict[str, float]:
    """Votes for the kind of a name from all its mentions.

    spaCy's labels of one string are one opinion repeated, so they count as their mean; weak
    clues ("agent", a place preposition, a list partner) count once; the rest add up.
    """
    scores: dict[str, float] = defaultdict(float)
    n = max(1, len(evidence))
    weak_seen: set[tuple[str, str]] = set()
    for mention in evidence:
        for kind, reason in mention:
            weight = rules.WEIGHTS[reason]
            if reason in rules.LABEL_REASONS:
                scores[kind] += weight / n
                continue
            if reason in rules.WEAK_REASONS:
                if (kind, reason) in weak_seen:
                    continue
                weak_seen.add((kind, reason))
            scores[kind] += weight + rules.TIE_BREAK
    return scores


def _label_evidence(label: str) -> list[tuple[str, str]]:
    kind = rules.KIND_OF_LABEL.get(label.rstrip("~"))
    if kind is None:
        return []
    if label.endswith("~"):
        return [(kind, "trimmed_label")]
    return [(kind, "place_label" if kind == "place" else "label")]


def _clearly_person(evidence: list[tuple[str, str]]) -> bool:
    """Person by the words around it (a title, a role, a verb), not by spaCy's label alone."""
    return _local_kind(evidence, "") == "person" and any(
        k == "person" and r not in rules.LABEL_REASONS and rules.WEIGHTS[r] > 0
        for k, r in evidence)


def _antecedent(pron: Token, drafts: list[_Draft], segment: Segment) -> _Draft | None:
    """The name a singular pronoun stands for: the last subject for "he", object for "him"."""
    pos = segment.offset + pron.idx
    earlier = [d for d in drafts
               if d.segment.offset + d.head.idx < pos and _local_kind(d.evidence, d.label)
               == "person"]
    want = "subject" if pron.lower_ in rules.SUBJECT_PRONOUNS else "object"
    same = [d for d in earlier if d.role == want]
    if same:
        return same[-1]
    return earlier[-1] if earlier and want == "object" else None


def sentence_candidates(sentence: Sentence, segments: list[Segment]) -> list[Candidate]:
    """Names of one sentence with their evidence, roles and fates, spans into the source."""
    drafts: list[_Draft] = []
    for segment in segments:
        for tokens, label in _name_tokens(segment):
            ev, role = _syntax_evidence(tokens[-1])
            draft = _Draft(tokens, segment, label, _label_evidence(label) + ev, [], role)
            draft.evidence.extend(_shape_evidence(tokens))
            draft.facts.extend(_facts(tokens[-1], segment, sentence))
            if all(t.lower_.rstrip(".") in rules.TITLES for t in tokens):
                continue  # "the Duke", "Lord Protector": a title standing alone names no one
            if segment.label and not _clearly_person(draft.evidence):
                continue  # "The Rytov Platform:", "Iwakura Mission:": labels name topics
            drafts.append(draft)
    for segment in segments:
        for pron, facts in _pronoun_facts(segment, sentence):
            target = _antecedent(pron, drafts, segment)
            if target is not None:
                target.facts.extend(facts)
    return [_freeze(d, sentence) for d in drafts]


def _freeze(d: _Draft, sentence: Sentence) -> Candidate:
    text = strip_possessive(" ".join(t.text for t in d.tokens))
    span = _span_of(d.tokens, d.segment, sentence)
    partners = tuple((strip_possessive(t.text), t.ent_type_) for t in d.head.conjuncts
                     if t.pos_ == "PROPN")
    return Candidate(text, _local_kind(d.evidence, d.label), span, sentence.id,
                     d.label.rstrip("~"), tuple(d.evidence), tuple(d.facts), d.role,
                     d.segment.quoted, partners)


# ---------------------------------------------------------------- across the notes


@dataclass
class _Cluster:
    """All candidates judged to be one entity."""

    cands: list[Candidate]
    forms: list[str]  # distinct spellings in order of first appearance
    extra: list[tuple[str, str]] = field(default_factory=list)  # evidence from other names

    def scores(self) -> dict[str, float]:
        scores = cluster_scores([c.evidence for c in self.cands])
        for kind, reason in self.extra:
            scores[kind] += rules.WEIGHTS[reason] + rules.TIE_BREAK
        return scores

    def kind(self) -> str:
        s = self.scores()
        return max(KINDS, key=lambda k: (s.get(k, 0.0), -KINDS.index(k)))

    def structural(self) -> bool:
        """Evidence that the name is an organisation or group by its very shape."""
        return any(r in ("org_head", "acronym", "party", "group_suffix")
                   for c in self.cands for _, r in c.evidence)

    def add(self, other: _Cluster) -> None:
        self.cands.extend(other.cands)
        self.extra.extend(other.extra)
        self.forms.extend(f for f in other.forms if f not in self.forms)


def _clusters(candidates: list[Candidate]) -> dict[str, _Cluster]:
    by_key: dict[str, _Cluster] = {}
    for c in candidates:
        key = c.text.lower()
        cl = by_key.setdefault(key, _Cluster([], []))
        cl.cands.append(c)
        if c.text not in cl.forms:
            cl.forms.append(c.text)
    return {k: v for k, v in by_key.items() if v.scores()}


def _listed_with_people(clusters: dict[str, _Cluster]) -> None:
    """A name listed with a person ("Kamenev and Zinoviev") is likely a person too, when spaCy
    gave both names the same label (if it told them apart, as in "Trotsky, Germany and Japan",
    the difference is trusted)."""
    kinds = {key: cl.kind() for key, cl in clusters.items()}
    for cl in clusters.values():
        same_label = {p.lower() for c in cl.cands for p, label in c.partners if label == c.label}
        if any(kinds.get(p) == "person" for p in same_label):
            cl.extra.append(("person", "listed_with"))


def _may_be_person(cl: _Cluster) -> bool:
    """Not an organisation or group by shape, and never written with an article ("the Tudor
    rose" names a thing after the family, it is not Henry Tudor)."""
    reasons = {r for c in cl.cands for _, r in c.evidence}
    return not cl.structural() and "determiner" not in reasons


def _link_surnames(clusters: dict[str, _Cluster]) -> None:
    """ "Kirov" joins "Sergie Kirov" when exactly one full name in the notes ends that way."""
    full: dict[str, list[str]] = defaultdict(list)
    for key, cl in clusters.items():
        if len(key.split()) > 1 and cl.kind() == "person":
            full[surname(key)].append(key)
    for key in list(clusters):
        owners = full.get(key, [])
        if len(key.split()) == 1 and len(owners) == 1 and _may_be_person(clusters[key]):
            clusters[owners[0]].add(clusters.pop(key))


def _merge_variants(clusters: dict[str, _Cluster]) -> dict[str, list[str]]:
    """Misspellings of one surname become one cluster; returns canonical key → variant forms."""
    people = [k for k, cl in clusters.items() if cl.kind() == "person"]
    parent = {k: k for k in people}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(people):
        for b in people[i + 1:]:
            if are_variants(a, b):
                parent[find(b)] = find(a)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in people:
        groups[find(k)].append(k)
    variants: dict[str, list[str]] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        firsts = {m: min(c.span.start for c in clusters[m].cands) for m in members}
        spellings = [clusters[m].forms[0] for m in members]
        best = canonical_spelling(spellings, [firsts[m] for m in members])
        best_key = best.lower()
        for m in members:
            if m != best_key:
                clusters[best_key].add(clusters.pop(m))
        variants[best_key] = [s for s in spellings if s != best]
    return variants


NAME_BOUNDARY = r"(?<![\w’'-])(?:{})(?![\w-])"
"""A known name as a whole word (a possessive ’s may follow)."""

Taken = dict[str, list[tuple[int, int]]]
"""Source key → character ranges already claimed by a name."""


def _named_after_at(text: str, start: int, end: int) -> bool:
    """ "the Rytov platform": a name after an article is a thing named after the person."""
    before = text[:start].rstrip().rsplit(" ", 1)[-1].lower()
    return before in ("the", "a", "an") and not text[end:].startswith(("'", "’"))


def _texts(notes: list[Notes]) -> Iterable[tuple[Span, str, str | None]]:
    """Every analysed text with its span: sentences, and the title and headings."""
    for n in notes:
        for nl in n.lines:
            if nl.kind in (LineKind.TITLE, LineKind.HEADING):
                line = nl.line
                yield Span(n.source.key, line.number, line.start, line.end), line.text, None
            elif nl.label:
                start = nl.line.start + nl.line.text.find(nl.label)
                end = start + len(nl.label)
                yield Span(n.source.key, nl.line.number, start, end), nl.label, None
        for s in n.sentences:
            yield s.span, s.text, s.id


def _forms(entities: list[Entity]) -> dict[str, Entity]:
    """Spellings of people and places that name exactly one entity."""
    owners: dict[str, list[Entity]] = defaultdict(list)
    for e in entities:
        if e.kind in ("person", "place"):
            for form in dict.fromkeys((e.name, *e.aliases)):
                owners[form].append(e)
    return {f: es[0] for f, es in owners.items() if len(es) == 1}


def _rescan(entities: list[Entity], notes: list[Notes], taken: Taken) -> None:
    """Mentions spaCy missed: other occurrences of a name already known to be an entity, outside
    the ranges any name already claims (so "William" is not found in "William Rufus")."""
    forms = _forms(entities)
    if not forms:
        return
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(NAME_BOUNDARY.format(alternation))
    for span, text, sid in _texts(notes):
        claimed = taken.setdefault(span.source, [])
        for m in pattern.finditer(text):
            start = span.start + m.start()
            if any(a <= start < b for a, b in claimed) or _named_after_at(text, m.start(),
                                                                          m.end()):
                continue
            claimed.append((start, start + len(m.group(0))))
            mention = Mention(Span(span.source, span.line, start, start + len(m.group(0))),
                              m.group(0), sid)
            forms[m.group(0)].mentions.append(mention)


def _entity(cl: _Cluster, variants: list[str]) -> Entity:
    kind = cl.kind()
    name = max(cl.forms, key=lambda f: (len(f.split()) if kind == "person" else 0,
                                        -cl.forms.index(f)))
    if variants:
        name = next(f for f in cl.forms if f not in variants and len(f.split()) == 1) \
            if len(name.split()) == 1 else name
    aliases = [f for f in cl.forms if f != name]
    if kind == "person" and len(name.split()) > 1:
        last = surname(name)
        if last != name and last not in aliases:
            aliases.append(last)
    mentions = [Mention(c.span, c.text, c.sentence_id) for c in cl.cands]
    facts: list[Fact] = []
    for c in sorted(cl.cands, key=lambda c: c.span.start):
        seen = {(g.kind, g.text) for g in facts}
        facts.extend(f for f in c.facts if (f.kind, f.text) not in seen)
    role = next((f.text for f in facts if f.kind == "role"), None)
    description = re.sub(r"^(the|a|an) ", "", role) if role else None
    return Entity(stable_id("entity", kind, name), name, kind, aliases, mentions, facts,
                  description, list(variants))


def resolve(notes: list[Notes], candidates: list[Candidate]) -> list[Entity]:
    """One entity per person, organisation, place or group, with kind voted across the notes."""
    clusters = _clusters(candidates)
    _listed_with_people(clusters)
    _link_surnames(clusters)
    variants = _merge_variants(clusters)
    taken: Taken = defaultdict(list)
    for c in candidates:
        taken[c.span.source].append((c.span.start, c.span.end))
    entities = [_entity(cl, variants.get(key, [])) for key, cl in clusters.items()]
    _rescan(entities, notes, taken)
    for e in entities:
        e.mentions.sort(key=lambda m: (m.span.source, m.span.start))
    return sorted(entities, key=lambda e: (e.kind, e.name))


def name_index(entities: list[Entity]) -> dict[str, Entity]:
    """Every spelling (name, alias, variant; any case) → its entity, for linking later results."""
    index: dict[str, Entity] = {}
    for e in entities:
        for form in (e.name, *e.aliases, *e.variants):
            index.setdefault(form.lower(), e)
    return index
