"""People, organisations, places and groups: spaCy NER plus evidence voted across the notes.

Per sentence (`sentence_candidates`) every name gets evidence from its own clause: spaCy's label,
a title before it, an apposition or copula with a role word, the verb it is the subject or patient
of, a possessive role noun, a place preposition, an organisation head word or a group suffix.
Across the notes (`resolve`) the evidence of all mentions of a name is summed, so one name keeps
one kind; surnames join the full name used elsewhere; misspellings of one surname are merged and
reported as variants; and every later occurrence of a known name becomes a mention.

The pieces: `entity_names` finds names in a clause, `entity_evidence` weighs the clues,
`entity_facts` reads roles and fates, `names` compares spellings; the rules are data in
`entity_rules`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from askwinston.analysis import entity_rules as rules
from askwinston.analysis.entity_evidence import (
    KINDS,
    clearly_person,
    cluster_scores,
    label_evidence,
    local_kind,
    shape_evidence,
    syntax_evidence,
)
from askwinston.analysis.entity_facts import name_facts, pronoun_facts, span_of
from askwinston.analysis.entity_names import name_tokens
from askwinston.analysis.names import (
    are_variants,
    canonical_spelling,
    strip_possessive,
    surname,
)
from askwinston.analysis.segments import Segment
from askwinston.model import Entity, Fact, LineKind, Mention, Notes, Sentence, Span, stable_id


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


# ---------------------------------------------------------------- one sentence


def _antecedent(pron: Token, drafts: list[_Draft], segment: Segment) -> _Draft | None:
    """The name a singular pronoun stands for: the last subject for "he", object for "him"."""
    pos = segment.offset + pron.idx
    earlier = [d for d in drafts
               if d.segment.offset + d.head.idx < pos and local_kind(d.evidence) == "person"]
    want = "subject" if pron.lower_ in rules.SUBJECT_PRONOUNS else "object"
    same = [d for d in earlier if d.role == want]
    if same:
        return same[-1]
    return earlier[-1] if earlier and want == "object" else None


def sentence_candidates(sentence: Sentence, segments: list[Segment]) -> list[Candidate]:
    """Names of one sentence with their evidence, roles and fates, spans into the source."""
    drafts: list[_Draft] = []
    for segment in segments:
        for tokens, label in name_tokens(segment):
            ev, role = syntax_evidence(tokens[-1])
            draft = _Draft(tokens, segment, label, label_evidence(label) + ev, [], role)
            draft.evidence.extend(shape_evidence(tokens))
            draft.facts.extend(name_facts(tokens[-1], segment, sentence))
            if all(t.lower_.rstrip(".") in rules.TITLES for t in tokens):
                continue  # "the Duke", "Lord Protector": a title standing alone names no one
            if segment.label and not clearly_person(draft.evidence):
                continue  # "The Rytov Platform:", "Iwakura Mission:": labels name topics
            drafts.append(draft)
    for segment in segments:
        for pron, facts in pronoun_facts(segment, sentence):
            target = _antecedent(pron, drafts, segment)
            if target is not None:
                target.facts.extend(facts)
    return [_freeze(d, sentence) for d in drafts]


def _freeze(d: _Draft, sentence: Sentence) -> Candidate:
    first, last = d.tokens[0].i, d.tokens[-1].i
    text = strip_possessive(d.segment.doc[first:last + 1].text)  # as written: "Austria-Hungary"
    span = span_of(d.tokens, d.segment, sentence)
    partners = tuple((strip_possessive(t.text), t.ent_type_) for t in d.head.conjuncts
                     if t.pos_ == "PROPN")
    return Candidate(text, local_kind(d.evidence), span, sentence.id,
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


def _variant_pairs(people: list[str]) -> Iterable[tuple[str, str]]:
    """Pairs of names that are spellings of one name. Only names whose surnames share a first
    letter, or differ by a dropped first letter, are compared, so the work grows gently."""
    buckets: dict[str, list[str]] = defaultdict(list)
    for k in people:
        last = surname(k)
        buckets[last[:1]].append(k)
        if len(last) > 1:
            buckets[last[1:2]].append(k)  # "yezhov" may be "ezhov" with its Y dropped
    order = {k: i for i, k in enumerate(people)}
    seen: set[tuple[str, str]] = set()
    for names in buckets.values():
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                pair = (a, b) if order[a] < order[b] else (b, a)
                if pair not in seen and a != b and are_variants(a, b):
                    seen.add(pair)
                    yield pair


def _merge_variants(clusters: dict[str, _Cluster]) -> dict[str, list[str]]:
    """Misspellings of one surname become one cluster; returns canonical key → variant forms."""
    people = [k for k, cl in clusters.items() if cl.kind() == "person"]
    parent = {k: k for k in people}

    def find(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for a, b in _variant_pairs(people):
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


def _group_before(fact: Fact, here: list[Candidate]) -> list[Candidate]:
    """The people last named together as a subject ("Kamenev and Zinoviev were …") before a
    plural pronoun's fact (`here`: the candidates of the fact's section, in order)."""
    earlier = [c for c in here if c.span.start < fact.span.start]
    lead = next((c for c in reversed(earlier)
                 if c.role == "subject" and c.partners and c.kind == "person"), None)
    if lead is None:
        return []
    names = {lead.text, *(p for p, _ in lead.partners)}
    return [c for c in earlier if c.sentence_id == lead.sentence_id and c.text in names]


def _with_plural_fates(notes: list[Notes], candidates: list[Candidate],
                       plural: list[Fact]) -> list[Candidate]:
    """Candidates with the fates of "they" given to the group they stand for."""
    if not plural:
        return candidates
    sections = {s.id: s.section_id for n in notes for s in n.sentences}
    by_section: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, c in enumerate(candidates):
        by_section[(c.span.source, sections.get(c.sentence_id))].append(i)
    extra: dict[int, list[Fact]] = defaultdict(list)
    for fact in plural:
        where = (fact.span.source, sections.get(fact.sentence_id or ""))
        here = by_section.get(where, [])
        group = {id(c) for c in _group_before(fact, [candidates[i] for i in here])}
        for i in here:
            if id(candidates[i]) in group:
                extra[i].append(fact)
    return [replace(c, facts=c.facts + tuple(extra[i])) if i in extra else c
            for i, c in enumerate(candidates)]


def resolve(notes: list[Notes], candidates: list[Candidate],
            plural_fates: list[Fact] | None = None) -> list[Entity]:
    """One entity per person, organisation, place or group, with kind voted across the notes
    (`plural_fates`: fates of "they", given to the people last named together)."""
    candidates = _with_plural_fates(notes, candidates, plural_fates or [])
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
