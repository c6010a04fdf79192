"""Evidence for what kind of thing a name is, from the words around it, and how it is counted.

Each clue is a (kind, reason) pair weighted by `entity_rules.WEIGHTS`: spaCy's label, a title, a
role apposition or copula, the verb a name is the subject or patient of, a possessive role noun,
a place preposition, an organisation head word, a group suffix, an article before it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from spacy.tokens import Token

from askwinston.analysis import entity_rules as rules

KINDS = ("person", "org", "place", "group")
"""Order of preference when evidence is tied."""


def governor(tok: Token) -> Token:
    """The first conjunct: "Kamenev and Zinoviev were…" gives Zinoviev Kamenev's verb."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_causative_patient(tok: Token) -> bool:
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


def shared_verbs(verb: Token) -> list[Token]:
    """A verb and the verbs conjoined to it that have no subject of their own
    ("was attacked … and died": both are said of the same subject)."""
    return [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                    and not any(g.dep_.startswith("nsubj") for g in c.children))]


def _subject_evidence(verb: Token, dep: str) -> list[tuple[str, str]]:
    """What the verbs said of a subject tell about it: the strongest clue counts."""
    passive = dep == "nsubjpass"
    clues = []
    for v in shared_verbs(verb):
        is_passive = passive if v is verb else any(c.dep_ == "auxpass" for c in v.children) or (
            passive and v.tag_ == "VBN")
        if is_passive and v.lemma_ in rules.PATIENT_VERBS:
            clues.append(("person", "patient"))
        elif not is_passive and v.lemma_ in rules.HUMAN_VERBS:
            clues.append(("person", "human_subject"))
        elif not is_passive and v.lemma_ in rules.ACTION_VERBS:
            clues.append(("person", "agent"))
    return sorted(clues, key=lambda c: -rules.WEIGHTS[c[1]])[:1]


def copula_role(head: Token) -> Token | None:
    """ "Rytov was head of a party committee": the attribute of a copula with this subject."""
    gov = governor(head)
    if gov.dep_ != "nsubj" or gov.head.lemma_ != "be":
        return None
    return next((c for c in gov.head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")),
                None)


def role_apposition(child: Token) -> bool:
    """ "Yagoda, the head of the NKVD" states a role; "Henry VI, his queen Margaret" names
    someone else (a possessive or a name inside the apposition)."""
    return (child.dep_ == "appos" and child.lemma_.lower() in rules.ROLE_WORDS
            and not any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in child.children))


def syntax_evidence(head: Token) -> tuple[list[tuple[str, str]], str]:
    """Evidence from the name's place in the tree, and whether it is a subject or object."""
    gov = governor(head)
    verb = gov.head
    dep = gov.dep_
    ev: list[tuple[str, str]] = []
    ev.extend(_coordination_evidence(head))
    if is_causative_patient(gov):
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
        elif prep.lower_ == "of" and prep.head.lower_ in rules.PLACE_OF_NOUNS:
            ev.append(("place", "place_of"))
        elif prep.dep_ == "agent":
            strong = prep.head.lemma_ in rules.PATIENT_VERBS
            ev.append(("person", "human_subject" if strong else "agent"))
        elif prep.lower_ in rules.PLACE_PREPOSITIONS:
            ev.append(("place", "place_preposition"))
    return ev, "other"


def shape_evidence(tokens: list[Token]) -> list[tuple[str, str]]:
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
        if role_apposition(child):
            ev.append(("person", "role"))
    if copula_role(head) is not None:
        ev.append(("person", "role"))
    return ev


def evidence_scores(evidence: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Votes for each kind from the clues of one mention."""
    scores: dict[str, float] = defaultdict(float)
    for kind, reason in evidence:
        scores[kind] += rules.WEIGHTS[reason]
        if reason not in rules.LABEL_REASONS:
            scores[kind] += rules.TIE_BREAK  # on a tie, what the notes say beats spaCy's label
    return scores


def local_kind(evidence: list[tuple[str, str]]) -> str:
    """The kind one mention's own clues point to."""
    scores = evidence_scores(evidence)
    return max(KINDS, key=lambda k: (scores.get(k, 0.0), -KINDS.index(k)))


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


def label_evidence(label: str) -> list[tuple[str, str]]:
    kind = rules.KIND_OF_LABEL.get(label.rstrip("~"))
    if kind is None:
        return []
    if label.endswith("~"):
        return [(kind, "trimmed_label")]
    return [(kind, "place_label" if kind == "place" else "label")]


def clearly_person(evidence: list[tuple[str, str]]) -> bool:
    """Person by the words around it (a title, a role, a verb), not by spaCy's label alone."""
    return local_kind(evidence) == "person" and any(
        k == "person" and r not in rules.LABEL_REASONS and rules.WEIGHTS[r] > 0
        for k, r in evidence)
