"""Names in one parsed clause: spaCy's entities trimmed of junk, organisation phrases, and
capitalised proper nouns spaCy left untagged; things named after a person are left out."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from askwinston.analysis import entity_rules as rules
from askwinston.analysis.segments import Segment


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


def _place_of(ent: SpacySpan) -> list[Token] | None:
    """The place in "the Battle of Wakefield" or "the Treaty of Kanagawa", if the entity is one."""
    words = list(ent)
    for i, tok in enumerate(words[:-2]):
        if tok.lower_ in rules.PLACE_OF_NOUNS and words[i + 1].lower_ == "of":
            rest = [t for t in words[i + 2:] if t.pos_ == "PROPN"]
            return rest if rest and rest[0].i == words[i + 2].i else None
    return None


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
    phrase = [t for t in toks if t.i >= start]
    while len(phrase) > 1 and phrase[0].dep_ == "amod" and phrase[0].is_lower:
        phrase = phrase[1:]  # "the new government", "a weakened army": description, not name
    return phrase


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


def name_tokens(segment: Segment) -> list[tuple[list[Token], str]]:
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
        place = _place_of(ent)
        if place:  # "the Battle of Wakefield": the battle is named after the place
            out.append((place, ""))
            used.update(t.i for t in ent)
            continue
        if ent.label_ in rules.NOT_NAME_LABELS or any(t.pos_ in ("VERB", "AUX") for t in ent):
            used.update(t.i for t in ent)  # "Wars of the Roses", "Henry spared Simnel"
            continue
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
    joined = _join_hyphenated(sorted(out, key=lambda x: x[0][0].i))
    return [(t, lab) for t, lab in joined if not _named_after(t)]


def _join_hyphenated(names: list[tuple[list[Token], str]]) -> list[tuple[list[Token], str]]:
    """ "Austria-Hungary": two names joined by a hyphen with no spaces are one name."""
    out: list[tuple[list[Token], str]] = []
    for toks, label in names:
        if out:
            prev, prev_label = out[-1]
            gap = toks[0].i - prev[-1].i
            hyphen = prev[-1].nbor(1) if gap == 2 else None
            if (hyphen is not None and hyphen.text in ("-", "–") and not prev[-1].whitespace_
                    and not hyphen.whitespace_):
                out[-1] = ([*prev, hyphen, *toks], prev_label or label)
                continue
        out.append((toks, label))
    return out
